#!/usr/bin/env bash
# Installs what the PHP binding needs to build and test, only when missing (reruns take a
# second): PHP's headers and php-config for ext-php-rs (php-dev), the CLI, php-fpm for the
# per-request test, PHPUnit and Composer (Debian's), and libclang for bindgen.
set -euo pipefail

packages=(php-dev php-cli php-fpm phpunit composer libclang-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi
echo "bindings-php/setup.sh: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# The package lists may be stale on a fresh machine: refresh them only when an install fails.
if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
