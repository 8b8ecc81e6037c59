/**
 * Reads the part headers of a multipart/form-data body as it streams past, in bounded memory: it
 * keeps only a delimiter's worth of bytes between chunks, the headers of the current part and the
 * first few KiB of non-file fields. File contents are counted, never kept (a caller that wants them,
 * the recording proxy, is handed each slice as it passes).
 *
 * Why not busboy, which the mock uses: busboy hands a file's bytes over asynchronously, so a HAR
 * file's multipart text could no longer be read synchronously (parseExchanges would have to become
 * async); it does not say why a body's framing is wrong (this names garbage after a delimiter, an
 * endless header block, a missing closing delimiter); and it reports text/plain for a part that
 * had no Content-Type, which the request checks need to tell apart. It is not faster either:
 * side by side (bench/parsers.ts, 2 shared cores) busboy took 1.06× to 1.45× as long for a 15 MiB
 * upload in 64 KiB chunks and 2.0× as long for a 1 KiB one.
 */
import { parseContentDisposition } from "./content-disposition.js";
import type { FormPart } from "./exchange.js";

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");
const MAX_HEADER_BYTES = 16 * 1024;
/** Non-file fields longer than this keep only their first bytes. */
export const MAX_FIELD_BYTES = 64 * 1024;

/** The boundary of a multipart/form-data Content-Type, or undefined. */
export function multipartBoundary(contentType: string | null | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Receives the bytes of a file part as they are read (the proxy hashes and spools them). */
export type FileContentHook = (part: FormPart, bytes: Buffer) => void;

/** Feeds chunks of one multipart body and collects its parts. */
export class MultipartScanner {
  readonly parts: FormPart[] = [];
  /** Set when the body departs from RFC 7578 framing; the parts seen so far stay. */
  problem: string | undefined;
  #delimiter: Buffer;
  // A CRLF in front lets the first delimiter (which has none) be found like the others.
  #pending: Buffer = CRLF;
  #state: "preamble" | "after-delimiter" | "headers" | "content" | "done" = "preamble";
  #part: FormPart | undefined;
  #value: Buffer[] = [];
  #valueBytes = 0;
  readonly #onFileContent: FileContentHook | undefined;

  /** `onFileContent` is handed each slice of a file part's content, in order, as it is read. */
  constructor(boundary: string, onFileContent?: FileContentHook) {
    this.#delimiter = Buffer.from(`\r\n--${boundary}`);
    this.#onFileContent = onFileContent;
  }

  /** True once the closing delimiter was read. */
  get done(): boolean {
    return this.#state === "done";
  }

  /** Takes the next chunk of the body. */
  push(chunk: Uint8Array): void {
    if (this.#state === "done" || this.problem) return;
    this.#pending = Buffer.concat([this.#pending, chunk]);
    while (this.#step());
  }

  // Advances as far as the pending bytes allow; returns false when it needs more input.
  #step(): boolean {
    const pending = this.#pending;
    if (this.#state === "preamble" || this.#state === "content") {
      const at = pending.indexOf(this.#delimiter);
      const keep = at === -1 ? Math.max(0, pending.length - this.#delimiter.length + 1) : at;
      this.#content(pending.subarray(0, keep));
      this.#pending = pending.subarray(at === -1 ? keep : at + this.#delimiter.length);
      if (at === -1) return false;
      this.#finishPart();
      this.#state = "after-delimiter";
      return true;
    }
    if (this.#state === "after-delimiter") {
      if (pending.length < 2) return false;
      if (pending[0] === 0x2d && pending[1] === 0x2d) {
        this.#state = "done";
        return false;
      }
      const eol = pending.indexOf(CRLF);
      if (eol === -1) return this.#limit(pending.length, "a delimiter line");
      if (pending.subarray(0, eol).toString("latin1").trim() !== "") return this.#fail("garbage after a delimiter");
      this.#pending = pending.subarray(eol);
      this.#state = "headers";
      return true;
    }
    // headers: the CRLF that ended the delimiter line is still in front, so an empty header block is CRLF CRLF too.
    const end = pending.indexOf(HEADER_END);
    if (end === -1) return this.#limit(pending.length, "a part's header block");
    this.#startPart(pending.subarray(2, end).toString("utf8"));
    this.#pending = pending.subarray(end + HEADER_END.length);
    this.#state = "content";
    return true;
  }

  #startPart(block: string): void {
    const headers = new Map<string, string>();
    for (const line of block.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const part: FormPart = { name: "", bytes: 0 };
    try {
      const disposition = parseContentDisposition(headers.get("content-disposition") ?? "");
      part.name = disposition.parameters.name ?? "";
      if (disposition.parameters.filename !== undefined || disposition.parameters["filename*"] !== undefined) {
        part.fileName = disposition.fileName ?? "";
      }
    } catch (error) {
      this.problem = `a part's Content-Disposition is malformed: ${(error as Error).message}`;
    }
    const type = headers.get("content-type");
    if (type !== undefined) part.contentType = type;
    this.#part = part;
  }

  #content(bytes: Buffer): void {
    const part = this.#part;
    if (!part || bytes.length === 0) return;
    part.bytes += bytes.length;
    if (part.fileName !== undefined) this.#onFileContent?.(part, bytes);
    else if (this.#valueBytes < MAX_FIELD_BYTES) {
      const slice = bytes.subarray(0, MAX_FIELD_BYTES - this.#valueBytes);
      this.#value.push(Buffer.from(slice));
      this.#valueBytes += slice.length;
    }
  }

  #finishPart(): void {
    const part = this.#part;
    if (!part) return;
    if (part.fileName === undefined) part.value = Buffer.concat(this.#value).toString("utf8");
    this.parts.push(part);
    this.#part = undefined;
    this.#value = [];
    this.#valueBytes = 0;
  }

  #limit(length: number, what: string): boolean {
    if (length > MAX_HEADER_BYTES) this.#fail(`${what} is longer than ${MAX_HEADER_BYTES} bytes`);
    return false;
  }

  #fail(why: string): boolean {
    this.problem = why;
    return false;
  }
}
