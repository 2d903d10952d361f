"""The leak run's Python runner: ZAVU_LEAK_CALLS calls cycling through tests/soak/spec.json's leak
ops (a get, a list page, a not_found error on the sync client; an asyncio task cancelled while its
call is in flight on the async client), sampling VmRSS from /proc/self/status.

Run by tests/soak/soak.py, which judges the samples.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import re

import zavudev

SPEC = json.loads(open(os.environ["ZAVU_SOAK_SPEC"]).read())["leak"]
CALLS = int(os.environ["ZAVU_LEAK_CALLS"])
OPTIONS = dict(api_key=os.environ["ZAVU_SOAK_API_KEY"], base_url=os.environ["ZAVU_SOAK_BASE_URL"], max_retries=0)


def rss_kib() -> int:
    with open("/proc/self/status") as f:
        match = re.search(r"VmRSS:\s+(\d+)", f.read())
    assert match
    return int(match.group(1))


async def cancelled_get(client: zavudev.AsyncZavudev) -> None:
    task = asyncio.ensure_future(client.invitations.get(SPEC["slowId"]))
    await asyncio.sleep(SPEC["cancelAfterMs"] / 1000)
    assert not task.done(), "the slow call ended before it was cancelled"
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        return
    raise AssertionError("the task was not cancelled")


def main() -> None:
    client = zavudev.Zavudev(**OPTIONS)
    loop = asyncio.new_event_loop()
    aclient = zavudev.AsyncZavudev(**OPTIONS)
    invitation_id = client.invitations.create(client_name="leak-python").id
    every = max(1, CALLS // SPEC["samples"])
    samples = []
    counts = {"get": 0, "list": 0, "error": 0, "cancel": 0}
    ops = SPEC["ops"]
    for i in range(CALLS):
        op = ops[i % len(ops)]
        counts[op] += 1
        if op == "get":
            client.invitations.get(invitation_id)
        elif op == "list":
            client.invitations.list(limit=SPEC["listLimit"])
        elif op == "error":
            try:
                client.invitations.get("inv_missing")
            except zavudev.NotFoundError:
                pass
            else:
                raise AssertionError("expected not_found")
        else:
            loop.run_until_complete(cancelled_get(aclient))
        if (i + 1) % every == 0:
            # Garbage the program no longer holds is not a leak: collect it before sampling.
            gc.collect()
            samples.append([i + 1, rss_kib()])
    loop.close()
    with open(os.environ["ZAVU_SOAK_RECORD"], "w") as f:
        json.dump({"calls": CALLS, "samples": samples, "extra": {"ops": counts}}, f)


if __name__ == "__main__":
    main()
