#!/usr/bin/env python3
"""Tests of scripts/versions.py on a scratch copy of every kind of file it rewrites, including the
bindings that may not exist yet (Ruby, PHP, Go) and things it must leave alone (other packages'
versions, a pom's dependency versions). `make lint` runs it: `python3 scripts/test_versions.py`."""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import versions  # noqa: E402

FILES = {
    "Cargo.toml": """[workspace]
members = ["core"]

[workspace.package]
version = "0.1.0"
edition = "2024"

[workspace.dependencies]
zavu-core = { path = "core", version = "0.1.0" }
serde = { version = "1.0.1", features = ["derive"] }
uniffi = { version = "=0.32.2", default-features = false }
""",
    # The uniffi generator's own workspace: not the SDK's version, but the same uniffi pin.
    "bindings-uniffi/uniffi-bindgen/Cargo.toml": """[workspace]

[package]
name = "uniffi-bindgen"
version = "0.0.0"

[dependencies]
uniffi = { version = "=0.32.2", features = ["cli"] }
""",
    "Cargo.lock": """version = 4

[[package]]
name = "serde"
version = "0.1.0"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "zavu-core"
version = "0.1.0"
dependencies = [
 "serde",
]
""",
    "package.json": """{
  "name": "@zavudev/sdk",
  "version": "0.1.0",
  "optionalDependencies": {
    "@zavudev/sdk-linux-x64-gnu": "0.1.0",
    "left-pad": "0.1.0"
  },
  "devDependencies": {
    "typescript": "0.1.0"
  }
}
""",
    "package-lock.json": """{
  "name": "@zavudev/sdk",
  "version": "0.1.0",
  "lockfileVersion": 3,
  "packages": {
    "": {
      "name": "@zavudev/sdk",
      "version": "0.1.0"
    },
    "node_modules/typescript": {
      "version": "0.1.0"
    }
  }
}
""",
    "pyproject.toml": """[project]
name = "zavudev"
dynamic = ["version"]
""",
    "bindings-uniffi/kotlin/pom.xml": """<project>
  <artifactId>zavu</artifactId>
  <version>0.1.0</version>
  <dependencies>
    <dependency><artifactId>jna</artifactId><version>0.1.0</version></dependency>
  </dependencies>
</project>
""",
    "bindings-node/npm/linux-x64-gnu/package.json": """{
  "name": "@zavudev/sdk-linux-x64-gnu",
  "version": "0.1.0",
  "engines": {
    "node": ">=20"
  }
}
""",
    "bindings-uniffi/kotlin/install-test/pom.xml": """<project>
  <version>1.0.0</version>
  <properties>
    <zavu.sdk.version>0.1.0</zavu.sdk.version>
    <kotlin.version>0.1.0</kotlin.version>
  </properties>
</project>
""",
    "bindings-uniffi/swift/release/Package.swift": """let version = "ignored"
    .binaryTarget(name: "zavu_uniffiFFI",
        url: "https://github.com/zavudev/zavu-sdk-hub/releases/download/v0.1.0/zavu_uniffiFFI.xcframework.zip",
        checksum: "0")
""",
    "bindings-ruby/lib/zavudev/version.rb": 'module Zavudev\n  VERSION = "0.1.0"\nend\n',
    "bindings-php/composer.json": '{\n  "name": "zavudev/sdk",\n  "version": "0.1.0"\n}\n',
    "bindings-go/version.go": 'package zavudev\n\n// Version is the SDK version.\nconst Version = "0.1.0"\n',
}


class Versions(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = self.dir.name
        for path, text in FILES.items():
            full = os.path.join(self.root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write(text)

    def tearDown(self):
        self.dir.cleanup()

    def read(self, path):
        with open(os.path.join(self.root, path)) as f:
            return f.read()

    def run_script(self, *args):
        return subprocess.run(
            [sys.executable, os.path.join(HERE, "versions.py"), *args, self.root],
            capture_output=True,
            text=True,
        )

    def test_set_rewrites_every_copy_and_nothing_else(self):
        self.assertEqual(self.run_script("set", "9.9.9").returncode, 0)
        for path, text in FILES.items():
            after = self.read(path)
            if path in ("pyproject.toml", "bindings-uniffi/uniffi-bindgen/Cargo.toml"):
                self.assertEqual(after, text)  # maturin takes Cargo's; the generator has none
            else:
                self.assertIn("9.9.9", after, path)
        self.assertIn('serde = { version = "1.0.1"', self.read("Cargo.toml"))
        lock = self.read("Cargo.lock")
        self.assertIn('name = "serde"\nversion = "0.1.0"', lock)
        self.assertIn('name = "zavu-core"\nversion = "9.9.9"', lock)
        package = self.read("package.json")
        self.assertIn('"left-pad": "0.1.0"', package)
        self.assertIn('"typescript": "0.1.0"', package)
        self.assertIn('"@zavudev/sdk-linux-x64-gnu": "9.9.9"', package)
        self.assertIn('"node_modules/typescript": {\n      "version": "0.1.0"', self.read("package-lock.json"))
        pom = self.read("bindings-uniffi/kotlin/pom.xml")
        self.assertIn("<artifactId>zavu</artifactId>\n  <version>9.9.9</version>", pom)
        self.assertIn("<artifactId>jna</artifactId><version>0.1.0</version>", pom)
        install = self.read("bindings-uniffi/kotlin/install-test/pom.xml")
        self.assertIn("<version>1.0.0</version>", install)
        self.assertIn("<zavu.sdk.version>9.9.9</zavu.sdk.version>", install)
        self.assertIn("<kotlin.version>0.1.0</kotlin.version>", install)
        self.assertIn("/download/v9.9.9/", self.read("bindings-uniffi/swift/release/Package.swift"))
        self.assertEqual(self.run_script("check").returncode, 0)

    def test_check_names_a_platform_package_that_drifted(self):
        path = os.path.join(self.root, "bindings-node/npm/linux-x64-gnu/package.json")
        with open(path, "w") as f:
            f.write('{\n  "name": "@zavudev/sdk-linux-x64-gnu",\n  "version": "0.1.1"\n}\n')
        result = self.run_script("check")
        self.assertEqual(result.returncode, 1)
        self.assertIn("bindings-node/npm/linux-x64-gnu/package.json", result.stderr)

    def test_check_names_a_copy_that_drifted(self):
        self.assertEqual(self.run_script("check").returncode, 0)
        path = os.path.join(self.root, "bindings-php/composer.json")
        with open(path, "w") as f:
            f.write('{\n  "version": "0.0.9"\n}\n')
        result = self.run_script("check")
        self.assertEqual(result.returncode, 1)
        self.assertIn("bindings-php/composer.json", result.stderr)
        self.assertIn("0.0.9", result.stderr)

    def test_check_fails_when_the_uniffi_pins_differ(self):
        path = os.path.join(self.root, "bindings-uniffi/uniffi-bindgen/Cargo.toml")
        text = self.read("bindings-uniffi/uniffi-bindgen/Cargo.toml")
        with open(path, "w") as f:
            f.write(text.replace("=0.32.2", "=0.32.1"))
        result = self.run_script("check")
        self.assertEqual(result.returncode, 1)
        self.assertIn("the uniffi pins differ", result.stderr)
        self.assertIn("=0.32.1", result.stderr)
        # A pin written another way is not silently skipped.
        with open(path, "w") as f:
            f.write(text.replace('uniffi = { version = "=0.32.2", features = ["cli"] }', 'uniffi.version = "=0.32.2"'))
        result = self.run_script("check")
        self.assertEqual(result.returncode, 1)
        self.assertIn("no `uniffi = { version = ... }` line", result.stderr)

    def test_missing_bindings_are_skipped(self):
        for path in ("bindings-ruby/lib/zavudev/version.rb", "bindings-php/composer.json", "bindings-go/version.go"):
            os.remove(os.path.join(self.root, path))
        self.assertEqual(self.run_script("set", "1.0.0").returncode, 0)
        self.assertEqual(versions.cargo_version(self.root), "1.0.0")

    def test_a_bad_version_changes_nothing(self):
        self.assertEqual(self.run_script("set", "1.2").returncode, 2)
        for path, text in FILES.items():
            self.assertEqual(self.read(path), text, path)


if __name__ == "__main__":
    unittest.main()
