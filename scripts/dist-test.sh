#!/usr/bin/env bash
# `make dist-test`: every artifact `make dist` wrote, installed the way a user installs it, in a
# fresh folder, with no cargo or rustc on the PATH and no network, then the guide's flow run
# through it against a sandbox (target/debug/zavu-sandbox, the server side, any build will do).
#
#   python   the wheel into a new venv (pip --no-index), the guide's Python blocks as written
#   node     both tarballs (main + linux-x64-gnu) into an empty folder (npm --offline), the guide's
#            TypeScript examples (bindings-node/examples/guide.ts, compiled here with tsc) run there
#   kotlin   a separate Maven project (bindings-uniffi/kotlin/install-test) that depends on
#            dev.zavu:zavu-sdk by its coordinates, `mvn -o test`
#   ruby     bindings-ruby/test-dist.sh (the platform gem, gem install --local)
#   php      the release extension + Composer package (PHPUnit group `dist`)
#   go       bindings-go/dist.sh (a module outside the repository, plain `go build`)
#
# No network: when this user may create a network namespace (root in CI), each install and run
# happens inside a new one (`unshare -n`) whose only interface is loopback, where its sandbox also
# runs; the package managers' own offline flags are passed as well. Also printed: artifact sizes
# (failing above generous bounds), whether the libraries are stripped (failing if not), and the
# import time of each installed package (printed, never asserted).
#
#   scripts/dist-test.sh [python|node|kotlin|ruby|php|go ...]   (default: all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dist="$root/dist"
version=$(python3 -c 'import sys; sys.path.insert(0, "scripts"); import versions; print(versions.cargo_version("."))')
sandbox_bin=${ZAVU_SANDBOX_BIN:-$root/target/debug/zavu-sandbox}
export ZAVU_SANDBOX_BIN="$sandbox_bin"
with_sandbox="$root/bindings-c/tests/with-sandbox.sh"

step() { printf '\n== dist-test: %s\n' "$*"; }
fail() { echo "dist-test: $*" >&2; exit 1; }

if [[ ! -x "$sandbox_bin" ]]; then
    cargo build --locked -p zavu-sandbox
fi

# The PATH minus every folder that holds cargo or rustc (~/.cargo/bin): what a user without a
# Rust toolchain has.
no_rust_path() {
    local kept=() dir
    IFS=: read -ra dirs <<<"$PATH"
    for dir in "${dirs[@]}"; do
        [[ -n "$dir" && ! -e "$dir/cargo" && ! -e "$dir/rustc" ]] && kept+=("$dir")
    done
    (IFS=:; echo "${kept[*]}")
}
NO_RUST_PATH=$(no_rust_path)
if PATH="$NO_RUST_PATH" command -v cargo >/dev/null || PATH="$NO_RUST_PATH" command -v rustc >/dev/null; then
    fail "cargo or rustc is still on the PATH without ~/.cargo/bin: the checks would prove nothing"
fi

if unshare -n true 2>/dev/null && [[ -x /usr/sbin/ip || -x /sbin/ip ]]; then
    ip_bin=$(command -v ip || echo /usr/sbin/ip)
    # offline CMD...: CMD in a new network namespace with only loopback up, no Rust on the PATH.
    offline() { unshare -n bash -c '"$0" link set lo up && exec "$@"' "$ip_bin" env PATH="$NO_RUST_PATH" "$@"; }
    echo "dist-test: installs and runs happen in a network namespace with loopback only"
else
    offline() { env PATH="$NO_RUST_PATH" "$@"; }
    echo "dist-test: no network namespace here; relying on pip --no-index, npm --offline, mvn -o"
fi

size_check() { # size_check FILE MAX_MB
    local bytes
    bytes=$(stat -c %s "$1")
    printf 'dist-test: %-48s %8s (bound %s MB)\n' "${1#"$root"/}" "$(numfmt --to=iec --suffix=B "$bytes")" "$2"
    ((bytes <= $2 * 1024 * 1024)) || fail "$1 is larger than $2 MB"
}
stripped_check() { # stripped_check FILE
    local what
    what=$(file -b "$1")
    [[ "$what" == *", stripped"* ]] || fail "$1 is not stripped: $what"
    echo "dist-test: stripped: ${1#"$root"/}"
}

scratch=$(mktemp -d /tmp/zavu-dist-test.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

test_python() {
    step "python: the wheel into a new venv, offline"
    local wheel
    wheel=$(ls "$dist"/python/zavudev-"$version"-cp39-abi3-manylinux*.whl 2>/dev/null | head -1)
    [[ -n "$wheel" ]] || fail "no wheel in dist/python: run make dist-python"
    ls "$dist"/python/zavudev-"$version".tar.gz >/dev/null || fail "no sdist in dist/python"
    size_check "$wheel" 15
    mkdir -p "$scratch/py/so"
    (cd "$scratch/py/so" && python3 -m zipfile -e "$wheel" .)
    stripped_check "$(ls "$scratch"/py/so/zavudev/_native*.so)"
    local py
    py=$(python3 -c 'import sys; print(sys.executable)')
    "$py" -m venv "$scratch/py/venv"
    offline "$scratch/py/venv/bin/python" -m pip install --quiet --no-index --disable-pip-version-check "$wheel"
    (cd "$scratch/py" && offline "$with_sandbox" "$scratch/py/venv/bin/python" \
        "$root/scripts/dist-check/python_guide.py" "$root/docs/onboarding-clients-via-api.md") |
        tee "$scratch/py/out"
    grep -q "from $scratch/py/venv/" "$scratch/py/out" || fail "python imported zavudev from outside the new venv"
}

test_node() {
    step "node: both tarballs into an empty folder, offline"
    local main="$dist/node/zavudev-sdk-$version.tgz" platform="$dist/node/zavudev-sdk-linux-x64-gnu-$version.tgz"
    [[ -f "$main" && -f "$platform" ]] || fail "no npm tarballs in dist/node: run make dist-node"
    size_check "$platform" 20
    mkdir -p "$scratch/node/addon"
    tar -xzf "$platform" -C "$scratch/node/addon"
    stripped_check "$scratch/node/addon/package/zavu.linux-x64-gnu.node"
    size_check "$scratch/node/addon/package/zavu.linux-x64-gnu.node" 20

    # The guide's TypeScript, compiled against the repository's types with the repository's tsc
    # (a JavaScript tool: no Rust involved), then run in the user's folder against the install.
    if [[ ! -f node_modules/typescript/bin/tsc ]]; then
        ZAVU_NODE_SKIP_BUILD=1 npm ci --no-audit --no-fund
    fi
    mkdir -p bindings-node/examples/node_modules/@zavudev
    ln -sfn ../../../.. bindings-node/examples/node_modules/@zavudev/sdk
    node node_modules/typescript/bin/tsc -p bindings-node/examples --outDir "$scratch/node/guide"

    local user="$scratch/node/user"
    mkdir -p "$user"
    printf '{ "name": "onboarding", "private": true, "type": "module" }\n' >"$user/package.json"
    (cd "$user" && offline npm install --offline --no-audit --no-fund --loglevel=error "$platform" "$main")
    [[ -f "$user/node_modules/@zavudev/sdk-linux-x64-gnu/zavu.linux-x64-gnu.node" ]] ||
        fail "the platform package was not installed"
    if ls "$user"/node_modules/@zavudev/sdk/bindings-node/native/*.node >/dev/null 2>&1; then
        fail "the main package carries its own addon"
    fi
    cp "$scratch/node/guide/guide.js" "$user/guide.js"
    (cd "$user" && offline node -e '
        const start = process.hrtime.bigint();
        require("@zavudev/sdk");
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        console.log(`node: require("@zavudev/sdk") in ${ms.toFixed(0)} ms from ${require.resolve("@zavudev/sdk-linux-x64-gnu")}`);
    ')
    (cd "$user" && offline "$with_sandbox" node guide.js) >"$scratch/node/out" 2>"$scratch/node/err" ||
        { cat "$scratch/node/out" "$scratch/node/err"; fail "the guide failed through the installed package"; }
    cat "$scratch/node/out" "$scratch/node/err"
    local want
    for want in '^Invitation URL: http://127\.0\.0\.1:[0-9]+/invite/\S+$' '^Token: \S{20,}$' \
        '^Acme Corp pending http' '^Status: pending$' '^Client: Acme Corp$' '^Invitation was cancelled$' \
        '^New sender: snd_1 \+14155551234$' '^Webhook answered 200 OK$'; do
        grep -Eq "$want" "$scratch/node/out" || fail "node guide: no line matching $want"
    done
    grep -q '^Phone number not found$' "$scratch/node/err" || fail "node guide: no 'Phone number not found'"
    echo "node guide: ran as the guide says"
}

test_kotlin() {
    step "kotlin: a separate Maven project depending on dev.zavu:zavu-sdk:$version, offline"
    local jar="$dist/kotlin/zavu-sdk-$version.jar" installed="$HOME/.m2/repository/dev/zavu/zavu-sdk/$version/zavu-sdk-$version.jar"
    [[ -f "$jar" ]] || fail "no jar in dist/kotlin: run make dist-kotlin"
    size_check "$jar" 25
    cmp -s "$jar" "$installed" || fail "$installed is not the jar in dist/kotlin: run make dist-kotlin"
    mkdir -p "$scratch/kt/so"
    (cd "$scratch/kt/so" && unzip -q "$jar" linux-x86-64/libzavu_uniffi.so)
    stripped_check "$scratch/kt/so/linux-x86-64/libzavu_uniffi.so"
    cp -R bindings-uniffi/kotlin/install-test "$scratch/kt/user"
    (cd "$scratch/kt/user" && offline "$with_sandbox" mvn -o -B test) >"$scratch/kt/out" 2>&1 ||
        { cat "$scratch/kt/out"; fail "the Kotlin install test failed"; }
    grep -E '^kotlin: |Tests run:|BUILD' "$scratch/kt/out" || true
    grep -q '^kotlin: loaded ' "$scratch/kt/out" || { cat "$scratch/kt/out"; fail "the Kotlin guide test did not run"; }
    python3 - "$scratch/kt/user/target/surefire-reports" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = failed = 0
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    suite = ET.parse(path).getroot()
    tests += int(suite.get("tests", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
print(f"kotlin install test: {tests - failed} passed, {failed} failed")
sys.exit(1 if failed or tests == 0 else 0)
PY
}

test_ruby() {
    step "ruby: the platform gem (bindings-ruby/test-dist.sh)"
    bash scripts/dist.sh run bash bindings-ruby/test-dist.sh
}

test_php() {
    step "php: the release extension and Composer package in an outside project"
    [[ -f "$dist/php/zavudev.so" ]] || fail "no dist/php/zavudev.so: run make dist-php"
    stripped_check "$dist/php/zavudev.so"
    size_check "$dist/php/zavudev.so" 20
    (cd bindings-php/php && ZAVUDEV_PHP_DIST="$dist/php" \
        php -d "extension=$dist/php/zavudev.so" /usr/bin/phpunit -c phpunit.xml --group dist)
}

test_go() {
    step "go: a module outside the repository (bindings-go/dist.sh)"
    bash scripts/dist.sh go
}

what=("$@")
[[ ${#what[@]} -gt 0 ]] || what=(python node kotlin ruby php go)
start=$SECONDS
for w in "${what[@]}"; do
    case "$w" in
        python | node | kotlin | ruby | php | go) "test_$w" ;;
        *) fail "unknown check $w" ;;
    esac
done
echo
echo "dist-test: ${#what[@]} passed, 0 failed ($((SECONDS - start)) s)"
