"""The fault soak's Python runner (threads or asyncio): the workload of tests/soak/spec.json.

Run by tests/soak/soak.py, which sets the sandbox's faults up and checks the record this writes;
see that file for the environment and the counting rules. `python soak_runner.py threads|asyncio`.
In asyncio mode the `host_cancelled_create` operation cancels the create's task after a random
delay (often while core waits to retry after the server acted), then, every `retryEvery`-th time,
creates again with the same Idempotency-Key.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import threading
import time
from typing import Any

import zavudev

SPEC = json.loads(open(os.environ["ZAVU_SOAK_SPEC"]).read())["soak"]
LABEL = os.environ["ZAVU_SOAK_LABEL"]
DEADLINE = time.monotonic() + float(os.environ["ZAVU_SOAK_SECONDS"])
BOUND = SPEC["callBoundMs"] / 1000
OPTIONS: dict[str, Any] = dict(
    api_key=os.environ["ZAVU_SOAK_API_KEY"],
    base_url=os.environ["ZAVU_SOAK_BASE_URL"],
    timeout=SPEC["client"]["timeoutMs"] / 1000,
    max_retries=SPEC["client"]["maxRetries"],
)


class Record:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.data: dict[str, Any] = {
            "calls": 0, "hangs": 0, "slowestMs": 0, "errors": {}, "created": {}, "failed": [],
            "cancelled": [], "retried": {}, "retryFailed": [],
        }

    def call(self, elapsed: float, error: zavudev.ZavudevError | None = None) -> None:
        with self.lock:
            d = self.data
            d["calls"] += 1
            d["slowestMs"] = max(d["slowestMs"], int(elapsed * 1000))
            d["hangs"] += elapsed > BOUND
            if error is not None:
                d["errors"][error.code] = d["errors"].get(error.code, 0) + 1

    def write(self) -> None:
        with open(os.environ["ZAVU_SOAK_RECORD"], "w") as f:
            json.dump(self.data, f)


record = Record()


def thread_worker(client: zavudev.Zavudev, worker: int) -> None:
    mine: list[str] = []
    ops = SPEC["ops"]
    i = 0
    while time.monotonic() < DEADLINE:
        op = ops[i % len(ops)]
        name = f"soak-{LABEL}-{worker}-{i}"
        i += 1
        if op == "cancel" and not mine:
            continue
        started = time.monotonic()
        try:
            if op in ("create", "host_cancelled_create"):
                # Sync calls cannot be cancelled from the host; asyncio mode does that.
                try:
                    inv = client.invitations.create(client_name=name)
                except zavudev.ZavudevError:
                    record.data["failed"].append(name)
                    raise
                mine.append(inv.id)
                record.data["created"][name] = inv.id
            elif op == "read":
                if mine:
                    client.invitations.get(mine[-1])
                else:
                    client.invitations.list(limit=SPEC["listLimit"])
            else:
                client.invitations.cancel(mine.pop())
            record.call(time.monotonic() - started)
        except zavudev.ZavudevError as e:
            record.call(time.monotonic() - started, e)


async def host_cancelled_create(client: zavudev.AsyncZavudev, name: str, retry: bool) -> str | None:
    key = f"key-{name}"
    hc = SPEC["hostCancel"]
    started = time.monotonic()
    task = asyncio.ensure_future(client.invitations.create(client_name=name, idempotency_key=key))
    done, _ = await asyncio.wait({task}, timeout=random.uniform(hc["minMs"], hc["maxMs"]) / 1000)
    if not done:
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
    if not task.cancelled():
        # It ended before the cancel: an ordinary create.
        try:
            inv = task.result()
        except zavudev.ZavudevError as e:
            record.data["failed"].append(name)
            record.call(time.monotonic() - started, e)
            return None
        record.data["created"][name] = inv.id
        record.call(time.monotonic() - started)
        return str(inv.id)
    record.call(time.monotonic() - started)
    if not retry:
        record.data["cancelled"].append(name)
        return None
    started = time.monotonic()
    try:
        inv = await client.invitations.create(client_name=name, idempotency_key=key)
    except zavudev.ZavudevError as e:
        record.data["retryFailed"].append(name)
        record.call(time.monotonic() - started, e)
        return None
    record.data["retried"][name] = inv.id
    record.call(time.monotonic() - started)
    return str(inv.id)


async def async_worker(client: zavudev.AsyncZavudev, worker: int) -> None:
    mine: list[str] = []
    ops = SPEC["ops"]
    i = 0
    cancelled_creates = 0
    while time.monotonic() < DEADLINE:
        op = ops[i % len(ops)]
        name = f"soak-{LABEL}-{worker}-{i}"
        i += 1
        if op == "cancel" and not mine:
            continue
        if op == "host_cancelled_create":
            cancelled_creates += 1
            made = await host_cancelled_create(
                client, name, cancelled_creates % SPEC["hostCancel"]["retryEvery"] == 0
            )
            if made:
                mine.append(made)
            continue
        started = time.monotonic()
        try:
            if op == "create":
                try:
                    inv = await client.invitations.create(client_name=name)
                except zavudev.ZavudevError:
                    record.data["failed"].append(name)
                    raise
                mine.append(inv.id)
                record.data["created"][name] = inv.id
            elif op == "read":
                if mine:
                    await client.invitations.get(mine[-1])
                else:
                    await client.invitations.list(limit=SPEC["listLimit"])
            else:
                await client.invitations.cancel(mine.pop())
            record.call(time.monotonic() - started)
        except zavudev.ZavudevError as e:
            record.call(time.monotonic() - started, e)


async def run_async(workers: int) -> None:
    client = zavudev.AsyncZavudev(**OPTIONS)
    await asyncio.gather(*(async_worker(client, w) for w in range(workers)))


def main() -> None:
    mode = sys.argv[1]
    workers = SPEC["workers"][LABEL]
    random.seed(20261130)
    if mode == "threads":
        client = zavudev.Zavudev(**OPTIONS)
        threads = [threading.Thread(target=thread_worker, args=(client, w)) for w in range(workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    else:
        asyncio.run(run_async(workers))
    record.write()


if __name__ == "__main__":
    main()
