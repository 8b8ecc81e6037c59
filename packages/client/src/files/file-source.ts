/**
 * Turns what a caller passes as "the file" (a path, a file: URL, a Blob or File, bytes, a Node
 * Readable or a web ReadableStream) into one FileSource: a name, a type, a size when known, and a
 * stream() that reads it lazily. Every check that can fail runs here, before a request exists.
 * Paths are opened per stream() call and never read whole, so a 100 MB upload costs one chunk.
 */
import { createReadStream } from "node:fs";
import { ZohoInputError } from "../errors/errors.js";
import { bytesToStream, guardStream, iterableToStream } from "./byte-streams.js";
import { checkSize, emptyStreamError, pickContentType, tooBigError, type UploadKind } from "./file-checks.js";
import { checkUploadName, type NameOrigin } from "./upload-name.js";
import { statUploadPath } from "./upload-path.js";

/** Anything the client can upload. Streams can be sent once; the others can be re-read for retries. */
export type FileInput = string | URL | Blob | Uint8Array | NodeJS.ReadableStream | ReadableStream<Uint8Array>;

/** How to read and check a file input. */
export interface FileSourceOptions {
  /** Name to send; required for bytes and streams, overrides a path's or File's own name. */
  fileName?: string | undefined;
  /** Content type to send; otherwise the Blob's type or a guess from the name. */
  contentType?: string | undefined;
  /** Largest size accepted, e.g. MAX_ATTACHMENT_BYTES. */
  maxBytes: number;
  /** "photo" also requires a PNG, JPEG, GIF or BMP type. */
  kind: UploadKind;
}

/** A checked file, ready to be streamed into a request body. */
export interface FileSource {
  /** The file name sent to Zoho. */
  readonly name: string;
  /** The content type sent to Zoho. */
  readonly type: string;
  /** Size in bytes, or undefined for a stream of unknown length. */
  readonly size: number | undefined;
  /** True when stream() may be called again (a retry can resend the file). */
  readonly replayable: boolean;
  /** A fresh stream of the file's bytes; one-shot sources throw on a second call. */
  stream(): ReadableStream<Uint8Array>;
}

interface BlobLike {
  size: number;
  type: string;
  name?: unknown;
  stream(): ReadableStream<Uint8Array>;
}

// Duck-typed so Blobs from another realm or a polyfill pass as well as Node's own.
function isBlobLike(value: object): value is BlobLike {
  const blob = value as Partial<BlobLike>;
  return typeof blob.stream === "function" && typeof blob.size === "number" && typeof blob.type === "string";
}

function isWebStream(value: object): value is ReadableStream<Uint8Array> {
  return typeof (value as Partial<ReadableStream>).getReader === "function";
}

function isNodeReadable(value: object): value is NodeJS.ReadableStream {
  const stream = value as Partial<NodeJS.ReadableStream>;
  return typeof stream.pipe === "function" && typeof stream.on === "function" && Symbol.asyncIterator in value;
}

function nameFor(own: string | undefined, origin: NameOrigin, options: FileSourceOptions, what: string): string {
  if (options.fileName !== undefined) {
    if (typeof options.fileName !== "string") throw new ZohoInputError("fileName", "fileName must be a string.");
    return checkUploadName(options.fileName, "fileName", "fileName");
  }
  if (own === undefined || own === "") {
    throw new ZohoInputError("fileName", `${what} carries no file name: pass one, e.g. { fileName: "report.pdf" }.`);
  }
  return checkUploadName(own, "file", origin);
}

// A stream of unknown length: sent once, checked for the limit and for emptiness as it flows.
function oneShot(name: string, open: () => ReadableStream<Uint8Array>, options: FileSourceOptions): FileSource {
  let used = false;
  const { kind, maxBytes } = options;
  return {
    name,
    type: pickContentType(name, undefined, options),
    size: undefined,
    replayable: false,
    stream() {
      if (used) {
        throw new ZohoInputError(
          "file",
          "This stream was already sent once and cannot be read again. Pass a path, Blob or Uint8Array to allow retries.",
        );
      }
      used = true;
      return guardStream(open(), {
        maxBytes,
        tooBig: (bytes) => tooBigError(kind, name, bytes, maxBytes, "while streaming"),
        atEnd: (total) => (total === 0 ? emptyStreamError(name) : undefined),
      });
    },
  };
}

// A source of known size, re-readable. The exact-size guard keeps every read consistent with a
// Content-Length computed up front (a file that grows or shrinks meanwhile fails the upload).
function sized(
  name: string,
  type: string,
  size: number,
  options: FileSourceOptions,
  open: () => ReadableStream<Uint8Array>,
): FileSource {
  checkSize(options.kind, name, size, options.maxBytes);
  const changed = (bytes: number): Error =>
    new ZohoInputError("file", `${name} changed while it was sent: it had ${size} bytes when checked, then ${bytes}.`);
  return {
    name,
    type,
    size,
    replayable: true,
    stream: () =>
      guardStream(open(), {
        maxBytes: size,
        tooBig: changed,
        atEnd: (total) => (total === size ? undefined : changed(total)),
      }),
  };
}

async function fromPath(input: string | URL, options: FileSourceOptions): Promise<FileSource> {
  const file = await statUploadPath(input);
  const name = nameFor(file.baseName, "path", options, "The path");
  return sized(name, pickContentType(name, undefined, options), file.size, options, () => {
    // Opened per call, so each attempt of a retried upload reads the file from the start.
    const reader = createReadStream(file.path);
    return iterableToStream(reader, () => reader.destroy());
  });
}

function fromNodeReadable(stream: NodeJS.ReadableStream, options: FileSourceOptions): FileSource {
  const state = stream as NodeJS.ReadableStream & {
    readableEnded?: boolean;
    destroyed?: boolean;
    destroy?: () => void;
  };
  if (state.readableEnded === true || state.destroyed === true) {
    throw new ZohoInputError("file", "The Node stream has already ended or been destroyed: pass a fresh stream.");
  }
  const name = nameFor(undefined, "fileName", options, "A stream");
  return oneShot(name, () => iterableToStream(state, () => state.destroy?.()), options);
}

/** Checks a file input and returns it as a FileSource; throws ZohoInputError naming what to fix. */
export async function resolveFileSource(input: FileInput, options: FileSourceOptions): Promise<FileSource> {
  const raw: unknown = input;
  if (typeof raw === "string" || raw instanceof URL) return fromPath(raw, options);
  if (raw instanceof Uint8Array) {
    // Not copied: the caller must not change the bytes until the upload is done.
    const name = nameFor(undefined, "fileName", options, "A Uint8Array");
    return sized(name, pickContentType(name, undefined, options), raw.byteLength, options, () => bytesToStream(raw));
  }
  if (typeof raw === "object" && raw !== null) {
    if (isBlobLike(raw)) {
      const name = nameFor(
        typeof raw.name === "string" ? raw.name : undefined,
        "File.name",
        options,
        "A Blob (not a File)",
      );
      return sized(name, pickContentType(name, raw.type, options), raw.size, options, () => raw.stream());
    }
    if (isWebStream(raw)) {
      if (raw.locked)
        throw new ZohoInputError("file", "The ReadableStream is locked (already being read): pass a fresh stream.");
      return oneShot(nameFor(undefined, "fileName", options, "A stream"), () => raw, options);
    }
    if (isNodeReadable(raw)) return fromNodeReadable(raw, options);
  }
  const got = raw === null ? "null" : typeof raw;
  throw new ZohoInputError(
    "file",
    `file must be a path, a file: URL, a Blob or File, a Uint8Array, or a readable stream (got ${got}).`,
  );
}
