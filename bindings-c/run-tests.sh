#!/usr/bin/env bash
# The C ABI's suite (`make c-test`):
#   1. builds zavu-c with the `test-panic` feature (so tests can force a panic inside core) and
#      the sandbox, in the shared debug target dir;
#   2. runs the crate's Rust tests, among them the header check: cbindgen regenerates
#      include/zavu.h and the test fails if the committed one differs;
#   3. compiles tests/guide_flow.c with gcc (-Wall -Wextra -Werror, C11) against the static
#      library and runs it against a fresh sandbox: the guide's flow, errors, misuse,
#      cancellation from another thread, the pager, webhooks, a forced panic, no leak;
#   4. leak-check.sh: resident memory over the short leak run, and valgrind over the C programs
#      (definitely lost = 0).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
CARGO=${CARGO:-cargo}
target=$("$CARGO" metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')

echo "== c: build (debug, test-panic)"
"$CARGO" build --locked -p zavu-sandbox
"$CARGO" build --locked -p zavu-c --features test-panic

echo "== c: Rust tests (header freshness)"
"$CARGO" test --locked -p zavu-c --features test-panic

echo "== c: guide flow in C against the sandbox"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
gcc -std=c11 -Wall -Wextra -Werror -pthread -I"$here/include" "$here/tests/guide_flow.c" \
    "$target/debug/libzavu_c.a" -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc -o "$out/guide_flow"
ZAVU_SANDBOX_BIN="$target/debug/zavu-sandbox" "$here/tests/with-sandbox.sh" "$out/guide_flow"

echo "== c: resident memory over many calls, then valgrind (tests/soak, leak-check.sh)"
bash "$here/leak-check.sh"
