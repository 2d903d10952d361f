#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz + libFuzzer, nightly, AddressSanitizer) of every parser that
# takes bytes from outside: see fuzz/README.md for the targets and the properties they assert.
#
#   bash scripts/fuzz.sh 10            # every target for 10 s (what `make test` runs)
#   bash scripts/fuzz.sh 300           # `make fuzz`: 5 minutes each
#   bash scripts/fuzz.sh 60 models     # one target
#
# Each target starts from its committed seeds (fuzz/seeds/<target>/) plus what earlier local runs
# found (fuzz/target/corpus/<target>/, not committed). A crash, a failed property, a leak, an
# input slower than 10 s or over 2 GB of memory fails the run; libFuzzer writes the input to
# fuzz/artifacts/<target>/ and prints how to reproduce it. The closing table's figures are
# libFuzzer's own final stats.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_EACH="${1:-15}"
shift || true
CARGO_FUZZ_VERSION=0.13.1
TOOLS="$ROOT/target/tools"

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "fuzz: cargo-fuzz needs a nightly toolchain (rustup toolchain install nightly)" >&2
    exit 1
fi
# cargo-fuzz builds with stable (its own pinned dependencies do not build on nightly).
if ! "$TOOLS/bin/cargo-fuzz" --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION\$"; then
    cargo +stable install cargo-fuzz --locked --version "$CARGO_FUZZ_VERSION" --root "$TOOLS"
fi
export PATH="$TOOLS/bin:$PATH"
# The fuzz crate's own workspace and target dir (fuzz/target); incremental builds only cost disk.
export CARGO_INCREMENTAL=0
cd "$ROOT/fuzz"

# FUZZ_BUILD=quick (what `make test` runs): an unoptimised build without AddressSanitizer, a
# third of the full build's compile time; libFuzzer's coverage guidance, the targets' properties
# and overflow checks stay (core and the sandbox forbid `unsafe`). `make fuzz` keeps ASan.
if [ "${FUZZ_BUILD:-full}" = quick ]; then
    FLAGS=(--dev --sanitizer none)
else
    FLAGS=(--debug-assertions)
fi
cargo +nightly fuzz build "${FLAGS[@]}"

if [ "$#" -gt 0 ]; then
    TARGETS=("$@")
else
    mapfile -t TARGETS < <(cargo +nightly fuzz list)
fi

mkdir -p target/logs
SUMMARY=()
FAILED=0
for target in "${TARGETS[@]}"; do
    mkdir -p "target/corpus/$target"
    log="target/logs/$target.log"
    echo "fuzz: $target for ${SECONDS_EACH}s"
    if cargo +nightly fuzz run "${FLAGS[@]}" "$target" "target/corpus/$target" "seeds/$target" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$log" 2>&1; then
        result="ok"
    else
        result="FAILED"
        FAILED=$((FAILED + 1))
        tail -n 60 "$log" >&2
    fi
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    done_line="$(grep -E '^#[0-9]+\s+DONE' "$log" | tail -n 1 || true)"
    cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")"
    ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")"
    corpus="$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' <<<"$done_line")"
    SUMMARY+=("$(printf '%-18s %-6s runs=%-10s cov=%-6s ft=%-6s corpus=%s' \
        "$target" "$result" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}")")
done

echo
echo "fuzz: ${SECONDS_EACH}s per target (cov: coverage points reached; ft: libFuzzer features)"
printf '  %s\n' "${SUMMARY[@]}"
echo "fuzz: $(( ${#TARGETS[@]} - FAILED )) passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
