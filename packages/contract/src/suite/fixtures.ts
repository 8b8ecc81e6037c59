/**
 * The real files a contract run uploads, written to a temp folder at the start of a run and removed
 * at its end: a small text file, a PDF-like file with a non-ASCII name, a PNG for photos, and the
 * workflow's 1-byte and 15 MiB files. The large one is written in slices, never held whole.
 */
import { createHash } from "node:crypto";
import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The temp files a row can upload. */
export type FixtureName = "sample" | "nonAscii" | "photo" | "oneByte" | "large";

/** One file on disk, with what the suite compares downloads against. */
export interface FixtureFile {
  path: string;
  /** The name uploaded (and expected back in Content-Disposition and File_Name). */
  name: string;
  contentType: string;
  bytes: number;
  sha256: string;
}

/** The files of one run, and how to remove them. */
export interface Fixtures {
  dir: string;
  files: Record<FixtureName, FixtureFile>;
  remove(): Promise<void>;
}

/** Size of the workflow's large file. */
export const LARGE_FILE_BYTES = 15 * 1024 * 1024;

// The smallest valid PNG: one transparent pixel.
const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** Writes the run's files to a new temp folder. `largeBytes` shrinks the big one (for tests of the suite itself). */
export async function createFixtures(options: { largeBytes?: number } = {}): Promise<Fixtures> {
  const dir = await mkdtemp(join(tmpdir(), "zcrm-contract-"));
  try {
    const small = async (name: string, contentType: string, content: Uint8Array): Promise<FixtureFile> => {
      const path = join(dir, name);
      await writeFile(path, content);
      return {
        path,
        name,
        contentType,
        bytes: content.byteLength,
        sha256: createHash("sha256").update(content).digest("hex"),
      };
    };
    const files: Record<FixtureName, FixtureFile> = {
      sample: await small(
        "contract-sample.txt",
        "text/plain",
        Buffer.from("zcrm-attachments contract suite sample file\n"),
      ),
      nonAscii: await small(
        "Résumé 日本.pdf",
        "application/pdf",
        Buffer.from("%PDF-1.4\n% zcrm-attachments contract suite\n%%EOF\n"),
      ),
      photo: await small("contract-photo.png", "image/png", PNG_1X1),
      oneByte: await small("one-byte.bin", "application/octet-stream", Buffer.from([0x2a])),
      large: await largeFile(join(dir, "fifteen-mib.bin"), options.largeBytes ?? LARGE_FILE_BYTES),
    };
    return { dir, files, remove: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function largeFile(path: string, size: number): Promise<FixtureFile> {
  const hash = createHash("sha256");
  const slice = Buffer.alloc(1024 * 1024);
  const handle = await open(path, "w");
  try {
    for (let written = 0, round = 0; written < size; round++) {
      // Each slice differs, so a server that repeats or reorders slices changes the hash.
      for (let i = 0; i < slice.length; i++) slice[i] = (i * 31 + round * 7) & 0xff;
      const part = slice.subarray(0, Math.min(slice.length, size - written));
      await handle.write(part);
      hash.update(part);
      written += part.length;
    }
  } finally {
    await handle.close();
  }
  return {
    path,
    name: "fifteen-mib.bin",
    contentType: "application/octet-stream",
    bytes: size,
    sha256: hash.digest("hex"),
  };
}
