#!/usr/bin/env node
// Checks the tarballs pack-packages.mjs wrote, as npm would publish them: their contents, then
// `publint --strict` and `attw` on each. Prints one line per package; on failure, the package, the
// check and the tool's output, and exits 1.
//
//   node scripts/check-tarballs.mjs <out-dir>
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readTarball } from "./lib/tarball.mjs";
import { contentProblems } from "./lib/tarball-contents.mjs";
import { mapLimit, repoRoot, rootBin, run } from "./lib/workspace.mjs";

const outDir = resolve(process.argv[2] ?? "");
if (process.argv.length !== 3) {
  console.error("usage: node scripts/check-tarballs.mjs <out-dir>");
  process.exit(2);
}
const packages = JSON.parse(readFileSync(join(outDir, "packages.json"), "utf8"));
const license = readFileSync(join(repoRoot, "LICENSE"));
const noColor = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };

/** publint exits 1 on any message with --strict (suggestions aside). */
async function publint(tarball) {
  const { code, output } = await run(rootBin("publint"), ["--strict", tarball], { env: noColor });
  return code === 0 ? null : output.trim();
}

/** attw with its strict profile; a package without any TypeScript entry point (the spec) is fine. */
async function attw(tarball) {
  const { code, output } = await run(rootBin("attw"), [tarball, "--format", "ascii", "--no-color"], { env: noColor });
  if (code === 0) return { problem: null, note: /does not contain types/.test(output) ? "no types to check" : "" };
  return { problem: output.trim(), note: "" };
}

const results = await mapLimit(packages, 2, async (pkg) => {
  const failures = [];
  const contents = contentProblems(readTarball(pkg.tarball), license);
  if (contents.length > 0) failures.push(["contents", contents.map((line) => `- ${line}`).join("\n")]);
  const lint = await publint(pkg.tarball);
  if (lint) failures.push(["publint --strict", lint]);
  const types = await attw(pkg.tarball);
  if (types.problem) failures.push(["attw", types.problem]);
  return { pkg, failures, note: types.note };
});

for (const { pkg, failures, note } of results) {
  if (failures.length === 0) {
    console.log(`✓ ${pkg.name}: contents, publint --strict, attw${note ? ` (${note})` : ""}`);
    continue;
  }
  for (const [check, output] of failures) {
    console.log(`✗ ${pkg.name}: ${check} failed`);
    console.log(output.replace(/^/gm, "    "));
  }
}
const failed = results.filter((result) => result.failures.length > 0);
if (failed.length > 0) {
  console.error(`Tarball checks failed for ${failed.map((result) => result.pkg.name).join(", ")}.`);
  process.exit(1);
}
