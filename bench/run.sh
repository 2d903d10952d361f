#!/usr/bin/env bash
# `make bench`: the whole benchmark (see bench/README.md). Arguments pass through to run.py,
# for example `bash bench/run.sh --smoke` for a short run that only checks the harness.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/run.py "$@"
