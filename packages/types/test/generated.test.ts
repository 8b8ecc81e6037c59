import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateTypes } from "../scripts/generate-types.ts";

describe("generated types", () => {
  it("match a fresh generation from the spec (run `pnpm generate` when this fails)", async () => {
    const committed = await readFile(new URL("../src/generated/openapi.gen.ts", import.meta.url), "utf8");
    expect(committed).toBe(await generateTypes());
  });

  it("map format: binary to Blob", async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = await mkdtemp(join(tmpdir(), "zcrm-types-"));
    const spec = join(dir, "binary.json");
    await writeFile(
      spec,
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "binary", version: "1" },
        paths: {},
        components: {
          schemas: {
            File: { type: "string", format: "binary" },
            MaybeFile: { type: ["string", "null"], format: "binary" },
          },
        },
      }),
    );
    const out = await generateTypes(spec);
    expect(out).toMatch(/File: Blob;/);
    expect(out).toMatch(/MaybeFile: Blob \| null;/);
  });
});
