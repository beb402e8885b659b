#!/usr/bin/env bash
# Prints the size of each .wasm file in a Trunk dist directory, raw and gzipped.
#   scripts/wasm-size.sh [DIST_DIR]
set -euo pipefail
dist=${1:-dist}
shopt -s nullglob
files=("$dist"/*.wasm)
if [ ${#files[@]} -eq 0 ]; then
  echo "no .wasm file in $dist/" >&2
  exit 1
fi
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  printf '%s: %d bytes (%d KiB) raw, %d bytes (%d KiB) gzip -9\n' \
    "$(basename "$f")" "$raw" $(((raw + 1023) / 1024)) "$gz" $(((gz + 1023) / 1024))
done
