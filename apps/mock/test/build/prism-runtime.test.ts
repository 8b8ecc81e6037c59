/**
 * dist/prism-runtime.cjs, the bundled Prism the built mock loads, against the package it bundles:
 * the same exports, the same operations for the shipped spec and for a Postman collection, the
 * same dynamic answers, and Faker and postman-collection left unloaded until a request needs them.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as prismHttp from "@stoplight/prism-http";
import { describe, expect, it } from "vitest";
import { specDigest } from "../../src/prism/operations-cache.js";
import { defaultSpecPath } from "../../src/prism/spec-path.js";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist");
const runtimeFile = join(dist, "prism-runtime.cjs");
const runtime = createRequire(import.meta.url)(runtimeFile) as typeof prismHttp;

/** A one-request Postman collection, the other input format Prism's spec reader takes. */
const collection = () => ({
  info: { name: "c", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  item: [
    {
      name: "list",
      request: { method: "GET", url: "http://example.com/crm/v2/Leads/1/Attachments?fields=id", header: [] },
      response: [{ name: "ok", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: "{}" }],
    },
  ],
});

/** Drops what two reads of one collection never share: the random `iid` and the ids made from it. */
const withoutIds = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === "iid" || (key === "id" && /^_gen_/.test(v)) ? undefined : v)));

describe("dist/prism-runtime.cjs", () => {
  it("exports every name @stoplight/prism-http exports", () => {
    expect(Object.keys(runtime).sort()).toStrictEqual(Object.keys(prismHttp).sort());
  });

  it("reads the shipped spec into the same operations as the package, and the build's cache holds them", async () => {
    const spec = defaultSpecPath();
    const bundled = await runtime.getHttpOperationsFromSpec(spec);
    expect(bundled).toStrictEqual(await prismHttp.getHttpOperationsFromSpec(spec));
    const cache = JSON.parse(readFileSync(join(dist, "spec-operations.json"), "utf8"));
    expect(cache.specSha256).toBe(specDigest(readFileSync(spec)));
    expect(cache.operations).toStrictEqual(JSON.parse(JSON.stringify(bundled)));
  });

  it("reads a Postman collection as the package does", async () => {
    const bundled = await runtime.getHttpOperationsFromSpec(collection());
    expect(bundled).toHaveLength(1);
    expect(withoutIds(bundled)).toStrictEqual(withoutIds(await prismHttp.getHttpOperationsFromSpec(collection())));
  });

  it("loads Faker only for a generated value, and postman-collection only for a collection", () => {
    // A fresh process: this one has loaded both through the package already.
    const script = `
      const runtime = require(${JSON.stringify(runtimeFile)});
      const loaded = (name) => Object.keys(require.cache).some((file) => file.includes("/node_modules/" + name + "/"));
      const seen = [loaded("@faker-js/faker"), loaded("postman-collection")];
      const word = runtime.generateHttpParam({ name: "h", style: "simple", schema: { type: "string" } });
      seen.push(loaded("@faker-js/faker"), loaded("postman-collection"));
      runtime.getHttpOperationsFromSpec(${JSON.stringify(collection())}).then((operations) => {
        seen.push(loaded("postman-collection"));
        console.log(JSON.stringify({ seen, word, operations: operations.length }));
      });`;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
    expect(out.seen).toStrictEqual([false, false, true, false, true]);
    // Prism asks Faker for `lorem.word` when it makes up a parameter: a word of letters.
    expect(out.word).toMatchObject({ _tag: "Some", value: expect.stringMatching(/^[a-z]+$/) });
    expect(out.operations).toBe(1);
  });
});
