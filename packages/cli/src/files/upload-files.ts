/**
 * What `upload` sends: each path given, with folders opened one level (each regular file in them,
 * by name, hidden files left out), and each file wrapped as a sized, re-readable Blob-like object
 * whose stream counts the bytes as the client pulls them, which is what the progress bar shows.
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { Readable } from "node:stream";
import { CliError } from "../output/exit-codes.js";

/** A file to upload. */
export interface UploadFile {
  path: string;
  name: string;
  size: number;
}

/** Expands the paths given on the command line into the files to upload, in order. */
export async function filesToUpload(paths: readonly string[]): Promise<{ files: UploadFile[]; skipped: string[] }> {
  const files: UploadFile[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new CliError(`${path} does not exist.`);
    if (info.isFile()) {
      files.push({ path, name: basename(path), size: info.size });
      continue;
    }
    if (!info.isDirectory()) throw new CliError(`${path} is neither a file nor a folder.`);
    const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = join(path, entry.name);
      if (entry.name.startsWith(".") || !entry.isFile()) {
        skipped.push(full);
        continue;
      }
      files.push({ path: full, name: entry.name, size: (await stat(full)).size });
    }
  }
  return { files, skipped };
}

/**
 * A File-like view of `file` whose stream counts bytes as they are read. The client accepts Blobs by
 * their shape (size, type, name, stream()) and reads them through stream() only, so this needs no
 * copy in memory; a typed upload-progress option in the client would make the cast unnecessary.
 */
export function countingBlob(file: UploadFile, onBytes: (bytes: number) => void): Blob {
  const like = {
    name: file.name,
    size: file.size,
    type: "",
    stream(): ReadableStream<Uint8Array> {
      let sent = 0;
      const source = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
      return source.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            sent += chunk.byteLength;
            onBytes(sent);
            controller.enqueue(chunk);
          },
        }),
      );
    },
  };
  return like as unknown as Blob;
}
