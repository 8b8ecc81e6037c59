#!/usr/bin/env node
// Part of the release rehearsal (release-dry-run.sh): after `changeset version` and packing, checks
// and prints, per published package, the version change, its CHANGELOG.md entry and the internal
// dependency ranges its tarball will publish. Exits 1 naming the package and the check that failed.
//
//   node scripts/release-report.mjs --before <pnpm ls json> --changesets <dir of the consumed .md files>
//                                   --repo <rehearsal copy> --packs <pack dir>
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readTarball } from "./lib/tarball.mjs";
import { printTable } from "./lib/workspace.mjs";

const { values } = parseArgs({
  options: {
    before: { type: "string" },
    changesets: { type: "string" },
    repo: { type: "string" },
    packs: { type: "string" },
  },
});
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const before = new Map(readJson(values.before).map((p) => [p.name, p]));
const packed = readJson(join(values.packs, "packages.json"));
const versions = new Map(packed.map((p) => [p.name, p.version]));
const problems = [];
const rows = [["package", "version", "bump", "CHANGELOG.md", "internal ranges in the tarball"]];

/** The range pnpm pack writes for a `workspace:` range, given the dependency's new version. */
function expectedRange(range, version) {
  const spec = range.slice("workspace:".length);
  if (spec === "^" || spec === "~") return `${spec}${version}`;
  if (spec === "*") return version;
  return spec;
}

const RANK = { none: 0, patch: 1, minor: 2, major: 3 };

/** The largest bump each package's pending changesets ask for (their front matter: `"name": minor`). */
function requestedBumps(dir) {
  const wanted = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md"))) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), "utf8"))?.[1] ?? "";
    for (const [, name, type] of front.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:\s*(major|minor|patch|none)\s*$/gm)) {
      if (RANK[type] > RANK[wanted.get(name) ?? "none"]) wanted.set(name, type);
    }
  }
  return wanted;
}
const requested = requestedBumps(values.changesets);

function bump(from, to) {
  if (from === to) return "none";
  const [a, b] = [from, to].map((v) => v.split(".").map(Number));
  return a[0] !== b[0] ? "major" : a[1] !== b[1] ? "minor" : "patch";
}

for (const pkg of packed) {
  const fail = (check) => problems.push(`${pkg.name}: ${check}`);
  const old = before.get(pkg.name)?.version ?? "(new)";
  const source = readJson(join(pkg.dir, "package.json"));
  const manifest = JSON.parse(
    readTarball(pkg.tarball)
      .find((f) => f.path === "package.json")
      .content.toString("utf8"),
  );
  if (manifest.version !== source.version) fail(`tarball version ${manifest.version} is not ${source.version}`);

  const changelog = join(pkg.dir, "CHANGELOG.md");
  let changelogCell = "-";
  if (old !== pkg.version) {
    const text = existsSync(changelog) ? readFileSync(changelog, "utf8") : "";
    const start = text.indexOf(`## ${pkg.version}\n`);
    if (start === -1) fail(`CHANGELOG.md has no "## ${pkg.version}" section`);
    else {
      const section = text.slice(start).split(/\n(?=## )/)[0];
      changelogCell = `## ${pkg.version} (${section.split("\n").filter((line) => line.startsWith("- ")).length} entries)`;
    }
  }

  const ranges = [];
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dep, range] of Object.entries(source[field] ?? {})) {
      if (!range.startsWith("workspace:")) continue;
      const want = expectedRange(range, versions.get(dep) ?? before.get(dep)?.version);
      const got = manifest[field]?.[dep];
      if (got !== want) fail(`${field}.${dep} is ${got ?? "missing"} in the tarball, expected ${want}`);
      ranges.push(
        `${dep.replace("@zcrm-attachments/", "")} ${got}${field === "dependencies" ? "" : ` (${field.replace("Dependencies", "")})`}`,
      );
    }
  }
  const made = bump(old, pkg.version);
  const asked = requested.get(pkg.name) ?? "none";
  // A package whose dependency is released gets a patch to pick it up ("updateInternalDependencies").
  const dependencyMoved = Object.entries(source.dependencies ?? {}).some(
    ([dep, range]) => range.startsWith("workspace:") && versions.get(dep) !== before.get(dep)?.version,
  );
  if (RANK[made] > Math.max(RANK[asked], dependencyMoved ? RANK.patch : RANK.none)) {
    fail(
      `changesets made a ${made} bump where the changesets ask for ${asked}` +
        " (a dependent is bumped when a dependency it declares, a peer dependency especially, leaves its range)",
    );
  }
  rows.push([
    pkg.name,
    `${old} → ${pkg.version}`,
    made === asked ? made : `${made} (asked: ${asked})`,
    changelogCell,
    ranges.join(", ") || "-",
  ]);
}

// Private packages (the workspace root, apps that are not published) must not be versioned.
for (const project of before.values()) {
  if (!project.private) continue;
  const now = readJson(join(project.path, "package.json")); // `before` was listed inside the rehearsal copy
  if (now.version !== project.version)
    problems.push(`${project.name}: private package was versioned (${project.version} → ${now.version})`);
}
const left = readdirSync(join(values.repo, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
if (left.length > 0) problems.push(`.changeset still holds ${left.join(", ")} after changeset version`);

printTable(rows);
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ release: ${problem}`);
  process.exit(1);
}
