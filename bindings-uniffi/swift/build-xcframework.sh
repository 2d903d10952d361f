#!/usr/bin/env bash
# Builds build/zavu_uniffiFFI.xcframework for iOS (device, simulator) and macOS. macOS only: it
# needs Xcode (xcodebuild, lipo) and the Apple Rust targets:
#   rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios \
#                     aarch64-apple-darwin x86_64-apple-darwin
# Package.swift links the XCFramework as soon as it exists. It also zips it for a release and
# prints the checksum; WRITE_RELEASE_CHECKSUM=1 writes that into release/Package.swift. Never run on the Linux machines that
# generate this package; see README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
profile=${PROFILE:-release}
name=zavu_uniffiFFI

if [[ "$(uname)" != Darwin ]]; then
    echo "build-xcframework.sh runs on macOS (it needs xcodebuild and lipo)" >&2
    exit 1
fi

targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin)
for t in "${targets[@]}"; do
    cargo build -p zavu-uniffi --profile "$profile" --target "$t" --locked
done

# Regenerate from a host build so the Swift sources match the libraries (generate first, strip after).
cargo build -p zavu-uniffi --profile "$profile" --locked
cargo build --manifest-path "$root/bindings-uniffi/uniffi-bindgen/Cargo.toml" --target-dir "$target_dir" \
    --profile "$profile" --locked
"$here/generate.sh" "$target_dir/$profile/libzavu_uniffi.dylib" "$target_dir/$profile/uniffi-bindgen" "$here"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lib() { echo "$target_dir/$1/$profile/libzavu_uniffi.a"; }
mkdir -p "$work/ios" "$work/ios-sim" "$work/macos" "$work/headers"
cp "$(lib aarch64-apple-ios)" "$work/ios/libzavu_uniffi.a"
lipo -create "$(lib aarch64-apple-ios-sim)" "$(lib x86_64-apple-ios)" -output "$work/ios-sim/libzavu_uniffi.a"
lipo -create "$(lib aarch64-apple-darwin)" "$(lib x86_64-apple-darwin)" -output "$work/macos/libzavu_uniffi.a"

# Inside the framework the static library is linked directly, so the modulemap has no `link`.
cp "$here/Sources/$name/$name.h" "$here/Sources/$name/zavu_coreFFI.h" "$work/headers/"
grep -v 'link "zavu_uniffi"' "$here/Sources/$name/module.modulemap" > "$work/headers/module.modulemap"

rm -rf "$here/build/$name.xcframework"
mkdir -p "$here/build"
xcodebuild -create-xcframework \
    -library "$work/ios/libzavu_uniffi.a" -headers "$work/headers" \
    -library "$work/ios-sim/libzavu_uniffi.a" -headers "$work/headers" \
    -library "$work/macos/libzavu_uniffi.a" -headers "$work/headers" \
    -output "$here/build/$name.xcframework"
echo "built $here/build/$name.xcframework"

# What a release uploads, and the checksum release/Package.swift's binaryTarget names.
(cd "$here/build" && rm -f "$name.xcframework.zip" &&
    ditto -c -k --sequesterRsrc --keepParent "$name.xcframework" "$name.xcframework.zip")
checksum=$(swift package compute-checksum "$here/build/$name.xcframework.zip")
echo "built $here/build/$name.xcframework.zip (checksum $checksum)"
if [[ "${WRITE_RELEASE_CHECKSUM:-0}" == 1 ]]; then
    sed -i '' "s/checksum: \"[0-9a-f]*\"/checksum: \"$checksum\"/" "$here/release/Package.swift"
fi
