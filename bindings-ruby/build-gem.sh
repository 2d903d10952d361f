#!/usr/bin/env bash
# `make dist-ruby`: dist/zavudev-<version>-x86_64-linux.gem, a precompiled platform gem with the
# release extension inside (stripped). The gem is built from a staging copy, so the source tree's
# debug extension (lib/zavudev/zavudev_native.so, used by the tests) is left alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
bash "$here/setup.sh"
CARGO="${CARGO:-cargo}"
$CARGO build --release -p zavu-ruby --locked

stage="$root/target/ruby-gem"
rm -rf "$stage"
mkdir -p "$stage"
cp -R "$here/lib" "$here/sig" "$here/examples" "$here/README.md" "$here/zavudev.gemspec" "$stage/"
cp -f target/release/libzavudev_native.so "$stage/lib/zavudev/zavudev_native.so"
strip --strip-unneeded "$stage/lib/zavudev/zavudev_native.so"

mkdir -p "$root/dist"
cd "$stage"
gem build zavudev.gemspec --output "$stage/out.gem" >/dev/null
version="$(ruby -e 'require "./lib/zavudev/version"; print Zavudev::VERSION')"
out="$root/dist/zavudev-$version-x86_64-linux.gem"
mv -f "$stage/out.gem" "$out"
echo "wrote ${out#"$root"/} ($(du -h "$out" | cut -f1))"
