#!/usr/bin/env bash
# The C ABI's long-run checks (tests/soak/spec.json "leak"):
#   1. tests/leak_loop.c (gets, list pages, not_found errors, calls cancelled in flight from
#      another thread) against a sandbox, VmRSS sampled: growth after warm-up under 5 MiB, and
#      every string and handle freed (zavu_debug_live_objects() == 0);
#   2. valgrind (Debian's, installed when missing) over tests/guide_flow.c and a short leak_loop:
#      no memory error and definitely lost = 0 bytes.
# ZAVU_LEAK_CALLS sets the calls of step 1 (spec's shortCalls by default; `make leak-check` runs
# 200,000); ZAVU_VALGRIND_CALLS those of the leak_loop under valgrind (default 400).
# Expects the debug libzavu_c.a (test-panic) and the sandbox to be built (run-tests.sh does).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
lib="$root/target/debug/libzavu_c.a"
out="$root/target/c-leak"
mkdir -p "$out"

for program in leak_loop guide_flow; do
    gcc -std=c11 -g -Wall -Wextra -Werror -pthread -I"$here/include" "$here/tests/$program.c" \
        "$lib" -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc -o "$out/$program"
done

echo "== c: resident memory over ${ZAVU_LEAK_CALLS:-the short run of} calls"
python3 "$root/tests/soak/soak.py" leak c -- "$out/leak_loop"

if ! command -v valgrind >/dev/null; then
    echo "bindings-c/leak-check.sh: installing valgrind"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y --no-install-recommends valgrind ||
        { $sudo apt-get update && $sudo apt-get install -y --no-install-recommends valgrind; }
fi

# Every memory error fails the run, and so does a definitely lost block; Rust's process-wide
# statics (the runtime, its thread pool) are still reachable at exit, which is not a leak.
valgrind_args=(--leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite
               --error-exitcode=99 --track-fds=no)
summary() { grep -E "definitely lost|ERROR SUMMARY|in use at exit" "$1" | sed 's/^==[0-9]*== */    /' || true; }

echo "== c: valgrind over tests/guide_flow.c"
log="$out/valgrind-guide.log"
ZAVU_SANDBOX_BIN="$root/target/debug/zavu-sandbox" "$here/tests/with-sandbox.sh" \
    valgrind "${valgrind_args[@]}" --log-file="$log" "$out/guide_flow" || { cat "$log"; exit 1; }
summary "$log"

echo "== c: valgrind over ${ZAVU_VALGRIND_CALLS:-400} leak_loop calls"
log="$out/valgrind-leak.log"
ZAVU_LEAK_CALLS=${ZAVU_VALGRIND_CALLS:-400} python3 "$root/tests/soak/soak.py" leak-unjudged c-valgrind -- \
    valgrind "${valgrind_args[@]}" --log-file="$log" "$out/leak_loop" || { cat "$log"; exit 1; }
summary "$log"
valgrind --version
