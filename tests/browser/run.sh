#!/usr/bin/env bash
# Browser test of the sandbox's invitation page. Installs what is missing (Debian's chromium,
# npm's playwright-core), builds nothing: it expects the zavu binary (cargo build -p zavu-cli),
# at $ZAVU_BIN or target/debug/zavu.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium
fi

# playwright-core never downloads browsers; the variable guards against any package that would.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# npm ci installs exactly the committed lock (one package, from the npm cache when present).
npm ci --prefer-offline --no-audit --no-fund

ZAVU_BIN="${ZAVU_BIN:-$(cd ../.. && pwd)/target/debug/zavu}"
if [ ! -x "$ZAVU_BIN" ]; then
  echo "missing $ZAVU_BIN: build it first (cargo build -p zavu-cli)" >&2
  exit 1
fi
export ZAVU_BIN

node --test invitation.test.mjs
