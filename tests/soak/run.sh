#!/usr/bin/env bash
# Runs the binding soaks and leak runs through tests/soak/soak.py (sandbox set-up and checks) with
# each language's small runner:
#
#   tests/soak/run.sh soak python|node|go|ruby|php|rust ...   fault soak (ZAVU_SOAK_SECONDS each)
#   tests/soak/run.sh leak python|node|c ...                  resident memory (ZAVU_LEAK_CALLS)
#
# Each binding's run-tests.sh calls this after building (short runs, in `make test`); `make soak`
# and `make leak-check` call it with long ones. A binding not built yet is built first, the way
# its run-tests.sh builds it (debug, shared target dir).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
CARGO=${CARGO:-cargo}
soak=(python3 "$root/tests/soak/soak.py")
venv="$root/target/py-venv"
mkdir -p "$root/target/soak"

build_sandbox() { "$CARGO" build --locked --quiet -p zavu-sandbox; }

build_python() {
    if ! "$venv/bin/python" -c "import zavudev" 2>/dev/null; then
        [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
            -r "$root/bindings-python/requirements-dev.txt"
        VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" "$venv/bin/maturin" develop --locked --features test-panic
    fi
}

build_node() {
    compgen -G "$root/bindings-node/native/zavu.*.node" >/dev/null || npm ci --no-audit --no-fund
}

build_c() { "$CARGO" build --locked --quiet -p zavu-c --features test-panic; }

build_ruby() {
    bash "$root/bindings-ruby/setup.sh"
    "$CARGO" build --locked --quiet -p zavu-ruby --features zavu-ruby/test-panic
    cp -f "$root/target/debug/libzavudev_native.so" "$root/bindings-ruby/lib/zavudev/zavudev_native.so"
}

build_php() {
    bash "$root/bindings-php/setup.sh"
    "$CARGO" build --locked --quiet -p zavu-php --features test-panic
    mkdir -p "$root/target/php-test"
    cp -f "$root/target/debug/libzavudev.so" "$root/target/php-test/zavudev.so"
}

soak_one() {
    case "$1" in
    python)
        build_python
        (cd bindings-python && "${soak[@]}" soak python-threads -- "$venv/bin/python" tests/soak_runner.py threads)
        (cd bindings-python && "${soak[@]}" soak python-asyncio -- "$venv/bin/python" tests/soak_runner.py asyncio)
        ;;
    node)
        build_node
        "${soak[@]}" soak node -- node bindings-node/test/soak-runner.mjs
        ;;
    go)
        build_c
        # Only here: a changed PATH makes the PHP and Ruby extensions' build scripts run again.
        (cd bindings-go && PATH="/usr/local/go/bin:$PATH" go build -tags zavudev_dev -o "$root/target/soak/go-soakrunner" ./internal/soakrunner)
        "${soak[@]}" soak go -- "$root/target/soak/go-soakrunner"
        ;;
    ruby)
        build_ruby
        "${soak[@]}" soak ruby -- ruby -W0 -I"$root/bindings-ruby/lib" bindings-ruby/test/soak_runner.rb
        ;;
    php)
        build_php
        "${soak[@]}" soak php -- php -d "extension=$root/target/php-test/zavudev.so" \
            bindings-php/php/tests/soak_runner.php
        ;;
    rust)
        "$CARGO" test --locked -p zavu-core --test soak -- --nocapture
        ;;
    *)
        echo "run.sh: no soak runner for '$1'" >&2
        exit 2
        ;;
    esac
}

leak_one() {
    case "$1" in
    python)
        build_python
        (cd bindings-python && "${soak[@]}" leak python -- "$venv/bin/python" tests/leak_runner.py)
        ;;
    node)
        build_node
        "${soak[@]}" leak node -- node --expose-gc bindings-node/test/leak-runner.mjs
        ;;
    c)
        build_c
        bash "$root/bindings-c/leak-check.sh"
        ;;
    *)
        echo "run.sh: no leak runner for '$1'" >&2
        exit 2
        ;;
    esac
}

mode=${1:-}
shift || true
if [[ "$mode" != soak && "$mode" != leak ]] || [ $# -eq 0 ]; then
    sed -n '2,10p' "$0" >&2
    exit 2
fi
build_sandbox
for language in "$@"; do
    started=$SECONDS
    "${mode}_one" "$language"
    echo "run.sh: $mode $language took $((SECONDS - started)) s"
done
