import { parseArgs } from "node:util";
import type { MockOptions } from "./server.js";

/** Usage text of `zcrm-mock`. */
export const USAGE = `Usage: zcrm-mock [--port N] [--host H] [--spec PATH]

Serves a mock of Zoho CRM's attachments API (default http://127.0.0.1:4010).

  --port N     port to listen on (also PORT=N; the flag wins; 0 = any free port)
  --host H     interface to bind (default 127.0.0.1)
  --spec PATH  a bundled OpenAPI document to serve instead of @zcrm-attachments/spec
  --help       show this text`;

/** What the command line asks for. */
export type CliRequest = { help: true } | { help: false; options: MockOptions };

/** Parses `zcrm-mock`'s arguments and the PORT variable; throws an Error with a readable message on bad input. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliRequest {
  // `pnpm mock -- --port N` hands the `--` on to the command; skip it rather than refuse.
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      spec: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help === true) return { help: true };
  const options: MockOptions = {};
  const port = values.port ?? env["PORT"];
  if (port !== undefined && port !== "") options.port = parsePort(port, values.port !== undefined ? "--port" : "PORT");
  if (values.host !== undefined) options.host = values.host;
  if (values.spec !== undefined) options.specPath = values.spec;
  return { help: false, options };
}

function parsePort(value: string, source: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new Error(`${source} must be a port number from 0 to 65535 (got "${value}").`);
  return port;
}
