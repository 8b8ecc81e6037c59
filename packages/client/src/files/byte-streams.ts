/**
 * Small web-stream adapters used by file sources and multipart bodies. All are pull-based with a
 * high-water mark of 0: a chunk is read only when the consumer (fetch's socket writer) asks for one,
 * so memory stays at one chunk whatever the file size. Cancelling the outer stream cancels the inner
 * one, which closes file descriptors and destroys Node streams.
 */

/** Largest chunk handed on; form-data-encoder re-slices bigger chunks and gets views with an offset wrong. */
export const MAX_CHUNK_BYTES = 64 * 1024;

const noQueue = { highWaterMark: 0 };

/** Streams a byte array as views of at most MAX_CHUNK_BYTES (no copies). */
export function bytesToStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.byteLength) {
          controller.close();
          return;
        }
        const end = Math.min(offset + MAX_CHUNK_BYTES, bytes.byteLength);
        controller.enqueue(bytes.subarray(offset, end));
        offset = end;
      },
    },
    noQueue,
  );
}

/** Turns whatever a stream yielded into bytes, or says what it was. */
export function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  throw new TypeError(`A file stream must yield bytes (Uint8Array), but it yielded ${typeof chunk}.`);
}

/**
 * Wraps a Node Readable (or anything async-iterable) as a pull-based web stream. Chosen over
 * Readable.toWeb so a read happens only on demand; `close` runs on cancel (e.g. destroy the source).
 */
export function iterableToStream(
  iterable: AsyncIterable<unknown>,
  close: (reason: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<unknown> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= iterable[Symbol.asyncIterator]();
        const next = await iterator.next();
        if (next.done === true) controller.close();
        else controller.enqueue(toBytes(next.value));
      },
      async cancel(reason) {
        close(reason);
        await iterator?.return?.();
      },
    },
    noQueue,
  );
}

/** Facts a guard checks while bytes flow, and the errors it raises. */
export interface StreamGuard {
  /** Error the stream once more than this many bytes have passed. */
  maxBytes: number;
  /** The error for passing maxBytes (given the count so far). */
  tooBig(bytesSoFar: number): Error;
  /** Called at the end with the total; returns an error to fail the stream with, or undefined. */
  atEnd(totalBytes: number): Error | undefined;
}

/**
 * Passes chunks through, split to at most MAX_CHUNK_BYTES, counting bytes. It errors the stream
 * (and cancels the source) as soon as the count passes `maxBytes`, so an oversize stream of unknown
 * length fails mid-request instead of being sent whole.
 */
export function guardStream(source: ReadableStream<unknown>, guard: StreamGuard): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<unknown> | undefined;
  let pending: Uint8Array | undefined;
  let total = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= source.getReader();
        // Empty chunks carry nothing: read on until there are bytes or the end.
        while (pending === undefined || pending.byteLength === 0) {
          const next = await reader.read();
          if (next.done) {
            const error = guard.atEnd(total);
            if (error === undefined) controller.close();
            else controller.error(error);
            return;
          }
          let error: Error | undefined;
          try {
            pending = toBytes(next.value);
            total += pending.byteLength;
            if (total > guard.maxBytes) error = guard.tooBig(total);
          } catch (thrown) {
            error = thrown instanceof Error ? thrown : new Error(String(thrown));
          }
          if (error !== undefined) {
            controller.error(error);
            await reader.cancel(error).catch(() => {});
            return;
          }
        }
        const piece = pending.subarray(0, MAX_CHUNK_BYTES);
        pending = pending.subarray(piece.byteLength);
        controller.enqueue(piece);
      },
      async cancel(reason) {
        await (reader ?? source).cancel(reason);
      },
    },
    noQueue,
  );
}
