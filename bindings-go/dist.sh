#!/usr/bin/env bash
# `make dist-go`: what a Go user gets, built and checked as they would use it.
#   1. builds the release static library of zavu-c (no test features) and puts it where the
#      package's cgo directives look: bindings-go/lib/linux_amd64/libzavu_c.a (the release
#      workflow builds the other platforms' libraries the same way, see README);
#   2. writes a module outside the repository that requires the package (with a `replace` to
#      bindings-go) and holds the guide's Go examples, and builds it with a plain `go build`:
#      no CGO_* flags, no Rust toolchain on PATH;
#   3. runs each example against a fresh sandbox and checks it prints what the guide says.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
CARGO=${CARGO:-cargo}
target=$("$CARGO" metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')

echo "== dist-go: release static library"
nice -n 10 "$CARGO" build --locked --release -p zavu-c
"$CARGO" build --locked -p zavu-sandbox
mkdir -p "$here/lib/linux_amd64"
cp "$target/release/libzavu_c.a" "$here/lib/linux_amd64/libzavu_c.a"
strip --strip-debug "$here/lib/linux_amd64/libzavu_c.a"
ls -l "$here/lib/linux_amd64/libzavu_c.a"

echo "== dist-go: a module outside the repository, built with no Rust and no CGO flags"
outside=$(mktemp -d /tmp/zavu-go-user.XXXXXX)
trap 'rm -rf "$outside"' EXIT
cat >"$outside/go.mod" <<MOD
module example.com/onboarding

go 1.24

require github.com/zavudev/zavu-sdk-hub/bindings-go v0.1.0

replace github.com/zavudev/zavu-sdk-hub/bindings-go => $here
MOD
for example in "$here"/examples/guide/*/; do
    name=$(basename "$example")
    mkdir -p "$outside/$name"
    cp "$example/main.go" "$outside/$name/main.go"
done
# A PATH with Go and the C toolchain only: no cargo, no rustc.
clean_path="/usr/local/go/bin:/usr/bin:/bin"
if env PATH="$clean_path" bash -c 'command -v cargo || command -v rustc' >/dev/null; then
    echo "cargo or rustc is on $clean_path: the check would not prove anything" >&2
    exit 1
fi
(cd "$outside" && env -u CGO_CFLAGS -u CGO_LDFLAGS -u CGO_CPPFLAGS -u CGO_CXXFLAGS -u GOFLAGS \
    PATH="$clean_path" go build -o bin/ ./...)
ls "$outside/bin"

echo "== dist-go: the guide's examples against the sandbox"
ZAVU_SANDBOX_BIN="$target/debug/zavu-sandbox" PATH="$clean_path" \
    "$root/bindings-c/tests/with-sandbox.sh" python3 "$here/scripts/check_guide_output.py" "$outside/bin"
echo "dist-go: the outside module builds and prints what the guide says"
