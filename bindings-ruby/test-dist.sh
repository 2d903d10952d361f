#!/usr/bin/env bash
# The installable gem, as a user gets it: `make dist-ruby`, then `gem install --local` into a
# fresh GEM_HOME with no cargo (and no rustc) on the PATH and no network needed, then the guide's
# Ruby (examples/guide.rb, verbatim) run against the sandbox with that GEM_HOME, and a check that
# `require "zavudev"` loaded the installed gem, not this checkout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
bash "$here/build-gem.sh"
gemfile="$(ls -t dist/zavudev-*-x86_64-linux.gem | head -1)"

gem_home="$(mktemp -d)"
bin="$(mktemp -d)"
trap 'rm -rf "$gem_home" "$bin"' EXIT
# A PATH with only ruby and gem on it: no cargo, no rustc, no compiler, wherever they live.
ln -s "$(command -v ruby)" "$bin/ruby"
ln -s "$(command -v gem)" "$bin/gem"
if PATH="$bin" command -v cargo >/dev/null 2>&1 || PATH="$bin" command -v rustc >/dev/null 2>&1; then
  echo "test-dist: cannot make a PATH without cargo" >&2
  exit 1
fi
run() { env -i HOME="$HOME" PATH="$bin" LANG=C.UTF-8 GEM_HOME="$gem_home" GEM_PATH="$gem_home" "$@"; }

run gem install --local --no-document --install-dir "$gem_home" "$gemfile"
loaded="$(run ruby -e 'require "zavudev"; puts $LOADED_FEATURES.grep(/zavudev_native/).first')"
case "$loaded" in
  "$gem_home"/*) echo "test-dist: require \"zavudev\" loaded $loaded" ;;
  *) echo "test-dist: require \"zavudev\" loaded $loaded, not the installed gem" >&2; exit 1 ;;
esac
run ZAVU_SANDBOX_BIN="$root/target/debug/zavu-sandbox" ruby "$here/test/guide_check.rb"
