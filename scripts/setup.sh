#!/usr/bin/env bash
# Installs what building, serving and testing aioscope needs, skipping
# whatever is already present at the right version. Everything comes from
# the package registries (crates.io, npm, Debian); nothing is downloaded
# from anywhere else, so it works on machines with only registry access.
#
#   scripts/setup.sh serve   # what `make serve` and `make release` need
#   scripts/setup.sh test    # the above plus browsers and their drivers
set -euo pipefail

want=${1:-serve}
# PATH gets ~/.cargo/bin and node_modules/.bin, so installed tools are found.
source "$(dirname "$0")/env.sh"

TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1

say() { printf '[setup] %s\n' "$*"; }

# The CLI must match the wasm-bindgen crate exactly: the lock file decides.
locked_wasm_bindgen() {
  if [ -f Cargo.lock ]; then
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
  fi
}
WASM_BINDGEN_VERSION=$(locked_wasm_bindgen)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

has_version() { # command, expected substring of its --version output
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q -- "$2"
}

cargo_install() { # binary, crate, version, extra args...
  local bin=$1 crate=$2 version=$3
  shift 3
  if has_version "$bin" "$version"; then
    say "$bin $version present"
  else
    say "installing $crate $version from crates.io"
    cargo install "$crate" --version "$version" "$@"
  fi
}

if rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  say "wasm32-unknown-unknown present"
else
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed | grep '^rustfmt' >/dev/null || rustup component add rustfmt
rustup component list --installed | grep '^clippy' >/dev/null || rustup component add clippy

# Debian's binaryen is too old for current rustc output; npm's is pinned in package.json,
# with playwright-core (the end-to-end test drives the system Chromium with it; it never
# downloads a browser).
npm_version() { # package: its installed version, or nothing
  node -p "require('./node_modules/$1/package.json').version" 2>/dev/null || true
}
pinned() { # package: its version in package.json
  node -p "require('./package.json').devDependencies['$1']"
}
if [ -x node_modules/.bin/wasm-opt ] && node_modules/.bin/wasm-opt --version | grep -q 'version 132' \
  && [ "$(npm_version playwright-core)" = "$(pinned playwright-core)" ]; then
  say "wasm-opt 132 and playwright-core $(pinned playwright-core) present"
else
  say "installing binaryen (wasm-opt) and playwright-core from npm"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# With --locked this fails on a dependency missing from the registry; without, it builds.
cargo_install wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
# 0.21.14 only compiles with its own lock file; 0.22 needs a newer rustc.
cargo_install trunk trunk "$TRUNK_VERSION" --locked

if [ "$want" = test ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing+=(firefox-esr)
  # The Chinese screenshots (scripts/screenshots.sh) need a font with CJK glyphs.
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    say "chromium, chromium-driver, firefox-esr and a CJK font present"
  fi
  cargo_install wasm-pack wasm-pack "$WASM_PACK_VERSION"
  cargo_install geckodriver geckodriver "$GECKODRIVER_VERSION"
fi
say "ready ($want)"
