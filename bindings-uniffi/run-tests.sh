#!/usr/bin/env bash
# Everything the uniffi binding's CI runs, from a clean clone:
#   1. builds zavu-uniffi (the .so Kotlin loads) with the `test-panic` feature, so the Kotlin suite
#      can force a panic inside core (SafetyTest.kt), plus the pinned uniffi-bindgen and zavu-sandbox;
#   2. runs the binding's Rust tests (drop outside the runtime, panics, cancellation), with the
#      same feature so they leave the same .so in place;
#   3. regenerates the Swift package's sources into a temporary folder and fails if the committed
#      ones differ (Kotlin's are generated at build time, under kotlin/target, never committed);
#   4. compiles the generated C header with gcc in a smoke test that calls the library through it
#      with the C ABI Swift uses, and checks every checksum the Swift sources expect;
#   5. runs the Kotlin suite with Maven: it generates Kotlin from the library, compiles it and runs
#      the client tests and every conformance scenario against real sandboxes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
CARGO=${CARGO:-cargo}
target=$(cd "$root" && "$CARGO" metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
debug="$target/debug"

echo "== uniffi: build (debug, shared target dir)"
# Two commands: one would turn the feature on for the sandbox's zavu-core too (Cargo unifies
# features within a build). Only zavu-core and zavu-uniffi compile differently with it (and, for
# the Rust tests, the sandbox library they link, built once); the library's interface (and so
# the Swift and Kotlin sources) is the same either way.
"$CARGO" build --locked -p zavu-sandbox
# The generator is a workspace of its own (its Cargo.toml says why), built into the same target dir.
"$CARGO" build --locked --manifest-path bindings-uniffi/uniffi-bindgen/Cargo.toml --target-dir "$target"
"$CARGO" build --locked -p zavu-uniffi --features test-panic

echo "== uniffi: Rust tests"
"$CARGO" test --locked -p zavu-uniffi --features test-panic

echo "== uniffi: one version everywhere"
workspace_version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
pom_version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$here/kotlin/pom.xml" | head -1)
if [[ "$workspace_version" != "$pom_version" ]]; then
    echo "kotlin/pom.xml has version $pom_version, the workspace $workspace_version" >&2
    exit 1
fi

echo "== uniffi: Swift sources are current"
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
"$here/swift/generate.sh" "$debug/libzavu_uniffi.so" "$debug/uniffi-bindgen" "$fresh/swift"
for f in Sources/ZavuSDK/ZavuSDK.swift Sources/ZavuSDK/ZavuCore.swift Sources/zavu_uniffiFFI/zavu_uniffiFFI.h \
    Sources/zavu_uniffiFFI/zavu_coreFFI.h Sources/zavu_uniffiFFI/module.modulemap; do
    if ! diff -q "$fresh/swift/$f" "$here/swift/$f" >/dev/null; then
        echo "bindings-uniffi/swift/$f is stale: run" >&2
        echo "  bindings-uniffi/swift/generate.sh $debug/libzavu_uniffi.so $debug/uniffi-bindgen" >&2
        exit 1
    fi
done

echo "== uniffi: C smoke test of the header and library Swift uses"
contract=$(sed -n 's/.*let bindings_contract_version = \([0-9]*\).*/\1/p' "$here/swift/Sources/ZavuSDK/ZavuSDK.swift")
cat "$here/swift/Sources/ZavuSDK/ZavuSDK.swift" "$here/swift/Sources/ZavuSDK/ZavuCore.swift" |
    grep -o 'uniffi_zavu_[a-z]*_checksum_[a-z0-9_]*() != [0-9]*' |
    sed -E 's/^([a-z0-9_]+)\(\) != ([0-9]+)$/    CHECK(\1() == \2, "\1 differs from the Swift sources");/' \
        > "$fresh/checksums.inc"
gcc -std=c11 -Wall -Wextra -Werror -DEXPECTED_CONTRACT_VERSION="$contract" -I"$fresh" \
    "$here/swift/smoke/smoke.c" -L"$debug" -lzavu_uniffi -Wl,-rpath,"$debug" -o "$fresh/smoke"
"$fresh/smoke"

echo "== uniffi: Kotlin (Maven): generate, compile, client tests and conformance"
cd "$here/kotlin"
mvn -B -q -Dzavu.cargo.target="$debug" test
python3 - "$here/kotlin/target/surefire-reports" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    suite = ET.parse(path).getroot()
    tests += int(suite.get("tests", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
print(f"kotlin: {tests - failed - skipped} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or tests == 0 else 0)
PY
