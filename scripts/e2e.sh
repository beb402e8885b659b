#!/usr/bin/env bash
# The end-to-end test of the visualizer: builds the release app into dist/,
# serves it with python3 -m http.server on a free localhost port, drives it
# in headless Chromium (tests/e2e/app.mjs, page.mjs and tutorials.mjs, or the files given, through
# playwright-core and the system's /usr/bin/chromium), then stops the
# server. Ends with "N passed, M failed". (tests/e2e/downloader.mjs needs
# the latency server: scripts/e2e-downloader.sh runs it.)
#   scripts/e2e.sh [--no-build] [tests/e2e/FILE.mjs...]
set -euo pipefail
source "$(dirname "$0")/env.sh"

if [ "${1:-}" = "--no-build" ]; then
  shift
else
  printf '\n==> trunk build --release --offline\n'
  trunk build --release --offline
fi
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(tests/e2e/app.mjs tests/e2e/page.mjs tests/e2e/tutorials.mjs)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done

printf '\n==> end-to-end tests in headless Chromium (http://127.0.0.1:%s/)\n' "$port"
status=0
passed=0
failed=0
for t in "${files[@]}"; do
  out=$(node "$t" "http://127.0.0.1:$port/") || status=1
  printf '%s\n' "$out" | sed '$d'
  last=$(printf '%s\n' "$out" | tail -n 1)
  if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
  else
    printf '%s\n' "$last"
    failed=$((failed + 1))
    status=1
  fi
done
echo "$passed passed, $failed failed"
exit $status
