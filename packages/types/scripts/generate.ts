/**
 * Generates src/generated/ from the bundled spec: openapi.gen.ts (the types, by openapi-typescript)
 * and facts.gen.ts (Zoho's facts as runtime tables, by generate-facts.ts).
 *
 * Runs through openapi-typescript's Node API rather than its CLI because the CLI cannot map
 * `format: binary` to `Blob`; downloads and uploads need Blob, not string.
 *
 *   pnpm generate            write the files
 *   pnpm generate --check    exit 1 when a committed file differs from a fresh generation
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { renderFacts } from "./generate-facts.ts";
import { bundledSpecPath, generateTypes } from "./generate-types.ts";

const spec = JSON.parse(await readFile(bundledSpecPath(), "utf8"));
const outputs = [
  { file: "openapi.gen.ts", content: await generateTypes() },
  { file: "facts.gen.ts", content: renderFacts(spec) },
];

let stale = 0;
for (const { file, content } of outputs) {
  const target = fileURLToPath(new URL(`../src/generated/${file}`, import.meta.url));
  if (process.argv.includes("--check")) {
    const committed = await readFile(target, "utf8").catch(() => "");
    if (committed !== content) {
      console.error(
        `packages/types/src/generated/${file} is out of date with spec/. Run \`pnpm generate\` and commit it.`,
      );
      stale++;
    }
  } else {
    await writeFile(target, content);
    console.log(`wrote ${target}`);
  }
}
if (stale > 0) process.exit(1);
if (process.argv.includes("--check")) console.log("generated types and facts match the spec");
