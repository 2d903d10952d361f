"""A client keeps working in a forked child (new runtime, new connection pool) and in the parent."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

import zavudev

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def run_in_child(body) -> int:
    pid = os.fork()
    if pid == 0:  # the child: report through the exit code only
        code = 1
        try:
            code = 0 if body() else 3
        except BaseException:  # noqa: BLE001
            import traceback

            traceback.print_exc()
            code = 2
        finally:
            os._exit(code)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8
        time.sleep(0.02)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    pytest.fail("the forked child hung")


def test_sync_client_survives_fork(client, sandbox) -> None:
    before = client.invitations.create(client_name="Before fork")  # runtime and pool in use

    def child() -> bool:
        inv = client.invitations.create(client_name="In child")
        page = client.invitations.list()
        return client.invitations.get(before.id).id == before.id and inv.id in {i.id for i in page.items}

    assert run_in_child(child) == 0
    # The parent's runtime and connections were not disturbed by the child.
    names = {inv.client_name for inv in client.invitations.list()}
    assert names == {"Before fork", "In child"}
    assert client.invitations.create(client_name="After fork").status == "pending"


def test_async_client_survives_fork(sandbox) -> None:
    zavu = zavudev.AsyncZavudev(api_key=sandbox.api_key, base_url=sandbox.base_url)

    async def use() -> str:
        return (await zavu.invitations.create(client_name="async")).id

    asyncio.run(use())

    def child() -> bool:
        return asyncio.run(use()).startswith("inv_")

    assert run_in_child(child) == 0
    assert asyncio.run(use()).startswith("inv_")


def test_fork_before_any_call(sandbox) -> None:
    zavu = zavudev.Zavudev(api_key=sandbox.api_key, base_url=sandbox.base_url)
    assert run_in_child(lambda: zavu.invitations.list().items == []) == 0


def test_fork_twice_nested(client, sandbox) -> None:
    client.invitations.list()

    def child() -> bool:
        client.invitations.list()
        return run_in_child(lambda: client.invitations.create(client_name="grandchild").id != "") == 0

    assert run_in_child(child) == 0
    assert [inv.client_name for inv in client.invitations.list()] == ["grandchild"]
