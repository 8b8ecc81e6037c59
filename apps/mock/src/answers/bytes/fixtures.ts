/**
 * Real files for the default (example-driven) mode, where Prism could only send the word "string"
 * for a binary body. They live in the package's fixtures/ folder (written by
 * scripts/write-fixtures.mjs) and are read once, on the first download.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FileBody } from "./send-bytes.js";

/** The fixtures, in the order the attachment ids pick them. */
const FIXTURES: readonly Omit<FileBody, "bytes">[] = [
  { fileName: "Quote.pdf", contentType: "application/pdf" },
  { fileName: "photo.png", contentType: "image/png" },
  { fileName: "Résumé 日本.txt", contentType: "text/plain; charset=UTF-8" },
];

/** The fixture served as every record's photo. */
export const PHOTO_FIXTURE = "photo.png";

let loaded: readonly FileBody[] | undefined;

/** The folder holding the fixtures, found through the package's own name so src/ and dist/ agree. */
export function fixturesDir(): string {
  const manifest = createRequire(import.meta.url).resolve("@zcrm-attachments/mock/package.json");
  return join(dirname(manifest), "fixtures");
}

/** Every fixture with its bytes (read on first use, then kept). */
export function fixtures(): readonly FileBody[] {
  loaded ??= FIXTURES.map((fixture) => ({ ...fixture, bytes: readFileSync(join(fixturesDir(), fixture.fileName)) }));
  return loaded;
}

/** The fixture a download of `attachmentId` gets: the same id always gets the same file. */
export function fixtureForAttachment(attachmentId: string): FileBody {
  const all = fixtures();
  // Prism checked the decoded id against the spec's digits; anything else (a spec of another
  // shape) gets the first fixture rather than a BigInt error. BigInt keeps 19 digits exact.
  const index = /^\d+$/.test(attachmentId) ? Number(BigInt(attachmentId) % BigInt(all.length)) : 0;
  return all[index] ?? (all[0] as FileBody);
}

/** The fixture every record's photo is in the default mode. */
export function photoFixture(): FileBody {
  return fixtures().find((fixture) => fixture.fileName === PHOTO_FIXTURE) as FileBody;
}
