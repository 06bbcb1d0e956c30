# The two commands: `make run` builds and opens the app; `make test` runs every check and test.
# `make check` is the quick loop while working (no window, no end-to-end test).
# Both install what is missing first (Debian packages, npm packages, tauri-driver), and are
# safe to repeat.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# Build and test dependencies from Debian 12 / Ubuntu 24.04.
DEB_PACKAGES := build-essential pkg-config libwebkit2gtk-4.1-dev libxdo-dev libssl-dev \
  libayatana-appindicator3-dev librsvg2-dev fonts-liberation \
  webkit2gtk-driver xvfb xauth dbus-daemon xdotool poppler-utils qpdf strace sqlite3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO_HOME_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin

.PHONY: run test check audit setup deps ui bindings-check lint ui-test deb bench

run: setup ui
	cargo run --bin boardassure -- $(ARGS)

test: setup ui lint
	cargo test --workspace --all-targets
	$(MAKE) --no-print-directory bindings-check ui-test

# Formatting, clippy and the type check, the core's unit tests (the layering rules among them),
# the command and security checks, and the UI's tests: about a minute on a warm build.
check: setup ui/dist/index.html lint
	cargo test -p boardassure-core --lib
	cargo test --test it security::
	$(MAKE) --no-print-directory bindings-check ui-test

# The window's page, built once for `check` (which does not open it); `ui` always rebuilds it.
ui/dist/index.html:
	$(MAKE) --no-print-directory ui

setup: deps ui/node_modules/.package-lock.json $(CARGO_HOME_BIN)/tauri-driver

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# `npm install --no-save` follows the lock file without rewriting it; unlike `npm ci` it
# tolerates registry mirrors that carry only this platform's optional packages.
ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	cd ui && npm install --no-save --no-fund --no-audit

$(CARGO_HOME_BIN)/tauri-driver:
	cargo install tauri-driver --version '^2' --locked

# The window embeds the built UI at compile time, so it is built before any cargo step.
ui: setup
	cd ui && npm run build --silent

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check --silent

# The TypeScript types are regenerated from Rust by the tests; a difference means the
# committed copies were stale.
bindings-check:
	@if [ -n "$$(git status --porcelain -- ui/src/bindings)" ]; then \
	  git status --short -- ui/src/bindings; \
	  echo "ui/src/bindings is stale: commit the regenerated files."; exit 1; \
	fi

ui-test:
	cd ui && npm test --silent

# Known vulnerabilities in the locked Rust dependencies (the RustSec database at ADVISORY_DB,
# fetched by cargo-audit where the network allows; a snapshot folder of plain files is copied
# into a git repository first, which cargo-audit requires) and in the window's runtime npm
# packages, where the registry answers audits. Accepted advisories are listed, with their
# reasons, in .cargo/audit.toml.
ADVISORY_DB ?= $(HOME)/.cargo/advisory-db
audit: $(CARGO_HOME_BIN)/cargo-audit
	@db="$(ADVISORY_DB)"; fetch=""; copy=""; \
	if [ -d "$$db" ] && [ ! -d "$$db/.git" ]; then \
	  copy=$$(mktemp -d); cp -r "$$db/." "$$copy"; \
	  git -C "$$copy" init -q && git -C "$$copy" add -A && \
	  git -C "$$copy" -c user.name=audit -c user.email=audit@localhost commit -qm snapshot; \
	  db="$$copy"; fetch="--no-fetch"; \
	fi; \
	rc=0; cargo audit --db "$$db" $$fetch --file Cargo.lock || rc=$$?; \
	[ -z "$$copy" ] || rm -rf "$$copy"; exit $$rc
	@cd ui && out=$$(npm audit --omit=dev 2>&1) && echo "$$out" | tail -1 || \
	  { if echo "$$out" | grep -q "audit endpoint returned an error"; then \
	      echo "npm audit: the registry does not answer audits here; the npm packages were not checked."; \
	    else echo "$$out"; exit 1; fi; }

$(CARGO_HOME_BIN)/cargo-audit:
	cargo install cargo-audit --locked

# The installable package (see the README).
deb: setup
	ui/node_modules/.bin/tauri build --bundles deb

# The benchmarks: ten years of a large trust (kept in BOARDASSURE_SCALE_DB after the first
# run), then start-up and idle memory against a bare Tauri window on the empty and the
# ten-year database. Both programs are built in release first.
SCALE_DB ?= /var/tmp/boardassure-ten-years.db
bench: setup ui
	cargo build --release --features custom-protocol --bin boardassure
	cargo build --release -p bare-window --features bare-window/custom-protocol
	BOARDASSURE_SCALE_DB=$(SCALE_DB) cargo bench -p boardassure-core --bench scale
	BOARDASSURE_SCALE_DB=$(SCALE_DB) cargo bench -p boardassure-core --bench startup
	cargo bench -p boardassure-core --bench import
