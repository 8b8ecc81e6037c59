/**
 * Faults that bend a response (hold its headers, dribble its body, cut it) sit between whoever
 * writes the response and the socket: this replaces `write`, `end` and `flushHeaders` of one
 * ServerResponse, queues what the handler writes and lets it out on the fault's terms. Any route,
 * JSON or streamed bytes, gets the same treatment without knowing faults exist.
 */
import type { ServerResponse } from "node:http";
import type { Sleep } from "../clock.js";

/** How one response is bent on its way out. */
export interface ResponseShape {
  /** Milliseconds to hold everything, headers included. */
  delay: number;
  /** Milliseconds between body pieces; 0 sends each write whole. */
  bodyDelay: number;
  /** Piece size in bytes when `bodyDelay` is set. */
  chunk: number;
  /** Cut the connection mid-body: "reset" with a TCP RST, "truncate" with a clean close. */
  cut: "reset" | "truncate" | undefined;
  /** Body bytes before the cut; default half the declared Content-Length (or of the first write). */
  after: number | undefined;
}

type Callback = (error?: Error | null) => void;

interface Pending {
  data: Buffer;
  callback: Callback | undefined;
  end: boolean;
}

// Time for the client to read the headers and first bytes before the RST, which makes the kernel
// drop whatever the client has not read yet. A real timer: the injected sleep may not wait at all.
const RESET_GRACE_MS = 20;
const EMPTY = Buffer.alloc(0);
const cutResponses = new WeakSet<ServerResponse>();

/** Whether a fault cut this response on purpose (its handler's later write errors are expected). */
export function wasCut(res: ServerResponse): boolean {
  return cutResponses.has(res);
}

/** Takes over the output of `res` so that it leaves as `shape` says. Call before anything is written. */
export function shapeResponse(res: ServerResponse, shape: ResponseShape, sleep: Sleep): void {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const flushHeaders = res.flushHeaders.bind(res);
  const queue: Pending[] = [];
  let running = false;
  let started = false;
  let finished = false;
  let bodySent = 0;
  let limit: number | undefined;

  function enqueue(chunk: unknown, encoding: unknown, callback: unknown, isEnd: boolean): void {
    const cb = typeof encoding === "function" ? encoding : typeof callback === "function" ? callback : undefined;
    const enc = typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8";
    queue.push({ data: toBuffer(chunk, enc), callback: cb as Callback | undefined, end: isEnd });
    pump().catch(() => res.destroy());
  }

  const interceptedWrite = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    enqueue(chunk, encoding, callback, false);
    // Always "slow down": the writer waits for the 'drain' the pump emits once the queue is out.
    return false;
  };
  const interceptedEnd = (chunk?: unknown, encoding?: unknown, callback?: unknown): ServerResponse => {
    if (typeof chunk === "function") enqueue(undefined, chunk, undefined, true);
    else enqueue(chunk, encoding, callback, true);
    return res;
  };
  Object.assign(res, { write: interceptedWrite, end: interceptedEnd, flushHeaders: () => undefined });

  async function pump(): Promise<void> {
    if (running) return;
    running = true;
    try {
      if (!started) {
        started = true;
        if (shape.delay > 0) await sleep(shape.delay);
      }
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        if (finished || res.destroyed) drop(item);
        else await deliver(item);
      }
      if (!finished && !res.destroyed) res.emit("drain");
    } finally {
      running = false;
    }
  }

  async function deliver(item: Pending): Promise<void> {
    if (shape.cut !== undefined) {
      limit ??= cutPoint(res, shape.after, item.data.length);
      const room = Math.max(0, limit - bodySent);
      // The cut falls in this write, or at the end at the latest: a cut fault always cuts.
      if (item.data.length > room || item.end) {
        await send(item.data.subarray(0, room));
        finished = true;
        cut(shape.cut);
        drop(item);
        return;
      }
    }
    await send(item.data);
    if (item.end) {
      finished = true;
      end(item.callback);
    } else {
      item.callback?.();
    }
  }

  async function send(data: Buffer): Promise<void> {
    if (shape.bodyDelay === 0) return writeOut(data);
    for (let at = 0; at < data.length && !res.destroyed; at += shape.chunk) {
      if (bodySent > 0) await sleep(shape.bodyDelay);
      await writeOut(data.subarray(at, at + shape.chunk));
    }
  }

  function writeOut(data: Buffer): Promise<void> {
    if (data.length === 0 || res.destroyed) return Promise.resolve();
    bodySent += data.length;
    return new Promise((resolve) => {
      const done = () => {
        res.off("close", done);
        resolve();
      };
      res.once("close", done);
      write(data, () => done());
    });
  }

  function cut(mode: "reset" | "truncate"): void {
    cutResponses.add(res);
    if (!res.headersSent) flushHeaders();
    const socket = res.socket;
    if (socket === null || socket.destroyed) return;
    if (mode === "truncate") socket.end(() => socket.destroy());
    else setTimeout(() => socket.resetAndDestroy(), RESET_GRACE_MS);
  }
}

function cutPoint(res: ServerResponse, after: number | undefined, firstWrite: number): number {
  const declared = Number(res.getHeader("content-length"));
  const total = Number.isFinite(declared) && declared > 0 ? declared : undefined;
  const point = after ?? Math.floor((total ?? firstWrite) / 2);
  // Never the whole body: a cut that sends everything would not be a fault.
  return total === undefined ? point : Math.min(point, total - 1);
}

function drop(item: Pending): void {
  const callback = item.callback;
  if (callback !== undefined) process.nextTick(callback, new Error("The mock cut this response (fault injection)."));
}

function toBuffer(chunk: unknown, encoding: BufferEncoding): Buffer {
  if (chunk === undefined || chunk === null) return EMPTY;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), encoding);
}
