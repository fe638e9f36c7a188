#!/usr/bin/env bash
# The project's one benchmark suite. Prepares everything on loopback (nginx on a free port serving the
# shared corpus, a throwaway RFC_HOME, the NativeAOT binary), runs every benchmark that exists in this
# build with hyperfine (and BenchmarkDotNet for the parser), and rewrites benchmarks/RESULTS.md as one
# table: figure, rfc, peer, ratio, target, met. Each rfc figure and its peer are measured side by side in
# the same hyperfine run. Every other section already in RESULTS.md is kept below the table.
#
#   benchmarks/run.sh            # the real thing: many runs each, medians, targets checked (< 10 min)
#   benchmarks/run.sh --smoke    # one run of each, nothing enforced, RESULTS.md untouched (CI)
#   benchmarks/run.sh --store    # issue 10's figures only (fetch, mirror with and without indexing, first
#                                # full-text answer, warm phrase search, cached read, mirror peak RSS), 5+ runs
#                                # each; writes its table as RESULTS.md's "## Store and full-text index" section
#
# Environment: RFC_CORPUS (default ../shared/corpus), RFC_BIN (use this rfc instead of publishing one).
# Needs hyperfine, nginx, curl, python3, and rg for the search figures.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
# shellcheck source=benchmarks/lib.sh
. "$repo/benchmarks/lib.sh"

smoke=0 store=0
case "${1:-}" in
  --smoke) smoke=1 ;;
  --store) store=1 ;;
  "") ;;
  *) echo "usage: benchmarks/run.sh [--smoke | --store]" >&2; exit 2 ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$(date +%s)
corpus=${RFC_CORPUS:-$repo/../shared/corpus}
# A git worktree under <root>/wt/NAME sees the shared folder one level further up.
[ -n "${RFC_CORPUS:-}" ] || [ -d "$corpus" ] || corpus=$repo/../../shared/corpus
if [ ! -f "$corpus/rfc/rfc2324.txt" ]; then
  echo "benchmarks: no corpus at $corpus (set RFC_CORPUS); nothing to measure" >&2
  [ "$smoke" = 1 ] && exit 0 || exit 1
fi
corpus=$(cd "$corpus" && pwd)
for tool in hyperfine curl python3; do
  command -v "$tool" >/dev/null || { echo "benchmarks: $tool is required" >&2; exit 1; }
done
nginx=$(command -v nginx || true)
[ -n "$nginx" ] || nginx=$(ls /usr/sbin/nginx /usr/local/sbin/nginx 2>/dev/null | head -1 || true)
[ -n "$nginx" ] || { echo "benchmarks: nginx is required (Debian: apt-get install nginx-light)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rfc-bench-XXXXXX")
nginx_pid=
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/json"
rows=$work/rows.tsv notes=$work/notes.txt
: >"$rows"; : >"$notes"
note() { echo "- $*" >>"$notes"; echo "benchmarks: $*" >&2; }

# Many runs for the millisecond figures (their medians are what the targets judge), fewer for the slow ones.
if [ "$smoke" = 1 ]; then fast=(--runs 1) slow=(--runs 1)
elif [ "$store" = 1 ]; then fast=(--warmup 3 --runs 20) slow=(--warmup 1 --runs 7)
else fast=(--warmup 10 --runs 200) slow=(--warmup 3 --runs 30); fi

# bench NAME FIGURE TARGET_KIND TARGET_VALUE TARGET_TEXT HYPERFINE-ARGS... : the first command is rfc,
# the second its peer (if any). Target kinds: abs (rfc median below VALUE ms), ratio (rfc/peer at most
# VALUE), none.
bench() {
  local name=$1 figure=$2 kind=$3 value=$4 text=$5
  shift 5
  hyperfine -N --style none --export-json "$work/json/$name.json" "$@" >"$work/json/$name.log" 2>&1 ||
    { cat "$work/json/$name.log" >&2; note "$figure: hyperfine failed (see above)"; return 0; }
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$figure" "$kind" "$value" "$text" >>"$rows"
}

# 1. The binary under test: NativeAOT, as install.sh builds it.
if [ -n "${RFC_BIN:-}" ]; then
  rfc=$RFC_BIN
else
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) rid=linux-x64 ;; Linux-aarch64) rid=linux-arm64 ;;
    Darwin-arm64) rid=osx-arm64 ;; Darwin-x86_64) rid=osx-x64 ;;
    *) echo "benchmarks: unsupported platform $(uname -sm)" >&2; exit 1 ;;
  esac
  # rfc and rfc-serve (the server 'rfc serve' execs from beside rfc), as install.sh lays them out.
  for project in Rfc.Cli Rfc.Serve; do
    echo "benchmarks: publishing the NativeAOT $project for $rid..." >&2
    dotnet publish "src/$project" -c Release -r "$rid" -o "$work/publish" -p:TreatWarningsAsErrors=true >"$work/publish.log" 2>&1 ||
      { cat "$work/publish.log" >&2; exit 1; }
  done
  rfc=$work/publish/rfc
fi
# The floor: a NativeAOT program that only copies a file to stdout (benchmarks/AotFloor).
floor=()
if dotnet publish benchmarks/AotFloor -c Release -r "${rid:-linux-x64}" -o "$work/floor" >"$work/floor.log" 2>&1; then
  floor=(-n "NativeAOT floor (copy the file, nothing else)" "$work/floor/AotFloor $corpus/rfc/rfc2324.txt")
else
  note "the NativeAOT floor program did not build; the cached read is compared with cat only"
fi

# 2. nginx on a free loopback port, serving the corpus as /rfc/rfcN.txt and /index/.
port=$(free_port)
mkdir -p "$work/mirror-index"
# The mirror's index lists exactly the served documents (the real text index cut to the corpus).
python3 benchmarks/filter-index.py "$corpus/index/rfc-index.txt" "$corpus/rfc" >"$work/mirror-index/rfc-index.txt"
base=http://127.0.0.1:$port
start_nginx "$nginx" "$work/nginx" "$port" \
  "location /rfc/ { alias $corpus/rfc/; } location /index/ { alias $corpus/index/; } location /mirror-index/ { alias $work/mirror-index/; }" \
  "$base/rfc/rfc2324.txt" || exit 1

# Every rfc below reads this environment and nothing of the user's.
unset RFC_TRANSPORT RFC_PAGER PAGER RFC_CA_FILE HTTP_PROXY HTTPS_PROXY http_proxy https_proxy ALL_PROXY all_proxy XDG_DATA_HOME
export RFC_SOURCE="$base/rfc/rfc{n}.txt" RFC_INDEX_URL="$base/index/rfc-index.txt"

# A store holding RFC 2324 (cached reads), and an empty store with its schema (fetches start from a copy,
# so every fetch really fetches and stores, as a user's first read of a document does).
cached=$work/home-cached empty=$work/home-empty fetch=$work/home-fetch
RFC_HOME=$cached "$rfc" 2324 >/dev/null
RFC_HOME=$empty "$rfc" 1 --offline >/dev/null 2>&1 || true
[ -f "$empty/rfc.db" ] || { echo "benchmarks: rfc did not create a store in $empty" >&2; exit 1; }
# (hyperfine -N runs --prepare without a shell too, hence sh -c.)
reset_fetch="sh -c 'rm -rf $fetch && mkdir -p $fetch && cp $empty/rfc.db $fetch/'"

# 3. Startup and cached reads.
[ "$store" = 1 ] || bench help "startup: \`rfc --help\`" abs 10 "< 10 ms" "${fast[@]}" \
  -n "rfc --help" "$rfc --help" -n "curl --help" "curl --help"
# --offline: the store alone answers (no revalidation, no network), as the figure means; the output is checked.
RFC_HOME=$cached "$rfc" 2324 --offline | cmp -s - "$corpus/rfc/rfc2324.txt" || { echo "benchmarks: rfc 2324 --offline differs from the corpus file" >&2; exit 1; }
RFC_HOME=$cached bench cached "cached read: \`rfc 2324 --offline > /dev/null\` vs \`cat\`" ratio 3 "≤ 3× cat" "${fast[@]}" \
  -n "rfc 2324 --offline" "$rfc 2324 --offline" -n "cat rfc2324.txt" "cat $corpus/rfc/rfc2324.txt" \
  "${floor[@]}"

# 4. Fetch over loopback from nginx, per transport, beside curl and Python's urllib (RFC 2616, 422 KB).
doc=2616 url=$base/rfc/rfc2616.txt
urllib="python3 -c \"import sys, urllib.request; sys.stdout.buffer.write(urllib.request.urlopen('$url').read())\""
for transport in http socket; do
  probe=$(RFC_HOME=$work/probe-$transport "$rfc" $doc --transport $transport 2>&1 >/dev/null) || {
    note "fetch --transport $transport: skipped, this build cannot fetch with it (\`${probe%%$'\n'*}\`)"
    continue
  }
  # The peer writes a file as rfc writes its store; both outputs are checked against the corpus file.
  peers=(-n "curl -sf -o FILE" "curl -sf -o $work/curl-fetch.txt $url")
  [ "$store" = 1 ] || peers+=(-n "python3 urllib" "$urllib")
  RFC_HOME=$fetch bench "fetch-$transport" "one fetch of RFC $doc into a fresh store, \`--transport $transport\`" ratio 1.5 "≤ 1.5× curl -sf -o FILE" \
    "${slow[@]}" --prepare "$reset_fetch" \
    -n "rfc $doc --transport $transport" "$rfc $doc --transport $transport" \
    "${peers[@]}"
  cmp -s "$work/curl-fetch.txt" "$corpus/rfc/rfc$doc.txt" || note "fetch: curl's file differs from the corpus file"
  # hyperfine's --prepare also ran before curl's runs, emptying the store: fetch once more to check what rfc stores.
  sh -c "rm -rf $fetch && mkdir -p $fetch && cp $empty/rfc.db $fetch/"
  RFC_HOME=$fetch "$rfc" $doc --transport $transport >/dev/null
  RFC_HOME=$fetch "$rfc" $doc --offline | cmp -s - "$corpus/rfc/rfc$doc.txt" || note "fetch --transport $transport: the stored document differs from the corpus file"
done

# 5. The local library (sync, search, full text), when this build has it.
# A command exists when the root help lists it ("rfc search --help" alone would print the root help).
root_help=$(RFC_HOME=$work/probe-help "$rfc" --help 2>/dev/null || true)
has_command() { grep -qE "^  $1( |\$)" <<<"$root_help"; }
if [ "$store" = 0 ] && has_command search; then
  library=$work/home-library
  RFC_HOME=$library "$rfc" sync >/dev/null
  numbers=$(ls "$corpus/rfc" | sed -n 's/^rfc\([0-9]*\)\.txt$/\1/p' | sort -n)
  [ "$smoke" = 1 ] && numbers=$(head -5 <<<"$numbers")
  numbers=$(tr '\n' ' ' <<<"$numbers")
  store_start=$(date +%s)
  # shellcheck disable=SC2086 # one argument per number; stderr gets a note per obsolete RFC
  RFC_HOME=$library "$rfc" $numbers --no-pager >/dev/null 2>"$work/store.log" || { tail -5 "$work/store.log" >&2; exit 1; }
  note "the library store: index synced and $(echo $numbers | wc -w) documents stored in $(( $(date +%s) - store_start )) s (one process)"
  RFC_HOME=$library bench search "\`rfc search \"congestion control\"\` over the full index" abs 15 "< 15 ms" "${fast[@]}" \
    -n 'rfc search "congestion control"' "$rfc search 'congestion control'" \
    -n "rg -i over rfc-index.txt" "rg -i 'congestion control' $corpus/index/rfc-index.txt"
  RFC_HOME=$library bench search-name "\`rfc search sip\` (a protocol's name: ranked by name, standing, centrality)" abs 15 "< 15 ms" "${fast[@]}" \
    -n 'rfc search sip' "$rfc search sip" \
    -n "rg -i over rfc-index.txt" "rg -i 'sip' $corpus/index/rfc-index.txt"
elif [ "$store" = 0 ]; then
  note "search: skipped, this build has no \`rfc search\` (the local library)"
fi

if has_command mirror; then
  # The whole corpus (2,524 documents, 147 MiB) into an empty store that has the filtered index, beside
  # curl with the same connection count, wget from the same URL list and rsync from a local daemon.
  # Few runs: each takes seconds. Peak memory comes from benchmarks/mirror.sh (GNU time), below.
  mirror_synced=$work/home-mirror-synced mirror_home=$work/home-mirror out=$work/mirror-out
  RFC_HOME=$mirror_synced "$rfc" sync --index-url "$base/mirror-index/rfc-index.txt" >/dev/null
  ls "$corpus/rfc" | sed -n "s|^rfc\([0-9]*\)\.txt$|$base/rfc/rfc\1.txt|p" >"$work/urls.txt"
  rsync_port=$(free_port)
  printf 'pid file = %s\nuse chroot = no\n[rfc]\n  path = %s\n  read only = yes\n' "$work/rsyncd.pid" "$corpus/rfc" >"$work/rsyncd.conf"
  [ "$store" = 1 ] || rsync --daemon --config="$work/rsyncd.conf" --address=127.0.0.1 --port="$rsync_port"
  [ "$store" = 1 ] || sleep 0.3
  reset_mirror="sh -c 'rm -rf $mirror_home && cp -r $mirror_synced $mirror_home'"
  reset_out="sh -c 'rm -rf $out && mkdir -p $out'"
  if [ "$smoke" = 1 ]; then mirror_runs=(--runs 1); elif [ "$store" = 1 ]; then mirror_runs=(--warmup 1 --runs 5); else mirror_runs=(--warmup 1 --runs 3); fi
  files=$(wc -l <"$work/urls.txt")
  # curl with -f (an HTTP error is a failure, not a file) writing the same files; its file count is checked after.
  curl_all="sh -c 'cd $out && xargs -a $work/urls.txt curl -sf --parallel --parallel-max 6 --remote-name-all'"
  check_mirror() { # NAME: every file curl wrote, every document rfc stored (rfc list counts the store)
    local wrote stored
    wrote=$(ls "$out" | wc -l)
    [ "$wrote" = "$files" ] || note "$1: curl wrote $wrote files, not $files"
    stored=$(RFC_HOME=$mirror_home "$rfc" list 2>/dev/null | wc -l)
    [ "$stored" = "$files" ] || note "$1: rfc stored $stored documents, not $files"
  }
  others=()
  [ "$store" = 1 ] || others=(-n "wget -i (one connection)" "wget -q -P $out -i $work/urls.txt" -n "rsync (local daemon)" "rsync -a rsync://127.0.0.1:$rsync_port/rfc/ $out/")
  mirror_transports="socket http"
  [ "$store" = 1 ] && mirror_transports=http # CPU is shared: issue 10's figures on the default transport only
  for transport in $mirror_transports; do
    for indexing in default no-index; do
      flag=; [ "$indexing" = no-index ] && flag=--no-index
      RFC_HOME=$mirror_home bench "mirror-$transport-$indexing" "mirror the corpus, \`--transport $transport${flag:+ $flag}\` (6 jobs)" ratio 1.0 "≤ 1.0× curl" \
        "${mirror_runs[@]}" --prepare "$reset_mirror" --prepare "$reset_out" ${others:+--prepare "$reset_out" --prepare "$reset_out"} \
        -n "rfc mirror --transport $transport${flag:+ $flag}" "$rfc mirror --jobs 6 --transport $transport $flag" \
        -n "curl -sf --parallel --parallel-max 6" "$curl_all" \
        "${others[@]}"
      check_mirror "mirror-$transport-$indexing"
    done
  done
  [ "$store" = 1 ] || kill "$(cat "$work/rsyncd.pid")" 2>/dev/null || true
  if [ "$store" = 0 ]; then
    for transport in socket http; do
      printf '%s\t%s\t%s\t%s\t%s\n' "mirror-$transport-default" "mirror the corpus, \`--transport $transport\`, vs rsync" "ratio:rsync (local daemon)" 1.5 "within 1.5× of rsync" >>"$rows"
    done
  fi

  # Empty store to the first full-text answer: the mirror (fetch, store, index) then one phrase search, beside
  # one Python thread building a contentless FTS5 index of the same files and answering the same phrase.
  phrase='retransmission timeout'
  first_answer="sh -c '$rfc mirror --jobs 6 >/dev/null 2>&1 && $rfc search --full-text \"\\\"$phrase\\\"\" >/dev/null'"
  RFC_HOME=$mirror_home bench first-answer "empty store → first full-text answer (mirror, then \`rfc search --full-text '\"$phrase\"'\`)" ratio 0.6 "≤ 0.6× the one-thread FTS5 build" \
    "${mirror_runs[@]}" --prepare "$reset_mirror" --prepare "true" \
    -n "rfc mirror && rfc search --full-text" "$first_answer" \
    -n "python3 fts5-baseline.py (one thread)" "python3 $repo/benchmarks/fts5-baseline.py $corpus/rfc $work/baseline.db '\"$phrase\"'"

  # Warm phrase search on the mirrored store vs rg over the same files, same phrase; both must find something.
  rfc_hits=$(RFC_HOME=$mirror_home "$rfc" search --full-text "\"$phrase\"" --limit 1000 | wc -l)
  rg_hits=$(rg -il -F "$phrase" "$corpus/rfc" | wc -l)
  note "phrase \"$phrase\": rfc finds $rfc_hits documents (whole words, across line breaks), rg -il -F $rg_hits files (substrings on one line)"
  [ "$rfc_hits" -gt 0 ] && [ "$rg_hits" -gt 0 ] || note "phrase search: a side found nothing"
  RFC_HOME=$mirror_home bench fulltext "warm full-text search for the phrase \`\"$phrase\"\`" ratio 0.35 "≤ 0.35× rg" "${fast[@]}" \
    -n "rfc search --full-text '\"$phrase\"'" "$rfc search --full-text '\"$phrase\"'" \
    -n "rg -il -F '$phrase'" "rg -il -F '$phrase' $corpus/rfc"
  printf '%s\t%s\t%s\t%s\t%s\n' fulltext "warm full-text phrase search, absolute" abs-only 12 "< 12 ms" >>"$rows"

  # Peak memory of one whole mirror with indexing (GNU time's maximum resident set size).
  if [ -x /usr/bin/time ]; then
    sh -c "rm -rf $mirror_home && cp -r $mirror_synced $mirror_home"
    RFC_HOME=$mirror_home /usr/bin/time -f %M -o "$work/json/rss.kb" "$rfc" mirror --jobs 6 >/dev/null 2>&1
    printf '%s\t%s\t%s\t%s\t%s\n' rss "mirror peak RSS (whole corpus, with indexing)" rss 100 "≤ 100 MiB" >>"$rows"
  else
    note "mirror peak RSS: skipped, GNU time (/usr/bin/time) is not installed"
  fi
else
  note "mirror against curl/wget/rsync: skipped, this build has no \`rfc mirror\`"
fi

# 5b. rfc serve against nginx (requests/s, reader latency, binary size and --help before/after), when this build has it.
serve_md=$work/serve.md
: >"$serve_md"
if has_command serve; then
  if command -v wrk >/dev/null; then
    benchmarks/serve.sh "$rfc" "$corpus" $([ "$smoke" = 1 ] && echo --smoke) >"$serve_md" 2>"$work/serve.log" ||
      { cat "$work/serve.log" >&2; : >"$serve_md"; note "rfc serve: benchmarks/serve.sh failed (see above)"; }
  else
    note "rfc serve: skipped, wrk is not installed (Debian: apt-get install wrk)"
  fi
fi

# 6. Parser micro-benchmarks (BenchmarkDotNet), when the project exists.
bdn_csv=
if [ "$store" = 1 ]; then
  :
elif [ -f benchmarks/Rfc.Benchmarks/Rfc.Benchmarks.csproj ]; then
  job=short; [ "$smoke" = 1 ] && job=dry
  if dotnet run -c Release --project benchmarks/Rfc.Benchmarks -- --filter '*' --job "$job" \
       --exporters csv --artifacts "$work/bdn" >"$work/bdn.log" 2>&1; then
    bdn_csv=$(ls "$work"/bdn/results/*-report.csv 2>/dev/null | tr '\n' ' ')
  else
    tail -20 "$work/bdn.log" >&2
    note "parser micro-benchmarks: BenchmarkDotNet failed (see the log above)"
  fi
else
  note "parser micro-benchmarks: skipped, benchmarks/Rfc.Benchmarks does not exist in this build"
fi

# 7. The table.
machine=$(
  echo "- CPU: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; memory $(free -g 2>/dev/null | awk '/^Mem:/ {print $2}') GiB"
  echo "- OS: $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- .NET SDK $(dotnet --version), NativeAOT $(uname -m); $(hyperfine --version); $("$nginx" -v 2>&1 | sed 's/.*: //'); $(curl --version | sed -n '1s/^\(curl [^ ]*\).*/\1/p'); $(python3 --version); $(rg --version 2>/dev/null | sed -n 1p || echo 'rg absent')"
  echo "- load average when the run started: $(cut -d' ' -f1-3 /proc/loadavg)"
)
elapsed=$(( $(date +%s) - started ))
python3 - "$work" "$smoke" "$elapsed" "$repo/benchmarks/RESULTS.md" "$bdn_csv" "$machine" "$store" "$*" <<'PY'
import csv, json, os, sys
work, smoke, elapsed, results, bdn = sys.argv[1], sys.argv[2] == "1", int(sys.argv[3]), sys.argv[4], sys.argv[5].split()
serve = open(os.path.join(work, "serve.md"), encoding="utf-8").read().strip()
machine = sys.argv[6]
store_only = sys.argv[7] == "1"

def ms(seconds): return f"{seconds * 1000:.2f} ms"

lines = ["| figure | rfc (median) | peer (median) | ratio rfc/peer | target | met |", "|---|---|---|---|---|---|"]
for row in open(os.path.join(work, "rows.tsv"), encoding="utf-8"):
    name, figure, kind, value, text = row.rstrip("\n").split("\t")
    if kind == "rss":
        kib = int(open(os.path.join(work, "json", "rss.kb")).read().split()[-1])
        met = "(smoke)" if smoke else ("yes" if kib / 1024 <= float(value) else "**no**")
        lines.append(f"| {figure} | {kib / 1024:.1f} MiB | — | — | {text} | {met} |")
        continue
    data = json.load(open(os.path.join(work, "json", name + ".json")))["results"]
    if kind == "abs-only":
        me = data[0]
        met = "(smoke)" if smoke else ("yes" if me["median"] * 1000 < float(value) else "**no**")
        lines.append(f"| {figure} | {ms(me['median'])} | — | — | {text} | {met} |")
        continue
    me = data[0]
    if kind.startswith("ratio:"):
        # A second target on the same run, judged against the named peer.
        peer = next(r for r in data if r["command"] == kind[len("ratio:"):])
        ratio = me["median"] / peer["median"]
        met = "(smoke)" if smoke else ("yes" if ratio <= float(value) else "**no**")
        lines.append(f"| {figure} | {ms(me['median'])} | {ms(peer['median'])} `{peer['command']}` | {ratio:.2f}× | {text} | {met} |")
        continue
    for index, peer in enumerate(data[1:] or [None]):
        ratio = me["median"] / peer["median"] if peer else None
        if index > 0 and kind != "none":
            # Further peers are context for the figure above; its target is judged against the first.
            lines.append(f"| ↳ same run, beside another program | {ms(me['median'])} | {ms(peer['median'])} `{peer['command']}` | {ratio:.2f}× | — | — |")
            continue
        if smoke or kind == "none":
            met = "—" if kind == "none" else "(smoke)"
        elif kind == "abs":
            met = "yes" if me["median"] * 1000 < float(value) else "**no**"
        else:
            met = "yes" if ratio is not None and ratio <= float(value) else "**no**"
        peer_text = f"{ms(peer['median'])} `{peer['command']}`" if peer else "—"
        lines.append(f"| {figure} | {ms(me['median'])} | {peer_text} | {f'{ratio:.2f}×' if ratio else '—'} | {text} | {met} |")

for path in bdn:
    for r in csv.DictReader(open(path, encoding="utf-8")):
        # The one parameter that varies between cases; BenchmarkDotNet's job settings are the same for all.
        params = ", ".join(f"{k}={v}" for k, v in r.items() if k in ("BodySize",) and v)
        lines.append(f"| parser: {r['Method']}{f' ({params})' if params else ''} | {r.get('Median') or r['Mean']} (BenchmarkDotNet) | — | — | — | — |")

notes = open(os.path.join(work, "notes.txt"), encoding="utf-8").read().strip()
body = "\n".join([
    "# Benchmark results",
    "",
    "Written by `benchmarks/run.sh` (do not edit by hand; run it again). Whole-process wall time, median of "
    "many hyperfine runs (`-N`, no shell); each rfc figure and its peer were measured side by side in the same "
    "run, against nginx on loopback serving the shared corpus, with a throwaway `RFC_HOME`. The binary is the "
    f"NativeAOT build that `install.sh` installs. The whole run took {elapsed} s.",
    "",
    "## Machine",
    "",
    machine,
    "",
    "## Results",
    "",
    *lines,
    "",
    *([serve, ""] if serve else []),
    *(["## Notes", "", notes, ""] if notes else []),
])

if smoke:
    print(body)
    sys.exit(0)

if store_only:
    # Issue 10's figures as their own section of RESULTS.md; everything else in the file stays as it was.
    section = "\n".join([
        "## Store and full-text index",
        "",
        f"Written by `benchmarks/run.sh --store` (issue 10's figures only; do not edit by hand). Median of at least 5 "
        f"hyperfine runs each (`-N`), rfc and its peer side by side in the same run, NativeAOT build, nginx on loopback "
        f"serving the shared corpus. The whole run took {elapsed} s.",
        "",
        machine,
        "",
        *lines,
        "",
        *(["Notes:", "", notes, ""] if notes else []),
    ])
    old = open(results, encoding="utf-8").read() if os.path.exists(results) else "# Benchmark results\n"
    start = old.find("\n## Store and full-text index")
    if start >= 0:
        end = old.find("\n## ", start + 1)
        old = old[:start] + (old[end:] if end >= 0 else "\n")
    open(results, "w", encoding="utf-8").write(old.rstrip() + "\n\n" + section)
    print(section)
    sys.exit(0)

# Keep every section this run does not write (the analysis, the local library, the other issues' figures and
# their write-ups), in their order: only the header, Machine, Results, Serve and Notes are this run's.
written = ("## Machine", "## Results", "## Serve", "## Notes")
kept = []
if os.path.exists(results):
    old = open(results, encoding="utf-8").read()
    for section in old.split("\n## ")[1:]:
        section = "## " + section
        if not section.startswith(written):
            kept.append(section.rstrip() + "\n")
open(results, "w", encoding="utf-8").write(body + "".join("\n" + k for k in kept))
print(body)
PY
echo "benchmarks: done in $(( $(date +%s) - started )) s" >&2
