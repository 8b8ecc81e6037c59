#!/usr/bin/env bash
# Installs the packed tarballs into a throwaway project outside the workspace, as a user would,
# then imports and runs each package from ESM and CommonJS, runs the two commands, and serves the
# packed YAML spec with Prism. The install uses pnpm's store (--prefer-offline), and internal
# dependencies are overridden to point at the tarballs (they are not on the registry yet).
#
#   bash scripts/smoke-install.sh <dir written by pack-packages.mjs>
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
packs="$(cd "${1:?usage: smoke-install.sh <pack-dir>}" && pwd)"
project="$(mktemp -d "${TMPDIR:-/tmp}/zcrm-smoke-XXXXXX")"
trap 'rm -rf "$project"' EXIT

# package.json: every tarball as a dependency; pnpm-workspace.yaml: overrides so the tarballs'
# own dependencies on each other resolve to the tarballs too.
node - "$packs" "$project" "$root" <<'NODE'
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const [packs, project, root] = process.argv.slice(2);
const packages = JSON.parse(readFileSync(join(packs, "packages.json"), "utf8"));
const deps = Object.fromEntries(packages.map((p) => [p.name, `file:${p.tarball}`]));
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
writeFileSync(join(project, "package.json"), JSON.stringify({ name: "zcrm-smoke", private: true, type: "module", packageManager, dependencies: deps }, null, 2));
const overrides = packages.map((p) => `  "${p.name}": "file:${p.tarball}"`).join("\n");
writeFileSync(join(project, "pnpm-workspace.yaml"), `packages: []\noverrides:\n${overrides}\n`);
NODE

echo "smoke: installing $(ls "$packs"/*.tgz | wc -l) tarballs into $project"
if ! (cd "$project" && pnpm install --prefer-offline --reporter=silent >install.log 2>&1); then
  cat "$project/install.log" >&2
  echo "✗ smoke: pnpm install of the tarballs failed" >&2
  exit 1
fi

cp "$root"/scripts/smoke/esm.mjs "$root"/scripts/smoke/cjs.cjs "$root"/scripts/smoke/bins.mjs "$project"/
cd "$project"
node_flags=(--disable-warning=ExperimentalWarning)
node "${node_flags[@]}" esm.mjs || { echo "✗ smoke: ESM import/use failed (scripts/smoke/esm.mjs)" >&2; exit 1; }
node "${node_flags[@]}" cjs.cjs || { echo "✗ smoke: CommonJS require/use failed (scripts/smoke/cjs.cjs)" >&2; exit 1; }
node "${node_flags[@]}" bins.mjs "$root/node_modules/.bin/prism" || { echo "✗ smoke: commands or Prism on the packed YAML failed (scripts/smoke/bins.mjs)" >&2; exit 1; }
echo "✓ smoke: every tarball installs and works from ESM and CommonJS"
