#!/usr/bin/env bash
# rfc serve against nginx on loopback, printed as a Markdown section (benchmarks/run.sh puts it in RESULTS.md):
#   - requests/s for /rfc/rfc2616.txt with keep-alive (wrk, 2 threads, 32 connections) from rfc serve and from nginx
#     serving the same file (target: rfc serve ≥ 0.5× nginx);
#   - median and p99 latency of /rfc/9110, the reader's HTML of a 194-page document (wrk --latency, one connection;
#     target: p99 < 20 ms);
#   - the binary's size and `rfc --help` time, and the same for RFC_BIN_BEFORE when given (the build before serve);
#     the size of rfc-serve, the server's own binary beside rfc (rfc serve execs it).
#
#   benchmarks/serve.sh RFC_BIN CORPUS [--smoke]
# Needs wrk, nginx, hyperfine, curl, python3.
set -euo pipefail
# shellcheck source=benchmarks/lib.sh
. "$(dirname "$0")/lib.sh"
rfc=$1 corpus=$2 smoke=0
[ "${3:-}" = --smoke ] && smoke=1
for tool in wrk hyperfine curl python3; do
  command -v "$tool" >/dev/null || { echo "serve.sh: $tool is required (Debian: apt-get install $tool)" >&2; exit 1; }
done
nginx=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
[ -n "$nginx" ] || { echo "serve.sh: nginx is required" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rfc-serve-bench-XXXXXX")
nginx_pid= serve_pid=
cleanup() {
  for pid in $serve_pid $nginx_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# nginx: the corpus as /rfc/rfcN.txt, as a mirror would serve it.
nginx_port=$(free_port)
nginx_base=http://127.0.0.1:$nginx_port
start_nginx "$nginx" "$work/nginx" "$nginx_port" "location /rfc/ { alias $corpus/rfc/; }" "$nginx_base/rfc/rfc2616.txt" || exit 1

# rfc serve over a store holding RFC 2616 and RFC 9110, fetched from that nginx.
export RFC_HOME=$work/home
RFC_SOURCE="$nginx_base/rfc/rfc{n}.txt" "$rfc" 2616 9110 --no-pager >/dev/null 2>&1
serve_port=$(free_port)
"$rfc" serve --quiet --listen "127.0.0.1:$serve_port" 2>"$work/serve.log" &
serve_pid=$!
serve_base=http://127.0.0.1:$serve_port
for _ in $(seq 200); do curl -sf -o /dev/null "$serve_base/rfc/rfc2616.txt" && break; sleep 0.05; done
cmp -s <(curl -s "$serve_base/rfc/rfc2616.txt") "$corpus/rfc/rfc2616.txt" || { cat "$work/serve.log" >&2; echo "serve.sh: rfc serve did not serve RFC 2616 exactly" >&2; exit 1; }

if [ "$smoke" = 1 ]; then duration=2s; runs=(--runs 2); else duration=10s; runs=(--warmup 10 --runs 200); fi
# Warm both (the reader renders a page once per store state; the first request pays for it).
curl -s -o /dev/null "$serve_base/rfc/9110"
wrk -t2 -c32 -d2s "$serve_base/rfc/rfc2616.txt" >/dev/null
wrk -t2 -c32 -d2s "$nginx_base/rfc/rfc2616.txt" >/dev/null

rps() { wrk -t2 -c32 -d"$duration" "$1" | awk '/^Requests\/sec:/ {print $2}'; }
serve_rps=$(rps "$serve_base/rfc/rfc2616.txt")
nginx_rps=$(rps "$nginx_base/rfc/rfc2616.txt")
wrk -t1 -c1 -d"$duration" --latency "$serve_base/rfc/9110" >"$work/latency.txt"
# wrk prints "50%  1.23ms"; convert us/ms/s to ms.
pct() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.2f", v }' "$work/latency.txt"; }
p50=$(pct 50%) p99=$(pct 99%)
html_rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/latency.txt")

size_mib() { python3 -c "import os, sys; print(f'{os.path.getsize(sys.argv[1]) / 1048576:.1f}')" "$1"; }
help_ms() {
  hyperfine -N --style none "${runs[@]}" --export-json "$work/help.json" "$1 --help" >/dev/null 2>&1
  python3 -c "import json, sys; print(f\"{json.load(open(sys.argv[1]))['results'][0]['median'] * 1000:.2f}\")" "$work/help.json"
}

ratio=$(python3 -c "print(f'{$serve_rps / $nginx_rps:.2f}')")
met() { [ "$smoke" = 1 ] && { echo "(smoke)"; return; }; python3 -c "print('yes' if $1 else '**no**')"; }
echo "## Serve"
echo
echo "Written by \`benchmarks/serve.sh\` (wrk $(wrk --version 2>&1 | sed -n 's/^wrk \([^ ]*\).*/\1/p'), $duration per figure, loopback; rfc serve with --quiet, nginx with sendfile and 2 workers)."
echo
echo "| figure | rfc serve | peer | ratio | target | met |"
echo "|---|---|---|---|---|---|"
echo "| requests/s, \`/rfc/rfc2616.txt\` (422 KB), keep-alive, 2 threads × 32 connections | $serve_rps | $nginx_rps nginx | ${ratio}× | ≥ 0.5× nginx | $(met "$ratio >= 0.5") |"
echo "| latency of \`/rfc/9110\` (reader HTML, 194 pages), one connection: median / p99 | $p50 ms / $p99 ms | — | — | p99 < 20 ms | $(met "$p99 < 20") |"
echo "| requests/s of \`/rfc/9110\` on that one connection | $html_rps | — | — | — | — |"
size_before=— help_before=—
if [ -n "${RFC_BIN_BEFORE:-}" ]; then
  size_before="$(size_mib "$RFC_BIN_BEFORE") MiB before serve"
  help_before="$(help_ms "$RFC_BIN_BEFORE") ms before serve"
fi
# CPU time and page faults (perf stat) say what wall time on a shared machine cannot: how much work start-up is.
cpu() {
  command -v perf >/dev/null || { echo "—"; return; }
  perf stat -x, -r "$([ "$smoke" = 1 ] && echo 2 || echo 100)" -e task-clock,page-faults "$@" 2>&1 >/dev/null |
    awk -F, '$3 == "task-clock" { t = $1 } $3 == "page-faults" { f = $1 } END { printf "%.2f ms CPU, %d page faults", t, f }'
}
cpu_before=— read_before=—
if [ -n "${RFC_BIN_BEFORE:-}" ]; then
  cpu_before="$(cpu "$RFC_BIN_BEFORE" --help) before serve"
  read_before="$(cpu "$RFC_BIN_BEFORE" 2616 --no-pager) before serve"
fi
echo "| binary size | $(size_mib "$rfc") MiB | $size_before | — | — | — |"
# rfc serve execs rfc-serve from beside rfc's real path (install.sh's layout); its size is the server's own cost.
server="$(dirname "$(readlink -f "$rfc")")/rfc-serve"
if [ -e "$server" ]; then echo "| \`rfc-serve\` size (the server, a second binary) | $(size_mib "$server") MiB | — | — | — | — |"; fi
echo "| \`rfc --help\`: CPU time and page faults (perf stat) | $(cpu "$rfc" --help) | $cpu_before | — | — | — |"
echo "| cached \`rfc 2616\`: CPU time and page faults (perf stat) | $(cpu "$rfc" 2616 --no-pager) | $read_before | — | — | — |"
echo "| \`rfc --help\` (median of hyperfine runs) | $(help_ms "$rfc") ms | $help_before | — | < 10 ms | — |"
