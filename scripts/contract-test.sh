#!/usr/bin/env bash
# The sandbox's contract: schemathesis (PyPI, pinned, in a venv under target/) against a sandbox
# started on a free port, driven by the document the sandbox itself serves at /openapi.json.
# Fails when any response does not match the document (status, content type, headers, schema),
# when any request gets a 5xx, or when one takes longer than the response-time bound.
#
#   bash scripts/contract-test.sh              # bounded run for `make test` (~1-2 min)
#   EXAMPLES=500 bash scripts/contract-test.sh # longer
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SCHEMATHESIS_VERSION=4.32.5
EXAMPLES="${EXAMPLES:-60}"
VENV="$ROOT/target/contract-venv"
REPORT_DIR="$ROOT/target/contract-report"

if ! "$VENV/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

cargo build --locked -p zavu-sandbox --bin zavu-sandbox

# Port 0: the sandbox picks a free port and prints it. Rate limits off so examples reach the
# handlers instead of a 429 (which the document also allows).
LOG="$(mktemp)"
target/debug/zavu-sandbox --port 0 --no-rate-limits >"$LOG" 2>&1 &
SANDBOX_PID=$!
trap 'kill "$SANDBOX_PID" 2>/dev/null || true; rm -f "$LOG"' EXIT
BASE=""
for _ in $(seq 1 100); do
    BASE="$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$LOG" | head -n 1)"
    [ -n "$BASE" ] && break
    sleep 0.1
done
if [ -z "$BASE" ]; then
    echo "contract-test: the sandbox did not start" >&2
    cat "$LOG" >&2
    exit 1
fi
KEY="$(sed -n 's/^api key: \([^ ]*\) (team default).*/\1/p' "$LOG" | head -n 1)"
KEY="${KEY:-zavu_sandbox_key_default}"

mkdir -p "$REPORT_DIR"
# Checks: every answer's status, content type, documented headers and body schema match the
# document; no 5xx; no answer slower than 5 s (a hang fails on the 10 s request timeout).
# --seed keeps CI reproducible; the fuzzing phase draws new cases from it each example.
set +e
# schemathesis keeps its example database in the working directory: keep it under target/.
cd "$REPORT_DIR"
"$VENV/bin/st" run "$BASE/openapi.json" \
    --url "$BASE" \
    --header "Authorization: Bearer $KEY" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --max-response-time 5 \
    --request-timeout 10 \
    --max-examples "$EXAMPLES" \
    --seed "${SEED:-18}" \
    --workers 1 \
    --report junit,ndjson \
    --report-dir "$REPORT_DIR" \
    --no-color 2>&1 | tee "$REPORT_DIR/output.txt"
STATUS=${PIPESTATUS[0]}
set -e
if ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
    echo "contract-test: the sandbox died during the run" >&2
    cat "$LOG" >&2
    exit 1
fi
exit "$STATUS"
