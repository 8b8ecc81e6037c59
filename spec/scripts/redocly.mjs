/**
 * Lints and bundles the spec with Redocly's engine (@redocly/openapi-core), the library inside
 * `redocly lint` and `redocly bundle`, with the same rules (redocly.yaml) and the same output.
 *
 * Called through the library rather than the CLI because the CLI prints a twelve-line Node.js 20
 * end-of-life box on every run, while Node 20.19 is a supported runtime of this project's
 * packages: the box told every contributor on Node 20 that something was wrong when nothing was.
 *
 *   node scripts/redocly.mjs lint      zero problems, or exit 1 with each problem listed
 *   node scripts/redocly.mjs bundle    writes dist/openapi.json (one document, internal $refs)
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, formatProblems, getTotals, lint, loadConfig } from "@redocly/openapi-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ref = resolve(root, "openapi.yaml");
const config = await loadConfig({ configPath: resolve(root, "redocly.yaml") });
const command = process.argv[2];

if (command === "lint") {
  const problems = await lint({ ref, config });
  const totals = getTotals(problems);
  if (problems.length > 0) {
    formatProblems(problems, { format: "stylish", totals, version: "openapi-core" });
  }
  // One linter, zero warnings: a warning fails as an error does.
  if (totals.errors + totals.warnings > 0) {
    console.error(`openapi.yaml: ${totals.errors} error(s), ${totals.warnings} warning(s)`);
    process.exit(1);
  }
  console.log("openapi.yaml: valid, 0 problems");
} else if (command === "bundle") {
  const { bundle: document, problems } = await bundle({ ref, config });
  const totals = getTotals(problems);
  if (totals.errors > 0) {
    formatProblems(problems, { format: "stylish", totals, version: "openapi-core" });
    process.exit(1);
  }
  const output = resolve(root, "dist/openapi.json");
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, JSON.stringify(document.parsed, null, 2));
  console.log(`bundled openapi.yaml to ${output}`);
} else {
  console.error("usage: node scripts/redocly.mjs lint|bundle");
  process.exit(2);
}
