#!/usr/bin/env bash
# Copies every seed program into fuzz/corpus/pipeline/ (the corpus
# `cargo fuzz run pipeline` reads and grows), named after where it came from.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$here/corpus/pipeline"
mkdir -p "$out"
n=0
for dir in tests/conformance/cases crates/aioscope-core/tests/lang \
           crates/aioscope-core/tests/regressions scenarios; do
    for f in "$root/$dir"/*.py; do
        [ -e "$f" ] || continue
        cp "$f" "$out/seed-$(echo "$dir" | tr '/' '_')-$(basename "$f")"
        n=$((n + 1))
    done
done
echo "seed.sh: $n seed programs in $out"
