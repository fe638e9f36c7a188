#!/usr/bin/env bash
# Mirror benchmark (issue 5): the whole shared corpus from local nginx, fetched by `rfc mirror` with each
# transport, by curl with the same connection count, by wget from the same URL list, and by rsync from a
# local rsync daemon over the same folder. Prints a Markdown table (documents/s, wall time, peak RSS);
# `--runs N` repeats each tool N times and reports the median wall time (default 3).
#
# Needs: nginx, rsync, curl, wget, GNU time (/usr/bin/time); an rfc binary (RFC_BIN, default: a NativeAOT
# build published to a temporary folder). Everything binds 127.0.0.1 only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=${RFC_CORPUS:-$root/../shared/corpus}
runs=3
[ "${1:-}" = "--runs" ] && runs=$2
[ -d "$corpus/rfc" ] || { echo "mirror.sh: no corpus at $corpus (set RFC_CORPUS)" >&2; exit 2; }

work=$(mktemp -d /tmp/rfc-mirror-bench.XXXXXX)
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -f "$work/rsyncd.pid" ] && kill "$(cat "$work/rsyncd.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=benchmarks/lib.sh
. "$here/lib.sh"

# The rfc binary: NativeAOT, as users install it.
rfc=${RFC_BIN:-}
if [ -z "$rfc" ]; then
  dotnet publish "$root/src/Rfc.Cli" -c Release -r linux-x64 -o "$work/bin" -v quiet >/dev/null
  rfc=$work/bin/rfc
fi

# nginx serving the documents and an index that lists exactly them.
mkdir -p "$work/www/index" "$work/logs"
python3 "$here/filter-index.py" "$corpus/index/rfc-index.txt" "$corpus/rfc" > "$work/www/index/rfc-index.txt"
http_port=$(free_port)
cat > "$work/nginx.conf" <<CONF
$( [ "$(id -u)" = 0 ] && echo "user root;" )
worker_processes 2;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; keepalive_requests 100000; default_type text/plain;
  client_body_temp_path $work/tmp-body; proxy_temp_path $work/tmp-proxy; fastcgi_temp_path $work/tmp-fcgi;
  uwsgi_temp_path $work/tmp-uwsgi; scgi_temp_path $work/tmp-scgi;
  server {
    listen 127.0.0.1:$http_port;
    location /rfc/ { alias $corpus/rfc/; }
    location /index/ { alias $work/www/index/; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" -e "$work/logs/error.log"

# rsync daemon over the same folder.
rsync_port=$(free_port)
cat > "$work/rsyncd.conf" <<CONF
pid file = $work/rsyncd.pid
use chroot = no
[rfc]
  path = $corpus/rfc
  read only = yes
CONF
rsync --daemon --config="$work/rsyncd.conf" --address=127.0.0.1 --port="$rsync_port"
sleep 0.5

base="http://127.0.0.1:$http_port"
ls "$corpus/rfc" | sed -n "s|^rfc\([0-9]*\)\.txt$|$base/rfc/rfc\1.txt|p" > "$work/urls.txt"
docs=$(wc -l < "$work/urls.txt")
bytes=$(du -sb "$corpus/rfc" | cut -f1)

# measure NAME PREPARE COMMAND: runs PREPARE then COMMAND $runs times under GNU time; records the median
# wall time and the largest peak RSS.
declare -A wall rss
measure() {
  local name=$1 prepare=$2 command=$3 times=() peak=0
  for _ in $(seq "$runs"); do
    eval "$prepare"
    /usr/bin/time -f '%e %M' -o "$work/time.txt" bash -c "$command" >/dev/null 2>"$work/stderr.txt" || { echo "$name failed:" >&2; cat "$work/stderr.txt" >&2; }
    read -r seconds kib < "$work/time.txt"
    times+=("$seconds")
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  wall[$name]=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  rss[$name]=$peak
}

export RFC_HOME=$work/home
for transport in socket http; do
  measure "rfc mirror --transport $transport" \
    "rm -rf '$work/home'; '$rfc' sync --index-url '$base/index/rfc-index.txt' >/dev/null 2>&1" \
    "'$rfc' mirror --jobs 6 --transport $transport --source '$base/rfc/rfc{n}.txt'"
done
measure "curl --parallel --parallel-max 6" "rm -rf '$work/out'; mkdir -p '$work/out'" \
  "cd '$work/out' && xargs -a '$work/urls.txt' curl -s --parallel --parallel-max 6 --remote-name-all"
measure "wget -i (one connection)" "rm -rf '$work/out'; mkdir -p '$work/out'" \
  "wget -q -P '$work/out' -i '$work/urls.txt'"
measure "rsync (local daemon)" "rm -rf '$work/out'; mkdir -p '$work/out'" \
  "rsync -a 'rsync://127.0.0.1:$rsync_port/rfc/' '$work/out/'"

echo "Mirror of the shared corpus: $docs documents, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1048576}') MiB, from 127.0.0.1 (median of $runs runs; peak RSS is the largest seen)."
echo
echo "| tool | wall time (s) | documents/s | peak RSS (MiB) |"
echo "|---|---|---|---|"
for name in "rfc mirror --transport socket" "rfc mirror --transport http" "curl --parallel --parallel-max 6" "wget -i (one connection)" "rsync (local daemon)"; do
  awk -v n="$name" -v w="${wall[$name]}" -v r="${rss[$name]}" -v d="$docs" 'BEGIN {printf "| %s | %.2f | %.0f | %.1f |\n", n, w, d/w, r/1024}'
done
