/**
 * What every command runs with: the output, the client (pointed at Zoho or at the demo mock), the
 * meter counting API calls, and the run's abort signal (Ctrl-C, --max-calls). `withSession` opens
 * it, runs the command, and closes it (the mock, the signal handlers) whatever happens.
 */
import {
  type ApiVersion,
  type AttachmentsClient,
  createAttachmentsClient,
  type ZohoLogEvent,
} from "@zcrm-attachments/client";
import { CliError } from "../output/exit-codes.js";
import { Output, type Sink } from "../output/output.js";
import { CallMeter } from "./call-meter.js";
import { connect } from "./connection.js";
import { DEMO_TOKEN, startDemoMock } from "./demo-mock.js";
import type { GlobalOptions } from "./global-options.js";
import { stopOnSignals } from "./interrupt.js";

/** The I/O a run uses: real process streams, or others in tests. */
export interface RunIo {
  stdout: Sink;
  stderr: Sink;
  env: NodeJS.ProcessEnv;
}

/** An open session. */
export interface Session {
  client: AttachmentsClient<ApiVersion>;
  output: Output;
  meter: CallMeter;
  /** Aborted by Ctrl-C, SIGTERM or a spent --max-calls budget; pass it to every call. */
  signal: AbortSignal;
  /** The controller behind `signal`. */
  stop: AbortController;
}

/** Options for opening a session. */
export interface SessionOptions {
  maxCalls?: number | undefined;
}

function logEvent(output: Output, event: ZohoLogEvent): void {
  if (event.type === "request")
    output.debug(`→ ${event.method} ${event.url}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ""}`);
  else if (event.type === "response")
    output.debug(`← ${event.status ?? event.failure} ${event.method} ${event.url} ${event.durationMs.toFixed(0)} ms`);
  else if (event.type === "retry") output.debug(`↻ retry in ${event.delayMs} ms: ${event.reason}`);
  else if (event.type === "refresh")
    output.debug(
      `token refresh at ${event.accountsServer}: ${event.outcome}${event.oauthError ? ` (${event.oauthError})` : ""}`,
    );
  else output.debug(`token store ${event.operation}: ${event.error}`);
}

/** Opens a session for `globals`, runs `body` in it, and closes it. */
export async function withSession<T>(
  globals: GlobalOptions,
  io: RunIo,
  options: SessionOptions,
  body: (session: Session) => Promise<T>,
): Promise<T> {
  const output = new Output(io.stdout, io.stderr, {
    json: globals.json === true,
    quiet: globals.quiet === true,
    verbose: globals.verbose === true,
  });
  const logger = output.verbose ? (event: ZohoLogEvent) => logEvent(output, event) : undefined;
  const meter = new CallMeter(options.maxCalls);
  const stop = new AbortController();
  meter.onSpent((reason) => stop.abort(reason));
  const stopListening = stopOnSignals(stop, () => output.note("Stopping… (press Ctrl-C again to quit at once)"));
  let closeMock: (() => Promise<void>) | undefined;
  try {
    let connection: { apiDomain: string; accessToken: string } | Awaited<ReturnType<typeof connect>>;
    if (globals.mock === true) {
      if (globals.apiDomain !== undefined || globals.dc !== undefined || globals.profile !== undefined) {
        throw new CliError("--mock runs against its own server: leave out --api-domain, --dc and --profile.");
      }
      const mock = await startDemoMock();
      closeMock = mock.close;
      output.debug(`mock listening on ${mock.url}`);
      connection = { apiDomain: mock.url, accessToken: DEMO_TOKEN };
    } else {
      connection = await connect(globals, io.env, logger);
      output.debug(`credentials: ${connection.source}`);
    }
    const location = "location" in connection ? connection.location : { apiDomain: connection.apiDomain };
    const apiVersion =
      "location" in connection ? connection.apiVersion : (globals.apiVersion as ApiVersion | undefined);
    const client = createAttachmentsClient({
      ...location,
      ...(apiVersion === undefined ? {} : { apiVersion }),
      accessToken: connection.accessToken,
      fetch: meter.wrap(globalThis.fetch),
      ...(globals.concurrency === undefined ? {} : { maxConcurrency: globals.concurrency }),
      ...(logger === undefined ? {} : { logger }),
    } as Parameters<typeof createAttachmentsClient>[0]) as unknown as AttachmentsClient<ApiVersion>;
    return await body({ client, output, meter, signal: stop.signal, stop });
  } finally {
    stopListening();
    await closeMock?.();
  }
}
