/**
 * The spec's operations as Prism reads them, from a cache the build writes when it matches. Reading
 * the spec through Prism (dereference, decycle, transform and bundle each operation) costs 100–200
 * ms of CPU at every start, and its result depends only on the document's bytes when every `$ref`
 * is internal (the build checks that). So the build reads the spec it ships with once and writes
 * the result next to the bundle, keyed by the spec's SHA-256 (scripts/build/operations-cache.ts).
 * At start-up the mock hashes the spec it serves (the installed `@zcrm-attachments/spec`, or
 * `--spec`) and takes the cache only when the bytes are the same: another version or an edited
 * copy goes through Prism as before, so the cache can speed up a start but never change an answer.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IHttpOperation } from "@stoplight/types";

/** The cache format this code reads and the build writes; bumped when the shape changes. */
export const CACHE_FORMAT = 1;

/** What the cache file holds. */
export interface OperationsCache {
  /** {@link CACHE_FORMAT} at the time of writing, so an old file is ignored rather than misread. */
  format: typeof CACHE_FORMAT;
  /** SHA-256 (hex) of the spec file the operations were read from. */
  specSha256: string;
  /** Prism's operations for that file, as plain JSON. */
  operations: IHttpOperation[];
}

/** The cache's file name; the build puts it in dist/, next to the modules that read it. */
export const CACHE_FILE_NAME = "spec-operations.json";

/** Where the built mock finds the cache: next to the module that reads it (dist/; absent in src/). */
export const OPERATIONS_CACHE_URL = new URL(`./${CACHE_FILE_NAME}`, import.meta.url);

/** SHA-256 (hex) of a spec file's bytes, the cache's key. */
export function specDigest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Reads the operations of the spec at `specPath`: from `cacheUrl` when written for the same bytes, else through Prism. */
export async function loadOperations(
  specPath: string,
  cacheUrl: URL = OPERATIONS_CACHE_URL,
): Promise<IHttpOperation[]> {
  const cache = await readOperationsCache(cacheUrl);
  if (cache !== undefined) {
    // A spec that cannot be read here is left to Prism, whose error names the problem.
    const bytes = await readFile(specPath).catch(() => undefined);
    if (bytes !== undefined && specDigest(bytes) === cache.specSha256) return cache.operations;
  }
  // Imported here, not at the top: the build script reads this module's format without loading Prism.
  const { getHttpOperationsFromSpec } = await import("@stoplight/prism-http");
  return getHttpOperationsFromSpec(specPath);
}

/** Reads a cache file; undefined when there is none or it is damaged or of another format. */
export async function readOperationsCache(url: URL): Promise<OperationsCache | undefined> {
  let text: string;
  try {
    text = await readFile(url, "utf8");
  } catch {
    return undefined; // no cache: running from src/, or a build without one
  }
  // A damaged or foreign file is no reason to refuse to start: Prism reads the spec instead.
  try {
    const cache = JSON.parse(text) as Partial<OperationsCache>;
    const usable =
      cache.format === CACHE_FORMAT && typeof cache.specSha256 === "string" && Array.isArray(cache.operations);
    return usable ? (cache as OperationsCache) : undefined;
  } catch {
    return undefined;
  }
}
