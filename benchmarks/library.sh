#!/usr/bin/env bash
# Local library benchmark: sync of the full text index, ranked search, full-text search, beside grep and rg over
# the same files. Serves the shared corpus with a local HTTP server (python3 -m http.server on 127.0.0.1); nothing
# leaves the machine. Needs hyperfine, rg, python3 and the .NET SDK.
#
#   benchmarks/library.sh [corpus-dir]      # default: $RFC_CORPUS, else ../shared/corpus next to the repository
#
# Writes hyperfine's markdown tables to benchmarks/out/ and prints them.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=benchmarks/lib.sh
. "$repo/benchmarks/lib.sh"
corpus=${1:-${RFC_CORPUS:-$repo/../../shared/corpus}}
[ -d "$corpus/rfc" ] || corpus=/work/shared/corpus
[ -d "$corpus/rfc" ] || { echo "no corpus at $corpus (pass its path)" >&2; exit 1; }
out=$repo/benchmarks/out
work=$(mktemp -d)
port=${PORT:-$(free_port)}
mkdir -p "$out"

echo "building rfc (Release)..." >&2
dotnet build "$repo/src/Rfc.Cli" -c Release -o "$work/bin" -v quiet -nologo >&2
rfc="$work/bin/rfc"

server=
trap '[ -z "$server" ] || kill "$server"; rm -rf "$work"' EXIT
start_http_server "$corpus" "$port" || { echo "python3's http.server did not start on port $port" >&2; exit 1; }
server=$http_server_pid

export RFC_HOME=$work/home
export RFC_INDEX_URL=http://127.0.0.1:$port/index/rfc-index.txt
export RFC_SOURCE=http://127.0.0.1:$port/rfc/rfc{n}.txt

# 1. Sync of the full text index (10,018 entries) into an empty store, then the conditional re-sync (python's
#    http.server sends Last-Modified and answers If-Modified-Since with 304). Separate runs: --prepare applies to all.
hyperfine --warmup 1 --runs 10 --export-json "$out/sync-full.json" --export-markdown "$out/sync-full.md" \
  --prepare "rm -rf '$RFC_HOME'" -n "rfc sync (empty store, 200)" "$rfc sync"
"$rfc" sync >/dev/null
hyperfine --warmup 1 --runs 10 --export-json "$out/sync-304.json" --export-markdown "$out/sync-304.md" \
  -n "rfc sync (again, 304)" "$rfc sync"

# Store every document of the corpus (one process, every number), timed once.
"$rfc" sync >/dev/null
numbers=$(ls "$corpus/rfc" | sed -n 's/^rfc\([0-9]*\)\.txt$/\1/p' | sort -n | tr '\n' ' ')
start=$(date +%s.%N)
"$rfc" $numbers --quiet --no-pager >/dev/null
end=$(date +%s.%N)
echo "stored $(echo $numbers | wc -w) documents in $(echo "$end - $start" | bc) s" | tee "$out/store.txt"

# 2. Ranked search over the index, beside grep/rg over the text index (which matches lines, not entries).
hyperfine --warmup 3 --runs 30 --export-json "$out/search.json" --export-markdown "$out/search.md" \
  -n 'rfc search "congestion control" --status "proposed standard"' "$rfc search 'congestion control' --status 'proposed standard'" \
  -n 'grep -i "congestion control" rfc-index.txt' "grep -i 'congestion control' '$corpus/index/rfc-index.txt'" \
  -n 'rg -i "congestion control" rfc-index.txt' "rg -i 'congestion control' '$corpus/index/rfc-index.txt'"

# 3. Full-text search over the stored corpus, beside grep/rg over the same 2,524 files.
hyperfine --warmup 3 --runs 30 --export-json "$out/fulltext.json" --export-markdown "$out/fulltext.md" \
  -n "rfc search --full-text '\"coffee pot\"'" "$rfc search --full-text '\"coffee pot\"'" \
  -n "rfc search --full-text 'congestion' (limit 20)" "$rfc search --full-text congestion" \
  -n "grep -ril 'coffee pot' rfc/" "grep -ril 'coffee pot' '$corpus/rfc'" \
  -n "rg -il 'coffee pot' rfc/" "rg -il 'coffee pot' '$corpus/rfc'" \
  -n "rg -i 'coffee pot' rfc/ (lines)" "rg -i 'coffee pot' '$corpus/rfc'"

# Startup alone, to separate it from the work.
hyperfine --warmup 3 --runs 30 --export-json "$out/startup.json" --export-markdown "$out/startup.md" -n "rfc --version" "$rfc --version"

cat "$out/store.txt"
# Medians (hyperfine's markdown shows means).
python3 - "$out"/sync-full.json "$out"/sync-304.json "$out"/search.json "$out"/fulltext.json "$out"/startup.json <<'PY'
import json, sys
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        print(f"| `{r['command']}` | {r['median']*1000:.1f} ms | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} ms | {r['min']*1000:.1f} ms | {r['max']*1000:.1f} ms |")
PY
