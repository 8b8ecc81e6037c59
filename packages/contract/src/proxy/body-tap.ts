/**
 * The proxy's view of one body as it streams through: it takes every chunk as it passes, in
 * order, and counts and hashes it, keeps the first bytes of a body small enough to judge (JSON
 * answers, form fields), reads multipart part headers with the validator's scanner (hashing each
 * file part), and, when the recording keeps bodies, appends the bytes to a spool file. A tap that
 * spools is put in the stream (`stream()`), which takes the next chunk only once the spool has the
 * last, so the disk's pace reaches the sender through the usual backpressure; any other tap only
 * listens to the chunks going by. Nothing else is held.
 */
import { createHash, type Hash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { settleScan } from "../validator/body-meter.js";
import type { FormPart, RequestBody } from "../validator/exchange.js";
import { MultipartScanner } from "../validator/multipart-scan.js";
import type { SpoolFile, SpoolRange } from "./spool.js";

/** SHA-256 of no bytes at all. */
const EMPTY_SHA256 = createHash("sha256").digest("hex");

/** What a tap looks for in its body. */
export interface TapOptions {
  /** Keep the body in memory while it is at most this many bytes; beyond that only count it. */
  keepUpTo?: number;
  /** The multipart boundary, when the body is multipart/form-data: its parts are read. */
  boundary?: string;
  /** Spool the whole body here (a response the recording keeps). */
  spool?: SpoolFile;
  /** Spool the content of each file part here (an upload the recording keeps). */
  spoolParts?: SpoolFile;
}

/** Counts, hashes and reads a body on its way through. */
export class BodyTap {
  /** Bytes that passed. */
  bytes = 0;
  /** Hex SHA-256 of the whole body, once it ended. */
  sha256: string | undefined;
  /** True once the body ended (false when either side broke off). */
  complete = false;
  /** The multipart parts (with each file part's SHA-256), once the body ended. */
  readonly summary: RequestBody = { complete: false };
  /** Where each file part's content is in `spoolParts`. */
  readonly partRanges = new Map<FormPart, SpoolRange>();
  readonly #options: TapOptions;
  // Made on the first byte: most requests (every GET) have no body to hash.
  #hash: Hash | undefined;
  readonly #partHashes = new Map<FormPart, Hash>();
  readonly #scanner: MultipartScanner | undefined;
  #kept: Buffer[] | undefined = [];
  #writes: Promise<void>[] = [];

  constructor(options: TapOptions = {}) {
    this.#options = options;
    if (options.boundary !== undefined)
      this.#scanner = new MultipartScanner(options.boundary, (part, bytes) => this.#fileContent(part, bytes));
  }

  /** Whether the body goes to a spool, whose pace the sender must then follow (through `stream()`). */
  get paced(): boolean {
    return this.#options.spool !== undefined || this.#options.spoolParts !== undefined;
  }

  /** The body's bytes, if it was kept whole (it ended within `keepUpTo`). */
  kept(): Buffer | undefined {
    return this.complete && this.#kept ? Buffer.concat(this.#kept) : undefined;
  }

  /** Takes the next chunk; returns the spool writes it started, if any, to wait for before the next. */
  take(chunk: Buffer): Promise<unknown> | undefined {
    this.bytes += chunk.byteLength;
    this.#hash ??= createHash("sha256");
    this.#hash.update(chunk);
    if (this.#kept && this.bytes <= (this.#options.keepUpTo ?? 0)) this.#kept.push(chunk);
    else this.#kept = undefined;
    this.#scanner?.push(chunk);
    if (this.#options.spool) this.#writes.push(this.#options.spool.append(chunk));
    if (this.#writes.length === 0) return undefined;
    const writes = this.#writes;
    this.#writes = [];
    return Promise.all(writes);
  }

  /** The body ended: its hash, and its parts when it was multipart. */
  end(): void {
    this.sha256 = this.bytes === 0 ? EMPTY_SHA256 : (this.#hash as Hash).digest("hex");
    this.summary.bytes = this.bytes;
    if (this.#scanner) {
      settleScan(this.#scanner, this.summary);
      // An empty file part never reached the hook: its hash is the empty string's.
      for (const part of this.summary.parts ?? [])
        if (part.fileName !== undefined) part.sha256 = this.#partHashes.get(part)?.digest("hex") ?? EMPTY_SHA256;
    }
    this.summary.complete = true;
    this.complete = true;
  }

  /** A stream of the same chunks, taken by this tap as they pass; the next waits until the spool has the last. */
  stream(): Transform {
    const stream = new Transform({
      transform: (chunk: Buffer, _encoding, callback: TransformCallback) => {
        stream.push(chunk);
        const written = this.take(chunk);
        if (written) written.then(() => callback(), callback);
        else callback();
      },
      flush: (callback: TransformCallback) => {
        this.end();
        callback();
      },
    });
    return stream;
  }

  #fileContent(part: FormPart, bytes: Buffer): void {
    let hash = this.#partHashes.get(part);
    if (!hash) {
      hash = createHash("sha256");
      this.#partHashes.set(part, hash);
    }
    hash.update(bytes);
    const spool = this.#options.spoolParts;
    if (!spool) return;
    const range = this.partRanges.get(part) ?? { path: spool.path, start: spool.length, length: 0 };
    range.length += bytes.byteLength;
    this.partRanges.set(part, range);
    this.#writes.push(spool.append(bytes));
  }
}
