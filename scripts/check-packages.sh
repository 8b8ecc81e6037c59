#!/usr/bin/env bash
# Everything about the published tarballs, on the current build (run `pnpm build` first; the root
# script `pnpm check:packages` does): pack each package, check the tarballs (contents,
# publint --strict, attw), hold the client to its size budget, then install the tarballs into a
# project outside the workspace and use them from ESM and CommonJS, under this Node and each one
# SMOKE_NODE_BINS names. Every check runs even when an
# earlier one failed; each prints its seconds, and the failed ones are named at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
packs="$(mktemp -d "${TMPDIR:-/tmp}/zcrm-packs-XXXXXX")"
trap 'rm -rf "$packs"' EXIT
failed=()

step() {
  local name="$1" started=$SECONDS
  shift
  echo "── $name"
  if "$@"; then
    echo "   ($((SECONDS - started)) s)"
  else
    echo "✗ $name failed ($((SECONDS - started)) s)" >&2
    failed+=("$name")
  fi
}

step "pack the published packages" node "$root/scripts/pack-packages.mjs" "$packs"
[ ${#failed[@]} -eq 0 ] || exit 1 # nothing to check without tarballs
step "tarball contents, publint --strict, attw" node "$root/scripts/check-tarballs.mjs" "$packs"
step "client size budget" node "$root/scripts/client-size.mjs"
step "smoke install outside the workspace (Node $(node --version))" bash "$root/scripts/smoke-install.sh" "$packs"
# SMOKE_NODE_BINS: more Node bin folders (space-separated) to repeat the smoke install under, so the
# packed tarballs are proven on each Node users run (.ci/run passes Node 22 and 24).
for bin in ${SMOKE_NODE_BINS:-}; do
  step "smoke install outside the workspace (Node $("$bin/node" --version))" \
    env PATH="$bin:$PATH" bash "$root/scripts/smoke-install.sh" "$packs"
done

if [ ${#failed[@]} -gt 0 ]; then
  printf '✗ package checks failed: %s\n' "$(IFS=';'; echo "${failed[*]}" | sed 's/;/; /g')" >&2
  exit 1
fi
