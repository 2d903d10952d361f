#!/usr/bin/env bash
# Instruction-count profile of the Rust core parsing the canned 50-item list page, with no
# network: `zavu-bench parse-page` under valgrind's callgrind (counts are stable on a busy
# machine where times are not). Installs Debian's valgrind when missing (as root).
#
#   bash bench/profile.sh [ITERATIONS]     # 200 by default; prints the top functions
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
iterations=${1:-200}
if ! command -v valgrind >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind ||
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind; }
fi
cargo build --release --locked -p zavu-bench
out=target/bench/profile
mkdir -p "$out"
python3 -c "
import sys; sys.path.insert(0, 'bench'); import canned
open('$out/page.json', 'w').write(canned.compact({'items': canned.page_items(), 'nextCursor': None}))"
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    target/release/zavu-bench parse-page "$out/page.json" "$iterations"
callgrind_annotate --inclusive=no "$out/callgrind.out" 2>/dev/null | sed -n 1,40p
echo "instructions per typed parse (with the Value and IgnoredAny yardsticks, one each per iteration):"
callgrind_annotate "$out/callgrind.out" 2>/dev/null | sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p'
