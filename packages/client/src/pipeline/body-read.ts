/**
 * Reading response bodies within their bounds (body-watch.ts): a whole body as text, for JSON
 * answers and error bodies, or a stream passed on chunk by chunk, for downloads. Both count the
 * bytes fetch hands over, which are decoded already (gzip, deflate), and stop at the cap without
 * holding more than the cap; a Content-Length over the cap stops them before the first byte.
 */
import { BodyLimitExceeded, type BodyLimits, BodyWatch } from "./body-watch.js";

/** The cap on an error body: only its start is shown (Zoho's are far smaller; a gateway's page is cut). */
export const ERROR_BODY_BYTES = 64 * 1024;

const DIGITS = /^[0-9]{1,15}$/;
const utf8 = new TextDecoder();

/** The body length Content-Length promises, unless fetch decodes the body (then the header counts encoded bytes). */
export function declaredLength(headers: Headers): number | undefined {
  const encoding = headers.get("content-encoding");
  if (encoding !== null && encoding.trim().toLowerCase() !== "identity") return undefined;
  const length = headers.get("content-length")?.trim();
  return length !== undefined && DIGITS.test(length) ? Number(length) : undefined;
}

/** The failure for a response whose Content-Length is over `maxBytes` already, else undefined. */
export function oversizeByLength(headers: Headers, maxBytes: number): BodyLimitExceeded | undefined {
  const length = declaredLength(headers);
  return length !== undefined && length > maxBytes ? new BodyLimitExceeded("size", maxBytes, length) : undefined;
}

function decode(chunks: Uint8Array[], total: number): string {
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return utf8.decode(joined);
}

/**
 * Reads the whole body as UTF-8 text within `limits`. Past `maxBytes` it throws BodyLimitExceeded,
 * or with `truncate` keeps the first `maxBytes` and drops the rest (for error bodies, whose start
 * is all the client shows). A stall throws BodyLimitExceeded too; a broken body throws fetch's error.
 */
export async function readBodyText(response: Response, limits: BodyLimits, truncate: boolean): Promise<string> {
  const body = response.body;
  if (body === null) return "";
  const early = truncate ? undefined : oversizeByLength(response.headers, limits.maxBytes);
  if (early !== undefined) {
    await body.cancel(early).catch(() => {});
    throw early;
  }
  const reader = body.getReader();
  let stalled: BodyLimitExceeded | undefined;
  const watch = new BodyWatch(limits, (failure) => {
    stalled = failure;
    reader.cancel(failure).catch(() => {});
  });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      watch.waiting();
      let next: Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]>>;
      try {
        next = await reader.read();
      } catch (error) {
        throw stalled ?? error;
      }
      if (stalled !== undefined) throw stalled;
      if (next.done) break;
      const over = watch.received(next.value.byteLength);
      if (over !== undefined) {
        await reader.cancel(over).catch(() => {});
        if (!truncate) throw over;
        chunks.push(next.value.subarray(0, limits.maxBytes - total));
        total = limits.maxBytes;
        break;
      }
      chunks.push(next.value);
      total += next.value.byteLength;
    }
  } finally {
    watch.done();
  }
  return chunks.length === 0 ? "" : decode(chunks, total);
}

/**
 * Passes `source` on chunk by chunk within `limits`, pull by pull (no queue of its own). A stall or
 * a passed cap errors the stream with `toError(failure)` and cancels the source; a broken source
 * errors it with `toError(error)`.
 */
export function boundedStream(
  source: ReadableStream<Uint8Array>,
  limits: BodyLimits,
  toError: (error: unknown) => unknown,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let failed = false;
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  const fail = (error: unknown): void => {
    if (failed) return;
    failed = true;
    stream?.error(toError(error));
    reader.cancel(error).catch(() => {});
  };
  const watch = new BodyWatch(limits, fail);
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        stream = controller;
      },
      async pull(controller) {
        watch.waiting();
        let next: Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]>>;
        try {
          next = await reader.read();
        } catch (error) {
          watch.done();
          if (!failed) {
            failed = true;
            controller.error(toError(error));
          }
          return;
        }
        if (failed) return;
        if (next.done) {
          watch.done();
          controller.close();
          return;
        }
        const over = watch.received(next.value.byteLength);
        if (over === undefined) controller.enqueue(next.value);
        else fail(over);
      },
      cancel(reason) {
        watch.done();
        failed = true;
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
