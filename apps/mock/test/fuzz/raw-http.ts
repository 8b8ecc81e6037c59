/**
 * One HTTP/1.1 exchange over a raw TCP socket, for requests no HTTP client would send (`*` as the
 * target, bytes no header may hold, lying lengths). Every exchange has its own deadline and ends by
 * itself: with the whole answer, with the server closing, with a socket error, or at the deadline.
 */
import { connect } from "node:net";

/** How an exchange ended. */
export type Ending = "complete" | "close" | "timeout" | `error:${string}`;

/** What came back. `status` is undefined when no status line arrived. */
export interface RawAnswer {
  ending: Ending;
  status: number | undefined;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/** How to send one exchange. */
export interface RawOptions {
  /** Give up after this long (the answer so far is kept). Default 5 s. */
  timeoutMs?: number;
  /** Half-close the socket once everything is written (a client that sends no more). */
  endAfterWrite?: boolean;
  /** The request is a HEAD: its answer has no body whatever its headers say. */
  head?: boolean;
}

/** Sends `chunks` (one write each) to 127.0.0.1:`port` and resolves with the answer; never rejects. */
export function rawExchange(
  port: number,
  chunks: readonly (string | Buffer)[],
  options: RawOptions = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const received: Buffer[] = [];
    let done = false;
    const finish = (ending: Ending) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ending, ...parseAnswer(Buffer.concat(received), options.head === true) });
    };
    const timer = setTimeout(() => finish("timeout"), options.timeoutMs ?? 5000);
    socket.on("data", (chunk) => {
      received.push(chunk);
      if (parseAnswer(Buffer.concat(received), options.head === true).complete) finish("complete");
    });
    socket.on("error", (error: NodeJS.ErrnoException) => finish(`error:${error.code ?? "unknown"}`));
    socket.on("close", () => finish("close"));
    socket.on("connect", () => {
      for (const chunk of chunks) if (!socket.destroyed) socket.write(chunk);
      if (options.endAfterWrite === true) socket.end();
    });
  });
}

interface Parsed {
  status: number | undefined;
  headers: Record<string, string>;
  body: Buffer;
  complete: boolean;
}

/** Reads the first final answer out of the bytes so far (interim 1xx answers are skipped). */
export function parseAnswer(bytes: Buffer, head: boolean): Parsed {
  let at = 0;
  for (;;) {
    const end = bytes.indexOf("\r\n\r\n", at);
    if (end === -1) return { status: undefined, headers: {}, body: Buffer.alloc(0), complete: false };
    const lines = bytes.subarray(at, end).toString("latin1").split("\r\n");
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? "")?.[1] ?? Number.NaN);
    if (Number.isNaN(status)) return { status: undefined, headers: {}, body: bytes.subarray(at), complete: false };
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      if (colon === -1) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const rest = bytes.subarray(end + 4);
    if (status >= 100 && status < 200) {
      at = end + 4;
      continue;
    }
    return { status, headers, ...bodyOf(rest, headers, head || status === 204 || status === 304) };
  }
}

function bodyOf(rest: Buffer, headers: Record<string, string>, none: boolean): { body: Buffer; complete: boolean } {
  if (none) return { body: Buffer.alloc(0), complete: true };
  if (headers["transfer-encoding"]?.toLowerCase().includes("chunked")) return dechunk(rest);
  const length = headers["content-length"];
  if (length !== undefined) {
    const size = Number(length);
    return { body: rest.subarray(0, size), complete: rest.length >= size };
  }
  // No length: the body runs to the close.
  return { body: rest, complete: false };
}

function dechunk(rest: Buffer): { body: Buffer; complete: boolean } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = rest.indexOf("\r\n", at);
    if (lineEnd === -1) return { body: Buffer.concat(parts), complete: false };
    const size = Number.parseInt(rest.subarray(at, lineEnd).toString("latin1"), 16);
    if (Number.isNaN(size)) return { body: Buffer.concat(parts), complete: false };
    if (size === 0) return { body: Buffer.concat(parts), complete: true };
    const start = lineEnd + 2;
    if (rest.length < start + size + 2) return { body: Buffer.concat(parts), complete: false };
    parts.push(rest.subarray(start, start + size));
    at = start + size + 2;
  }
}
