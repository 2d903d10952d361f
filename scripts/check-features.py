#!/usr/bin/env python3
"""Every build `make test` and `make dist` run compiles each third-party dependency with the same
features, so each is compiled once per profile and shared (workspace-hack/README.md).

Cargo picks a dependency's features from the crates a command selects: without the workspace-hack
crate, `cargo build -p zavu-node`, `maturin develop` and `cargo test --workspace` each built their
own copy of most of the graph. This asks Cargo for the unit graph of each of those selections
(`cargo +nightly build --unit-graph`: nothing is compiled, a second or so each) and fails when one
dependency unit (package, target, host or target platform, profile) gets two feature sets. It
also fails when a library's serde_json has `unbounded_depth` (no recursion limit: a deeply nested
body would overflow the stack). The fix for a failure is `make workspace-hack`, which regenerates
the hack crate with cargo-hakari. Run by `make lint`.
"""

import json
import os
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = "x86_64-unknown-linux-gnu"
# maturin adds pyo3's `extension-module` to the wheel's build only (pyproject.toml), and the
# hack leaves pyo3 out so that `cargo test -p zavu-python` can still link libpython.
ALLOWED_TO_DIFFER = {"pyo3", "pyo3-ffi", "pyo3-build-config", "pyo3-macros", "pyo3-macros-backend"}

LIBRARIES = ["zavu-node", "zavu-ruby", "zavu-php", "zavu-c", "zavu-uniffi", "zavu-python"]
MEMBERS = ["zavu-core", "zavu-sandbox", "zavu-cli", "zavu-bench"] + LIBRARIES

# (command, arguments): what the Makefile's suites and scripts/dist.sh ask Cargo for.
SELECTIONS = (
    [("test", ["--workspace"]), ("build", ["--workspace"])]
    + [("build", ["-p", m]) for m in MEMBERS]
    + [("build", ["-p", "zavu-php", "--features", "test-panic"])]
    + [("build", ["--release", "-p", "zavu-node", "-p", "zavu-ruby", "-p", "zavu-php", "-p", "zavu-c"])]
    + [("build", ["--release", "-p", m]) for m in LIBRARIES]
)


def unit_graph(command, args):
    cmd = ["cargo", "+nightly", command, "--unit-graph", "-Z", "unstable-options", "--locked",
           "--target", TARGET] + args
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"check-features: {' '.join(cmd)} failed:\n{out.stderr}")
    return json.loads(out.stdout)["units"]


def main():
    seen = defaultdict(lambda: defaultdict(list))  # unit key -> features -> selections
    most_in_one = defaultdict(int)  # unit key -> most feature sets one selection needs
    problems = []
    for command, args in SELECTIONS:
        label = f"cargo {command} {' '.join(args)}"
        here = defaultdict(set)
        for unit in unit_graph(command, args):
            pkg = unit["pkg_id"]
            if not pkg.startswith("registry+"):
                continue  # the workspace's own crates: their features are theirs to choose
            name = pkg.rsplit("#", 1)[1].rsplit("@", 1)[0]
            features = tuple(sorted(unit["features"]))
            # platform None: a host unit (build script, proc-macro or what they use).
            where = unit["platform"] or "host"
            if name == "serde_json" and where != "host" and "unbounded_depth" in features:
                problems.append(f"{label}: the libraries' serde_json has unbounded_depth")
            if name in ALLOWED_TO_DIFFER:
                continue
            # `cargo test` builds dependencies as `cargo build` does (same artifacts).
            profile = "dev" if unit["profile"]["name"] == "test" else unit["profile"]["name"]
            key = (pkg.rsplit("#", 1)[1], unit["target"]["name"], where, profile, unit["mode"])
            seen[key][features].append(label)
            here[key].add(features)
        for key, sets in here.items():
            most_in_one[key] = max(most_in_one[key], len(sets))
    for key, by_features in sorted(seen.items()):
        # One selection may need two: a target crate's build script and the host copy's both run
        # on the host, each with its own crate's features.
        if len(by_features) > most_in_one[key]:
            sets = "\n".join(f"      [{', '.join(f) or 'no features'}] in {by[0]}"
                             + (f" (+{len(by) - 1} more)" if len(by) > 1 else "")
                             for f, by in by_features.items())
            problems.append(f"{key[0]} ({key[2]}, {key[3]}, {key[4]}) builds with "
                            f"{len(by_features)} feature sets:\n{sets}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit("check-features: a dependency is compiled more than once; run `make workspace-hack`")
    print(f"check-features: {len(seen)} dependency units, one feature set each, "
          f"across {len(SELECTIONS)} selections")


if __name__ == "__main__":
    main()
