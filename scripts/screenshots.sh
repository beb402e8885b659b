#!/usr/bin/env bash
# Rebuilds dist/ and retakes docs/screenshots/*.png (scripts/screenshots.mjs).
# SCHEMES=light,dark also takes dark-theme pictures.
set -euo pipefail
source "$(dirname "$0")/env.sh"
trunk build --release --offline
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
sleep 0.5
mkdir -p docs/screenshots
node scripts/screenshots.mjs "http://127.0.0.1:$port/" docs/screenshots
ls -l docs/screenshots
