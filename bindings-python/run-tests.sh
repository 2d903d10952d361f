#!/usr/bin/env bash
# Builds and checks the Python binding from a clean clone:
#   1. a virtual environment in target/py-venv with the pinned tools (requirements-dev.txt);
#   2. the sandbox binary the tests start (cargo build -p zavu-sandbox);
#   3. the extension, built in place by `maturin develop` (debug, shared target dir) with the
#      `test-panic` feature, so the tests can force a panic inside core (tests/test_safety.py);
#   4. the stubs checked against the built module (mypy.stubtest) and used by typed code (mypy --strict);
#   5. pytest (every method sync and async, errors, pages, threads, fork, webhooks, the guide,
#      and the conformance scenarios);
#   6. the fault soak (threads, asyncio with cancelled tasks) and the leak run of tests/soak/;
#   7. `pip install .` into a fresh virtual environment, then `import zavudev` there.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$root/target/py-venv"
python="${PYTHON:-python3}"
export CARGO_TARGET_DIR="$root/target"

step() { printf '\n== %s\n' "$*"; }

step "virtual environment ($venv)"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements-dev.txt"

step "sandbox binary"
cargo build --locked -p zavu-sandbox

step "maturin develop --features test-panic"
# Only zavu-core and zavu-python build differently with the feature; every other crate is shared
# with the `pip install .` build below, which leaves it out.
(cd "$root" && VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" "$venv/bin/maturin" develop --locked --features test-panic)

cd "$here"
step "stubs: mypy.stubtest zavudev._native"
"$venv/bin/python" -m mypy.stubtest zavudev._native
step "stubs in use: mypy --strict tests/typecheck/usage.py"
"$venv/bin/python" -m mypy --strict --no-incremental tests/typecheck/usage.py

step "pytest"
"$venv/bin/python" -m pytest "$@"

step "fault soak (threads, asyncio) and leak run through the binding (tests/soak)"
bash "$root/tests/soak/run.sh" soak python
bash "$root/tests/soak/run.sh" leak python

step "pip install . into a fresh virtual environment"
fresh="$(mktemp -d /tmp/zavudev-pip-XXXXXX)"
trap 'rm -rf "$fresh"' EXIT
"$python" -m venv "$fresh/venv"
# A debug build (sharing every dependency with `maturin develop` above) keeps this step to seconds;
# a plain `pip install .` builds the release wheel the same way. No `test-panic` here: this is
# the package users get.
MATURIN_PEP517_ARGS="--profile dev" "$fresh/venv/bin/python" -m pip install --quiet \
    --disable-pip-version-check "$root"
(cd "$fresh" && "$fresh/venv/bin/python" -c "
import zavudev, zavu
# Built without test-panic, the magic id is an ordinary one: a connection error here (no server).
zavu_client = zavudev.Zavudev(api_key='zk_pip_check', base_url='http://127.0.0.1:9', max_retries=0)
try:
    zavu_client.invitations.get('__zavu_test_panic__')
except zavudev.InternalError:
    raise SystemExit('the installed package was built with the test-panic feature')
except zavudev.ZavuError:
    pass
print('import zavudev OK', zavudev.__version__)
")
