/**
 * Saves a download so the destination only ever holds a whole file: the bytes go to a hidden temp
 * file beside it (same folder, so the rename is atomic), are counted and hashed (sha256) on the way
 * for the progress display and the export manifest, checked against the length the server promised,
 * then renamed into place. Any failure or abort removes the temp file; a second Ctrl-C removes it
 * on exit (trackTempFile). The client's downloadAttachmentTo does the same without the hash and the
 * progress, which is why the CLI streams `downloadAttachment` into this instead. `fileDigest` reads
 * a saved file back the same way, for a resumed export to check it is still the file it wrote.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { trackTempFile } from "../session/interrupt.js";

/** Options of saveStream. */
export interface SaveOptions {
  /** Aborts the write; the temp file is removed. */
  signal?: AbortSignal | undefined;
  /** Bytes the body must hold (Content-Length), when known. */
  expectedBytes?: number | undefined;
  /** Called with the bytes written so far, as they arrive. */
  onBytes?: ((bytes: number) => void) | undefined;
  /** Replace an existing file (default false: refuse). */
  overwrite?: boolean | undefined;
}

/** A file saved whole. */
export interface SavedFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** The name of the temp file for `path`: hidden, recognisable, unique. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path).slice(0, 80)}.${randomBytes(6).toString("hex")}.part`);
}

/** True for a temp file saveStream writes (tests and resume look for leftovers). */
export function isTempFileName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.part$/.test(name);
}

/** Streams `body` into `path` atomically, returning its length and sha256. */
export async function saveStream(
  body: ReadableStream<Uint8Array>,
  path: string,
  options: SaveOptions = {},
): Promise<SavedFile> {
  const { signal, expectedBytes, onBytes, overwrite = false } = options;
  signal?.throwIfAborted();
  const temp = tempPathFor(path);
  const untrack = trackTempFile(temp);
  const hash = createHash("sha256");
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.byteLength;
      if (expectedBytes !== undefined && bytes > expectedBytes) {
        done(new Error(`the server sent more than the ${expectedBytes} bytes it announced`));
        return;
      }
      hash.update(chunk);
      onBytes?.(bytes);
      done(null, chunk);
    },
  });
  try {
    // Created with the mode a new file gets under the umask (read back), then owner-only while it
    // holds part of a possibly private file, and given the umask's mode again just before the rename.
    const handle = await open(temp, "wx", 0o666);
    const finalMode = (await handle.stat()).mode & 0o777;
    await handle.chmod(0o600);
    const sink = handle.createWriteStream();
    await pipeline(Readable.fromWeb(body as NodeWebStream<Uint8Array>), meter, sink, signal ? { signal } : {});
    if (expectedBytes !== undefined && bytes !== expectedBytes) {
      throw new Error(`the download ended after ${bytes} of the ${expectedBytes} bytes announced`);
    }
    signal?.throwIfAborted();
    if (!overwrite) {
      const existing = await open(path, "r").catch(() => undefined);
      if (existing !== undefined) {
        await existing.close();
        throw new Error(`${path} already exists (pass --overwrite to replace it)`);
      }
    }
    await chmod(temp, finalMode);
    await rename(temp, path);
    return { path, bytes, sha256: hash.digest("hex") };
  } catch (error) {
    await rm(temp, { force: true });
    if (signal?.aborted === true) throw signal.reason;
    throw error;
  } finally {
    untrack();
  }
}

/** Size and sha256 of `path`, or undefined when it is missing or not a file. */
export async function fileDigest(path: string): Promise<{ size: number; sha256: string } | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile()) return undefined;
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { size: info.size, sha256: hash.digest("hex") };
}
