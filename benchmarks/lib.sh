# shellcheck shell=bash
# Shared by the benchmark scripts (source it): loopback servers for the corpus, written once.

# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_nginx NGINX DIR PORT LOCATIONS PROBE_URL: nginx in the foreground of a background job, its configuration,
# logs and temporary files under DIR, listening on 127.0.0.1:PORT with the given location blocks (for example
# "location /rfc/ { alias /corpus/rfc/; }"). Sets nginx_pid; returns once PROBE_URL answers, or fails with
# nginx's logs on stderr.
start_nginx() {
  local binary=$1 dir=$2 port=$3 locations=$4 probe=$5
  mkdir -p "$dir/logs"
  cat >"$dir/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user root;")
daemon off;
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/body; proxy_temp_path $dir/proxy; fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
  default_type text/plain;
  sendfile on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    $locations
  }
}
CONF
  "$binary" -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/startup.log" &
  nginx_pid=$!
  for _ in $(seq 100); do curl -sf -o /dev/null "$probe" && return 0; sleep 0.05; done
  curl -sf -o /dev/null "$probe" || { cat "$dir/logs/"* >&2; echo "benchmarks: nginx did not start" >&2; return 1; }
}

# start_http_server DIR PORT: python3's http.server for DIR on 127.0.0.1:PORT, in the background; sets
# http_server_pid and returns once the port accepts connections.
start_http_server() {
  python3 -m http.server --bind 127.0.0.1 "$2" --directory "$1" >/dev/null 2>&1 &
  http_server_pid=$!
  for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $2), 0.2)" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}
