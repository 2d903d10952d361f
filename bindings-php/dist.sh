#!/usr/bin/env bash
# Writes what PHP users install:
#   <out>/zavudev.so     the extension (release build, stripped)
#   <out>/zavudev-sdk/   the Composer package (composer.json, php/src/, README.md), installable
#                        through a `path` repository, offline
# Usage: dist.sh [--profile release|dev] [--out DIR]   (defaults: release, dist/php)
# The test suite packs a dev build the same way (run-tests.sh) to install it in an outside project.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
profile=release
out="$root/dist/php"
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) profile="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done

bash "$here/setup.sh"
cd "$root"
if [ "$profile" = release ]; then
    cargo build --locked --release -p zavu-php
    built="$root/target/release/libzavudev.so"
else
    cargo build --locked -p zavu-php
    built="$root/target/debug/libzavudev.so"
fi

rm -rf "$out/zavudev-sdk" "$out/zavudev.so"
mkdir -p "$out/zavudev-sdk"
# Build output, never committed.
[ -f "$(dirname "$out")/.gitignore" ] || printf '*\n' > "$(dirname "$out")/.gitignore"
cp "$built" "$out/zavudev.so"
if [ "$profile" = release ]; then
    strip --strip-unneeded "$out/zavudev.so"
fi
mkdir -p "$out/zavudev-sdk/php"
cp -r "$here/php/src" "$out/zavudev-sdk/php/"
cp "$here/composer.json" "$out/zavudev-sdk/"
cp "$here/README.md" "$out/zavudev-sdk/README.md"
php -n -d "extension=$out/zavudev.so" -r 'exit(extension_loaded("zavudev") ? 0 : 1);'
echo "dist.sh: $out/zavudev.so ($(du -h "$out/zavudev.so" | cut -f1)) and $out/zavudev-sdk/"
