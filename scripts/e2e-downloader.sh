#!/usr/bin/env bash
# End-to-end test of the real downloader: builds the app into dist/ and the
# latency server, serves dist/ with aioscope-serve on a free localhost port
# (200 ms ± 50 ms on /flags/, CD answers 500, ET is missing), runs
# tests/e2e/downloader.mjs in headless Chromium, then stops the server.
# Ends with "N passed, M failed".
#   scripts/e2e-downloader.sh [--no-build] [--screenshot PATH]
# --no-build reuses dist/ (e.g. right after scripts/e2e.sh); --screenshot
# also saves a picture of a finished run (docs/screenshots/downloader.png).
set -euo pipefail
source "$(dirname "$0")/env.sh"

build=1
screenshot=""
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) build=0 ;;
    --screenshot) screenshot=$(realpath -m "${2:?--screenshot needs a path}"); shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$build" = 1 ]; then
  printf '\n==> trunk build --release --offline\n'
  trunk build --release --offline
fi
printf '\n==> cargo build --release -p aioscope-server\n'
cargo build --release -p aioscope-server

source scripts/latency-server.sh
start_latency_server --latency 200ms --jitter 50ms --seed 7 --fail CD=500 --missing ET

printf '\n==> the real downloader in headless Chromium (%s)\n' "$url"
if [ -n "$screenshot" ]; then
  mkdir -p "$(dirname "$screenshot")"
  DOWNLOADER_SCREENSHOT=$screenshot node tests/e2e/downloader.mjs "$url"
else
  node tests/e2e/downloader.mjs "$url"
fi
