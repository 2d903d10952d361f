"""Packaging: one version everywhere, the `zavu` alias, typing markers."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import zavu
import zavudev
from conftest import ROOT


def test_one_version_everywhere() -> None:
    cargo = (ROOT / "Cargo.toml").read_text()
    workspace_version = re.search(r'\[workspace\.package\][^\[]*?version = "([^"]+)"', cargo, re.S)
    assert workspace_version is not None
    assert zavudev.__version__ == workspace_version.group(1)
    assert importlib.metadata.version("zavudev") == zavudev.__version__


def test_zavu_reexports_zavudev() -> None:
    assert zavu.ZavuError is zavudev.ZavuError
    assert zavu.Zavudev is zavudev.Zavudev
    assert zavu.__version__ == zavudev.__version__
    assert set(zavu.__all__) == set(zavudev.__all__)
    for name in zavudev.__all__:
        assert getattr(zavudev, name) is getattr(zavu, name)


def test_typed_markers_ship() -> None:
    package = Path(zavudev.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_native.pyi").exists()
    assert (Path(zavu.__file__).parent / "py.typed").exists()


def test_native_module_is_private() -> None:
    assert zavudev.Zavudev.__module__ == "zavudev._native"
    assert "_native" not in zavudev.__all__
