#!/usr/bin/env bash
# Fails when any copy of the version (npm, Python, Maven, Ruby, PHP, Go, Cargo.lock) differs
# from the workspace's Cargo version. `make lint` runs it; scripts/set-version.sh fixes drift.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec python3 "$root/scripts/versions.py" check "$root"
