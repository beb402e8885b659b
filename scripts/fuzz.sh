#!/usr/bin/env bash
# A bounded coverage-guided fuzz run of the whole pipeline (fuzz/: lexer,
# parser, compiler, VM, simulated asyncio loop, trace views): installs
# cargo-fuzz if it is missing, builds the target, seeds the corpus with
# the repository's programs and fuzzes for AIOSCOPE_FUZZ_SECONDS (60 by
# default). Fails on any crash; the input is left in
# fuzz/artifacts/pipeline/ (see the README to reproduce and minimise it).
#
# Runs on stable Rust: `-s none` builds without a sanitizer, which needs
# no nightly flag (the core has no unsafe code; panics are what we hunt).
set -euo pipefail
source "$(dirname "$0")/env.sh"

version=0.13.2
seconds="${AIOSCOPE_FUZZ_SECONDS:-60}"
# Each input runs on a thread with WebAssembly's default stack, 1 MiB,
# so that a recursion too deep for the page's worker is a crash here too.
export AIOSCOPE_FUZZ_STACK_KB="${AIOSCOPE_FUZZ_STACK_KB:-1024}"

if ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $version"; then
    cargo install cargo-fuzz --locked --version "$version"
fi

cd "$root/fuzz"
cargo fuzz build -s none pipeline
bash seed.sh
mkdir -p artifacts/pipeline

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
cargo fuzz run -s none pipeline -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -dict=python.dict -print_final_stats=1 >"$log" 2>&1
status=$?
set -e
# libFuzzer's progress lines start with '#'; the rest says what happened.
grep -v '^#' "$log" || true
if [ "$status" -ne 0 ]; then
    echo "fuzz: FAILED (exit $status); the input is in fuzz/artifacts/pipeline/" >&2
    exit 1
fi
runs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
echo "fuzz: no crash (${runs:-no summary})"
