# Sourced: start_latency_server ARGS... serves dist/ with aioscope-serve on a
# free localhost port (ARGS: --latency, --fail, ...), sets $url once it
# listens, and stops it when the calling script exits.
start_latency_server() {
  server_log=$(mktemp)
  target/release/aioscope-serve --dir dist --port 0 "$@" >"$server_log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; rm -f "$server_log"' EXIT
  url=""
  for _ in $(seq 100); do
    url=$(grep -o 'http://[0-9.:]*/' "$server_log" | head -n 1 || true)
    [ -n "$url" ] && return 0
    kill -0 "$server" 2>/dev/null || { cat "$server_log" >&2; exit 1; }
    sleep 0.05
  done
  echo "aioscope-serve did not start" >&2
  cat "$server_log" >&2
  exit 1
}
