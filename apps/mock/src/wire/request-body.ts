/**
 * Request bodies for Prism. The list endpoint takes no body, but Prism validates bodies for
 * operations that do, so the mock reads one the way prism-http-server does: JSON when declared as
 * JSON, text otherwise, 10 MB at most. Uploads never come here (answers/uploads streams them).
 */
import type { IncomingMessage } from "node:http";

/** Prism's own limit on request bodies. */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** Raised when a request body exceeds {@link BODY_LIMIT_BYTES}. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/** Whether the request carries a body at all (most requests here do not, and skip reading). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return length === undefined ? req.headers["transfer-encoding"] !== undefined : length !== "0";
}

/**
 * Reads the whole body as text, parsed as JSON when the content type says so (unparsable JSON
 * stays text for Prism to flag); a body over `limit` bytes throws {@link BodyTooLargeError}.
 * The bytes past the limit are still read, and dropped, up to as many again, so that the refusal
 * reaches a client that sends its whole body before it reads; beyond that the request is cut.
 */
export async function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    else if (size > 2 * limit) break;
  }
  if (size > limit) throw new BodyTooLargeError(`Request body exceeds ${limit} bytes.`);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(req.headers["content-type"] ?? "")) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
