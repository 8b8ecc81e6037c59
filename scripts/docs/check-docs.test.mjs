/**
 * Tests of the docs check itself (`node --test scripts/docs/`; needs `pnpm build`): it runs the real
 * check on Markdown files written here, whose examples pass, throw, hang, or reach for the network,
 * and asserts on what the check prints and its exit status. Two runs of the check cover every case,
 * so the file stays within a few seconds of the check's own start-up.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { failingCases, passingCases } from "./check-docs.cases.mjs";

const CHECK = fileURLToPath(new URL("../check-docs.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "zcrm-docs-test-"));

/** Runs the check on `markdown` (saved as `name`); resolves with its exit status and output. */
function check(name, markdown, ...flags) {
  const file = join(dir, name);
  writeFileSync(file, markdown);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHECK, "--verbose", "--output", ...flags, file], { stdio: "pipe" });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) => resolve({ status, output, file }));
  });
}

/** The check's lines about the block whose fence is on `line` (its failure and the output under it). */
function about(run, line) {
  const lines = run.output.split("\n");
  const start = lines.findIndex((l) => l.includes(`${run.file}:${line} `));
  if (start < 0) return "";
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("    "));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

describe("the docs check runs examples", () => {
  let failing;
  let passing;
  before(async () => {
    [failing, passing] = await Promise.all([
      check("failing.md", failingCases.markdown, "--timeout", "4"),
      check("passing.md", passingCases.markdown),
    ]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("passes a file whose examples all work, and counts what it did", () => {
    assert.equal(passing.status, 0, passing.output);
    assert.match(
      passing.output,
      /docs: 1 Markdown files: 6 examples ran \(ts 3, sh 3\), 2 only checked \(ts 1 type-checked, sh 1 syntax-checked\)/,
    );
  });

  for (const [name, { line, expect }] of Object.entries(passingCases.blocks)) {
    it(`passing: ${name}`, () => {
      const text = about(passing, line);
      assert.ok(text, `nothing about line ${line} in:\n${passing.output}`);
      for (const pattern of expect) assert.match(text, pattern);
    });
  }

  it("fails a file with failing examples, once per problem", () => {
    assert.equal(failing.status, 1, failing.output);
    const problems = Object.keys(failingCases.blocks).length + failingCases.markerProblems.length;
    assert.match(failing.output, new RegExp(`✗ docs: ${problems} problem\\(s\\) in code blocks`));
  });

  for (const [name, { line, expect }] of Object.entries(failingCases.blocks)) {
    it(`failing: ${name}`, () => {
      const text = about(failing, line);
      assert.ok(text.startsWith("✗ "), `no failure for line ${line} in:\n${failing.output}`);
      for (const pattern of expect) assert.match(text, pattern);
    });
  }

  it("names each misplaced or malformed marker", () => {
    for (const { line, expect } of failingCases.markerProblems) {
      assert.match(
        failing.output,
        new RegExp(`✗ ${failing.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${line}: ${expect}`),
      );
    }
  });
});
