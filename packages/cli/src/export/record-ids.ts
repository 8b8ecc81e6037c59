/**
 * The records to export, from a file or from stdin (`--records -`): one id per line; blank lines
 * and lines starting with # are ignored, repeats are exported once. Every bad line is named (by
 * number) before any request, so a typo in line 4,000 does not surface after an hour of downloads.
 */
import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { CliError } from "../output/exit-codes.js";

/** Parses the text of a records file into ids, in order, once each. */
export function parseRecordIds(content: string, source: string): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  const bad: string[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    if (!/^[0-9]{1,19}$/.test(line)) {
      bad.push(`line ${index + 1}: "${line.slice(0, 40)}"`);
      return;
    }
    if (!seen.has(line)) ids.push(line);
    seen.add(line);
  });
  if (bad.length > 0) {
    const shown = bad.slice(0, 5).join("; ");
    throw new CliError(
      `${source} has ${bad.length} line${bad.length === 1 ? "" : "s"} that are not record ids (${shown}${bad.length > 5 ? "; …" : ""}).`,
      undefined,
      "put one record id (digits only) per line; # starts a comment",
    );
  }
  if (ids.length === 0) throw new CliError(`${source} holds no record ids.`);
  return ids;
}

/** Reads the record ids from `path`, or from `stdin` when `path` is "-". */
export async function readRecordIds(path: string, stdin: NodeJS.ReadableStream): Promise<string[]> {
  if (path === "-") return parseRecordIds(await text(stdin), "stdin");
  const content = await readFile(path, "utf8").catch(() => {
    throw new CliError(`Cannot read the records file ${path}.`, undefined, "check the path given to --records");
  });
  return parseRecordIds(content, path);
}
