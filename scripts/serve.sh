#!/usr/bin/env bash
# What `make serve` runs: builds the app into dist/, keeps rebuilding it when
# a source file changes (`trunk watch`, in the background), and serves dist/
# on http://127.0.0.1:8080 with aioscope-serve, which delays every /flags/
# request by 200 ms ± 50 ms so the real downloader's concurrency shows on
# localhost too. Reload the page yourself after a rebuild: Trunk's
# autoreload needs an inline script, which the page's CSP forbids.
# Arguments go to aioscope-serve and override the defaults, e.g.
#   bash scripts/serve.sh --latency 500ms --fail CD=500 --missing ET
#   make serve SERVE_ARGS="--fail CD=500 --missing ET"
set -euo pipefail
source "$(dirname "$0")/env.sh"

trunk build --offline
cargo build --release -p aioscope-server
trunk watch --offline --quiet &
watcher=$!
trap 'kill "$watcher" 2>/dev/null || true' EXIT
target/release/aioscope-serve --dir dist --address 127.0.0.1 --port 8080 \
  --latency 200ms --jitter 50ms "$@"
