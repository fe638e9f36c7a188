#!/usr/bin/env bash
# How the document parsers scale on hostile inputs (issue 11 item 7): each input at doubling sizes, best of five,
# with the ratio of each time to the one before (near 2: linear; near 4: quadratic).
#   benchmarks/parse-scaling.sh [START] [STEPS]      # default 200000 4 (200 K to 1.6 M characters)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build "$repo/benchmarks/Rfc.Benchmarks" -c Release -o "$work/bin" -v quiet -nologo >&2
dotnet "$work/bin/Rfc.Benchmarks.dll" parse-scaling "${1:-200000}" "${2:-4}"
