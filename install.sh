#!/usr/bin/env bash
# Builds rfc as NativeAOT binaries for this machine and installs them:
#   $PREFIX/lib/rfc/rfc               the binary
#   $PREFIX/lib/rfc/rfc-serve         the server 'rfc serve' runs (a second binary: rfc stays small and fast to start)
#   $PREFIX/lib/rfc/libe_sqlite3.*    the SQLite rfc is linked against (found next to its real path: RUNPATH $ORIGIN)
#   $PREFIX/bin/rfc -> ../lib/rfc/rfc a symlink on your PATH
# PREFIX defaults to ~/.local. Any trimming or AOT warning fails the build.
#
#   ./install.sh                  # into ~/.local/bin
#   PREFIX=/usr/local ./install.sh
#   ./install.sh --prefix /opt/rfc
#   ./install.sh --uninstall
set -euo pipefail
cd "$(dirname "$0")"

prefix="${PREFIX:-$HOME/.local}"
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

bin="$prefix/bin"
lib="$prefix/lib/rfc"

if [ "$uninstall" = 1 ]; then
  if [ -L "$bin/rfc" ] && [ "$(readlink "$bin/rfc")" = "../lib/rfc/rfc" ]; then rm -f "$bin/rfc"; fi
  rm -rf "$lib"
  echo "removed rfc and rfc-serve from $prefix (your documents in \${RFC_HOME:-~/.local/share/rfc} are kept)"
  exit 0
fi

# The runtime identifier for this machine: NativeAOT compiles for exactly one.
case "$(uname -s)" in
  Linux)
    os=linux
    # Alpine and other musl systems need the musl build.
    if ldd --version 2>&1 | grep -qi musl || [ -e /etc/alpine-release ]; then os=linux-musl; fi ;;
  Darwin) os=osx ;;
  *) echo "install.sh: unsupported system $(uname -s) (Linux and macOS are supported)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) echo "install.sh: unsupported processor $(uname -m) (x86_64 and arm64 are supported)" >&2; exit 1 ;;
esac
rid="$os-$arch"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install.sh: the .NET SDK is needed to build rfc (https://dot.net; see global.json for the version)" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="artifacts/publish/$rid"
rm -rf "$out"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# TreatWarningsAsErrors covers the compiler and analyzers; IlcTreatWarningsAsErrors the trimming and
# AOT analysis that only runs at publish. The grep is a second net: no warning may pass silently.
# Two programs: rfc (src/Rfc.Cli) and rfc-serve (src/Rfc.Serve, the ASP.NET Core server 'rfc serve' execs).
for project in Rfc.Cli Rfc.Serve; do
  echo "building $project for $rid (NativeAOT; a minute or two)..."
  if ! dotnet publish "src/$project" -c Release -r "$rid" -o "$out" \
       -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true -p:TrimmerSingleWarn=false >"$log" 2>&1; then
    cat "$log" >&2
    echo "install.sh: the build of $project failed (above)" >&2
    exit 1
  fi
  if grep -E ': warning [A-Z]+[0-9]+' "$log" >&2; then
    echo "install.sh: the build of $project has warnings (above); rfc must trim and compile ahead of time cleanly" >&2
    exit 1
  fi
done

mkdir -p "$bin" "$lib"
# Copy under a temporary name, then rename: a running rfc is never replaced by half a file.
for file in "$out/rfc" "$out/rfc-serve" "$out"/libe_sqlite3.*; do
  [ -e "$file" ] || continue
  name=$(basename "$file")
  cp "$file" "$lib/.$name.new"
  chmod 755 "$lib/.$name.new"
  mv -f "$lib/.$name.new" "$lib/$name"
done
ln -sfn ../lib/rfc/rfc "$bin/rfc"

# The installed binary must run from anywhere and find its SQLite: from /, through the symlink, an
# --offline read of an empty throwaway store opens the database and must end in "not found" (exit 1).
check_home=$(mktemp -d)
status=0
(cd / && RFC_HOME="$check_home" "$bin/rfc" 1 --offline >/dev/null 2>"$check_home/stderr") || status=$?
if [ "$status" != 1 ]; then
  cat "$check_home/stderr" >&2
  rm -rf "$check_home"
  echo "install.sh: the installed $bin/rfc does not work (exit $status, expected 1 for an empty store)" >&2
  exit 1
fi
# rfc serve replaces rfc with rfc-serve (found beside rfc's real path): a bad --listen must come back from
# rfc-serve's own parser as a usage error (exit 2), without binding anything.
status=0
(cd / && RFC_HOME="$check_home" "$bin/rfc" serve --listen not-an-address >/dev/null 2>"$check_home/stderr") || status=$?
if [ "$status" != 2 ] || ! grep -q "^rfc: error: --listen 'not-an-address'" "$check_home/stderr"; then
  cat "$check_home/stderr" >&2
  rm -rf "$check_home"
  echo "install.sh: the installed rfc serve does not reach $lib/rfc-serve (exit $status, expected 2 for a bad --listen)" >&2
  exit 1
fi
rm -rf "$check_home"

echo "installed $bin/rfc ($("$bin/rfc" --version)) -> $lib"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "note: $bin is not on your PATH; add it, e.g. echo 'export PATH=\"$bin:\$PATH\"' >> ~/.bashrc" ;;
esac
echo "shell completions: see 'rfc completion --help'"
