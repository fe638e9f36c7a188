#!/usr/bin/env bash
# Issue 13's figures: (1) references coverage over the whole corpus (ReferenceParser on every rfcN.txt: the share
# with a references section and, of those, the share whose entries all resolved to an RFC, BCP/STD, draft or a
# recognised external document); (2) the time of `rfc sync` when the whole errata file (12 MB, 8,018 records) is
# downloaded, parsed and stored. Serves the corpus with python3 -m http.server on 127.0.0.1 (it sends Last-Modified
# but no ETag, so the index answers 304 and the errata file is transferred whole every time). Needs hyperfine.
#
#   benchmarks/errata-refs.sh [corpus-dir]     # default: $RFC_CORPUS, else ../shared/corpus next to the repository
#
# Prints the figures and writes them into benchmarks/RESULTS.md between the errata-refs markers.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=benchmarks/lib.sh
. "$repo/benchmarks/lib.sh"
corpus=${1:-${RFC_CORPUS:-$repo/../../shared/corpus}}
[ -d "$corpus/rfc" ] || corpus=/work/shared/corpus
[ -d "$corpus/errata" ] || { echo "no corpus with errata/ at $corpus (pass its path)" >&2; exit 1; }
work=$(mktemp -d)
port=${PORT:-$(free_port)}

echo "building rfc and RefsCoverage (Release)..." >&2
dotnet build "$repo/src/Rfc.Cli" -c Release -o "$work/bin" -v quiet -nologo >&2
dotnet build "$repo/benchmarks/RefsCoverage" -c Release -o "$work/coverage" -v quiet -nologo >&2
rfc="$work/bin/rfc"

server=
trap '[ -z "$server" ] || kill "$server"; rm -rf "$work"' EXIT
start_http_server "$corpus" "$port" || { echo "python3's http.server did not start on port $port" >&2; exit 1; }
server=$http_server_pid

export RFC_HOME=$work/home
export RFC_INDEX_URL=http://127.0.0.1:$port/index/rfc-index-latest.txt
export RFC_ERRATA_URL=http://127.0.0.1:$port/errata/errata.json

coverage=$("$work/coverage/RefsCoverage" "$corpus/rfc")
"$rfc" sync >/dev/null
hyperfine --warmup 1 --runs 10 --export-json "$work/errata.json" -n "rfc sync (errata 200: 12 MB parsed and stored; index 304)" "$rfc sync" >&2
timing=$(python3 - "$work/errata.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| `{r['command']}` | {r['median']*1000:.1f} ms | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} ms | {r['min']*1000:.1f} ms | {r['user']*1000:.1f} ms | {r['system']*1000:.1f} ms |")
PY
)

section=$(cat <<MD
<!-- errata-refs: written by benchmarks/errata-refs.sh; run it again rather than editing -->
## Errata and references (issue 13)

Load average when measured: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores. Binary: Release build (not NativeAOT). On a
loaded machine the wall time mostly measures waiting for a core; user + system CPU is the work done.

| errata sync | median (wall) | mean (wall) | min (wall) | user CPU (mean) | system CPU (mean) |
|---|---|---|---|---|---|
$timing

References coverage over $corpus/rfc (benchmarks/RefsCoverage):

\`\`\`
$coverage
\`\`\`
<!-- /errata-refs -->
MD
)
echo "$section"
python3 - "$repo/benchmarks/RESULTS.md" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
pattern = re.compile(r"<!-- errata-refs:.*?<!-- /errata-refs -->", re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
