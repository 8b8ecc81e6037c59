#!/usr/bin/env node
// Packs every published workspace package with `pnpm pack` (which rewrites `workspace:` ranges the
// way `changeset publish` will) and prints each tarball's packed and unpacked size.
//
//   node scripts/pack-packages.mjs <out-dir> [--cwd <checkout>]
//
// Writes <out-dir>/packages.json, which check-tarballs.mjs and smoke-install.sh read.
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { readTarball } from "./lib/tarball.mjs";
import { formatBytes, mapLimit, printTable, publishedPackages, repoRoot, run } from "./lib/workspace.mjs";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { cwd: { type: "string" } } });
if (positionals.length !== 1) {
  console.error("usage: node scripts/pack-packages.mjs <out-dir> [--cwd <checkout>]");
  process.exit(2);
}
const outDir = resolve(positionals[0]);
const checkout = resolve(values.cwd ?? repoRoot);
mkdirSync(outDir, { recursive: true });

/** `pnpm pack --json` may print lifecycle output first; the JSON object starts at the first "{" line. */
function parsePackJson(output) {
  const start = output.search(/^\{/m);
  if (start === -1) throw new Error(`no JSON in pnpm pack output:\n${output}`);
  return JSON.parse(output.slice(start, output.lastIndexOf("}") + 1));
}

const packages = publishedPackages(checkout);
const packed = await mapLimit(packages, 2, async (pkg) => {
  const { code, output } = await run("pnpm", ["pack", "--json", "--pack-destination", outDir], { cwd: pkg.dir });
  if (code !== 0) {
    console.error(`✗ ${pkg.name}: pnpm pack failed\n${output}`);
    process.exit(1);
  }
  const { filename } = parsePackJson(output);
  const files = readTarball(filename);
  return {
    ...pkg,
    tarball: filename,
    packed: statSync(filename).size,
    unpacked: files.reduce((sum, file) => sum + file.size, 0),
    files: files.length,
  };
});

writeFileSync(resolve(outDir, "packages.json"), `${JSON.stringify(packed, null, 2)}\n`);
printTable([
  ["package", "version", "files", "packed", "unpacked"],
  ...packed.map((p) => [p.name, p.version, p.files, formatBytes(p.packed), formatBytes(p.unpacked)]),
]);
