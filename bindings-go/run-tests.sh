#!/usr/bin/env bash
# The Go binding's suite (`make go-test`), from a clean clone:
#   1. builds zavu-c (debug, `test-panic`) and the sandbox; `-tags zavudev_dev` links that debug
#      library (link_dev.go) instead of the release one `make dist-go` puts in lib/;
#   2. checks include/zavu.h is the C crate's generated header, and the code is gofmt-clean;
#   3. go vet, then go test -race: every method, errors and their classes against core's table,
#      webhooks, goroutines sharing a client, context cancellation and deadlines, goroutine and
#      native-object leak counts, every conformance scenario and the hostile-arguments file,
#      and the guide's examples built as a separate module and run against the sandbox;
#   4. the fault soak of tests/soak/ (goroutines; creates ended by a context deadline).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
export PATH="/usr/local/go/bin:$PATH"
CARGO=${CARGO:-cargo}
target=$("$CARGO" metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
if [[ "$target" != "$root/target" ]]; then
    echo "bindings-go links \$root/target/debug (link_dev.go); the target dir is $target" >&2
    exit 1
fi

echo "== go: build zavu-c (debug, test-panic) and the sandbox"
"$CARGO" build --locked -p zavu-sandbox
"$CARGO" build --locked -p zavu-c --features test-panic

echo "== go: header copy and formatting"
if ! cmp -s "$root/bindings-c/include/zavu.h" "$here/include/zavu.h"; then
    echo "bindings-go/include/zavu.h differs from bindings-c/include/zavu.h: copy it" >&2
    exit 1
fi
cd "$here"
unformatted=$(gofmt -l . )
if [[ -n "$unformatted" ]]; then
    echo "not gofmt-clean: $unformatted" >&2
    exit 1
fi

echo "== go: vet"
go vet -tags zavudev_dev ./...
(cd examples && go vet -tags zavudev_dev ./...)

echo "== go: test -race"
ZAVU_SANDBOX_BIN="$target/debug/zavu-sandbox" go test -race -tags zavudev_dev -count=1 ./...

echo "== go: fault soak through the binding (tests/soak: goroutines, context cancellation)"
bash "$root/tests/soak/run.sh" soak go
