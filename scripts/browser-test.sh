#!/usr/bin/env bash
# Runs one crate's wasm-bindgen tests in one headless browser, offline, with
# the wasm-bindgen CLI that scripts/setup.sh installed.
#   scripts/browser-test.sh chrome|firefox CRATE_DIR [-- cargo test args]
# Chromium reads its flags from CRATE_DIR/webdriver.json (it needs
# --no-sandbox as root).
set -euo pipefail
source "$(dirname "$0")/env.sh"

browser=${1:?chrome or firefox}
crate=${2:?crate directory}
shift 2

case $browser in
  chrome) driver=(--chrome --chromedriver "$(command -v chromedriver)") ;;
  firefox) driver=(--firefox --geckodriver "$(command -v geckodriver)") ;;
  *) echo "unknown browser: $browser" >&2; exit 2 ;;
esac

printf '\n==> browser tests: %s in headless %s\n' "$crate" "$browser"
# No doc tests: they are native-only and already ran in `cargo test`.
wasm-pack test --mode no-install --headless "${driver[@]}" "$crate" "$@"
