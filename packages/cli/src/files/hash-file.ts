/**
 * The size and sha256 of a file on disk, read as a stream: how a resumed export checks that a file
 * the manifest calls complete is still the file it wrote.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";

/** Size and sha256 of `path`, or undefined when it is missing or not a file. */
export async function fileDigest(path: string): Promise<{ size: number; sha256: string } | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile()) return undefined;
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { size: info.size, sha256: hash.digest("hex") };
}
