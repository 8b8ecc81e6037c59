#!/usr/bin/env bash
# Rehearses a release without publishing anything: copies the repository into a temporary
# directory on a throwaway branch, installs from pnpm's store, runs `changeset version`, checks the
# versions, CHANGELOG.md files and internal dependency ranges that come out, builds, and packs every
# published package as `changeset publish` would, printing packed and unpacked sizes. Nothing is
# pushed or published, and the real checkout is only read.
#
#   bash scripts/release-dry-run.sh                 # rehearse the committed state (HEAD)
#   bash scripts/release-dry-run.sh --working-tree  # rehearse the files as they are now, uncommitted changes included
#   add --keep to leave the temporary copy for inspection
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
mode=head keep=false
for arg in "$@"; do
  case "$arg" in
    --working-tree) mode=working-tree ;;
    --keep) keep=true ;;
    *) echo "usage: release-dry-run.sh [--working-tree] [--keep]" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/zcrm-release-XXXXXX")"
if [ "$keep" = true ]; then echo "release: keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
repo="$work/repo"
git_rehearsal() { git -C "$repo" -c user.name="release rehearsal" -c user.email="rehearsal@localhost" "$@"; }
phase() { echo "release: $1"; }
fail() { echo "✗ release dry run: $1" >&2; exit 1; }
fail_with_log() { tail -n 40 "$work/log" >&2; fail "$1"; }

if [ "$mode" = head ]; then
  phase "cloning HEAD ($(git -C "$root" rev-parse --short HEAD)) into $repo"
  git clone --quiet "$root" "$repo"
  git -C "$repo" remote remove origin # nothing to push to, even by mistake
  git -C "$repo" switch --quiet --create release-rehearsal
else
  phase "copying the working tree (uncommitted changes included) into $repo"
  mkdir -p "$repo"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done \
    | tar --null --files-from=- -cf - ) | tar -xf - -C "$repo"
  git -C "$repo" init --quiet --initial-branch=release-rehearsal
  git_rehearsal add --all && git_rehearsal commit --quiet --message "release rehearsal base"
fi

cd "$repo"
phase "installing from pnpm's store"
pnpm install --frozen-lockfile --prefer-offline >"$work/log" 2>&1 || fail_with_log "pnpm install failed"

pnpm -r ls --depth -1 --json >"$work/before.json"
mkdir -p "$work/changesets" # kept to compare the bumps asked for with the ones changesets makes
find .changeset -name '*.md' ! -name 'README.md' -exec cp {} "$work/changesets/" \;
pending=$(find "$work/changesets" -name '*.md' | wc -l)
phase "changeset version ($pending pending changeset(s))"
pnpm exec changeset version >"$work/log" 2>&1 || fail_with_log "changeset version failed"
git_rehearsal add --all && git_rehearsal commit --quiet --allow-empty --message "Version packages (rehearsal)"

phase "building (what pnpm release runs before changeset publish)"
pnpm run build >"$work/log" 2>&1 || fail_with_log "pnpm build failed"

phase "packing every published package"
node "$root/scripts/pack-packages.mjs" "$work/packs" --cwd "$repo" >"$work/pack-table.txt" || fail "packing failed"

echo
report=ok
node "$root/scripts/release-report.mjs" --before "$work/before.json" --changesets "$work/changesets" --repo "$repo" --packs "$work/packs" \
  || report=failed
echo
cat "$work/pack-table.txt"
echo
[ "$report" = ok ] || fail "the versioned packages are not what the changesets ask for (see above)"
echo "✓ release dry run: versions, changelogs, ranges and tarballs are ready; nothing was published or pushed"
