#!/usr/bin/env node
// Checks every fenced code block in the repository's Markdown (READMEs, CONTRIBUTING.md, …):
//   ts / typescript  type-checked against the built workspace packages (run `pnpm build` first)
//   json             parsed
//   sh / bash / shell  syntax-checked with `bash -n`
//   text, or no language: output samples and diagrams, nothing to check
// and the contract README's example exchanges must pass `zcrm-contract validate` (checkContractExamples).
// Any other language fails until it gets a checker or an explicit skip marker. Skipping a block
// takes `<!-- docs-check: skip (reason) -->` on the line right above it; see CONTRIBUTING.md.
//
//   node scripts/check-docs.mjs [file.md ...]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { markdownBlocks } from "./lib/markdown-blocks.mjs";
import { checkTsBlocks } from "./lib/ts-blocks.mjs";
import { repoRoot } from "./lib/workspace.mjs";

const KINDS = { ts: "ts", typescript: "ts", json: "json", sh: "sh", bash: "sh", shell: "sh", text: "text", "": "text" };

/** Markdown files git knows about (tracked, or new and not ignored), so node_modules never counts. */
function markdownFiles() {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "--", "*.md"], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return [...new Set(out.split("\n").filter(Boolean))].sort();
}

function workspacePackages() {
  const out = execFileSync("pnpm", ["-r", "ls", "--depth", "-1", "--json"], { cwd: repoRoot, encoding: "utf8" });
  return JSON.parse(out)
    .filter((p) => p.name?.startsWith("@zcrm-attachments/"))
    .map((p) => ({ name: p.name, dir: p.path }));
}

function checkShell(code, scratch) {
  const file = join(scratch, "block.sh");
  writeFileSync(file, `${code}\n`);
  const result = spawnSync("bash", ["-n", file], { encoding: "utf8" });
  if (result.status === 0) return [];
  const message = result.stderr.replaceAll(`${file}: `, "").trim();
  return [{ line: Number(/^line (\d+):/.exec(message)?.[1] ?? 0), message }];
}

function checkJson(code) {
  try {
    JSON.parse(code);
    return [];
  } catch (error) {
    return [{ line: 0, message: `invalid JSON: ${error.message}` }];
  }
}

const files = process.argv.length > 2 ? process.argv.slice(2) : markdownFiles();
const failures = [];
const counts = { ts: 0, json: 0, sh: 0, text: 0, skipped: 0 };
const skipped = [];
const tsBlocks = [];
const scratch = mkdtempSync(join(tmpdir(), "zcrm-docs-sh-"));
try {
  for (const file of files) {
    const { blocks, problems } = markdownBlocks(readFileSync(join(repoRoot, file), "utf8"));
    for (const problem of problems) failures.push(`${file}:${problem.line}: ${problem.message}`);
    for (const block of blocks) {
      const where = `${file}:${block.line}`;
      const kind = KINDS[block.lang];
      if (block.skip !== null) {
        counts.skipped++;
        skipped.push(`${where} (${block.lang || "text"}): ${block.skip}`);
        continue;
      }
      if (kind === undefined) {
        failures.push(
          `${where}: no checker for \`\`\`${block.lang} blocks; use ts, json, sh or text, or add <!-- docs-check: skip (reason) -->`,
        );
        continue;
      }
      counts[kind]++;
      const report = (list) => {
        for (const d of list) {
          failures.push(`${file}:${block.line + d.line} (${block.lang} block at line ${block.line}): ${d.message}`);
        }
      };
      if (kind === "sh") report(checkShell(block.code, scratch));
      if (kind === "json") report(checkJson(block.code));
      if (kind === "ts") tsBlocks.push({ ...block, id: where, file });
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * The contract README's example exchanges (its json blocks shaped as an exchange, a list of them or
 * a HAR log) must pass `zcrm-contract validate` as written, so the example a reader copies works:
 * each is saved to a file and the built bin judges it. Returns the problems, each with its line.
 */
function checkContractExamples(checked) {
  const file = "packages/contract/README.md";
  if (!checked.includes(file)) return [];
  const bin = join(repoRoot, "packages/contract/bin/zcrm-contract.js");
  const isExchange = (v) => typeof v === "object" && v !== null && "request" in v && "response" in v;
  const dir = mkdtempSync(join(tmpdir(), "zcrm-docs-exchanges-"));
  const problems = [];
  let validated = 0;
  try {
    for (const block of markdownBlocks(readFileSync(join(repoRoot, file), "utf8")).blocks) {
      if (block.lang !== "json" || block.skip !== null) continue;
      let value;
      try {
        value = JSON.parse(block.code);
      } catch {
        continue; // the json checker reports it
      }
      if (!isExchange(value) && !(Array.isArray(value) && value.every(isExchange)) && !value?.log?.entries) continue;
      validated++;
      const path = join(dir, `example-at-line-${block.line}.json`);
      writeFileSync(path, block.code);
      const run = spawnSync(process.execPath, [bin, "validate", path, "--reporter", "json"], { encoding: "utf8" });
      if (run.status === 0) continue;
      let why = run.stderr.trim();
      try {
        why = JSON.parse(run.stdout)
          .verdicts.flatMap((v) => v.findings.map((f) => f.message))
          .join("; ");
      } catch {
        // not a report: the bin's own error (say, not built) is the reason
      }
      problems.push(
        `${file}:${block.line}: the example exchange fails zcrm-contract validate (exit ${run.status}): ${why}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`docs: ${validated} example exchange(s) of ${file} validated with zcrm-contract`);
  return problems;
}
failures.push(...checkContractExamples(files));

if (tsBlocks.length > 0) {
  const results = checkTsBlocks(tsBlocks, workspacePackages());
  for (const block of tsBlocks) {
    for (const d of results.get(block.id)) {
      const where = d.line === 0 && block.setup !== "" ? "its docs-check setup" : `line ${block.line + d.line}`;
      failures.push(`${block.file}:${block.line + d.line} (ts block at line ${block.line}, ${where}): ${d.message}`);
    }
  }
}

for (const line of skipped) console.log(`skipped ${line}`);
for (const line of failures) console.log(`✗ ${line}`);
const checked = counts.ts + counts.json + counts.sh;
console.log(
  `docs: ${files.length} Markdown files, ${checked} code blocks checked (ts ${counts.ts}, json ${counts.json}, sh ${counts.sh}), ` +
    `${counts.skipped} skipped, ${counts.text} text blocks (output, diagrams) not checked`,
);
if (failures.length > 0) {
  console.error(`✗ docs: ${failures.length} problem(s) in code blocks.`);
  process.exit(1);
}
