"""Fixtures: a real sandbox (the `zavu-sandbox` binary) and clients pointed at it.

The binary is `target/debug/zavu-sandbox` of this repository (build it with
`cargo build -p zavu-sandbox`), or the path in `ZAVU_SANDBOX_BIN`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest

import zavudev

ROOT = Path(__file__).resolve().parents[2]


def sandbox_binary() -> Path:
    override = os.environ.get("ZAVU_SANDBOX_BIN")
    path = Path(override) if override else ROOT / "target" / "debug" / "zavu-sandbox"
    if not path.exists():
        pytest.exit(
            f"sandbox binary not found at {path}: run `cargo build -p zavu-sandbox` "
            "or set ZAVU_SANDBOX_BIN",
            returncode=2,
        )
    return path


class Sandbox:
    """A running `zavu-sandbox` process and helpers for its control API."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [str(sandbox_binary()), "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        # A sandbox that never prints its address must not hang the run.
        watchdog = threading.Timer(20, self.process.kill)
        watchdog.start()
        try:
            assert self.process.stdout is not None
            first = self.process.stdout.readline()
            match = re.match(r"listening on (http://\S+)", first)
            if not match:
                raise RuntimeError(f"unexpected first line from the sandbox: {first!r}")
            self.base_url = match.group(1).rstrip("/")
            self.keys: list[str] = []
            while len(self.keys) < 2:
                line = self.process.stdout.readline()
                key = re.match(r"api key: (\S+)", line)
                if not line:
                    raise RuntimeError("the sandbox exited while starting")
                if key:
                    self.keys.append(key.group(1))
        finally:
            watchdog.cancel()
        # Keep reading stdout so the sandbox never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for _ in self.process.stdout:
            pass

    @property
    def api_key(self) -> str:
        return self.keys[0]

    @property
    def other_key(self) -> str:
        return self.keys[1]

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """Calls the sandbox (control endpoints need no key); returns (status, JSON body)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base_url + path,
            data=data,
            method=method,
            headers={"content-type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode()
        try:
            return status, json.loads(text) if text else None
        except ValueError:
            return status, text

    def control(self, method: str, path: str, body: Any = None) -> Any:
        status, answer = self.request(method, path, body)
        assert 200 <= status < 300, f"{method} {path} -> {status}: {answer}"
        return answer

    def reset(self) -> None:
        self.control("POST", "/sandbox/reset")

    def fault(self, path: str, fault: dict[str, Any], *, method: Optional[str] = None, count: int = 1) -> None:
        rule: dict[str, Any] = {"path": path, "count": count, "fault": fault}
        if method:
            rule["method"] = method
        self.control("POST", "/sandbox/faults", rule)

    def requests(self, path: str = "") -> list[dict[str, Any]]:
        return self.control("GET", f"/sandbox/requests?path={path}")["items"]

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[Sandbox]:
    server = Sandbox()
    yield server
    server.stop()


@pytest.fixture
def sandbox(sandbox_server: Sandbox) -> Sandbox:
    """The shared sandbox, emptied before the test."""
    sandbox_server.reset()
    return sandbox_server


@pytest.fixture
def fresh_sandbox() -> Iterator[Sandbox]:
    """A sandbox of the test's own (for tests that change settings, plans or rate limits)."""
    server = Sandbox()
    yield server
    server.stop()


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[zavudev.Zavudev]:
    with zavudev.Zavudev(api_key=sandbox.api_key, base_url=sandbox.base_url) as zavu:
        yield zavu


@pytest.fixture
async def aclient(sandbox: Sandbox) -> Any:
    async with zavudev.AsyncZavudev(api_key=sandbox.api_key, base_url=sandbox.base_url) as zavu:
        yield zavu
