# The two commands that matter: `make serve` and `make test`. Logic lives in scripts/.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CARGO_TERM_COLOR := never

.PHONY: setup serve release test

# Installs what serving and release builds need (skips what is present).
setup:
	bash scripts/setup.sh serve

# http://127.0.0.1:8080, rebuilt on change. No autoreload: its inline script would break the CSP.
serve: setup
	trunk serve --offline --no-autoreload --address 127.0.0.1 --port 8080

# Optimised build into dist/, then the .wasm size.
release: setup
	trunk build --release --offline
	bash scripts/wasm-size.sh dist

# Installs browsers and drivers too, then fmt, clippy, native and browser tests.
test:
	bash scripts/setup.sh test
	bash scripts/test.sh
