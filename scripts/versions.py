#!/usr/bin/env python3
"""One version everywhere: every copy of the SDK's version, read, checked and rewritten.

The workspace's Cargo version (`[workspace.package] version` in the root Cargo.toml) is the one
source; every other file that carries a version must equal it. `set-version.sh X.Y.Z` rewrites
them all, `check-versions.sh` (run by `make lint`) fails when any differs. A folder that does not
exist is skipped, so a binding can land later without touching this file more than once.

Each copy is rewritten with a narrow regular expression instead of a parse-and-dump, so a file's
formatting, comments and key order stay exactly as they were.

    python3 scripts/versions.py check [ROOT]
    python3 scripts/versions.py set X.Y.Z [ROOT]
"""

from __future__ import annotations

import glob
import os
import re
import sys

SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


def read(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def section(text: str, header: str) -> tuple[int, int] | None:
    """The span of a TOML table's body, from after `[header]` to the next table header."""
    start = re.search(r"^\[" + re.escape(header) + r"\][ \t]*$", text, re.M)
    if not start:
        return None
    end = re.search(r"^\[", text[start.end():], re.M)
    return start.end(), start.end() + end.start() if end else len(text)


class Copy:
    """One place a version is written: how to find every occurrence, and its file."""

    def __init__(self, label: str, path: str, find):
        self.label = label
        self.path = path
        # find(text) -> list of (start, end) spans of version strings in text
        self.find = find

    def versions(self, root: str) -> list[str]:
        text = read(os.path.join(root, self.path))
        return [text[a:b] for a, b in self.find(text)]

    def rewrite(self, root: str, version: str) -> int:
        full = os.path.join(root, self.path)
        text = read(full)
        spans = self.find(text)
        for a, b in sorted(spans, reverse=True):
            text = text[:a] + version + text[b:]
        write(full, text)
        return len(spans)


# --- finders -------------------------------------------------------------------------------------


def cargo_workspace_version(text: str):
    span = section(text, "workspace.package")
    if not span:
        return []
    m = re.search(r'^version\s*=\s*"([^"]*)"', text[span[0]:span[1]], re.M)
    return [(span[0] + m.start(1), span[0] + m.end(1))] if m else []


def cargo_path_dependencies(text: str):
    """`version = "..."` of the workspace's own path dependencies (`zavu-core = { path = ... }`)."""
    span = section(text, "workspace.dependencies")
    if not span:
        return []
    found = []
    body = text[span[0]:span[1]]
    for line in re.finditer(r"^[^#\n]*\{[^}\n]*\bpath\s*=[^}\n]*\}", body, re.M):
        v = re.search(r'\bversion\s*=\s*"([^"]*)"', line.group(0))
        if v:
            base = span[0] + line.start()
            found.append((base + v.start(1), base + v.end(1)))
    return found


def cargo_lock_members(text: str):
    """The version of every package without a `source` (the workspace's own crates)."""
    found = []
    for block in re.finditer(r"^\[\[package\]\]\n((?:[^\[\n][^\n]*\n|\n(?!\[))*)", text, re.M):
        body = block.group(1)
        if re.search(r"^source\s*=", body, re.M):
            continue
        m = re.search(r'^version\s*=\s*"([^"]*)"', body, re.M)
        if m:
            found.append((block.start(1) + m.start(1), block.start(1) + m.end(1)))
    return found


def json_top_version(text: str):
    """The first `"version": "..."` at the top level of a JSON object (two-space indent or less)."""
    m = re.search(r'^ {0,2}"version"\s*:\s*"([^"]*)"', text, re.M)
    return [(m.start(1), m.end(1))] if m else []


def npm_lock_versions(text: str):
    """package-lock.json: its own top `version` and that of the root package (`packages[""]`)."""
    found = json_top_version(text)
    root = re.search(r'"packages"\s*:\s*\{\s*""\s*:\s*\{', text)
    if root:
        m = re.search(r'"version"\s*:\s*"([^"]*)"', text[root.end():])
        if m:
            found.append((root.end() + m.start(1), root.end() + m.end(1)))
    return found


def npm_platform_dependencies(text: str):
    """`optionalDependencies` on `@zavudev/*` platform packages, which ship with the same version."""
    found = []
    block = re.search(r'"optionalDependencies"\s*:\s*\{([^}]*)\}', text)
    if block:
        for m in re.finditer(r'"@zavudev/[^"]+"\s*:\s*"([^"]*)"', block.group(1)):
            found.append((block.start(1) + m.start(1), block.start(1) + m.end(1)))
    return found


def package_json(text: str):
    return json_top_version(text) + npm_platform_dependencies(text)


def napi_loader(text: str):
    """The version checks napi-rs writes into its generated loader (`native/index.js`)."""
    spans = []
    for pattern in (r"bindingPackageVersion !== '([^']*)'", r"expected ([0-9][^ ]*) but got"):
        spans += [(m.start(1), m.end(1)) for m in re.finditer(pattern, text)]
    return spans


def pyproject(text: str):
    """`[project] version`, unless it is dynamic (maturin then takes Cargo's, nothing to do)."""
    span = section(text, "project")
    if not span:
        return []
    m = re.search(r'^version\s*=\s*"([^"]*)"', text[span[0]:span[1]], re.M)
    return [(span[0] + m.start(1), span[0] + m.end(1))] if m else []


def pom_project_version(text: str):
    """The project's own `<version>`: the first one outside `<parent>`, before any dependency,
    plugin or property, which carry versions of other things."""
    parent = re.search(r"<parent>.*?</parent>", text, re.S)
    stop = re.search(r"<(properties|dependencies|dependencyManagement|build|profiles)>", text)
    limit = stop.start() if stop else len(text)
    for m in re.finditer(r"<version>([^<]*)</version>", text[:limit]):
        if parent and parent.start() <= m.start() < parent.end():
            continue
        return [(m.start(1), m.end(1))]
    return []


def pom_sdk_dependency(text: str):
    """A user project's `<zavu.sdk.version>` property (the install test depends on the SDK by it)."""
    return [(m.start(1), m.end(1)) for m in re.finditer(r"<zavu\.sdk\.version>([^<]*)</zavu\.sdk\.version>", text)]


def swift_release_url(text: str):
    """The version in the release download URL of the XCFramework (`.../download/vX.Y.Z/...`)."""
    return [(m.start(1), m.end(1)) for m in re.finditer(r"/releases/download/v([^/\"]+)/", text)]


def ruby_version(text: str):
    m = re.search(r"""\bVERSION\s*=\s*["']([^"']*)["']""", text) or re.search(
        r"""\.version\s*=\s*["']([^"']*)["']""", text
    )
    return [(m.start(1), m.end(1))] if m else []


def go_version(text: str):
    m = re.search(r'\bVersion\s*(?:string\s*)?=\s*"([^"]*)"', text)
    return [(m.start(1), m.end(1))] if m else []


# --- the list ------------------------------------------------------------------------------------


def copies(root: str) -> list[Copy]:
    """Every copy that exists under `root`. Cargo.toml's `[workspace.package]` comes first: it is
    the version the others are checked against."""
    out = [
        Copy("Cargo.toml [workspace.package]", "Cargo.toml", cargo_workspace_version),
        Copy("Cargo.toml path dependencies", "Cargo.toml", cargo_path_dependencies),
        Copy("Cargo.lock workspace crates", "Cargo.lock", cargo_lock_members),
    ]

    def add(label, path, find):
        if os.path.isfile(os.path.join(root, path)):
            out.append(Copy(label, path, find))

    add("package.json", "package.json", package_json)
    add("package-lock.json", "package-lock.json", npm_lock_versions)
    add("bindings-node/package.json", "bindings-node/package.json", package_json)
    for path in sorted(glob.glob(os.path.join(root, "bindings-node/npm/*/package.json"))):
        rel = os.path.relpath(path, root)
        add(rel, rel, json_top_version)
    add("bindings-node/native/index.js (napi loader)", "bindings-node/native/index.js", napi_loader)
    add("pyproject.toml [project]", "pyproject.toml", pyproject)
    add("bindings-uniffi/kotlin/pom.xml", "bindings-uniffi/kotlin/pom.xml", pom_project_version)
    add("bindings-uniffi/kotlin/install-test/pom.xml (the SDK it installs)",
        "bindings-uniffi/kotlin/install-test/pom.xml", pom_sdk_dependency)
    add("bindings-uniffi/swift/release/Package.swift (XCFramework URL)",
        "bindings-uniffi/swift/release/Package.swift", swift_release_url)
    # Ruby: the gem's version file if there is one, else a literal in the gemspec.
    ruby = sorted(glob.glob(os.path.join(root, "bindings-ruby/lib/**/version.rb"), recursive=True))
    ruby = ruby or sorted(glob.glob(os.path.join(root, "bindings-ruby/*.gemspec")))
    for path in ruby:
        rel = os.path.relpath(path, root)
        add(rel, rel, ruby_version)
    add("bindings-php/composer.json", "bindings-php/composer.json", json_top_version)
    for path in sorted(glob.glob(os.path.join(root, "bindings-go/*.go"))):
        if path.endswith("_test.go"):
            continue
        rel = os.path.relpath(path, root)
        if go_version(read(path)):
            add(rel, rel, go_version)
    return out


def cargo_version(root: str) -> str:
    found = Copy("", "Cargo.toml", cargo_workspace_version).versions(root)
    if not found:
        sys.exit("Cargo.toml has no [workspace.package] version")
    return found[0]


UNIFFI_GENERATOR = "bindings-uniffi/uniffi-bindgen/Cargo.toml"


def uniffi_pins(root: str) -> str | None:
    """Not the SDK's version, but another copy to keep equal: the generator (a workspace of its
    own) must pin the same uniffi as the library, or the Kotlin and Swift it writes may not match
    the library. A problem's text, or None."""
    if not os.path.isfile(os.path.join(root, UNIFFI_GENERATOR)):
        return None
    pins = {}
    for path in ("Cargo.toml", UNIFFI_GENERATOR):
        m = re.search(r'^uniffi\s*=\s*\{[^}\n]*\bversion\s*=\s*"([^"]*)"',
                      read(os.path.join(root, path)), re.M)
        if not m:
            return f"{path}: no `uniffi = {{ version = ... }}` line to compare with the other pin"
        pins[path] = m.group(1)
    if len(set(pins.values())) > 1:
        return "the uniffi pins differ:\n" + "\n".join(f"  {p}: {v}" for p, v in pins.items())
    return None


def check(root: str) -> int:
    want = cargo_version(root)
    bad = []
    for copy in copies(root):
        for got in copy.versions(root):
            if got != want:
                bad.append(f"  {copy.label} ({copy.path}): {got}")
    problem = uniffi_pins(root)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if bad:
        print(f"versions differ from Cargo.toml's {want}:", *bad, sep="\n", file=sys.stderr)
        print("fix with: scripts/set-version.sh " + want, file=sys.stderr)
        return 1
    print(f"one version everywhere: {want}")
    return 0


def set_version(root: str, version: str) -> int:
    if not SEMVER.match(version):
        print(f"not a version (X.Y.Z): {version!r}", file=sys.stderr)
        return 2
    old = cargo_version(root)
    for copy in copies(root):
        n = copy.rewrite(root, version)
        if n:
            print(f"  {copy.path}: {n} × {version}  ({copy.label})")
    print(f"{old} -> {version}")
    return check(root)


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[1] == "check" and len(argv) <= 3:
        return check(argv[2] if len(argv) == 3 else ".")
    if len(argv) >= 3 and argv[1] == "set" and len(argv) <= 4:
        return set_version(argv[3] if len(argv) == 4 else ".", argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
