# The two commands that matter: `make serve` and `make test`. Logic lives in scripts/.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CARGO_TERM_COLOR := never

.PHONY: setup serve release test bench

# Installs what serving and release builds need (skips what is present).
setup:
	bash scripts/setup.sh serve

# http://127.0.0.1:8080, rebuilt on change (trunk watch), served by aioscope-serve with 200 ms of
# latency on /flags/ (SERVE_ARGS adds more: --fail CD=500 --missing ET). No autoreload: its inline
# script would break the CSP.
serve: setup
	bash scripts/serve.sh $(SERVE_ARGS)

# Optimised build into dist/, then the .wasm size.
release: setup
	trunk build --release --offline
	bash scripts/wasm-size.sh dist

# Installs browsers and drivers too, then fmt, clippy, native and browser tests.
test:
	bash scripts/setup.sh test
	bash scripts/test.sh

# Benchmarks (not part of test): a table, and target/bench.json. Needs test's set-up.
bench:
	bash scripts/setup.sh test
	bash scripts/bench.sh
