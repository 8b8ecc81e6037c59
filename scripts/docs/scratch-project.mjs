/**
 * The temporary project the docs' TypeScript examples live in, set up the way a user's project sees
 * the packages: its node_modules links the workspace packages (so imports go through their
 * package.json exports to the built dist/), the root's dependencies, @types/node, and tsx (a dev
 * dependency of two workspace packages, not of the root) for running the examples.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "../lib/workspace.mjs";

function link(target, path) {
  mkdirSync(dirname(path), { recursive: true });
  rmSync(path, { force: true, recursive: true });
  symlinkSync(target, path, "junction");
}

/** The folder holding `name`'s package.json, resolved from the first workspace package that depends on it. */
function resolveFromWorkspace(name, workspacePackages) {
  for (const pkg of workspacePackages) {
    try {
      return dirname(createRequire(join(pkg.dir, "package.json")).resolve(`${name}/package.json`));
    } catch {}
  }
  throw new Error(`no workspace package depends on ${name}; run pnpm install`);
}

/**
 * Creates the project in a new temp folder and returns `{ dir, remove }`. `workspacePackages` are
 * `{ name, dir }` of the workspace's packages.
 */
export function makeProject(workspacePackages) {
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
  // The catalog pins one version of each, so any workspace package's copy is the one.
  link(resolveFromWorkspace("@types/node", workspacePackages), join(dir, "node_modules", "@types", "node"));
  link(resolveFromWorkspace("tsx", workspacePackages), join(dir, "node_modules", "tsx"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
