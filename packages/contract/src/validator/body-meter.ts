/**
 * Counting and hashing bodies on their way through, so the suite knows what went over the wire
 * without holding a file in memory: the stream handed on carries the same chunks, in order, with
 * the consumer's backpressure. A multipart request body is also read by the contract's own
 * scanner as it passes (multipart-scan.ts says why that is not busboy); everything else here is
 * Node's own streams and crypto.
 */
import { createHash } from "node:crypto";
import type { ReceivedBody, RequestBody } from "./exchange.js";
import { MultipartScanner } from "./multipart-scan.js";

/** Returns a stream of the same bytes that counts and hashes them into `record` as they are read. */
export function meterStream(body: ReadableStream<Uint8Array>, record: ReceivedBody): ReadableStream<Uint8Array> {
  const hash = createHash("sha256");
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hash.update(chunk);
        record.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
      flush() {
        record.sha256 = hash.digest("hex");
        record.complete = true;
      },
    }),
  );
}

/** Returns a stream of the same bytes that counts them, and reads multipart part headers, into `record`. */
export function meterRequestStream(
  body: ReadableStream<Uint8Array>,
  boundary: string | undefined,
  record: RequestBody,
): ReadableStream<Uint8Array> {
  const scanner = boundary === undefined ? undefined : new MultipartScanner(boundary);
  record.bytes = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        record.bytes = (record.bytes ?? 0) + chunk.byteLength;
        scanner?.push(chunk);
        controller.enqueue(chunk);
      },
      flush() {
        settleScan(scanner, record);
        record.complete = true;
      },
    }),
  );
}

/** Scans a multipart body already in memory. */
export function scanMultipart(bytes: Uint8Array, boundary: string, record: RequestBody): void {
  const scanner = new MultipartScanner(boundary);
  scanner.push(bytes);
  settleScan(scanner, record);
}

/** Copies what a finished scan found (its parts, or why the framing is wrong) into `record`. */
export function settleScan(scanner: MultipartScanner | undefined, record: RequestBody): void {
  if (!scanner) return;
  if (scanner.problem) record.problem = scanner.problem;
  else if (!scanner.done) record.problem = "the multipart body ends without its closing delimiter";
  record.parts = scanner.parts;
}

/** Hex SHA-256 of bytes in memory. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
