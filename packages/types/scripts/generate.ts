/**
 * Generates src/generated/openapi.gen.ts from the bundled spec.
 *
 * Runs through openapi-typescript's Node API rather than its CLI because the CLI cannot map
 * `format: binary` to `Blob`; downloads and uploads need Blob, not string.
 *
 *   pnpm generate            write the file
 *   pnpm generate --check    exit 1 when the committed file differs from a fresh generation
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { generateTypes } from "./generate-types.ts";

const target = fileURLToPath(new URL("../src/generated/openapi.gen.ts", import.meta.url));
const fresh = await generateTypes();

if (process.argv.includes("--check")) {
  const committed = await readFile(target, "utf8").catch(() => "");
  if (committed !== fresh) {
    console.error(
      "packages/types/src/generated/openapi.gen.ts is out of date with spec/. Run `pnpm generate` and commit the result.",
    );
    process.exit(1);
  }
  console.log("generated types match the spec");
} else {
  await writeFile(target, fresh);
  console.log(`wrote ${target}`);
}
