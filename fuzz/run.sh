#!/usr/bin/env bash
# Runs one fuzz target (or `all`, one after another) under AFL++ for SECONDS each; see fuzz/README.md.
#   fuzz/run.sh TARGET SECONDS
# Builds fuzz/Rfc.Fuzz once per call (FUZZ_NO_BUILD=1 reuses the last instrumented build), instruments the
# project's assemblies with SharpFuzz, writes seeds from ../shared, runs afl-fuzz, then reports the run time,
# executions, crashes and hangs. Exit 1 when the run found a crash (or an over-limit allocation, which the
# GC heap limit turns into a crash); hangs are reported, and fail the run only with FUZZ_FAIL_ON_HANG=1.
# Environment: FUZZ_OUT (default fuzz/out; a later run of a target starts from the last run's queue, whose
# findings are kept beside the new ones), FUZZ_LOG (one line per run appended; default $FUZZ_OUT/fuzz.log), FUZZ_HEAP_MB (default 512),
# FUZZ_TIMEOUT_MS (per input, default 5000), SHARED (default ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
  echo "usage: fuzz/run.sh TARGET|all SECONDS" >&2
  exit 2
fi
target=$1 seconds=$2

out=${FUZZ_OUT:-$root/fuzz/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
log=${FUZZ_LOG:-$out/fuzz.log}
shared=${SHARED:-$root/../shared}
heap_mb=${FUZZ_HEAP_MB:-512}
timeout_ms=${FUZZ_TIMEOUT_MS:-5000}
bin=$out/bin

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "fuzz/run.sh: afl-fuzz not found (apt-get install afl++)" >&2
  exit 2
fi

if [ "${FUZZ_NO_BUILD:-0}" != 1 ] || [ ! -f "$bin/.instrumented" ]; then
  # Debug keeps the Debug.Asserts (invariants are findings too); Optimize keeps it fast enough to fuzz.
  dotnet build fuzz/Rfc.Fuzz -c Debug -p:Optimize=true -o "$out/build" -nologo -v q >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 2; }
  rm -rf "$bin"
  cp -r "$out/build" "$bin"
  dotnet tool restore >/dev/null
  for assembly in Rfc.Http Rfc.Documents; do
    dotnet sharpfuzz "$bin/$assembly.dll" >/dev/null
  done
  touch "$bin/.instrumented"
fi

if [ "$target" = all ]; then
  mapfile -t targets < <(dotnet "$bin/Rfc.Fuzz.dll" --list)
else
  targets=("$target")
fi

failed=0
for t in "${targets[@]}"; do
  seeds=$out/seeds/$t findings=$out/findings/$t
  rm -rf "$seeds"
  dotnet "$bin/Rfc.Fuzz.dll" --seeds "$t" "$seeds" "$shared" >/dev/null || { echo "fuzz/run.sh: unknown target '$t'" >&2; exit 2; }
  # A later run starts from the last run's queue: its inputs join the seeds (after the generated ones, which
  # afl-fuzz's first dry run needs), and the last run's findings move aside. (AFL_AUTORESUME can abort a run
  # when a rebuilt harness sees no coverage on the first saved input.)
  if [ -d "$findings/default/queue" ]; then
    find "$findings/default/queue" -maxdepth 1 -type f -name 'id:*' -size -64k | head -1000 | {
      n=0
      while IFS= read -r input; do cp "$input" "$seeds/seed-q-$(printf %04d "$n")"; n=$((n + 1)); done
    }
    mv "$findings" "$findings.$(date -u +%Y%m%dT%H%M%S)"
  fi
  # The GC heap limit makes an allocation past it an OutOfMemoryException, which SharpFuzz reports as a
  # crash. afl-fuzz's own -m (an address-space limit) cannot be used: the runtime reserves far more
  # address space than it uses.
  # On a loaded machine afl-fuzz's first dry run now and then sees an empty coverage map and aborts with
  # "No instrumentation detected" (seen in CI on a seed that does run instrumented code; the same build
  # and seeds pass on the next try), so that one abort is retried twice; any other failure stops at once.
  for attempt in 1 2 3; do
    rm -rf "$findings"
    mkdir -p "$findings"
    if AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 \
      AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SUPPRESS_WARNINGS=1 AFL_QUIET=1 \
      DOTNET_GCHeapHardLimit=$(printf '0x%x' $((heap_mb * 1024 * 1024))) DOTNET_TieredCompilation=0 \
      afl-fuzz -V "$seconds" -t "$timeout_ms" -m none -i "$seeds" -o "$findings" -- dotnet "$bin/Rfc.Fuzz.dll" "$t" \
      >"$findings/afl.log" 2>&1; then
      break
    fi
    if [ "$attempt" = 3 ] || ! grep -q "No instrumentation detected" "$findings/afl.log"; then
      tail -20 "$findings/afl.log" >&2
      echo "fuzz/run.sh: afl-fuzz failed for $t" >&2
      exit 2
    fi
    echo "fuzz/run.sh: $t: afl-fuzz saw no coverage on its dry run (attempt $attempt); trying again" >&2
  done

  stats=$findings/default/fuzzer_stats
  stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
  hangs=$(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
  line="$(date -u +%FT%TZ) target=$t seconds=$(stat run_time) execs=$(stat execs_done) execs_per_sec=$(stat execs_per_sec) corpus=$(stat corpus_count) crashes=$crashes hangs=$hangs"
  echo "$line" | tee -a "$log"
  if [ "$crashes" -gt 0 ]; then
    echo "fuzz/run.sh: $t: $crashes crash(es) in $findings/default/crashes (replay: dotnet $bin/Rfc.Fuzz.dll $t < FILE)" >&2
    failed=1
  fi
  if [ "$hangs" -gt 0 ]; then
    echo "fuzz/run.sh: $t: $hangs hang(s) in $findings/default/hangs" >&2
    [ "${FUZZ_FAIL_ON_HANG:-0}" = 1 ] && failed=1
  fi
done
exit "$failed"
