#!/usr/bin/env bash
# Runs a command against a fresh sandbox (target/debug/zavu-sandbox, or $ZAVU_SANDBOX_BIN) on a
# free port, with ZAVUDEV_BASE_URL, ZAVUDEV_API_KEY and ZAVU_SANDBOX_OTHER_KEY set; stops the
# sandbox afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${ZAVU_SANDBOX_BIN:-$root/target/debug/zavu-sandbox}
log=$(mktemp)
"$bin" --port 0 >"$log" 2>/dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 200); do
    if [[ $(grep -c '^api key:' "$log" || true) -ge 2 ]]; then break; fi
    sleep 0.05
done
base=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$log" | head -1)
keys=($(sed -n 's/^api key: \([^ ]*\).*/\1/p' "$log"))
if [[ -z "$base" || ${#keys[@]} -lt 2 ]]; then
    echo "the sandbox did not start: $(cat "$log")" >&2
    exit 1
fi
export ZAVUDEV_BASE_URL=${base%/} ZAVUDEV_API_KEY=${keys[0]} ZAVU_SANDBOX_OTHER_KEY=${keys[1]}
"$@"
