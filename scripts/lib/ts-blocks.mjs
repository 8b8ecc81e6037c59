/**
 * Type-checks ```ts blocks from the docs the way a user's project would see them: each block (after
 * its docs-check setup) is a module of the scratch project (scripts/docs/scratch-project.mjs), whose
 * imports go through the packages' exports to the built dist/ declarations, resolved as NodeNext ESM.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { repoRoot } from "./workspace.mjs";

const require = createRequire(join(repoRoot, "package.json"));
const ts = require("typescript");

/** The TypeScript a block runs as: its setup (if any), then its code. */
export function blockSource(block) {
  return block.setup === "" ? block.code : `${block.setup}\n${block.code}`;
}

/** How many lines of a block's source come from its setup, before the block's own first line. */
export function setupLineCount(block) {
  return block.setup === "" ? 0 : block.setup.split("\n").length;
}

/**
 * Checks `blocks` ({ id, code, setup }) as files of the project in `projectDir` and returns, per
 * block id, its diagnostics as `{ line, message }` with `line` counted inside the block (0 = in the
 * setup comment).
 */
export function checkTsBlocks(blocks, projectDir) {
  const files = new Map();
  for (const block of blocks) {
    const file = join(projectDir, `${block.id.replace(/[^A-Za-z0-9]+/g, "-")}.ts`);
    writeFileSync(file, blockSource(block));
    files.set(file, { block, setupLines: setupLineCount(block) });
  }
  const program = ts.createProgram([...files.keys()], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    moduleDetection: ts.ModuleDetectionKind.Force,
    lib: ["lib.es2023.d.ts"],
    types: ["node"],
    typeRoots: [join(projectDir, "node_modules", "@types")],
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const results = new Map(blocks.map((block) => [block.id, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const owner = diagnostic.file ? files.get(diagnostic.file.fileName) : undefined;
    if (!owner) {
      // A problem outside the snippets (a broken built .d.ts, a missing @types/node) fails them all.
      for (const list of results.values()) list.push({ line: 0, message: `TS${diagnostic.code}: ${message}` });
      continue;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const inBlock = line + 1 - owner.setupLines;
    results.get(owner.block.id).push({ line: Math.max(inBlock, 0), message: `TS${diagnostic.code}: ${message}` });
  }
  return results;
}
