# Sourced by the other scripts: puts the installed tools on PATH.
# cargo install puts trunk, wasm-bindgen, wasm-pack and geckodriver in
# $CARGO_HOME/bin; npm puts wasm-opt in node_modules/.bin.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never
cd "$root"
