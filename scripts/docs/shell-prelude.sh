# Sourced by bash before each sh example the docs check runs (see run-sh-block.mjs). It stands in
# for what a reader has around them, without touching the network:
#   - `pnpm mock …` and `zcrm-mock …` start the mock in the background, as a reader starts it in a
#     second terminal: the line returns once the mock prints that it listens, and the next such line
#     (or the end of the block) stops it with Ctrl+C (SIGINT to its process group), which must end
#     it with status 0, as the mock's README promises;
#   - the port a command would default to (4010) is the free port the runner chose for it;
#   - `npx <bin>` runs a bin that is installed (the workspace's), and refuses to download one;
#   - `npm install --global` of a workspace package is already done (its bins are on PATH); any other
#     install is refused, since it would reach the registry.
# Environment from the runner: ZCRM_DOCS_DIR (scratch folder), ZCRM_DOCS_DEFAULT_PORT,
# ZCRM_DOCS_SERVERS (file the started servers' process groups are appended to).

__docs_server_pid=""
__docs_server_count=0

__docs_stop_server() {
  [ -n "$__docs_server_pid" ] || return 0
  local pid=$__docs_server_pid status=0
  __docs_server_pid=""
  kill -INT -- "-$pid" 2>/dev/null || true
  wait "$pid" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "docs-check: the mock started by this block exited with status $status after Ctrl+C (SIGINT), not 0" >&2
    return 1
  fi
}

# Serves unless the arguments only ask for help or the version.
__docs_serves() {
  local arg
  for arg in "$@"; do
    case "$arg" in --help | -h | --version | -v) return 1 ;; esac
  done
}

__docs_start_server() {
  __docs_stop_server
  __docs_server_count=$((__docs_server_count + 1))
  local log="$ZCRM_DOCS_DIR/.server-$__docs_server_count.log" port_given="" arg i
  for arg in "$@"; do case "$arg" in --port | --port=*) port_given=1 ;; esac; done
  set -m # its own process group, so Ctrl+C reaches it and nothing else
  if [ -n "$port_given" ] || [ -n "${PORT:-}" ]; then
    command "$@" >"$log" 2>&1 &
  else
    PORT="$ZCRM_DOCS_DEFAULT_PORT" command "$@" >"$log" 2>&1 &
  fi
  __docs_server_pid=$!
  set +m
  echo "$__docs_server_pid" >>"$ZCRM_DOCS_SERVERS"
  for ((i = 0; i < 600; i++)); do
    if grep -q "listening on http" "$log"; then
      echo "docs-check: started in the background: $*"
      return 0
    fi
    if ! kill -0 "$__docs_server_pid" 2>/dev/null; then
      local status=0
      wait "$__docs_server_pid" || status=$?
      __docs_server_pid=""
      echo "docs-check: \`$*\` exited with status $status before it listened:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.05
  done
  echo "docs-check: \`$*\` did not say it listens within 30 s:" >&2
  cat "$log" >&2
  return 1
}

pnpm() {
  if [ "${1:-}" = mock ] && __docs_serves "${@:2}"; then
    __docs_start_server pnpm "$@"
  else
    case "${1:-}" in
      add | install | i) __docs_install "pnpm $*" "${@:2}" ;;
      *) command pnpm "$@" ;;
    esac
  fi
}

zcrm-mock() {
  if __docs_serves "$@"; then __docs_start_server zcrm-mock "$@"; else command zcrm-mock "$@"; fi
}

npx() {
  while [ "${1:-}" = --yes ] || [ "${1:-}" = -y ]; do shift; done
  if type -P "${1:-}" >/dev/null; then
    "$@"
  else
    echo "docs-check: npx $1 would download $1 from the registry; the docs check runs only installed bins" >&2
    return 127
  fi
}

npm() {
  case "${1:-}" in
    install | i | add) __docs_install "npm $*" "${@:2}" ;;
    *) command npm "$@" ;;
  esac
}

# Installing is a no-op for workspace packages installed globally; anything else is refused.
__docs_install() {
  local what="$1" arg global="" packages=()
  shift
  for arg in "$@"; do
    case "$arg" in
      --global | -g) global=1 ;;
      -*) ;;
      *) packages+=("$arg") ;;
    esac
  done
  for arg in "${packages[@]}"; do
    case "$arg" in
      @zcrm-attachments/*) ;;
      *) global="" ;;
    esac
  done
  if [ -n "$global" ] && [ "${#packages[@]}" -gt 0 ]; then
    echo "docs-check: \`$what\`: the workspace's build stands in (its bins are on PATH)"
    return 0
  fi
  echo "docs-check: \`$what\` would install from the registry; mark the block syntax-only (reason)" >&2
  return 1
}

# The block's status stands, unless stopping its mock fails.
__docs_on_exit() {
  local status=$?
  __docs_stop_server || status=1
  exit "$status"
}
trap __docs_on_exit EXIT

# A line whose comment quotes curl's error (`# curl: (56) reset`) documents that exit status: the
# runner rewrites it to call this with the status it expects and the one it got.
__docs_expect_status() {
  [ "$2" -eq "$1" ] && return 0
  echo "docs-check: this line should exit with status $1, as its comment says, but exited with $2: $3" >&2
  return 1
}
