// Reads an npm tarball (gzipped ustar) in memory, so the checks see exactly what npm will publish
// without extracting anything to disk.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

const BLOCK = 512;

function text(buffer, start, length) {
  const raw = buffer.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString("utf8");
}

function octal(buffer, start, length) {
  const value = text(buffer, start, length).trim();
  return value === "" ? 0 : Number.parseInt(value, 8);
}

/** Reads the `path=` record of a pax extended header (used for names longer than 100 bytes). */
function paxPath(body) {
  for (const record of body.toString("utf8").split("\n")) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * The regular files of a tarball, with paths relative to the package root (npm's leading
 * `package/` removed), their sizes and contents.
 */
export function readTarball(file) {
  const tar = gunzipSync(readFileSync(file));
  const entries = [];
  let longName;
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = text(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    longName = undefined;
    if (type === "x") longName = paxPath(body);
    else if (type === "0" || type === "7") {
      entries.push({ path: name.replace(/^[^/]+\//, ""), size, content: Buffer.from(body) });
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
