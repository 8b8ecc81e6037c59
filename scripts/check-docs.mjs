#!/usr/bin/env node
/**
 * Checks every fenced code block in the repository's Markdown (READMEs, CONTRIBUTING.md, …), then
 * runs the examples that can run offline against the mock (run `pnpm build` first; `pnpm check:docs`
 * does):
 *   ts / typescript    type-checked against the built packages, then run with tsx against a stateful
 *                      mock (unless marked `type-only (reason)`)
 *   sh / bash / shell  syntax-checked with `bash -n`, then run when marked `run`
 *   json               parsed; the contract README's example exchanges also pass `zcrm-contract validate`
 *   text, or none      output samples and diagrams, nothing to check
 * Examples reach Zoho's hosts through the mock and nothing else (scripts/docs/). The markers are
 * described in scripts/lib/markdown-blocks.mjs and CONTRIBUTING.md.
 *
 *   node scripts/check-docs.mjs [--verbose] [--output] [--timeout SECONDS] [file.md ...]
 *     --verbose  lists every block that was not simply checked and passed, with its reason
 *     --output   with --verbose, also prints what each example that ran printed (its last 60 lines)
 *     --timeout  seconds each example may take (45)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { planBlock } from "./docs/block-plan.mjs";
import { onAbort } from "./docs/example-process.mjs";
import { runExamples } from "./docs/run-examples.mjs";
import { makeProject } from "./docs/scratch-project.mjs";
import { checkContractExamples, checkJson, checkShell } from "./docs/static-checks.mjs";
import { markdownBlocks } from "./lib/markdown-blocks.mjs";
import { checkTsBlocks } from "./lib/ts-blocks.mjs";
import { repoRoot } from "./lib/workspace.mjs";

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    verbose: { type: "boolean", default: false },
    output: { type: "boolean", default: false },
    timeout: { type: "string", default: "45" },
  },
});
const timeoutMs = Number(flags.timeout) * 1000;
if (!(timeoutMs > 0)) {
  console.error(`✗ --timeout takes a number of seconds per example, not ${JSON.stringify(flags.timeout)}`);
  process.exit(2);
}

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

/** A file named on the command line, as the check names it: relative to the root when inside it. */
function displayName(file) {
  const path = resolve(process.cwd(), file);
  const inRepo = relative(repoRoot, path);
  return inRepo.startsWith("..") || isAbsolute(inRepo) ? path : inRepo;
}

const files = positionals.length > 0 ? positionals.map(displayName) : markdownFiles();
const failures = [];
const notes = []; // under --verbose: what happened to each block that did not simply pass
const counts = { ran: { ts: 0, sh: 0 }, only: { ts: 0, sh: 0 }, json: 0, skipped: 0, text: 0, unrun: 0 };
const tsBlocks = [];
const runnable = [];
const scratch = mkdtempSync(join(tmpdir(), "zcrm-docs-sh-"));
try {
  for (const file of files) {
    const { blocks, problems } = markdownBlocks(readFileSync(resolve(repoRoot, file), "utf8"));
    for (const problem of problems) failures.push(`${file}:${problem.line}: ${problem.message}`);
    for (const block of blocks) {
      const where = `${file}:${block.line}`;
      const label = block.lang || "text";
      const plan = planBlock(block);
      if (plan.problem) {
        failures.push(`${where}: ${plan.problem}`);
        continue;
      }
      if (plan.kind === null) {
        counts.skipped++;
        notes.push(`skipped      ${where} (${label}): ${plan.reason}`);
        continue;
      }
      const entry = { ...block, id: where, file, kind: plan.kind, staticProblems: 0 };
      const report = (list) => {
        entry.staticProblems += list.length;
        for (const d of list)
          failures.push(`${file}:${block.line + d.line} (${label} block at line ${block.line}): ${d.message}`);
      };
      if (plan.kind === "text") counts.text++;
      if (plan.kind === "json") {
        counts.json++;
        report(checkJson(block.code));
      }
      if (plan.kind === "sh") report(checkShell(block.code, scratch));
      if (plan.kind === "ts") tsBlocks.push(entry);
      if (plan.kind === "ts" || plan.kind === "sh") {
        if (plan.run) runnable.push(entry);
        else {
          counts.only[plan.kind]++;
          notes.push(`${plan.kind === "ts" ? "type-only  " : "syntax-only"}  ${where} (${label}): ${plan.reason}`);
        }
      }
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const contract = checkContractExamples(files);
failures.push(...contract.problems);

const packages = workspacePackages();
const project = makeProject(packages);
const forgetProject = onAbort(project.remove);
try {
  if (tsBlocks.length > 0) {
    const results = checkTsBlocks(tsBlocks, project.dir);
    for (const block of tsBlocks) {
      for (const d of results.get(block.id)) {
        block.staticProblems++;
        const where = d.line === 0 && block.setup !== "" ? "its docs-check setup" : `line ${block.line + d.line}`;
        failures.push(`${block.file}:${block.line + d.line} (ts block at line ${block.line}, ${where}): ${d.message}`);
      }
    }
  }
  // A block that failed its static check is reported once, for that; running it would only repeat it.
  const toRun = runnable.filter((block) => block.staticProblems === 0);
  counts.unrun = runnable.length - toRun.length;
  for (const block of runnable) {
    if (block.staticProblems > 0) notes.push(`not run      ${block.id} (${block.lang}): it failed its static check`);
  }
  const started = performance.now();
  const results = await runExamples(toRun, { projectDir: project.dir, workspacePackages: packages, timeoutMs });
  toRun.forEach((block, i) => {
    const result = results[i];
    counts.ran[block.kind]++;
    const seconds = (result.ms / 1000).toFixed(1);
    const output = result.output.trimEnd().split("\n").slice(-60).join("\n    ");
    if (result.ok) {
      notes.push(`ran          ${block.id} (${block.lang}) in ${seconds} s`);
      if (flags.output && output) notes.push(`    ${output}`);
      return;
    }
    failures.push(`${block.id} (${block.lang} block, run): ${result.why}${output ? `\n    ${output}` : ""}`);
  });
  if (toRun.length > 0) notes.push(`examples ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  forgetProject();
  project.remove();
}

if (flags.verbose) for (const line of notes) console.log(line);
for (const line of failures) console.log(`✗ ${line}`);
const ran = counts.ran.ts + counts.ran.sh;
const only = counts.only.ts + counts.only.sh;
console.log(
  `docs: ${files.length} Markdown files: ${ran} examples ran (ts ${counts.ran.ts}, sh ${counts.ran.sh}), ` +
    `${only} only checked (ts ${counts.only.ts} type-checked, sh ${counts.only.sh} syntax-checked), ` +
    `${counts.json} json parsed (${contract.validated} validated with zcrm-contract), ${counts.skipped} skipped, ` +
    `${counts.text} text blocks not checked${counts.unrun ? `, ${counts.unrun} not run (they failed their static check)` : ""}` +
    `${flags.verbose ? "" : " (--verbose lists each reason)"}`,
);
if (failures.length > 0) {
  console.error(`✗ docs: ${failures.length} problem(s) in code blocks.`);
  process.exit(1);
}
