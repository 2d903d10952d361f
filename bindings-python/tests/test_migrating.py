"""MIGRATING.md, checked: the published SDK's README examples (tests/migration/), with only the
rewrites MIGRATING.md lists applied, run against the sandbox."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Sandbox


def rewrites(language: str) -> list[tuple[str, str]]:
    """The (find, replace) rows of MIGRATING.md's "Mechanical rewrites" table for `language`."""
    text = (ROOT / "MIGRATING.md").read_text()
    section = text.split("## Mechanical rewrites", 1)[1]
    rows = []
    for line in section.splitlines():
        if not line.startswith(f"| {language} |"):
            continue
        cells = re.findall(r"`((?:[^`])*)`", line)
        find, replace = cells[0].replace("\\|", "|"), cells[1]
        rows.append((find, replace))
    return rows


def migrated(source: str, language: str) -> str:
    for find, replace in rewrites(language):
        source = re.sub(find, replace, source)
    return source


def test_the_table_lists_rewrites_for_python() -> None:
    assert len(rewrites("python")) >= 3


def test_published_python_examples_run_after_the_listed_rewrites(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = (ROOT / "tests" / "migration" / "published_python.py").read_text()
    code = migrated(original, "python")
    assert code != original
    monkeypatch.setenv("ZAVUDEV_API_KEY", sandbox.api_key)
    monkeypatch.setenv("ZAVUDEV_BASE_URL", sandbox.base_url)
    scope: dict[str, Any] = {"__name__": "published_python"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "published_python.py (migrated)", "exec"), scope)
    printed = out.getvalue()
    assert scope["RESULT"]["invitation_url"].startswith(sandbox.base_url)
    assert "Another non-200-range status code was received\n404\n" in printed
    assert "+14155551234" in printed
    assert "Support line" in printed
