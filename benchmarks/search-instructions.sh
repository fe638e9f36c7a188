#!/usr/bin/env bash
# Instructions per index search: callgrind's count of the instructions one `rfc search` process executes (start-up,
# store, SQLite, ranking, output), for the queries search-quality.sh --speed times. Counts, unlike wall-clock
# medians, hardly move with the machine's load or its neighbours: the same binary, store and query give the same
# count to within about half a percent, so a change is measured by its own difference. They leave out what the kernel
# does (page faults, system calls), which the timings include.
#
#   RFC_BIN=... RFC_HOME=... benchmarks/search-instructions.sh
#   RFC_BIN=... RFC_HOME=... RFC_BASELINE_BIN=... RFC_BASELINE_HOME=... benchmarks/search-instructions.sh
#
# RFC_BIN: a NativeAOT rfc (an installed one: $PREFIX/lib/rfc/rfc beside its libe_sqlite3). RFC_HOME: a store with the
# text index synced (search-quality.sh leaves one in $RFC_QUALITY_HOME/txt). The baseline pair, when given, is counted
# on the same lines; a baseline needs its own home when the schemas differ. Needs valgrind.
set -euo pipefail
command -v valgrind >/dev/null || { echo "search-instructions: needs valgrind" >&2; exit 1; }
[ -n "${RFC_BIN:-}" ] && [ -n "${RFC_HOME:-}" ] || { echo "search-instructions: set RFC_BIN and RFC_HOME (see the header)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rfc-instructions-XXXXXX")
trap 'rm -rf "$work"' EXIT

# count NAME BIN HOME ARGS...: callgrind's instruction total for one run. The binary runs from a copy beside its
# SQLite: valgrind gives up on the separate debug file a publish folder holds.
count() {
  local name=$1 bin=$2 home=$3 dir
  shift 3
  dir="$work/$name"
  mkdir -p "$dir"
  bin=$(readlink -f "$bin")
  cp "$bin" "$dir/rfc"
  cp "$(dirname "$bin")"/libe_sqlite3.* "$dir/"
  RFC_HOME=$home valgrind --tool=callgrind --callgrind-out-file="$dir/out" "$dir/rfc" "$@" >/dev/null 2>"$dir/log" || true
  grep -o 'Collected : [0-9]*' "$dir/log" | awk '{ print $3 }'
}

printf '%-34s %14s' "command" "instructions"
[ -n "${RFC_BASELINE_BIN:-}" ] && printf ' %14s %8s' "baseline" "ratio"
printf '\n'
i=0
for query in sip "congestion control" "tls 1.2" kerbros --version; do
  i=$((i + 1))
  if [ "$query" = --version ]; then args=(--version); label="rfc --version"; else args=(search "$query"); label="rfc search '$query'"; fi
  new=$(count "new$i" "$RFC_BIN" "$RFC_HOME" "${args[@]}")
  printf '%-34s %14s' "$label" "$new"
  if [ -n "${RFC_BASELINE_BIN:-}" ]; then
    old=$(count "old$i" "$RFC_BASELINE_BIN" "${RFC_BASELINE_HOME:-$RFC_HOME}" "${args[@]}")
    printf ' %14s %8s' "$old" "$(awk -v a="$new" -v b="$old" 'BEGIN { printf "%.2f", a / b }')"
  fi
  printf '\n'
done
