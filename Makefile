# `make test` is everything CI runs (.ci/run calls it). Debug builds share one target dir.
CARGO ?= cargo
export CARGO_TERM_COLOR ?= never

.PHONY: lint-static check-features workspace-hack soak leak-check fuzz fuzz-test contract-test c-test go-test dist-go php-setup php-test dist-php ruby-setup ruby-test dist-ruby dist dist-build dist-python dist-node dist-kotlin dist-test actionlint test lint fmt-check clippy bench-readme check-versions check-lints version rust-test conformance browser-test node-test uniffi-test python-test bench build sandbox demo fmt clean

test: php-setup ruby-setup lint-static rust-test browser-test python-test node-test uniffi-test c-test go-test php-test ruby-test fuzz-test contract-test dist-test
	@echo "make test: all suites passed"

lint: lint-static clippy

# Everything in `lint` but clippy: `make test` gets clippy's lints from rust-test, which compiles
# the workspace through clippy-driver instead of checking every dependency a second time.
lint-static: fmt-check check-lints check-features bench-readme check-versions actionlint

# Every crate takes [workspace.lints] (inherited, or restated with only missing_docs relaxed).
check-lints:
	python3 scripts/check-lints.py

# Every copy of the version (npm, Python, Maven, Ruby, PHP, Go, Cargo.lock) equals Cargo's; the
# script's own tests run on scratch copies first (a second).
check-versions:
	python3 scripts/test_versions.py
	bash scripts/check-versions.sh

# `make version V=X.Y.Z`: sets the version everywhere, then checks it.
version:
	@test -n "$(V)" || { echo "usage: make version V=X.Y.Z" >&2; exit 2; }
	bash scripts/set-version.sh $(V)

# The release workflow (.github/workflows/release.yml) cannot run here: actionlint checks it. The
# pinned Go module is built once into target/tools (a few seconds after the first time).
ACTIONLINT_VERSION := v1.7.12
ACTIONLINT := target/tools/actionlint-$(ACTIONLINT_VERSION)
$(ACTIONLINT):
	mkdir -p target/tools
	GOBIN=$(CURDIR)/target/tools go install github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION)
	mv target/tools/actionlint $@
actionlint: $(ACTIONLINT)
	$(ACTIONLINT) -no-color .github/workflows/*.yml

# One feature set per dependency whatever a build selects (workspace-hack/README.md): Cargo's unit
# graph of every selection `make test` and `make dist` use, compared (nightly cargo's
# --unit-graph; nothing compiles, ~10 s).
check-features:
	python3 scripts/check-features.py

# Regenerates workspace-hack/Cargo.toml and each crate's line for it, with the pinned cargo-hakari
# (installed into target/tools the first time, a few minutes). Run after changing dependencies.
HAKARI_VERSION := 0.9.39
HAKARI := target/tools/hakari-$(HAKARI_VERSION)/bin/cargo-hakari
$(HAKARI):
	$(CARGO) install cargo-hakari --locked --version $(HAKARI_VERSION) --root target/tools/hakari-$(HAKARI_VERSION)
workspace-hack: $(HAKARI)
	$(HAKARI) hakari generate
	$(HAKARI) hakari manage-deps --yes
	python3 scripts/check-features.py

bench-readme:
	python3 bench/run.py --check-readme

fmt-check:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

build:
	$(CARGO) build --workspace --locked

# Unit, integration and conformance tests of every crate (the conformance runner is core's
# `conformance` test), compiled through clippy-driver (scripts/clippy-rustc): clippy's lints with
# -D warnings, as `make clippy` gives them, on every target `cargo test` builds. The PHP and Ruby
# libraries have no Rust tests, so they are built (and linted) here too.
rust-test:
	RUSTC_WORKSPACE_WRAPPER=$(CURDIR)/scripts/clippy-rustc $(CARGO) test --workspace --locked
	RUSTC_WORKSPACE_WRAPPER=$(CURDIR)/scripts/clippy-rustc $(CARGO) build --locked -p zavu-php -p zavu-ruby

conformance:
	$(CARGO) test -p zavu-core --locked --test conformance -- --nocapture

browser-test: build
	bash tests/browser/run.sh

# A venv under target/ with maturin, pytest and mypy; maturin develop; stubtest; pytest (every
# method sync and async, fork, threads, conformance, the guide's examples); `pip install .` check.
python-test: build
	bash bindings-python/run-tests.sh

# npm ci builds the addon; then the .d.ts freshness check, tsc, node --test and the packed-tarball check.
node-test: build
	bash bindings-node/run-tests.sh

# Builds the uniffi library, checks the committed Swift is current, runs the C smoke test of the
# header Swift imports, then the Kotlin suite (Maven, JUnit 5) with every conformance scenario.
uniffi-test: build
	bash bindings-uniffi/run-tests.sh

# The C ABI (bindings-c): header freshness (cbindgen), then the guide's flow in C against a sandbox.
c-test:
	bash bindings-c/run-tests.sh

# The Go binding (bindings-go): go vet, go test -race (every method, goroutines, cancellation,
# leaks, conformance, hostile arguments, the guide's examples).
go-test:
	bash bindings-go/run-tests.sh

# The release static library where the Go package's cgo directives find it, then a module
# outside the repository builds with plain `go build` (no Rust on PATH) and runs the guide.
dist-go: dist-build
	bash scripts/dist.sh go

# PHP's headers (php-dev) must be installed before cargo builds the workspace (ext-php-rs runs
# php-config and bindgen), so `make test` runs this first; it apt-installs only what is missing.
php-setup:
	bash bindings-php/setup.sh

# Builds the extension and the sandbox; PHPUnit (every method, the guide's PHP, conformance and
# hostile arguments, fork, secrets, php-fpm with 1,000 requests); then the packed extension and
# Composer package installed into an outside project and run with no Rust toolchain on the PATH.
php-test: php-setup
	bash bindings-php/run-tests.sh

# The release extension dist/php/zavudev.so and the Composer package dist/php/zavudev-sdk/.
dist-php: dist-build
	bash scripts/dist.sh php

# Debian's Ruby and libclang when missing; the extension and sandbox (debug); minitest (every
# method, the guide's Ruby verbatim, conformance and hostile arguments, threads, interrupts, fork,
# secrets); rbs validate; the fault soak. The platform gem is checked by dist-test.
ruby-test:
	bash bindings-ruby/run-tests.sh

# The workspace builds zavu-ruby (clippy, cargo test, build), whose rb-sys needs Ruby's headers
# and libclang: installed first when missing, before lint.
ruby-setup:
	bash bindings-ruby/setup.sh

# dist/zavudev-<version>-x86_64-linux.gem: the release extension inside, installs with no Rust.
dist-ruby: dist-build
	bash scripts/dist.sh ruby

# `make dist`: every installable artifact, release mode, into dist/ (git-ignored), then a table of
# them with sizes. dist-build is ONE cargo invocation for every release library (scripts/dist.sh),
# so each dependency compiles once; every dist-* step after it finds its library built.
dist: dist-build dist-python dist-node dist-kotlin dist-ruby dist-php dist-go
	@bash scripts/dist.sh table

dist-build:
	bash scripts/dist.sh build

# dist/python/: the abi3 wheel (CPython 3.9+, manylinux_2_34 here, auditwheel-checked) and the sdist.
dist-python: dist-build
	bash scripts/dist.sh python

# dist/node/: @zavudev/sdk and @zavudev/sdk-linux-x64-gnu (stripped release addon), npm tarballs.
dist-node: dist-build
	bash scripts/dist.sh node

# dist/kotlin/: the jar (linux-x86-64/libzavu_uniffi.so inside) and POM, `mvn install`ed to ~/.m2.
dist-kotlin: dist-build
	bash scripts/dist.sh kotlin

# Each artifact installed as a user would, in a fresh folder with no cargo/rustc on the PATH and no
# network, then the guide's flow against a sandbox; sizes, stripping, import times. dist-go is its
# own install check, so it runs here (in the script) and not among the prerequisites.
dist-test: dist-build dist-python dist-node dist-kotlin dist-ruby dist-php
	bash scripts/dist-test.sh
	@bash scripts/dist.sh table

# Long runs (not in `make test`, whose suites run short ones): the fault soak through core and
# every binding, ZAVU_SOAK_SECONDS each (default 300; `make test` runs 10 per runner), then
# 200,000 calls per language with resident memory sampled, and the C programs under valgrind.
# Figures: RELIABILITY.md. Builds what is missing the way each binding's run-tests.sh does.
ZAVU_SOAK_SECONDS ?= 300
soak:
	ZAVU_SOAK_SECONDS=$(ZAVU_SOAK_SECONDS) bash tests/soak/run.sh soak rust python node go ruby php

ZAVU_LEAK_CALLS ?= 200000
leak-check:
	ZAVU_LEAK_CALLS=$(ZAVU_LEAK_CALLS) ZAVU_VALGRIND_CALLS=2000 bash tests/soak/run.sh leak python node c

# cargo-fuzz (pinned, installed under target/tools by the script) on the nightly toolchain: the
# fuzz crate's quick build (unoptimised, no ASan) in fuzz/target, then each target for 10 s from
# its committed seeds. `make fuzz` is the ASan build.
fuzz-test:
	FUZZ_BUILD=quick bash scripts/fuzz.sh 10

# Not part of `make test`: every target for 5 minutes (`bash scripts/fuzz.sh SECONDS [TARGET...]`).
fuzz:
	bash scripts/fuzz.sh 300

# schemathesis (pinned, in a venv under target/) against a sandbox on a free port, driven by the
# OpenAPI document the sandbox serves: responses match it, no 5xx, none slower than 5 s.
contract-test:
	bash scripts/contract-test.sh

# Not part of `make test`: release builds, the published SDKs and ~20 minutes of measuring.
# `bash bench/run.sh --smoke` is a quick check that the harness works.
bench:
	bash bench/run.sh

sandbox:
	$(CARGO) run -p zavu-cli --locked -- sandbox --port 8080

demo:
	$(CARGO) run -p zavu-cli --locked -- demo

fmt:
	$(CARGO) fmt --all

clean:
	$(CARGO) clean
