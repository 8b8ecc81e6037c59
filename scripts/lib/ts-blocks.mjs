// Type-checks ```ts blocks from the docs the way a user's project would see them: each block is a
// module in a temporary project whose node_modules links the workspace packages (so imports go
// through their package.json exports to the built dist/ declarations), resolved as NodeNext ESM.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "./workspace.mjs";

const require = createRequire(join(repoRoot, "package.json"));
const ts = require("typescript");

function link(target, path) {
  mkdirSync(dirname(path), { recursive: true });
  rmSync(path, { force: true, recursive: true });
  symlinkSync(target, path, "junction");
}

/** A temp project that resolves @zcrm-attachments/* to the workspace and other imports to the root's node_modules. */
function makeProject(workspacePackages) {
  const dir = mkdtempSync(join(tmpdir(), "zcrm-docs-"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module", "private": true }\n');
  const modules = join(repoRoot, "node_modules");
  for (const name of readdirSync(modules)) {
    if (name.startsWith(".")) continue;
    if (name.startsWith("@")) {
      for (const scoped of readdirSync(join(modules, name)))
        link(join(modules, name, scoped), join(dir, "node_modules", name, scoped));
    } else link(join(modules, name), join(dir, "node_modules", name));
  }
  for (const pkg of workspacePackages) link(pkg.dir, join(dir, "node_modules", ...pkg.name.split("/")));
  // Any workspace package's @types/node (the catalog pins one version).
  for (const pkg of workspacePackages) {
    try {
      const typesNode = dirname(createRequire(join(pkg.dir, "package.json")).resolve("@types/node/package.json"));
      link(typesNode, join(dir, "node_modules", "@types", "node"));
      break;
    } catch {}
  }
  return dir;
}

/**
 * Checks `blocks` ({ id, code, setup }) and returns, per block id, its diagnostics as
 * `{ line, message }` with `line` counted inside the block (0 = in the setup comment).
 */
export function checkTsBlocks(blocks, workspacePackages) {
  const dir = makeProject(workspacePackages);
  try {
    const files = new Map();
    for (const block of blocks) {
      const file = join(dir, `${block.id.replace(/[^A-Za-z0-9]+/g, "-")}.ts`);
      const setupLines = block.setup === "" ? 0 : block.setup.split("\n").length;
      writeFileSync(file, block.setup === "" ? block.code : `${block.setup}\n${block.code}`);
      files.set(file, { block, setupLines });
    }
    const program = ts.createProgram([...files.keys()], {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      moduleDetection: ts.ModuleDetectionKind.Force,
      lib: ["lib.es2023.d.ts"],
      types: ["node"],
      typeRoots: [join(dir, "node_modules", "@types")],
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
