/**
 * Where bodies go when a recording keeps them (`--record-bodies`): one temp file per body, written
 * as the bytes pass and read back as base64 when the HAR entry is written, so a kept 100 MB
 * download never sits in memory. Writes are awaited by the tap, which gives the client and the
 * target the disk's backpressure. Without a spool nothing is written.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A stretch of a spool file: the bytes of one body or one file part. */
export interface SpoolRange {
  path: string;
  start: number;
  length: number;
}

/** One body's spool file, appended to as it streams. */
export class SpoolFile {
  readonly path: string;
  #stream: WriteStream | undefined;
  #length = 0;
  #failed: Error | undefined;

  constructor(path: string) {
    this.path = path;
  }

  /** Bytes written so far (the offset the next range starts at). */
  get length(): number {
    return this.#length;
  }

  /** Appends bytes; resolves once the file took them (or at once when its buffer has room). */
  append(bytes: Uint8Array): Promise<void> {
    if (this.#failed) return Promise.resolve();
    this.#stream ??= createWriteStream(this.path).on("error", (error) => {
      // A full disk loses the kept bytes, not the exchange: the entry falls back to size and hash.
      this.#failed = error;
    });
    this.#length += bytes.byteLength;
    if (this.#stream.write(bytes)) return Promise.resolve();
    const stream = this.#stream;
    return new Promise((resolve) => {
      const done = () => {
        stream.off("drain", done).off("close", done);
        resolve();
      };
      stream.on("drain", done).on("close", done);
    });
  }

  /** Flushes and closes; resolves false when the bytes could not all be kept. */
  async close(): Promise<boolean> {
    const stream = this.#stream;
    if (stream && !stream.closed) await new Promise<void>((resolve) => stream.end(resolve));
    return this.#failed === undefined;
  }
}

/** The temp folder of one proxy's spool files. */
export class Spool {
  readonly #dir: string;
  #next = 0;

  private constructor(dir: string) {
    this.#dir = dir;
  }

  /** Makes the folder under `parent` (the OS temp folder by default). */
  static async create(parent: string = tmpdir()): Promise<Spool> {
    return new Spool(await mkdtemp(join(parent, "zcrm-proxy-")));
  }

  /** A new file for one body. */
  file(): SpoolFile {
    this.#next += 1;
    return new SpoolFile(join(this.#dir, `body-${this.#next}.bin`));
  }

  /** Deletes one body's file once its entry is written. */
  async drop(file: SpoolFile): Promise<void> {
    await file.close();
    await rm(file.path, { force: true });
  }

  /** Deletes the folder and everything left in it. */
  async remove(): Promise<void> {
    await rm(this.#dir, { recursive: true, force: true });
  }
}
