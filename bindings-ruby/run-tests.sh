#!/usr/bin/env bash
# The Ruby suite (`make ruby-test`): Debian's Ruby and libclang when missing; the extension and
# the sandbox (debug); the minitest suite (every method, the guide's Ruby verbatim, conformance
# and hostile arguments, threads, interrupts, fork, secrets); `rbs validate` of sig/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
bash "$here/setup.sh"
CARGO="${CARGO:-cargo}"
$CARGO build -p zavu-ruby -p zavu-sandbox --locked
cp -f target/debug/libzavudev_native.so "$here/lib/zavudev/zavudev_native.so"

cd "$here"
echo "== rbs validate"
ruby -e 'load Gem.bin_path("rbs", "rbs")' -- -I sig validate --silent
echo "== minitest"
ruby -w -Ilib -Itest test/all.rb ${TESTOPTS:-}
