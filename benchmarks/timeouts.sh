#!/usr/bin/env bash
# Deadline benchmark (issue 11 items 3 and 4): how long each transport takes to give up on hostile servers,
# against the limit that was asked for. Prints a Markdown table (wall time, exit code, the error line).
#   silent:  the server accepts and sends nothing        (--timeout 3: both should stop at ~3 s, not 13 s)
#   drip:    the head arrives one byte every 0.5 s        (--timeout 3 --connect-timeout 3: ~6 s)
#   slow:    the body arrives one byte every 0.1 s        (--timeout 3: the low-speed floor trips at ~3 s)
#   endless: a fast body that never ends, --max-time 2    (~2 s)
# Needs python3 and GNU time (/usr/bin/time); an rfc binary (RFC_BIN, default: a NativeAOT build published to a
# temporary folder). Binds 127.0.0.1 only. Timing is reported, never judged: this is not a test.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d /tmp/rfc-timeouts-bench.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

rfc=${RFC_BIN:-}
if [ -z "$rfc" ]; then
  dotnet publish "$root/src/Rfc.Cli" -c Release -r linux-x64 -o "$work/bin" -v quiet >/dev/null
  rfc=$work/bin/rfc
fi

cat > "$work/server.py" <<'PY'
import socket, sys, threading, time
mode = sys.argv[1]
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(16)
print(s.getsockname()[1], flush=True)
def serve(c):
    try:
        c.recv(65536)
        if mode == "silent":
            time.sleep(120)
        elif mode == "drip":
            c.sendall(b"HTTP/1.1 200 OK\r\n")
            while True:
                c.sendall(b"X"); time.sleep(0.5)
        elif mode == "slow":
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
            while True:
                c.sendall(b"x"); time.sleep(0.1)
        elif mode == "endless":
            c.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
            while True:
                c.sendall(b"x" * 8192); time.sleep(0.005)
    except OSError:
        pass
    finally:
        c.close()
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
PY

echo "| server | transport | options | wall time | exit | error line |"
echo "|---|---|---|---|---|---|"
for mode in silent drip slow endless; do
  case $mode in
    silent|slow) options="--timeout 3" ;;
    drip) options="--timeout 3 --connect-timeout 3" ;;
    endless) options="--max-time 2" ;;
  esac
  python3 "$work/server.py" "$mode" > "$work/port" &
  server_pid=$!
  while [ ! -s "$work/port" ]; do sleep 0.05; done
  port=$(cat "$work/port")
  for transport in http socket; do
    # shellcheck disable=SC2086 # options is a word list on purpose
    set +e
    RFC_HOME="$work/home" /usr/bin/time -f "%e" -o "$work/time" "$rfc" 2324 --transport "$transport" $options --source "http://127.0.0.1:$port/" > /dev/null 2> "$work/stderr"
    code=$?
    set -e
    echo "| $mode | $transport | \`$options\` | $(tail -n 1 "$work/time") s | $code | $(head -n 1 "$work/stderr") |"
  done
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  rm -f "$work/port"
done
