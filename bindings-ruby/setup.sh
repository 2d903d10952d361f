#!/usr/bin/env bash
# Installs what the Ruby binding needs from Debian, only when missing: Ruby 3.1 with its headers
# (minitest and rbs ship with it) and libclang (bindgen, used by rb-sys).
set -euo pipefail
missing=()
for pkg in ruby ruby-dev libclang-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup.sh: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y "${missing[@]}" || { $SUDO apt-get update && $SUDO apt-get install -y "${missing[@]}"; }
fi
