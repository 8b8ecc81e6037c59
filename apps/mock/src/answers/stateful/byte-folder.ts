/**
 * Where the stateful store keeps file and photo bytes: one file per upload in the mock's own temp
 * folder (see own-folder.ts). An upload is written as it arrives and a download is read from the
 * file, so the mock's memory does not grow with the files it holds (a 100 MiB file used to cost
 * about twice its size in RSS). Files are numbered, never named after the upload, so no name a
 * client sends can reach the file system. A seed's bytes (a scenario's files, a recording's
 * downloads, stand-ins) are written here the same way, streamed.
 */
import { createHash } from "node:crypto";
import { createWriteStream, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ByteSink, KeptBytes } from "../uploads/file-part.js";
import { makeOwnFolder, removeOwnFolder } from "./own-folder.js";

/** The files of one stateful mock. */
export class ByteFolder {
  /** The folder's path (under the parent given, `os.tmpdir()` by default). */
  readonly path: string;
  #next = 0;
  #closed = false;

  /** Makes the folder now; `parent` must exist. */
  constructor(parent: string = tmpdir()) {
    try {
      this.path = makeOwnFolder(parent);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`stateful.tempDir: cannot make the store's folder under ${parent} (${reason}).`, {
        cause: error,
      });
    }
  }

  /** A new file to write one upload into. */
  sink(): ByteSink {
    this.#next += 1;
    return openSink(join(this.path, `${this.#next}.bytes`));
  }

  /**
   * Writes `source` (a seed's bytes: a buffer, or a stream such as a file being read) into a new
   * file, hashing it on the way; rejects, leaving no file, when reading or writing fails.
   */
  async keep(source: Uint8Array | Readable): Promise<KeptBytes & { sha256: string }> {
    this.#next += 1;
    const path = join(this.path, `${this.#next}.bytes`);
    const hash = createHash("sha256");
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const input = source instanceof Readable ? source : Readable.from([source]);
    try {
      await pipeline(input, count, createWriteStream(path, { flags: "wx" }));
    } catch (error) {
      removeFile(path);
      throw error;
    }
    return { ...keptAt(path, size), sha256: hash.digest("hex") };
  }

  /** Removes the folder and every file in it; writes still under way then fail (their uploads are refused). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    removeOwnFolder(this.path);
  }
}

function openSink(path: string): ByteSink {
  // "wx": the name is new; an existing file means something else wrote here, and that is an error.
  const stream = createWriteStream(path, { flags: "wx" });
  let failed: Error | undefined;
  let size = 0;
  stream.on("error", (error) => {
    failed = error;
  });
  const discard = () => {
    stream.destroy();
    removeFile(path);
    // A file whose open was still pending appears only now: remove it once the stream closes.
    stream.once("close", () => removeFile(path));
  };
  return {
    write(chunk) {
      size += chunk.length;
      return failed === undefined ? stream.write(chunk) : true;
    },
    onDrain(listener) {
      // A failed stream never drains: let the reader go on (it only counts from here).
      if (failed !== undefined) {
        listener();
        return;
      }
      // Whichever comes first; the other listener goes with it, or a long upload would pile them up.
      const go = () => {
        stream.off("drain", go);
        stream.off("error", go);
        listener();
      };
      stream.on("drain", go);
      stream.on("error", go);
    },
    finish() {
      return new Promise((resolve) => {
        if (failed !== undefined) {
          discard();
          resolve(undefined);
          return;
        }
        stream.once("error", () => {
          discard();
          resolve(undefined);
        });
        stream.end(() => {
          if (failed === undefined) resolve(keptAt(path, size));
        });
      });
    },
    discard,
  };
}

function keptAt(path: string, size: number): KeptBytes {
  return { path, size, discard: () => removeFile(path) };
}

/** Deletes a file now (so a delete is done when its answer goes out); one already gone is fine. */
function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already, or the whole folder was removed with the mock.
  }
}
