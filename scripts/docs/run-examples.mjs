/**
 * Runs the examples that passed their static check, a few at a time, and gathers what each did.
 * Sets up what they share: the mock's startMock (from the built apps/mock, imported here so each
 * example's mock starts in this process without a cold start), its placeholder credentials, a folder
 * inside the repository for sh examples, and a bin folder putting the workspace's CLIs on PATH as
 * an install would.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mapLimit, repoRoot } from "../lib/workspace.mjs";
import { onAbort } from "./example-process.mjs";
import { runShBlock } from "./run-sh-block.mjs";
import { runTsBlock } from "./run-ts-block.mjs";

/** Examples run side by side: most of their time is spent waiting on a mock or a child process. */
export const CONCURRENCY = 4;

/** Writes a launcher per workspace bin (zcrm-mock, zcrm-contract, zcrm-attachments) into `binDir`. */
function writeBins(binDir, workspacePackages) {
  mkdirSync(binDir, { recursive: true });
  for (const pkg of workspacePackages) {
    const manifest = JSON.parse(readFileSync(join(pkg.dir, "package.json"), "utf8"));
    const bins =
      typeof manifest.bin === "string" ? { [pkg.name.split("/").pop()]: manifest.bin } : (manifest.bin ?? {});
    for (const [name, path] of Object.entries(bins)) {
      const launcher = join(binDir, name);
      writeFileSync(launcher, `#!/bin/sh\nexec "${process.execPath}" "${join(pkg.dir, path)}" "$@"\n`);
      chmodSync(launcher, 0o755);
    }
  }
}

async function loadMock() {
  try {
    return await import("@zcrm-attachments/mock");
  } catch (error) {
    throw new Error(`cannot load the built mock (run pnpm build first; pnpm check:docs does): ${error.message}`);
  }
}

/**
 * Runs `blocks` (each `{ id, file, line, lang, kind: "ts" | "sh", code, setup }`) and resolves with
 * their results in the same order (`{ ok, ms, why, output }`). `projectDir` is the scratch project
 * of the ts examples; `timeoutMs` bounds each example.
 */
export async function runExamples(blocks, { projectDir, workspacePackages, timeoutMs }) {
  if (blocks.length === 0) return [];
  const mock = await loadMock();
  const cache = join(repoRoot, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const shRoot = mkdtempSync(join(cache, "zcrm-docs-check-"));
  const remove = () => rmSync(shRoot, { recursive: true, force: true });
  const forget = onAbort(remove);
  try {
    const context = {
      projectDir,
      shRoot,
      binDir: join(shRoot, ".bin"),
      timeoutMs,
      startMock: mock.startMock,
      credentials: {
        clientId: mock.DEFAULT_CLIENT_ID,
        clientSecret: mock.DEFAULT_CLIENT_SECRET,
        refreshToken: mock.DEFAULT_REFRESH_TOKEN,
      },
    };
    writeBins(context.binDir, workspacePackages);
    // sh examples first: they start servers and run suites, so they are the long ones, and starting
    // them early keeps the slowest from being the last thing the check waits for.
    const order = blocks
      .map((_, i) => i)
      .sort((a, b) => (blocks[a].kind === "sh" ? 0 : 1) - (blocks[b].kind === "sh" ? 0 : 1));
    const results = new Array(blocks.length);
    await mapLimit(order, CONCURRENCY, async (i) => {
      const block = blocks[i];
      try {
        results[i] = await (block.kind === "ts" ? runTsBlock(block, context) : runShBlock(block, context));
      } catch (error) {
        results[i] = { ok: false, ms: 0, why: `could not be run: ${error.message}`, output: "" };
      }
    });
    return results;
  } finally {
    forget();
    remove();
  }
}
