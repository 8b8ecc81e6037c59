// Helpers shared by the release and packaging scripts: where the repository is, which packages
// are published, how to run a command and how to print a small table.
import { execFileSync, spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the scripts live in <root>/scripts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Path of a binary installed at the repository root (publint, attw, esbuild, prism, changeset). */
export function rootBin(name) {
  return join(repoRoot, "node_modules", ".bin", name);
}

/**
 * The workspace packages that are published (not `private`), read from pnpm itself so a new
 * package is picked up without editing any list. `cwd` may be another checkout (the release rehearsal).
 */
export function publishedPackages(cwd = repoRoot) {
  const out = execFileSync("pnpm", ["-r", "ls", "--depth", "-1", "--json"], { cwd, encoding: "utf8" });
  return JSON.parse(out)
    .filter((project) => project.private !== true)
    .map((project) => ({ name: project.name, version: project.version, dir: project.path }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Runs a command without a shell and resolves with its exit code and combined output (never rejects). */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolvePromise({ code: 127, output: `${output}${error.message}\n` }));
    child.on("close", (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

/** Runs async jobs with at most `limit` at a time, keeping the results in input order. */
export async function mapLimit(items, limit, job) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index], index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** 12345 -> "12.1 kB" (1 kB = 1024 bytes, as the size budget counts). */
export function formatBytes(bytes) {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** Prints rows as an aligned plain-text table; the first row is the header. */
export function printTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) =>
    row
      .map((cell, column) => String(cell).padEnd(widths[column]))
      .join("  ")
      .trimEnd();
  console.log(line(rows[0]));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows.slice(1)) console.log(line(row));
}
