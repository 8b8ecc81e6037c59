/**
 * `zcrm-contract proxy --target <url>`: the validating, recording reverse proxy as a command. It
 * listens until Ctrl-C or SIGTERM, printing each exchange's verdict as it completes; then it lets
 * the exchanges in flight end, closes the recording, prints the coverage and the totals, and
 * exits with the status of a run (0 all held, 1 a departure or coverage below --min-coverage).
 * What it says about itself (where it listens, that it stops) goes to standard error, so standard
 * output stays the reports'.
 */
import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { DEFAULT_PROXY_PORT } from "../proxy/proxy-options.js";
import { startProxy } from "../proxy/start-proxy.js";
import { exchangeFilter } from "../report/exchange-filter.js";
import { Redactor } from "../validator/redact.js";
import { asUsage, EXIT_VIOLATION } from "./exit-status.js";
import {
  baseDir,
  collect,
  finishOptions,
  type GlobalOptions,
  type ReportOptions,
  reportersFor,
  TOOL,
  withReportOptions,
} from "./shared-options.js";
import { type SpecOptions, validatorFor, withSpecOption } from "./spec-option.js";

interface ProxyCommandOptions extends ReportOptions, SpecOptions {
  target: string;
  port: number;
  record?: string;
  recordBodies?: boolean;
}

/** Adds the proxy command to the program; `done` receives its exit status. */
export function addProxyCommand(program: Command, done: (code: number) => void): void {
  const command = program
    .command("proxy")
    .summary("a reverse proxy that checks (and records) every exchange as it passes")
    .description(
      "Starts a reverse proxy on 127.0.0.1 that forwards every request to --target (a live org's API domain, or " +
        "the mock), checks each exchange against the contract as it passes (request and response) and prints " +
        "each verdict at once. Bodies stream through; a download or an upload of any size costs flat memory. " +
        "With --record, every exchange is also written to a HAR 1.2 file that `zcrm-contract validate` and " +
        "`zcrm-mock --stateful --seed` read back, secrets redacted. Ctrl-C (or SIGTERM) stops it and prints " +
        "the coverage and the totals.",
    )
    .requiredOption("--target <url>", "where to forward: https://www.zohoapis.com (or .eu, .in, …), or the mock's URL")
    .option("--port <port>", "port on 127.0.0.1 to listen on (0 picks a free one)", port, DEFAULT_PROXY_PORT)
    .option("--record <file>", "write every exchange to this HAR 1.2 file, redacted")
    .option("--record-bodies", "keep file bodies in the recording (base64), not only their size and SHA-256")
    .option("--include <pattern>", "judge only exchanges whose host or path (/crm/v8/**) matches; repeatable", collect)
    .option(
      "--exclude <pattern>",
      "forward but do not judge exchanges whose host or path matches; repeatable",
      collect,
    );
  withSpecOption(withReportOptions(command)).addHelpText(
    "after",
    `
Examples:
  $ zcrm-contract proxy --target http://127.0.0.1:4010
  $ zcrm-contract proxy --target https://www.zohoapis.eu --record traffic.har
  $ zcrm-contract proxy --target https://www.zohoapis.com --port 0 --record out.har --record-bodies --reporter junit=proxy.xml`,
  );
  command.action(async (options: ProxyCommandOptions, self: Command) => {
    done(await proxy(options, self.optsWithGlobals<GlobalOptions & ProxyCommandOptions>()));
  });
}

async function proxy(options: ProxyCommandOptions, globals: GlobalOptions): Promise<number> {
  const cwd = baseDir(globals);
  const filter = await asUsage(() =>
    exchangeFilter({ include: options.include ?? [], exclude: options.exclude ?? [] }),
  );
  const validator = validatorFor(options, cwd);
  const redactor = new Redactor();
  const reporters = reportersFor(options, globals, redactor);
  const record = options.record === undefined ? undefined : resolve(cwd, options.record);
  if (options.recordBodies && record === undefined)
    await asUsage(() =>
      Promise.reject(new Error("--record-bodies keeps bodies in the recording: give --record <file> too")),
    );
  const server = await asUsage(() =>
    startProxy({
      target: options.target,
      port: options.port,
      reporters,
      redactor,
      filter,
      validator,
      ...(record ? { record, recordBodies: options.recordBodies === true } : {}),
    }),
  );
  const say = (text: string) => process.stderr.write(`${TOOL.name} proxy: ${text}\n`);
  say(
    `listening on ${server.url}, forwarding to ${server.target}${record ? `, recording to ${record}` : ""}. ` +
      "Ctrl-C stops it and prints the coverage.",
  );
  void warnIfUnreachable(server.target, say);
  await new Promise<void>((stop) => {
    process.once("SIGINT", () => stop());
    process.once("SIGTERM", () => stop());
  });
  // A second Ctrl-C does not wait for the exchanges still in flight.
  const force = () => {
    say("stopped without waiting: the recording is incomplete");
    process.exit(EXIT_VIOLATION);
  };
  process.once("SIGINT", force).once("SIGTERM", force);
  say("stopping: letting the exchanges in flight end (Ctrl-C again to quit at once)");
  const result = await server.close(finishOptions(options));
  process.off("SIGINT", force).off("SIGTERM", force);
  const recorded = server.recording ? `; ${server.recording.entries} entries recorded to ${server.recording.path}` : "";
  const judged = result.totals.total;
  say(`stopped after ${judged} judged exchange${judged === 1 ? "" : "s"}${recorded}; exit status ${result.exitCode}`);
  return result.exitCode;
}

/** Says, without stopping, that the target does not answer (yet): requests would get a 502. */
async function warnIfUnreachable(target: string, say: (text: string) => void): Promise<void> {
  try {
    const answer = await fetch(target, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
    await answer.body?.cancel();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    say(`warning: ${target} does not answer (${cause}); requests get a 502 from the proxy until it does`);
  }
}

function port(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number > 65_535)
    throw new InvalidArgumentError("give a port from 0 to 65535 (0 picks a free one).");
  return number;
}
