import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function newestSource(): number {
  // Recursive: src/ has folders (binary/, store/, uploads/) whose own mtime does not change on an edit.
  const files = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" }).map((name) =>
    join(root, "src", name),
  );
  return Math.max(...files.map((file) => statSync(file).mtimeMs), statSync(join(root, "tsup.config.ts")).mtimeMs);
}

function builtAt(): number {
  try {
    return statSync(join(root, "dist", "bin.js")).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds dist/ when it is missing or older than src/, so `pnpm test` works without `pnpm build` first. */
export default function setup(): void {
  if (builtAt() >= newestSource()) return;
  execFileSync(process.execPath, [join(root, "node_modules", "tsup", "dist", "cli-default.js")], {
    cwd: root,
    stdio: "inherit",
  });
}
