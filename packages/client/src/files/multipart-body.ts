/**
 * A streaming multipart/form-data body built on form-data-encoder: text fields and FileSources go in,
 * a content type with its boundary, the exact length when every part's size is known, and a fresh
 * pull-based stream per call come out. File bytes are read only as fetch sends them.
 *
 * Send it with multipartHeaders(body) and, as the client's upload does (operations/send-multipart.ts),
 * with `duplex: "half"` (fetch requires it for a stream body) and `redirect: "error"` (with "follow",
 * undici tees the body to be able to re-send it, so the unread branch keeps every chunk).
 * `content-length` goes with the headers whenever it is known: undici then sends it instead of
 * `Transfer-Encoding: chunked` and fails the request (UND_ERR_REQ_CONTENT_LENGTH_MISMATCH) if the
 * body turns out longer or shorter. Some servers and proxies refuse or buffer chunked uploads.
 *
 * File names travel as browsers and curl send them: filename="…" holding raw UTF-8, with `"`, CR
 * and LF escaped as %22, %0D, %0A (RFC 7578 §4.2 rules out filename*). Servers decode that as UTF-8
 * when told to (busboy: defParamCharset "utf8"; its default is latin1).
 */
import { randomBytes } from "node:crypto";
import { type FileLike, FormDataEncoder, type FormDataEntryValue, type FormDataLike } from "form-data-encoder";
import { ZohoInputError } from "../errors/errors.js";
import { guardStream, iterableToStream } from "./byte-streams.js";
import { isValidContentType } from "./content-types.js";
import type { FileSource } from "./file-source.js";

/** One form field: text, or a file. */
export type MultipartField = { name: string; value: string } | { name: string; file: FileSource };

/** A multipart body that can be streamed (again, when replayable). */
export interface MultipartBody {
  /** The Content-Type header, boundary included. */
  readonly contentType: string;
  /** Exact body length in bytes, or undefined when a file's size is unknown (then sent chunked). */
  readonly contentLength: number | undefined;
  /** True when stream() may be called again (every file part is replayable). */
  readonly replayable: boolean;
  /** A fresh stream of the whole body. */
  stream(): ReadableStream<Uint8Array>;
}

// form-data-encoder takes any object that looks like a File: this one streams from a FileSource.
// An unknown size is NaN, which the encoder reads as "no Content-Length".
class SourceFile implements FileLike {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly lastModified = 0;
  readonly #source: FileSource;

  constructor(source: FileSource) {
    this.#source = source;
    this.name = source.name;
    this.type = source.type;
    this.size = source.size ?? Number.NaN;
  }

  get [Symbol.toStringTag](): string {
    return "File";
  }

  stream(): ReadableStream<Uint8Array> {
    const declared = this.#source.size;
    const name = this.name;
    const mismatch = (bytes: number): Error =>
      new Error(`The file part ${name} gave ${bytes} bytes but declared ${String(declared)}.`);
    // Re-guarding splits chunks to ≤ 64 KiB: the encoder re-slices bigger ones and loses a view's byteOffset.
    return guardStream(this.#source.stream(), {
      maxBytes: declared ?? Number.POSITIVE_INFINITY,
      tooBig: mismatch,
      atEnd: (total) => (declared === undefined || total === declared ? undefined : mismatch(total)),
    });
  }
}

// The encoder accepts any FormData look-alike; a list of entries is all it reads.
class FieldList implements FormDataLike {
  readonly #entries: Array<[string, FormDataEntryValue]> = [];

  get [Symbol.toStringTag](): string {
    return "FormData";
  }

  append(name: string, value: FormDataEntryValue): void {
    this.#entries.push([name, value]);
  }

  getAll(name: string): FormDataEntryValue[] {
    return this.#entries.filter(([key]) => key === name).map(([, value]) => value);
  }

  entries(): IterableIterator<[string, FormDataEntryValue]> {
    return this.#entries[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[string, FormDataEntryValue]> {
    return this.entries();
  }
}

/** Builds a streaming multipart/form-data body from text fields and checked files. */
export function createMultipartBody(fields: ReadonlyArray<MultipartField>): MultipartBody {
  const form = new FieldList();
  let replayable = true;
  for (const field of fields) {
    if ("file" in field) {
      // The type lands verbatim in a part header, so a FileSource built elsewhere is checked too.
      if (!isValidContentType(field.file.type)) {
        throw new ZohoInputError("contentType", `${JSON.stringify(field.file.type)} is not a valid content type.`);
      }
      replayable &&= field.file.replayable;
      form.append(field.name, new SourceFile(field.file));
    } else {
      form.append(field.name, field.value);
    }
  }
  // A random boundary a file cannot guess; the encoder's own uses Math.random.
  const encoder = new FormDataEncoder(form, `----zcrm-${randomBytes(16).toString("hex")}`);
  const length = encoder.contentLength;
  return {
    contentType: encoder.contentType,
    contentLength: length === undefined ? undefined : Number(length),
    replayable,
    stream: () => iterableToStream(encoder.encode()),
  };
}

/** The headers of a multipart request: Content-Type with its boundary, and Content-Length when known. */
export function multipartHeaders(body: MultipartBody): Record<string, string> {
  const headers: Record<string, string> = { "content-type": body.contentType };
  if (body.contentLength !== undefined) headers["content-length"] = String(body.contentLength);
  return headers;
}
