#!/usr/bin/env bash
# Everything the Node binding's CI runs, from a clean clone:
#   1. `npm ci` at the root: installs the pinned build tools and builds the addon (prepare script);
#   2. the committed generated files (native/index.d.ts, native/index.js) are current;
#   3. `tsc --noEmit`: the guide's examples and the type checks compile against the package types;
#   4. `node --test`: every suite against sandboxes the tests start themselves, on an addon built
#      with the `test-panic` feature into a scratch folder (loaded through
#      NAPI_RS_NATIVE_LIBRARY_PATH), so test/safety.test.mjs can force a panic inside core;
#   5. the fault soak and the leak run of tests/soak/ (on the addon `npm ci` built);
#   6. `npm pack`, install the tarball in an empty folder, `require('@zavudev/sdk')` there.
# Needs the sandbox binary (target/debug/zavu-sandbox, or ZAVU_SANDBOX_BIN); builds it if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CARGO=${CARGO:-cargo}

step() { printf '\n== zavu-node: %s\n' "$*"; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

if [[ -z "${ZAVU_SANDBOX_BIN:-}" && ! -x target/debug/zavu-sandbox ]]; then
  step "building the sandbox binary"
  "$CARGO" build -p zavu-sandbox --locked
fi

step "npm ci (installs @napi-rs/cli and typescript, builds the addon)"
npm ci --no-audit --no-fund

step "the committed generated native/index.d.ts and native/index.js are current"
node bindings-node/scripts/build.mjs --output-dir "$scratch/native" >"$scratch/build.log" 2>&1 ||
  { cat "$scratch/build.log"; exit 1; }
stale=0
for file in index.d.ts index.js; do
  if ! diff -u "bindings-node/native/$file" "$scratch/native/$file"; then
    echo "bindings-node/native/$file is stale: run \`npm run build\` and commit it" >&2
    stale=1
  fi
done
[[ $stale == 0 ]] || exit 1

step "tsc --noEmit: the guide's examples against the package's types"
# examples/ resolves @zavudev/sdk the way a user's project does: through node_modules.
mkdir -p bindings-node/examples/node_modules/@zavudev
ln -sfn ../../../.. bindings-node/examples/node_modules/@zavudev/sdk
node_modules/.bin/tsc --noEmit -p bindings-node/examples

step "node --test (on an addon built with the test-panic feature)"
# Only zavu-core and zavu-node compile differently with the feature; the packed addon above
# (bindings-node/native/) stays the normal build.
node bindings-node/scripts/build.mjs --output-dir "$scratch/test-native" --features test-panic \
  >"$scratch/build-test.log" 2>&1 || { cat "$scratch/build-test.log"; exit 1; }
test_addon=$(ls "$scratch"/test-native/zavu.*.node)
NAPI_RS_NATIVE_LIBRARY_PATH="$test_addon" node --test bindings-node/test/*.test.mjs

step "fault soak (64 in flight, AbortSignal) and leak run through the binding (tests/soak)"
bash tests/soak/run.sh soak node
bash tests/soak/run.sh leak node

step "npm pack, then install the tarball in an empty folder (no Rust needed there)"
# The addon was just built by `npm ci`; --ignore-scripts keeps pack from building it again.
tarball=$(npm pack --ignore-scripts --silent --pack-destination "$scratch")
tar -tzf "$scratch/$tarball" >"$scratch/contents"
for needed in package/bindings-node/js/index.js package/bindings-node/js/index.mjs \
  package/bindings-node/js/index.d.ts package/bindings-node/js/index.d.mts \
  package/bindings-node/native/index.js package/bindings-node/native/index.d.ts \
  package/bindings-node/README.md; do
  grep -qx "$needed" "$scratch/contents" || { echo "the tarball lacks $needed" >&2; exit 1; }
done
grep -q '^package/bindings-node/native/zavu\..*\.node$' "$scratch/contents" ||
  { echo "the tarball lacks the built addon" >&2; exit 1; }
mkdir "$scratch/consumer"
(
  cd "$scratch/consumer"
  npm init -y >/dev/null
  # No PATH to cargo here: installing the tarball must not build anything.
  PATH=$(dirname "$(command -v node)"):/usr/bin:/bin npm install --no-audit --no-fund "$scratch/$tarball"
  node -e "require('@zavudev/sdk')"
  env -u ZAVUDEV_API_KEY node -e "
    const Zavudev = require('@zavudev/sdk');
    const { ZavuError } = require('@zavudev/sdk');
    try { new Zavudev({ apiKey: '' }); process.exit(1); }
    catch (e) { if (!(e instanceof ZavuError) || e.code !== 'missing_api_key') throw e; }
    console.log('require: ok, version', Zavudev.VERSION);
  " </dev/null
  env -u ZAVUDEV_API_KEY node --input-type=module -e "
    import Zavudev, { NotFoundError } from '@zavudev/sdk';
    if (typeof Zavudev !== 'function' || typeof NotFoundError !== 'function') process.exit(1);
    console.log('import: ok');
  "
)
echo "zavu-node: all checks passed"
