#!/usr/bin/env bash
# Generates the Swift package's sources from a built libzavu_uniffi with the workspace's pinned
# uniffi-bindgen, into OUT (default: this folder). The outputs are committed, because Swift
# users build the package on macOS without a Rust generator at hand; run-tests.sh regenerates
# them into a temporary folder and fails when the committed ones differ.
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
cp "$tmp/zavu_uniffiFFI.h" "$out/Sources/zavu_uniffiFFI/zavu_uniffiFFI.h"
# SwiftPM wants `module.modulemap`. As a system-library target it also says which library to
# link (libzavu_uniffi from the linker path); the XCFramework script drops that line again,
# because there the static library sits inside the framework.
sed 's|^\(    header "zavu_uniffiFFI.h"\)$|\1\n    link "zavu_uniffi"|' "$tmp/zavu_uniffiFFI.modulemap" \
    > "$out/Sources/zavu_uniffiFFI/module.modulemap"
grep -q 'link "zavu_uniffi"' "$out/Sources/zavu_uniffiFFI/module.modulemap"
