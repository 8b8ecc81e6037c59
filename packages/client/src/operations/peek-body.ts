/**
 * Looks at the start of a download before handing it over: reads up to `maxBytes` (or the end), and
 * gives back what it read together with a stream that yields those same chunks first and then the
 * rest, as if nothing had been read. Used to catch a Zoho error that came as a 200 (download.ts),
 * without buffering a real file: past `maxBytes` the body is passed on as it arrives.
 */

/** The start of a body, and the whole body again as a stream. */
export interface PeekedBody {
  /** The bytes read, in order. */
  chunks: Uint8Array[];
  /** True when the body ended within the bytes read. */
  complete: boolean;
  /** The whole body, the read chunks included. */
  stream: ReadableStream<Uint8Array>;
}

/** Reads the start of `body` (until more than `maxBytes` or the end); see the file header. */
export async function peekBody(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<PeekedBody> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let complete = false;
  while (total <= maxBytes) {
    const next = await reader.read();
    if (next.done) {
      complete = true;
      break;
    }
    chunks.push(next.value);
    total += next.value.byteLength;
  }
  const replay = [...chunks];
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const first = replay.shift();
        if (first !== undefined) {
          controller.enqueue(first);
          return;
        }
        if (complete) {
          controller.close();
          return;
        }
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return { chunks, complete, stream };
}
