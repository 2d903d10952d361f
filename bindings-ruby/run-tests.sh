#!/usr/bin/env bash
# The Ruby suite (`make ruby-test`): Debian's Ruby and libclang when missing; the extension and
# the sandbox (debug); `rbs validate` of sig/; the minitest suite (every method, the guide's Ruby
# verbatim, conformance and hostile arguments, threads, interrupts, fork, secrets); the fault
# soak of tests/soak/ (threads, Timeout.timeout ending creates); then the platform gem built in release mode, installed offline with no cargo, running the guide.
# Every stage runs even when an earlier one failed; the script fails if any did.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
bash "$here/setup.sh" || exit 1
CARGO="${CARGO:-cargo}"
$CARGO build -p zavu-ruby -p zavu-sandbox --features zavu-ruby/test-panic --locked || exit 1
cp -f target/debug/libzavudev_native.so "$here/lib/zavudev/zavudev_native.so" || exit 1

failed=()
cd "$here"
echo "== rbs validate"
ruby -e 'load Gem.bin_path("rbs", "rbs")' -- -I sig validate --silent || failed+=("rbs validate")
echo "== minitest"
# shellcheck disable=SC2086
ruby -w -Ilib -Itest test/all.rb ${TESTOPTS:-} || failed+=("minitest")
echo "== fault soak through the binding (tests/soak: threads, Timeout.timeout)"
bash "$root/tests/soak/run.sh" soak ruby || failed+=("soak")
# The platform gem (test-dist.sh) is checked by `make dist-test`, on the release build every
# language's artifact shares; run it alone with `bash bindings-ruby/test-dist.sh`.

if [ ${#failed[@]} -gt 0 ]; then
  echo "ruby-test: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "ruby-test: all passed"
