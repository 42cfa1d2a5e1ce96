# shellcheck shell=bash
# Shared helpers for scripts/{setup,build,demo,test}. Source it; it does nothing
# by itself except cd to the repository root and put the project's tools on PATH.

NP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$NP_ROOT"

# Versions. wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
TRUNK_VERSION="0.21.14"
WASM_SPLIT_VERSION="0.2.4" # wasm_split_cli_support: Leptos' code splitting (decision 0008)
WASM_OPT_VERSION="132" # npm binaryen@132 (package.json); never Debian's binaryen 108
WASM_TARGET="wasm32-unknown-unknown"

# cargo-installed tools first, then npm's (wasm-opt from binaryen@132 must win
# over any /usr/bin/wasm-opt).
export PATH="$NP_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  _np_b=$'\033[1;34m' _np_y=$'\033[1;33m' _np_r=$'\033[1;31m' _np_0=$'\033[0m'
else
  _np_b='' _np_y='' _np_r='' _np_0=''
fi
np_log() { printf '%s==>%s %s\n' "$_np_b" "$_np_0" "$*"; }
np_ok() { printf '    %s\n' "$*"; }
np_warn() { printf '%swarning:%s %s\n' "$_np_y" "$_np_0" "$*" >&2; }
np_die() {
  printf '%serror:%s %s\n' "$_np_r" "$_np_0" "$*" >&2
  exit 1
}

# Seconds since the epoch, for step timings.
np_now() { date +%s; }

# Version of a package in Cargo.lock (first match), e.g. np_lock_version wasm-bindgen
np_lock_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    /^\[\[package\]\]/ { found = 0 }
  ' "$NP_ROOT/Cargo.lock"
}

# Prints the version a command reports as its second word, or nothing.
# (`trunk --version` -> "trunk 0.21.14", `wasm-bindgen --version` -> "wasm-bindgen 0.2.130")
np_tool_version() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | head -n1 | awk '{print $2}'
}

# Run a command as root (directly, or through sudo).
np_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    np_die "need root (or sudo) to run: $*"
  fi
}
