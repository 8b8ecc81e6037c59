/**
 * What the mock writes when a request fails on its side: one line, never a stack unless the mock
 * runs verbose. A hostile client must not be able to flood the log, so a client that hangs up in
 * the middle of its own body is not logged at all (it is the client's doing, and nobody is left to
 * answer), and a line holds the error's first line only, cut to a fixed length. The request's
 * access token is blanked out of the line, in case an error message quotes a header.
 */
import type { IncomingMessage } from "node:http";

/** Writes one failure: where it happened, the error, and the request it happened to (for redaction). */
export type FailureLog = (where: string, error: unknown, req?: IncomingMessage) => void;

/** Where the lines go: stderr unless told otherwise (tests pass their own). */
export type LogSink = (line: string) => void;

/** How long a line's message may be; an exception can quote a whole header. */
const MAX_MESSAGE = 300;

/** Writes a line to stderr. */
export const stderrSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

/** Creates the failure log of one mock: one line per failure, plus the stack when `verbose`. */
export function createFailureLog(verbose: boolean, sink: LogSink = stderrSink): FailureLog {
  return (where, error, req) => {
    if (clientWentAway(error, req)) {
      if (verbose) sink(`zcrm-mock: ${where}: the client closed the connection before its request ended.`);
      return;
    }
    const name = error instanceof Error ? error.name : "Error";
    const message = error instanceof Error ? error.message : String(error);
    let line = `zcrm-mock: ${where} failed: ${name}: ${firstLine(message)}`;
    if (verbose && error instanceof Error && error.stack !== undefined) line += `\n${error.stack}`;
    sink(redact(line, req));
  };
}

/** Whether the failure is a request body that broke off because the client went away. */
export function clientWentAway(error: unknown, req?: IncomingMessage): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ECONNRESET" || code === "ERR_STREAM_PREMATURE_CLOSE" || code === "EPIPE") return true;
  // Node reports a body cut short as an Error whose message is "aborted".
  if (error instanceof Error && error.message === "aborted") return true;
  return req !== undefined && !req.complete && (req.destroyed || req.socket?.destroyed === true);
}

function firstLine(message: string): string {
  const line = message.split(/\r?\n/, 1)[0] ?? "";
  // Control characters from a request would break the log's lines or the terminal.
  const clean = line.replace(/[\u0000-\u001f\u007f]/g, "?");
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE)}…` : clean;
}

function redact(line: string, req?: IncomingMessage): string {
  const authorization = req?.headers.authorization;
  if (authorization === undefined) return line;
  const token = authorization.trim().split(/\s+/).at(-1) ?? "";
  // Short values would blank unrelated text; a real token is far longer.
  return token.length >= 8 ? line.split(token).join("[redacted]") : line;
}
