#!/usr/bin/env node
// The client's size budget: its own built code (dist/index.js and what it pulls from this
// repository's packages) minified and gzipped, with its npm dependencies (openapi-fetch, the
// multipart encoder, content-disposition, mime-types and its database) left out: they are
// installed beside it, not part of its code. Fails above the budget; also prints the size with
// every dependency included, for information. Needs a built client (pnpm build).
//
//   node scripts/client-size.mjs [--budget <bytes>]
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { formatBytes, repoRoot } from "./lib/workspace.mjs";

// The first budget, 8 kB, was set when the client only listed attachments; with OAuth refresh,
// retries, uploads, downloads and their input checks it measures about 25 kB, so the budget now
// guards against growth from there rather than promising the old figure.
const { values } = parseArgs({ options: { budget: { type: "string", default: "28672" } } });
const budget = Number(values.budget);
const clientDir = join(repoRoot, "packages", "client");
const entry = join(clientDir, "dist", "index.js");
if (!existsSync(entry)) {
  console.error(`✗ client size: ${entry} is missing; run pnpm build first.`);
  process.exit(1);
}

/** Minified, gzipped (level 9) size of the bundle, and its biggest inputs. */
async function measure(external, from = entry) {
  const result = await build({
    entryPoints: [from],
    absWorkingDir: clientDir,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external,
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const [output] = result.outputFiles;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
    .map(([path, info]) => ({
      path: path.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, ""),
      bytes: info.bytesInOutput,
    }))
    .sort((a, b) => b.bytes - a.bytes);
  return { minified: output.contents.length, gzipped: gzipSync(output.contents, { level: 9 }).length, inputs };
}

const { dependencies = {} } = JSON.parse(readFileSync(join(clientDir, "package.json"), "utf8"));
const npmDependencies = Object.keys(dependencies).filter((name) => !name.startsWith("@zcrm-attachments/"));
const own = await measure(npmDependencies);
const all = await measure([]);
const share = Math.round((own.gzipped / budget) * 100);

console.log(
  `client, own code (npm dependencies external): ${own.gzipped} B gzipped (${formatBytes(own.minified)} minified); budget ${budget} B, ${share}% used`,
);
console.log(
  `client, with every dependency:                ${all.gzipped} B gzipped (${formatBytes(all.minified)} minified)`,
);
// Where the bytes come from: the same bundle made from src/, so each source file shows.
const bySource = await measure(npmDependencies, join(clientDir, "src", "index.ts"));
const top = bySource.inputs.slice(0, 6).map((i) => `${i.path.replace(/^src\//, "")} ${formatBytes(i.bytes)}`);
console.log(`largest sources (minified, before gzip): ${top.join(", ")}`);
if (own.gzipped > budget) {
  console.error(
    `✗ client size: ${own.gzipped} B is over the ${budget} B budget (minified + gzipped, npm dependencies excluded).`,
  );
  process.exit(1);
}
