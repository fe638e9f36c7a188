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
corpus=${1:-${RFC_CORPUS:-$repo/../../shared/corpus}}
[ -d "$corpus/rfc" ] || corpus=/work/shared/corpus
[ -d "$corpus/rfc" ] || { echo "no corpus at $corpus (pass its path)" >&2; exit 1; }
out=$repo/benchmarks/out
work=$(mktemp -d)
port=${PORT:-18080}
mkdir -p "$out"

echo "building rfc (Release)..." >&2
dotnet build "$repo/src/Rfc.Cli" -c Release -o "$work/bin" -v quiet -nologo >&2
rfc="$work/bin/rfc"

python3 -m http.server --bind 127.0.0.1 "$port" --directory "$corpus" >/dev/null 2>&1 &
server=$!
trap 'kill "$server"; rm -rf "$work"' EXIT
sleep 1

export RFC_HOME=$work/home
export RFC_INDEX_URL=http://127.0.0.1:$port/index/rfc-index.txt
export RFC_SOURCE=http://127.0.0.1:$port/rfc/rfc{n}.txt

# 1. Sync of the full text index (10,018 entries) into an empty index, and the conditional re-sync.
hyperfine --warmup 1 --runs 10 --export-markdown "$out/sync.md" \
  --prepare "rm -rf '$RFC_HOME'" -n "rfc sync (empty store, 200)" "$rfc sync" \
  -n "rfc sync (again, 304)" "$rfc sync"

# Store every document of the corpus (one process, every number), timed once.
"$rfc" sync >/dev/null
numbers=$(ls "$corpus/rfc" | sed -n 's/^rfc\([0-9]*\)\.txt$/\1/p' | sort -n | tr '\n' ' ')
start=$(date +%s.%N)
"$rfc" $numbers --quiet --no-pager >/dev/null
end=$(date +%s.%N)
echo "stored $(echo $numbers | wc -w) documents in $(echo "$end - $start" | bc) s" | tee "$out/store.txt"

# 2. Ranked search over the index, beside grep/rg over the text index (which matches lines, not entries).
hyperfine --warmup 3 --runs 30 --export-markdown "$out/search.md" \
  -n 'rfc search "congestion control" --status "proposed standard"' "$rfc search 'congestion control' --status 'proposed standard'" \
  -n 'grep -i "congestion control" rfc-index.txt' "grep -i 'congestion control' '$corpus/index/rfc-index.txt'" \
  -n 'rg -i "congestion control" rfc-index.txt' "rg -i 'congestion control' '$corpus/index/rfc-index.txt'"

# 3. Full-text search over the stored corpus, beside grep/rg over the same 2,524 files.
hyperfine --warmup 3 --runs 30 --export-markdown "$out/fulltext.md" \
  -n "rfc search --full-text '\"coffee pot\"'" "$rfc search --full-text '\"coffee pot\"'" \
  -n "rfc search --full-text 'congestion' (limit 20)" "$rfc search --full-text congestion" \
  -n "grep -ril 'coffee pot' rfc/" "grep -ril 'coffee pot' '$corpus/rfc'" \
  -n "rg -il 'coffee pot' rfc/" "rg -il 'coffee pot' '$corpus/rfc'" \
  -n "rg -i 'coffee pot' rfc/ (lines)" "rg -i 'coffee pot' '$corpus/rfc'"

# Startup alone, to separate it from the work.
hyperfine --warmup 3 --runs 30 --export-markdown "$out/startup.md" -n "rfc --version" "$rfc --version"

cat "$out/sync.md" "$out/store.txt" "$out/search.md" "$out/fulltext.md" "$out/startup.md"
