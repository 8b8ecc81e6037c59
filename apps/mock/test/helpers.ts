import { type IncomingHttpHeaders, request } from "node:http";
import type { Sleep } from "../src/index.js";

/** A sleep the mock calls and the test lets go, one call at a time: waiting without wall-clock time. */
export interface GatedSleep {
  sleep: Sleep;
  /** Resolves with the next sleep the mock asked for (already asked or still to come). */
  next(): Promise<{ ms: number; release: () => void }>;
  /** How many sleeps are asked for and not yet taken with next(). */
  pending(): number;
}

/** Creates a {@link GatedSleep}. */
export function gatedSleep(): GatedSleep {
  type Held = { ms: number; release: () => void };
  const held: Held[] = [];
  const waiters: ((held: Held) => void)[] = [];
  return {
    sleep: (ms) =>
      new Promise<void>((release) => {
        const entry = { ms, release: () => release() };
        const waiter = waiters.shift();
        if (waiter === undefined) held.push(entry);
        else waiter(entry);
      }),
    next: () => {
      const entry = held.shift();
      return entry === undefined ? new Promise<Held>((resolve) => waiters.push(resolve)) : Promise.resolve(entry);
    },
    pending: () => held.length,
  };
}

/** A response read with node:http, byte by byte as it arrives, and how it ended. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Bytes received so far. */
  body(): Buffer;
  /** Resolves once at least `bytes` body bytes have arrived (or the response has ended). */
  received(bytes: number): Promise<void>;
  /** Resolves when the response is over: complete or not, and the socket's error code (ECONNRESET on a TCP reset). */
  ended: Promise<{ complete: boolean; errorCode: string | undefined }>;
}

/** Sends one GET with node:http and resolves at the response headers. */
export function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let errorCode: string | undefined;
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let watchers: { bytes: number; resolve: () => void }[] = [];
      let over = false;
      const notify = () => {
        watchers = watchers.filter((w) => {
          if (size < w.bytes && !over) return true;
          w.resolve();
          return false;
        });
      };
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        notify();
      });
      // node:http reports any cut body as "aborted" here; the socket's own error below tells a RST apart.
      res.on("error", () => undefined);
      const ended = new Promise<{ complete: boolean; errorCode: string | undefined }>((done) => {
        res.on("close", () => {
          over = true;
          notify();
          // The socket's own error (ECONNRESET on a RST) arrives on the request.
          setImmediate(() => done({ complete: res.complete, errorCode }));
        });
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: () => Buffer.concat(chunks),
        received: (bytes) =>
          new Promise<void>((done) => (size >= bytes || over ? done() : watchers.push({ bytes, resolve: done }))),
        ended,
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      errorCode = error.code;
      reject(error);
    });
    req.end();
  });
}
