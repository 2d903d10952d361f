#!/usr/bin/env bash
# Instruction-count profiles of the Rust core (issue 19), under valgrind's callgrind (counts are
# stable on a busy machine where times are not). Installs Debian's valgrind when missing (as root).
#
#   bash bench/profile.sh [ITERATIONS]     # 200 by default
#
# 1. The canned 50-item list page parsed as the client parses a body (`zavu-bench parse-page`, no
#    network): instructions per page, the top functions of that parse alone, and per page the
#    yardsticks: the same text into a `serde_json::Value`, skipped with `IgnoredAny`, and the
#    typed page serialized again (what the Node binding adds).
# 2. Whole list calls against the canned API (nginx, as `make bench` serves it): instructions per
#    call in the client process, the top functions, and the parse's share.
# Outputs stay under target/bench/profile/ (callgrind.*.out, readable with callgrind_annotate).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
iterations=${1:-200}
if ! command -v valgrind >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind ||
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind; }
fi
cargo build --release --locked -p zavu-bench
bin=target/release/zavu-bench
out=target/bench/profile
rm -rf "$out"
mkdir -p "$out"
python3 -c "
import sys; sys.path.insert(0, 'bench'); import canned
open('$out/page.json', 'w').write(canned.compact({'items': canned.page_items(), 'nextCursor': None}))"

# The inclusive count of one function of a callgrind output, divided by $2.
per() {
    callgrind_annotate --inclusive=yes "$3" 2>/dev/null |
        awk -v fn="$1" -v n="$2" '$0 ~ fn { gsub(",", "", $1); printf "%\047d\n", $1 / n; exit }'
}
total() {
    callgrind_annotate "$1" 2>/dev/null | sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,
}

echo "== 1. the list page parsed, no network ($iterations parses)"
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.parse.out" \
    --toggle-collect='*profile_typed_page*' -q "$bin" parse-page "$out/page.json" "$iterations"
callgrind_annotate --inclusive=no "$out/callgrind.parse.out" 2>/dev/null | sed -n '/^Ir/,$p' |
    sed -n '3,25p'
printf "instructions per page, typed parse (what the client does): %'d\n" \
    $(($(total "$out/callgrind.parse.out") / iterations))
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.yardsticks.out" -q \
    "$bin" parse-page "$out/page.json" "$iterations" >/dev/null
for step in value ignored serialize; do
    echo "instructions per page, $step: $(per "profile_${step}_page" "$iterations" "$out/callgrind.yardsticks.out")"
done

echo
echo "== 2. whole list calls against the canned API (current-thread runtime)"
calls=$((iterations / 2))
port=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
conf=$(python3 -c "
import sys; sys.path.insert(0, 'bench'); import canned; from pathlib import Path
print(canned.write(Path('$out/canned'), $port, 2))")
nginx -c "$conf" -p "$root/$out/canned" 2>"$out/nginx.log" &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/v1/invitations" -o /dev/null && break
    sleep 0.05
done
# Parts: 1 = start-up and warm-up calls, 2 = the counted calls, 3 = the rest.
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.calls.out" -q \
    --compress-strings=no --dump-before='*profile_mark*' "$bin" list-calls --base-url "http://127.0.0.1:$port" "$calls"
# callgrind_annotate counts the cost of a call entered before the part began (`calls=0`) as the
# caller's own; one call instead puts it where it belongs (inclusive only).
counted="$out/callgrind.calls.counted.out"
sed 's/^calls=0 /calls=1 /' "$out/callgrind.calls.out.2" >"$counted"
callgrind_annotate --inclusive=no "$counted" 2>/dev/null | sed -n '/^Ir/,$p' | sed -n '3,25p'
printf "instructions per list call (client process, every thread): %'d\n" \
    $(($(total "$counted") / calls))
echo "of which the typed parse (serde_json in Client::send): $(per 'serde_json::de::from_trait' "$calls" "$counted")"
echo "of which dropping the page (its strings freed): $(per 'drop_in_place<zavu_core::pagination::Page<' "$calls" "$counted")"
echo "of which the exchange (request, answer, body; Client::send_raw): $(per 'zavu_core::client::Client::send_raw::' "$calls" "$counted")"
