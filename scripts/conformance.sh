#!/usr/bin/env bash
# The simulator against CPython 3.11's transcripts: stdout, stderr (tracebacks,
# asyncio's messages, warnings) and the loop's state before every iteration.
# A few cases' stderr is known to differ (listed with the reason in
# tests/conformance/stderr-divergent.txt): those are compared without it.
# Extra arguments go to check.py (e.g. -v).
set -euo pipefail
source "$(dirname "$0")/env.sh"

conformance="$root/tests/conformance"
cargo build --release -p aioscope-cli
divergent=$(sed -e 's/#.*//' -e 's/[[:space:]].*//' "$conformance/stderr-divergent.txt" | grep . || true)
full=() partial=()
for expected in "$conformance"/cases/*.expected.jsonl; do
  name=$(basename "$expected" .expected.jsonl)
  if grep -qx -- "$name" <<<"$divergent"; then partial+=("$expected"); else full+=("$expected"); fi
done
runner="$root/target/release/aioscope trace --states {file}"
python3 "$conformance/check.py" -j 2 --stderr --states --runner "$runner" "$@" "${full[@]}"
if [ ${#partial[@]} -gt 0 ]; then
  python3 "$conformance/check.py" -j 2 --states --runner "$runner" "$@" "${partial[@]}"
fi
