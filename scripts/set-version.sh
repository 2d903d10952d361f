#!/usr/bin/env bash
# Sets the SDK's version everywhere it is written: Cargo (workspace, path dependencies, lock),
# npm (package.json, package-lock.json, platform packages, napi's loader), pyproject.toml when its
# version is not dynamic, the Kotlin pom, and the Ruby, PHP and Go copies when those bindings
# exist. Then checks that every copy agrees. Usage: scripts/set-version.sh X.Y.Z
set -euo pipefail
if [[ $# -ne 1 ]]; then
    echo "usage: $0 X.Y.Z" >&2
    exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec python3 "$root/scripts/versions.py" set "$1" "$root"
