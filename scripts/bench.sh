#!/usr/bin/env bash
# `make bench`: what users feel, measured side by side. Writes
# target/bench.json and prints a table (bench/report.py). Not part of
# `make test`; needs its set-up (scripts/setup.sh test).
#   1. simulator throughput and scaling, native CLI vs CPython 3.11 (bench/sim.py)
#   2. in headless Chromium, built like the page (wasm-release): the
#      simulator, random jumps across a 100,000-frame trace, a frame with
#      1,000 live tasks (bench/browser.rs)
#   3. the release build: .wasm and JS sizes, first frame, and the real
#      downloader against the latency server (bench/page.mjs)
set -euo pipefail
source "$(dirname "$0")/env.sh"

out=target/bench
mkdir -p "$out"

printf '\n==> build: the CLI, the latency server, the page\n'
cargo build --release -p aioscope-cli -p aioscope-server
trunk build --release --offline

printf '\n==> simulator: aioscope vs CPython 3.11 (flag downloader, Semaphore(100), 2 requests per flag)\n'
python3 bench/sim.py "$out/sim.json"

printf '\n==> in headless Chromium (wasm-release build)\n'
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=1200 CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --target wasm32-unknown-unknown --profile wasm-release --features bench \
  --test bench -- --nocapture | tee "$out/browser.log" | grep -E '^(BENCH|test )' || true
grep -q '^test result: ok' "$out/browser.log" || { echo "browser benchmarks failed (see $out/browser.log)" >&2; exit 1; }

printf '\n==> the page: size, first frame, the real downloader (20 flags, 200 ms)\n'
source scripts/latency-server.sh
start_latency_server --latency 200ms
node bench/page.mjs "$url" "$out/page.json"

python3 bench/report.py "$out" target/bench.json
