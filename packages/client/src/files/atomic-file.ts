/**
 * Writes a download to disk so the destination only ever holds a complete file. Bytes go to a hidden
 * temp file beside the destination (same directory, so the final rename is atomic), which is checked
 * for length, then renamed over the destination. Any failure (stream error, connection reset, abort,
 * short body, disk error) removes the temp file and leaves the destination as it was.
 *
 * `durable: true` also fsyncs the file before the rename and the directory after it, so the file
 * survives a power cut too. It is off by default: it costs 40-70 ms per 100 MiB here (a fifth of a
 * loopback download), and a plain pipe to a file does not pay it either.
 *
 * Permissions: the temp file is owner-only (0600) while it holds partial data, since attachments are
 * often private. Before the rename it takes the mode of the file it replaces, or else the mode a new
 * file gets under the process umask (read from the temp file as created, as process.umask() is
 * deprecated for reading). A crash can leave a `.<name>.<random>.part` file behind; nothing else.
 *
 * Kept instead of write-file-atomic: it takes the content as one string or Buffer, so a 100 MB
 * download would sit in memory whole, and it always replaces the destination, where the client
 * refuses to (overwrite: false, checked again at the rename through link()).
 */
import { randomBytes } from "node:crypto";
import type { WriteStream } from "node:fs";
import { chmod, link, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { ZohoBodyLengthError } from "../errors/body-errors.js";
import { checkDestination, destinationExistsError } from "./destination.js";

/** Options for writeAtomically. */
export interface WriteAtomicallyOptions {
  /** Aborts the write; the promise then rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Bytes the body must hold (e.g. Content-Length); more or fewer is an error. */
  expectedBytes?: number | undefined;
  /** Replace an existing file (default false: an existing destination is an error). */
  overwrite?: boolean | undefined;
  /** Also fsync the file and its directory, so it survives a power cut (default false). */
  durable?: boolean | undefined;
}

/** A file written in full. */
export interface WrittenFile {
  /** Absolute path of the file. */
  path: string;
  /** Bytes written. */
  bytes: number;
}

// A short prefix of the name keeps the temp file recognisable without nearing the 255-byte limit.
function tempPathFor(path: string): string {
  let prefix = "";
  for (const char of basename(path)) {
    if (Buffer.byteLength(prefix + char) > 100) break;
    prefix += char;
  }
  return join(dirname(path), `.${prefix}.${randomBytes(6).toString("hex")}.part`);
}

function counter(expected: number | undefined, path: string, onCount: (bytes: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Uint8Array, _encoding, done) {
      total += chunk.byteLength;
      onCount(total);
      if (expected !== undefined && total > expected) done(new ZohoBodyLengthError(expected, total, path));
      else done(null, chunk);
    },
  });
}

// Without hard links (some network and FUSE file systems) fall back to check-then-rename.
async function moveNoClobber(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "EEXIST") throw destinationExistsError(path);
    await checkDestination(path, false);
    await rename(temp, path);
    return;
  }
  await rm(temp, { force: true });
}

// Makes the rename itself durable; not every platform can open a directory, so failures are ignored.
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, "r").catch(() => undefined);
  await handle?.sync().catch(() => {});
  await handle?.close().catch(() => {});
}

/** Streams `body` into `destination` atomically; on any failure the destination is untouched and no temp file remains. */
export async function writeAtomically(
  body: ReadableStream<Uint8Array> | NodeJS.ReadableStream,
  destination: string,
  options: WriteAtomicallyOptions = {},
): Promise<WrittenFile> {
  const { signal, expectedBytes, overwrite = false, durable = false } = options;
  signal?.throwIfAborted();
  const target = await checkDestination(destination, overwrite);
  const temp = tempPathFor(target.path);
  const handle = await open(temp, "wx", 0o666);
  let sink: WriteStream | undefined;
  let bytes = 0;
  try {
    const umaskMode = (await handle.stat()).mode & 0o777;
    await handle.chmod(0o600);
    const source = "getReader" in body ? Readable.fromWeb(body as NodeWebStream<Uint8Array>) : body;
    // The stream now owns the handle: it closes it when done (fsyncing first when durable), or on error.
    sink = handle.createWriteStream({ flush: durable });
    const count = counter(expectedBytes, target.path, (n) => (bytes = n));
    await pipeline(source, count, sink, signal === undefined ? {} : { signal });
    if (expectedBytes !== undefined && bytes !== expectedBytes) {
      throw new ZohoBodyLengthError(expectedBytes, bytes, target.path);
    }
    await chmod(temp, target.existingMode ?? umaskMode);
    signal?.throwIfAborted();
    if (overwrite) await rename(temp, target.path);
    else await moveNoClobber(temp, target.path);
  } catch (error) {
    if (sink === undefined) await handle.close().catch(() => {});
    // Wait for the descriptor to close: Windows cannot delete a file that is still open.
    else if (!sink.closed) await new Promise<void>((done) => sink?.once("close", () => done()));
    await rm(temp, { force: true });
    // pipeline wraps an abort in its own AbortError; callers get the signal's reason, as fetch gives it.
    if (signal?.aborted === true) throw signal.reason;
    throw error;
  }
  if (durable) await syncDirectory(dirname(target.path));
  return { path: target.path, bytes };
}
