/**
 * The `zcrm-mock` command line: flags and environment variables read into startMock's options,
 * each bad value refused with a message that says what to write instead.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { parseArmedFaults } from "../faults/fault-registry.js";
import { MAX_JOURNAL_LIMIT } from "../journal/request-journal.js";
import type { MockOptions } from "../mock-options.js";

/** The flags `zcrm-mock` takes, as `node:util` parseArgs reads them. */
export const CLI_OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  spec: { type: "string" },
  stateful: { type: "boolean" },
  seed: { type: "string" },
  "client-id": { type: "string" },
  "client-secret": { type: "string" },
  "refresh-token": { type: "string" },
  "token-ttl": { type: "string" },
  "legacy-token-units": { type: "boolean" },
  fault: { type: "string", multiple: true },
  "journal-limit": { type: "string" },
  verbose: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const satisfies ParseArgsConfig["options"];

/** Usage text of `zcrm-mock`: every flag, then examples that use each of them. */
export const USAGE = `Usage: zcrm-mock [--port N] [--host H] [--spec PATH] [--stateful [--seed FILE]] [token options] [--fault SPEC ...]

Serves a mock of Zoho CRM's attachments API (default http://127.0.0.1:4010), with Zoho's token
endpoint at /oauth/v2/token and control endpoints under /__zcrm-mock/. Ctrl+C stops it (exit 0).

  --port N              port to listen on (also PORT=N; the flag wins; 0 = any free port)
  --host H              interface to bind (default 127.0.0.1)
  --spec PATH           a bundled OpenAPI document to serve instead of @zcrm-attachments/spec
  --stateful            keep what is uploaded (bytes in a temp folder the mock removes on exit) and
                        answer lists, downloads and deletes from it
                        (also ZCRM_MOCK_STATEFUL=1; default: the spec's examples)
  --seed FILE           with --stateful: start from a HAR recording (a .har file, or HAR content) or a
                        JSON scenario; then answer statefully
  --client-id ID        client id the token endpoint accepts (also ZCRM_MOCK_CLIENT_ID; default 1000.MOCKCLIENT)
  --client-secret S     client secret it accepts (also ZCRM_MOCK_CLIENT_SECRET; default mock-client-secret)
  --refresh-token T     refresh token it accepts (also ZCRM_MOCK_REFRESH_TOKEN; default 1000.mock-refresh-token)
  --token-ttl SECONDS   lifetime of issued access tokens (also ZCRM_MOCK_TOKEN_TTL; default 3600)
  --legacy-token-units  answer expires_in in milliseconds plus expires_in_sec, like older Zoho servers
  --fault SPEC          arm a fault for the next matching requests, e.g. "unavailable;times=3" (repeatable)
  --journal-limit N     how many requests GET /__zcrm-mock/requests keeps, the oldest going first
                        (default 1000; 0 keeps none)
  --verbose             log each failed request with its stack (also ZCRM_MOCK_VERBOSE=1; default: one
                        line per failure, no stack)
  -h, --help            show this text
  --version             print the version of @zcrm-attachments/mock

Examples:
  zcrm-mock                                  the spec's examples on http://127.0.0.1:4010
  zcrm-mock --port 0                         any free port; the first line says which
  PORT=4020 zcrm-mock --stateful             uploads are kept, then listed, downloaded and deleted
  zcrm-mock --stateful --seed recorded.har   the records of a recording answer as recorded, then statefully
  zcrm-mock --host 0.0.0.0                   every interface, e.g. inside a container
  zcrm-mock --spec ./openapi.json            another bundled OpenAPI document
  zcrm-mock --fault "unavailable;times=3"    the next three API requests answer 503
  zcrm-mock --fault "rate-limit;retry-after=30" --fault "slow;delay=2000"
                                             a 429 with Retry-After: 30, then a 2-second answer
  zcrm-mock --client-id 1000.MINE --client-secret s3cret --refresh-token 1000.mine
                                             the token endpoint takes these credentials instead
                                             (ZCRM_MOCK_CLIENT_SECRET=… keeps a secret out of ps)
  zcrm-mock --token-ttl 60 --legacy-token-units
                                             tokens expire after a minute, answered in Zoho's older units
  zcrm-mock --stateful --verbose             a failure's stack on stderr, when the one-line log is not enough
  zcrm-mock --journal-limit 10000            the request journal keeps the last 10,000 requests
  pnpm mock -- --port 4020 --stateful        the same from a checkout of this repository`;

/** What the command line asks for: the usage text, the version, or a mock with these options. */
export type CliRequest = { help: true } | { help: false; version: true } | { help: false; options: MockOptions };

/** Parses `zcrm-mock`'s arguments and the PORT variable; throws an Error with a readable message on bad input. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliRequest {
  // `pnpm mock -- --port N` hands the `--` on to the command; skip it rather than refuse.
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  const { values } = parseArgs({ args, options: CLI_OPTIONS, strict: true });
  if (values.help === true) return { help: true };
  if (values.version === true) return { help: false, version: true };
  const options: MockOptions = {};
  const port = values.port ?? env.PORT;
  if (port !== undefined && port !== "") options.port = parsePort(port, values.port !== undefined ? "--port" : "PORT");
  if (values.host !== undefined) options.host = values.host;
  if (values.spec !== undefined) options.specPath = values.spec;
  if (values.stateful === true || parseSwitch(env.ZCRM_MOCK_STATEFUL, "ZCRM_MOCK_STATEFUL")) options.stateful = true;
  if (values.seed !== undefined) {
    if (options.stateful !== true)
      throw new Error("--seed needs --stateful (or ZCRM_MOCK_STATEFUL=1): a seed fills the stateful store.");
    if (values.seed === "") throw new Error("--seed must name a file.");
    options.seed = values.seed;
  }
  // Secrets are better passed through the environment than on a command line others can read.
  const clientId = flagOrEnv(values["client-id"], env.ZCRM_MOCK_CLIENT_ID, "--client-id");
  const clientSecret = flagOrEnv(values["client-secret"], env.ZCRM_MOCK_CLIENT_SECRET, "--client-secret");
  const refreshToken = flagOrEnv(values["refresh-token"], env.ZCRM_MOCK_REFRESH_TOKEN, "--refresh-token");
  if (clientId !== undefined) options.clientId = clientId;
  if (clientSecret !== undefined) options.clientSecret = clientSecret;
  if (refreshToken !== undefined) options.refreshToken = refreshToken;
  const ttl = values["token-ttl"] ?? env.ZCRM_MOCK_TOKEN_TTL;
  if (ttl !== undefined && ttl !== "")
    options.tokenTtlSeconds = parseTtl(ttl, values["token-ttl"] !== undefined ? "--token-ttl" : "ZCRM_MOCK_TOKEN_TTL");
  if (values["legacy-token-units"] === true) options.legacyTokenUnits = true;
  if (values.verbose === true || parseSwitch(env.ZCRM_MOCK_VERBOSE, "ZCRM_MOCK_VERBOSE")) options.verbose = true;
  const journalLimit = values["journal-limit"];
  if (journalLimit !== undefined) options.journalLimit = parseCount(journalLimit, "--journal-limit");
  if (values.fault !== undefined) {
    parseArmedFaults(values.fault, "--fault"); // refuse a bad fault now, with usage, rather than at start-up
    options.faults = values.fault;
  }
  return { help: false, options };
}

function flagOrEnv(flag: string | undefined, variable: string | undefined, name: string): string | undefined {
  // An empty flag is a mistake; an empty variable counts as unset (`VAR= zcrm-mock`).
  if (flag === "") throw new Error(`${name} must not be empty.`);
  return flag ?? (variable === "" ? undefined : variable);
}

function parseSwitch(value: string | undefined, source: string): boolean {
  // Unset or empty is off; anything but the usual spellings is a mistake worth saying.
  if (value === undefined || value === "" || /^(0|false|no|off)$/i.test(value)) return false;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  throw new Error(`${source} must be 1 or 0 (got "${value}").`);
}

function parseTtl(value: string, source: string): number {
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 1 || !Number.isSafeInteger(seconds)) {
    throw new Error(`${source} must be a whole number of seconds, 1 or more (got "${value}").`);
  }
  return seconds;
}

function parseCount(value: string, source: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count > MAX_JOURNAL_LIMIT) {
    throw new Error(`${source} must be a whole number from 0 to ${MAX_JOURNAL_LIMIT} (got "${value}").`);
  }
  return count;
}

function parsePort(value: string, source: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new Error(`${source} must be a port number from 0 to 65535 (got "${value}").`);
  return port;
}
