/**
 * The checks that need no mock: json blocks parse, sh blocks pass `bash -n`, and the contract
 * README's example exchanges pass `zcrm-contract validate` as written, so the exchange a reader
 * copies into a file works. (ts blocks are type-checked by scripts/lib/ts-blocks.mjs.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { markdownBlocks } from "../lib/markdown-blocks.mjs";
import { repoRoot } from "../lib/workspace.mjs";

/** `bash -n` on the block; returns its problems as `{ line, message }` (line counted in the block). */
export function checkShell(code, scratch) {
  const file = join(scratch, "block.sh");
  writeFileSync(file, `${code}\n`);
  const result = spawnSync("bash", ["-n", file], { encoding: "utf8" });
  if (result.status === 0) return [];
  const message = result.stderr.replaceAll(`${file}: `, "").trim();
  return [{ line: Number(/^line (\d+):/.exec(message)?.[1] ?? 0), message }];
}

/** JSON.parse on the block; returns its problem, if any, as `{ line: 0, message }`. */
export function checkJson(code) {
  try {
    JSON.parse(code);
    return [];
  } catch (error) {
    return [{ line: 0, message: `invalid JSON: ${error.message}` }];
  }
}

const CONTRACT_README = "packages/contract/README.md";

/**
 * Validates the contract README's json blocks shaped as an exchange, a list of them or a HAR log
 * with the built bin, when that README is among `checked` (paths relative to the root). Returns
 * `{ problems, validated }`, each problem a line naming the block.
 */
export function checkContractExamples(checked) {
  if (!checked.includes(CONTRACT_README)) return { problems: [], validated: 0 };
  const bin = join(repoRoot, "packages/contract/bin/zcrm-contract.js");
  const isExchange = (v) => typeof v === "object" && v !== null && "request" in v && "response" in v;
  const dir = mkdtempSync(join(tmpdir(), "zcrm-docs-exchanges-"));
  const problems = [];
  let validated = 0;
  try {
    for (const block of markdownBlocks(readFileSync(join(repoRoot, CONTRACT_README), "utf8")).blocks) {
      if (block.lang !== "json" || block.marker?.kind === "skip") continue;
      let value;
      try {
        value = JSON.parse(block.code);
      } catch {
        continue; // checkJson reports it
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
        `${CONTRACT_README}:${block.line}: the example exchange fails zcrm-contract validate (exit ${run.status}): ${why}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { problems, validated };
}
