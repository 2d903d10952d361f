"""A process that used the async client exits cleanly: no runtime thread may still be attaching
to the interpreter while it finalizes (before Python 3.14 that killed the thread mid-call and
crashed the process, now and then)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import asyncio, sys, zavudev
sync = zavudev.Zavudev(api_key=sys.argv[1], base_url=sys.argv[2])
sync.invitations.create(client_name="exit")
async def main():
    async with zavudev.AsyncZavudev(api_key=sys.argv[1], base_url=sys.argv[2]) as zavu:
        await asyncio.gather(*(zavu.invitations.create(client_name="exit") for _ in range(5)))
        return [inv.id async for inv in await zavu.invitations.list(limit=2)]
print(len(asyncio.run(main())))
"""


def test_processes_exit_cleanly(sandbox) -> None:
    for _ in range(8):
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, sandbox.api_key, sandbox.base_url],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip().isdigit()
