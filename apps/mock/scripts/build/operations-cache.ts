/**
 * Writes the operations cache at build time (src/prism/operations-cache.ts says what it holds and
 * why): the shipped spec's operations as the bundled Prism reads them. They come from the runtime
 * bundle just built, so a cache hit gives what a miss would compute with the same code. A spec with
 * `$ref`s to other files is refused: its operations would depend on more than its own bytes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { IHttpOperation } from "@stoplight/types";
import { CACHE_FORMAT, type OperationsCache, specDigest } from "../../src/prism/operations-cache.js";

/** Every `$ref` in a JSON document that points outside it (those make the operations depend on other files). */
export function externalRefs(document: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) found.push(value);
        else walk(value);
      }
    }
  };
  walk(document);
  return found;
}

/** Reads `specPath` with the runtime bundle at `runtimeFile` and writes the cache to `outFile`. */
export async function writeOperationsCache(runtimeFile: string, specPath: string, outFile: string): Promise<void> {
  const bytes = readFileSync(specPath);
  const outside = externalRefs(JSON.parse(bytes.toString("utf8")));
  if (outside.length > 0) {
    throw new Error(`${specPath} has $refs to other files (${outside.slice(0, 3).join(", ")}); it cannot be cached.`);
  }
  const runtime = createRequire(import.meta.url)(runtimeFile) as {
    getHttpOperationsFromSpec(path: string): Promise<IHttpOperation[]>;
  };
  const cache: OperationsCache = {
    format: CACHE_FORMAT,
    specSha256: specDigest(bytes),
    operations: await runtime.getHttpOperationsFromSpec(specPath),
  };
  writeFileSync(outFile, JSON.stringify(cache));
}
