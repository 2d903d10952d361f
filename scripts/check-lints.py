#!/usr/bin/env python3
"""Every workspace crate takes the workspace's lints: `[lints] workspace = true`, or (Cargo cannot
override one inherited lint, rust-lang/cargo#13157) a restated table equal to
`[workspace.lints]` except for lints it names in `RELAXABLE`. Run by `make lint`."""

import glob
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Lints a crate may set to another level in its restated table, with its reason in a comment.
RELAXABLE = {("rust", "missing_docs")}


def load(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def members(workspace):
    for pattern in workspace["workspace"].get("members", []):
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            if os.path.isfile(os.path.join(path, "Cargo.toml")):
                yield os.path.relpath(path, ROOT)


def main():
    workspace = load(os.path.join(ROOT, "Cargo.toml"))
    want = workspace["workspace"].get("lints", {})
    problems = []
    for member in members(workspace):
        lints = load(os.path.join(ROOT, member, "Cargo.toml")).get("lints")
        if lints is None:
            problems.append(f"{member}/Cargo.toml: no [lints]; add `[lints]` `workspace = true`")
            continue
        if lints.get("workspace") is True:
            continue
        for tool in sorted(set(want) | set(lints)):
            have, expected = lints.get(tool, {}), want.get(tool, {})
            for name in sorted(set(have) | set(expected)):
                if (tool, name) in RELAXABLE or have.get(name) == expected.get(name):
                    continue
                problems.append(
                    f"{member}/Cargo.toml: [lints.{tool}] {name} = {have.get(name)!r}, "
                    f"the workspace's is {expected.get(name)!r}"
                )
    if problems:
        print("lint tables differ from [workspace.lints]:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print("every crate takes the workspace's lints")
    return 0


if __name__ == "__main__":
    sys.exit(main())
