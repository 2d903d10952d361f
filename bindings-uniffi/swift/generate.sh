#!/usr/bin/env bash
# Generates the Swift package's sources from a built libzavu_uniffi with the workspace's pinned
# uniffi-bindgen, into OUT (default: this folder). The outputs are committed, because Swift
# users build the package on macOS without a Rust generator at hand; run-tests.sh regenerates
# them into a temporary folder and fails when the committed ones differ.
#
# The library holds two uniffi components: the binding (`ZavuSDK.swift`, `zavu_uniffiFFI.h`) and
# core's own types (`ZavuCore.swift`, `zavu_coreFFI.h`: core's `ErrorKind`). uniffi's Swift for
# several crates expects one Swift module and one C module, so both Swift files go into the
# `ZavuSDK` target and both headers into the one C module `zavu_uniffiFFI` (the headers share
# their common definitions behind `UNIFFI_SHARED_H`).
#
#   swift/generate.sh LIBRARY BINDGEN [OUT]
set -euo pipefail
lib=${1:?usage: generate.sh LIBRARY BINDGEN [OUT]}
bindgen=${2:?usage: generate.sh LIBRARY BINDGEN [OUT]}
out=${3:-$(cd "$(dirname "$0")" && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bindgen" generate --library "$lib" --language swift --no-format --out-dir "$tmp" >/dev/null

mkdir -p "$out/Sources/ZavuSDK" "$out/Sources/zavu_uniffiFFI"
cp "$tmp/ZavuSDK.swift" "$out/Sources/ZavuSDK/ZavuSDK.swift"
cp "$tmp/ZavuCore.swift" "$out/Sources/ZavuSDK/ZavuCore.swift"
cp "$tmp/zavu_uniffiFFI.h" "$out/Sources/zavu_uniffiFFI/zavu_uniffiFFI.h"
cp "$tmp/zavu_coreFFI.h" "$out/Sources/zavu_uniffiFFI/zavu_coreFFI.h"
# SwiftPM wants `module.modulemap`. One C module with both headers; as a system-library target it
# also says which library to link (libzavu_uniffi from the linker path); the XCFramework script
# drops that line again, because there the static library sits inside the framework.
sed 's|^\(    header "zavu_uniffiFFI.h"\)$|    header "zavu_coreFFI.h"\n\1\n    link "zavu_uniffi"|' "$tmp/zavu_uniffiFFI.modulemap" \
    > "$out/Sources/zavu_uniffiFFI/module.modulemap"
grep -q 'link "zavu_uniffi"' "$out/Sources/zavu_uniffiFFI/module.modulemap"
grep -q 'header "zavu_coreFFI.h"' "$out/Sources/zavu_uniffiFFI/module.modulemap"
