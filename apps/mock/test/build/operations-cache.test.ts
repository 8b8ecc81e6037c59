/**
 * loadOperations takes the build's operations cache only for the very spec it was written for, and
 * reads the spec through Prism in every other case, so the cache can speed up a start but never
 * change what is served.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { afterAll, describe, expect, it } from "vitest";
import { CACHE_FORMAT, loadOperations, specDigest } from "../../src/prism/operations-cache.js";
import { defaultSpecPath } from "../../src/prism/spec-path.js";

const dir = mkdtempSync(join(tmpdir(), "zcrm-mock-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const specBytes = readFileSync(defaultSpecPath());
const specFile = join(dir, "openapi.json");
writeFileSync(specFile, specBytes);
// A marker no real read would give, so a test can tell the cache's answer from Prism's.
const marker = [{ id: "from-the-cache", method: "get", path: "/marker", responses: [] }];

function cacheFile(name: string, content: string): URL {
  const file = join(dir, name);
  writeFileSync(file, content);
  return pathToFileURL(file);
}

const cacheFor = (bytes: Uint8Array, format: number = CACHE_FORMAT) =>
  JSON.stringify({ format, specSha256: specDigest(bytes), operations: marker });

describe("loadOperations", () => {
  it("takes the cache when it was written for the same bytes", async () => {
    expect(await loadOperations(specFile, cacheFile("hit.json", cacheFor(specBytes)))).toStrictEqual(marker);
  });

  it("reads the spec through Prism when its bytes differ from the cache's", async () => {
    const edited = join(dir, "edited.json");
    const document = JSON.parse(specBytes.toString("utf8"));
    document.info.title = "an edited copy";
    writeFileSync(edited, JSON.stringify(document));
    const operations = await loadOperations(edited, cacheFile("miss.json", cacheFor(specBytes)));
    expect(operations).toStrictEqual(await getHttpOperationsFromSpec(edited));
    expect(operations.length).toBeGreaterThan(0);
  });

  it("reads the spec through Prism when the cache is missing, damaged or of another format", async () => {
    const expected = await getHttpOperationsFromSpec(specFile);
    const missing = pathToFileURL(join(dir, "no-such-cache.json"));
    expect(await loadOperations(specFile, missing)).toStrictEqual(expected);
    expect(await loadOperations(specFile, cacheFile("damaged.json", '{"format": 1, "spec'))).toStrictEqual(expected);
    const other = cacheFile("other.json", cacheFor(specBytes, CACHE_FORMAT + 1));
    expect(await loadOperations(specFile, other)).toStrictEqual(expected);
  });

  it("leaves a spec it cannot read to Prism, whose error names it", async () => {
    const absent = join(dir, "absent.json");
    await expect(loadOperations(absent, cacheFile("any.json", cacheFor(specBytes)))).rejects.toThrow(/absent\.json/);
  });
});
