#!/usr/bin/env bash
# Everything `make test` checks, in order; stops at the first failure.
# The browser tests run last, so the output ends with their summary lines.
set -euo pipefail
source "$(dirname "$0")/env.sh"

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --all -- --check"
cargo fmt --all -- --check

step "cargo clippy (native)"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo clippy (wasm32: the app, its browser tests, the core)"
cargo clippy -p aioscope -p aioscope-core --all-targets --features aioscope/bench --target wasm32-unknown-unknown -- -D warnings

step "cargo test --workspace (native)"
cargo test --workspace

step "conformance: the simulator against CPython 3.11's transcripts, stderr and loop states"
bash scripts/conformance.sh

step "fuzz: a bounded run of the coverage-guided pipeline fuzzer (fuzz/)"
bash scripts/fuzz.sh

step "end-to-end: the built app in headless Chromium"
bash scripts/e2e.sh

step "end-to-end: the real downloader against the latency server"
bash scripts/e2e-downloader.sh --no-build

for crate in crates/aioscope-core .; do
  bash scripts/browser-test.sh chrome "$crate"
  bash scripts/browser-test.sh firefox "$crate"
done
