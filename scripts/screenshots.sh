#!/usr/bin/env bash
# Rebuilds dist/ and retakes docs/screenshots/*.png (scripts/screenshots.mjs).
set -euo pipefail
source "$(dirname "$0")/env.sh"
# The Chinese pictures need a font with CJK glyphs (else they show boxes).
if ! fc-list :lang=zh | grep -q .; then
  echo "no Chinese font: apt-get install fonts-wqy-microhei (or fonts-noto-cjk), then run this again" >&2
  exit 1
fi
trunk build --release --offline
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
sleep 0.5
mkdir -p docs/screenshots
node scripts/screenshots.mjs "http://127.0.0.1:$port/" docs/screenshots
ls -l docs/screenshots
