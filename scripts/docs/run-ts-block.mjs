/**
 * Runs one TypeScript example after it type-checked: its setup and code as `block.ts` in a folder of
 * the scratch project (with the fixtures beside it), under tsx, with Zoho's hosts and the docs' port
 * 4010 routed to mocks of its own (block-mocks.mjs, offline-preload.mjs).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { blockSource, setupLineCount } from "../lib/ts-blocks.mjs";
import { startBlockMocks, withMockLog } from "./block-mocks.mjs";
import { exampleEnv, failureOf, refusedHosts, runBounded } from "./example-process.mjs";
import { writeFixtures } from "./fixtures.mjs";
import { DEFAULT_PORT } from "./shell-script.mjs";

const ENTRY = fileURLToPath(new URL("./ts-block-entry.mjs", import.meta.url));

/** Rewrites `…/block.ts:LINE` in the output to the Markdown line it came from. */
export function markdownLines(output, path, block, setupLines) {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return output.replace(new RegExp(`(?:file://)?${escaped}:(\\d+)(?::\\d+)?`, "g"), (_, line) => {
    const inBlock = Number(line) - setupLines;
    return inBlock > 0 ? `${block.file}:${block.line + inBlock}` : `${block.file}:${block.line} (its docs-check setup)`;
  });
}

/**
 * Runs `block` ({ id, file, line, code, setup }) with `context` ({ projectDir, startMock, credentials,
 * timeoutMs }); resolves with `{ ok, ms, why, output }`.
 */
export async function runTsBlock(block, context) {
  const dir = join(context.projectDir, "run", block.id.replace(/[^A-Za-z0-9]+/g, "-"));
  mkdirSync(dir, { recursive: true });
  writeFixtures(dir);
  const source = join(dir, "block.ts");
  writeFileSync(source, blockSource(block));
  const mocks = await startBlockMocks(context.startMock);
  try {
    const env = exampleEnv({
      dir,
      mockUrl: mocks.orgUrl,
      portMap: { [DEFAULT_PORT]: String(mocks.localPort) },
      credentials: context.credentials,
    });
    const result = await runBounded(process.execPath, ["--import", "tsx", ENTRY, "block.ts"], {
      cwd: dir,
      env,
      timeoutMs: context.timeoutMs,
    });
    const why = failureOf(result, refusedHosts(dir), context.timeoutMs);
    const output = markdownLines(withMockLog(result.output, mocks.log), source, block, setupLineCount(block));
    return { ok: why === null, ms: result.ms, why, output };
  } finally {
    await mocks.close();
  }
}
