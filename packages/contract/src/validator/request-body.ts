/**
 * Summaries of request bodies the caller handed to fetch in memory (FormData, text, bytes, a Blob),
 * read from the object itself so the request on the wire stays exactly as the client built it.
 */
import { scanMultipart } from "./body-meter.js";
import type { FormPart, RequestBody } from "./exchange.js";
import { MAX_FIELD_BYTES, multipartBoundary } from "./multipart-scan.js";

/** Multipart Blobs up to this size are read to list their parts; larger ones are only measured. */
const MAX_SCANNED_BLOB = 1024 * 1024;

/** Whether fetch would stream this body rather than take it from memory. */
export function isStreamBody(body: unknown): boolean {
  return body instanceof ReadableStream || (typeof body === "object" && body !== null && Symbol.asyncIterator in body);
}

/** Summarises a body given in memory; `contentType` is the request's final Content-Type. */
export async function describeBody(
  body: NonNullable<RequestInit["body"]>,
  contentType: string | null,
): Promise<RequestBody> {
  if (body instanceof FormData) return { parts: formDataParts(body), complete: true };
  const boundary = multipartBoundary(contentType);
  if (body instanceof Blob) {
    const record: RequestBody = { bytes: body.size, complete: true };
    if (boundary !== undefined && body.size <= MAX_SCANNED_BLOB)
      scanMultipart(new Uint8Array(await body.arrayBuffer()), boundary, record);
    return record;
  }
  const bytes =
    typeof body === "string" || body instanceof URLSearchParams
      ? new TextEncoder().encode(String(body))
      : body instanceof ArrayBuffer
        ? new Uint8Array(body)
        : ArrayBuffer.isView(body)
          ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
          : undefined;
  if (bytes === undefined) return { complete: false };
  const record: RequestBody = { bytes: bytes.byteLength, complete: true };
  if (boundary !== undefined) scanMultipart(bytes, boundary, record);
  return record;
}

function formDataParts(form: FormData): FormPart[] {
  const parts: FormPart[] = [];
  for (const [name, value] of form) {
    if (typeof value === "string") {
      const bytes = Buffer.byteLength(value);
      parts.push({ name, bytes, value: bytes > MAX_FIELD_BYTES ? value.slice(0, MAX_FIELD_BYTES) : value });
    } else {
      const part: FormPart = { name, fileName: value.name, bytes: value.size };
      if (value.type !== "") part.contentType = value.type;
      parts.push(part);
    }
  }
  return parts;
}
