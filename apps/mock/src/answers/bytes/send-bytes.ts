/**
 * Sends a file the way Zoho sends a download. Zoho names the file in Content-Disposition; clients
 * read `filename*` (RFC 5987, UTF-8) when it is there and fall back to `filename`, so the fallback
 * is plain ASCII: "Résumé 日本.txt" goes out as
 * `filename="Resume __.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9...`.
 *
 * An apostrophe also moves a name into `filename*` (as `%27`): Zoho's own SDKs take the name after
 * the last `'` of the header (they expect `UTF-8''…`), so `filename="O'Brien.txt"` reached them as
 * `Brien.txt"`, while `filename*=UTF-8''O%27Brien.txt` reaches them whole, percent-encoded like any
 * other `filename*` name.
 */
import { open } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import contentDisposition from "content-disposition";

/** A file to send: its bytes, media type and the name to give the client. */
export interface FileBody {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/** Sends a file as Zoho sends a download: its type, its length, and its name as an attachment. */
export function sendFile(res: ServerResponse, file: FileBody): void {
  res.statusCode = 200;
  res.setHeader("Content-Type", file.contentType);
  res.setHeader("Content-Length", file.bytes.length);
  res.setHeader("Content-Disposition", attachmentDisposition(file.fileName));
  res.end(file.bytes);
}

/** A file on disk to send: where it is, how long it is, its media type and the name to give the client. */
export interface StoredFileBody {
  path: string;
  size: number;
  contentType: string;
  fileName: string;
}

/**
 * Sends a file from disk as a download, streamed so memory does not grow with its size. Resolves
 * false, having sent nothing, when the file is gone (deleted between the lookup and the read), so
 * the caller can answer as for an unknown id; a client that leaves mid-body just ends the stream.
 */
export async function sendStoredFile(res: ServerResponse, file: StoredFileBody): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file.path, "r");
  } catch {
    return false;
  }
  res.statusCode = 200;
  res.setHeader("Content-Type", file.contentType);
  res.setHeader("Content-Length", file.size);
  res.setHeader("Content-Disposition", attachmentDisposition(file.fileName));
  // The stream closes the handle when it ends or is destroyed.
  await pipeline(handle.createReadStream(), res).catch(() => res.destroy());
  return true;
}

/** The Content-Disposition value for a file name: an ASCII `filename`, plus `filename*` when the name is not ASCII. */
export function attachmentDisposition(fileName: string): string {
  const name = fileName === "" ? "file" : fileName;
  return contentDisposition(name, { type: "attachment", fallback: asciiFallback(name) });
}

/** The name with accents stripped and every other non-printable-ASCII character (and `"`, `\`, `%`, `'`) replaced by `_`. */
export function asciiFallback(fileName: string): string {
  // NFKD splits "é" into "e" and a combining accent, which the replacement below then drops.
  return fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\%']/g, "_");
}
