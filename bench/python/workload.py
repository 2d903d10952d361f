"""Runs one benchmark workload with a Python Zavu SDK and prints one JSON line.

    python workload.py --sdk ours|published --workload get|create|list|get64|walk \
        --base-url URL [--seconds S] [--concurrency N]

The same script drives our package and the published one: both are imported as `zavudev`
(they share the name), from whichever environment runs this script. `--sdk` only picks the
calls, since their surfaces differ slightly (ours returns the invitation, the published client
an envelope with `.invitation`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time

import zavudev

INVITATION_ID = "inv_bench_0001"
API_KEY = "zk_bench_key"
WARMUP = 0.5
CREATE = {"client_name": "Acme Corp", "client_email": "owner@acme.example", "expires_in_days": 7}


def proc_status_kib(field: str) -> int | None:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return None


def reset_peak_rss() -> None:
    # Linux: writing 5 to clear_refs resets VmHWM to the current RSS.
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def sync_calls(sdk: str, client):
    inv = client.invitations
    if sdk == "ours":
        return {
            "get": lambda: inv.get(invitation_id=INVITATION_ID).id,
            "create": lambda: inv.create(**CREATE).id,
            "list": lambda: len(inv.list().items),
        }
    return {
        "get": lambda: inv.retrieve(INVITATION_ID).invitation.id,
        "create": lambda: inv.create(**CREATE).invitation.id,
        "list": lambda: len(inv.list().items),
    }


# CPU seconds (user + system, every thread of the process) of the last timed phase.
TIMED_CPU = [0.0]


def sequential(call, seconds: float) -> tuple[int, float]:
    until = time.perf_counter() + WARMUP
    while time.perf_counter() < until:
        call()
    start, cpu = time.perf_counter(), time.process_time()
    until = start + seconds
    calls = 0
    while time.perf_counter() < until:
        call()
        calls += 1
    TIMED_CPU[0] = time.process_time() - cpu
    return calls, time.perf_counter() - start


async def async_sequential(sdk: str, base_url: str, workload: str, seconds: float):
    """One call at a time on AsyncZavudev, each awaited before the next (the sync loop's twin)."""
    client = zavudev.AsyncZavudev(api_key=API_KEY, base_url=base_url)
    inv = client.invitations
    if sdk == "ours":
        calls = {
            "get": lambda: inv.get(invitation_id=INVITATION_ID),
            "list": lambda: inv.list(),
        }
    else:
        calls = {"get": lambda: inv.retrieve(INVITATION_ID), "list": lambda: inv.list()}
    call = calls[workload]
    read = (lambda page: len(page.items)) if workload == "list" else (
        (lambda inv: inv.id) if sdk == "ours" else (lambda envelope: envelope.invitation.id))
    until = time.perf_counter() + WARMUP
    while time.perf_counter() < until:
        read(await call())
    start, cpu = time.perf_counter(), time.process_time()
    until = start + seconds
    n = 0
    while time.perf_counter() < until:
        read(await call())
        n += 1
    TIMED_CPU[0] = time.process_time() - cpu
    return n, time.perf_counter() - start


async def concurrent_gets(sdk: str, base_url: str, seconds: float, concurrency: int):
    client = zavudev.AsyncZavudev(api_key=API_KEY, base_url=base_url)
    if sdk == "ours":
        get = lambda: client.invitations.get(invitation_id=INVITATION_ID)  # noqa: E731
    else:
        get = lambda: client.invitations.retrieve(INVITATION_ID)  # noqa: E731
    state = {"stop": False, "calls": 0}

    async def worker():
        while not state["stop"]:
            await get()
            state["calls"] += 1

    async def phase(duration: float):
        state["stop"], state["calls"] = False, 0
        tasks = [asyncio.create_task(worker()) for _ in range(concurrency)]
        start, cpu = time.perf_counter(), time.process_time()
        await asyncio.sleep(duration)
        calls, elapsed = state["calls"], time.perf_counter() - start
        TIMED_CPU[0] = time.process_time() - cpu
        state["stop"] = True
        await asyncio.gather(*tasks)
        return calls, elapsed

    await phase(WARMUP)
    return await phase(seconds)


def walk(sdk: str, base_url: str, use_async: bool) -> dict:
    rss_before = proc_status_kib("VmRSS:")
    reset_peak_rss()
    start = time.perf_counter()
    items = 0
    if use_async:

        async def go():
            n = 0
            client = zavudev.AsyncZavudev(api_key=API_KEY, base_url=base_url)
            # Both SDKs: awaiting list() gives the first page, whose `async for` walks every page.
            async for _ in await client.invitations.list(status="pending"):
                n += 1
            return n

        items = asyncio.run(go())
    else:
        client = zavudev.Zavudev(api_key=API_KEY, base_url=base_url)
        for _ in client.invitations.list(status="pending"):
            items += 1
    return {
        "items": items,
        "seconds": time.perf_counter() - start,
        "rss_before_kib": rss_before,
        "rss_peak_kib": proc_status_kib("VmHWM:"),
        "rss_after_kib": proc_status_kib("VmRSS:"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sdk", choices=["ours", "published"], required=True)
    parser.add_argument("--workload", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--async", dest="use_async", action="store_true",
                        help="get and list on AsyncZavudev, one awaited call at a time")
    args = parser.parse_args()

    if args.workload in ("walk", "walk-async"):
        result = walk(args.sdk, args.base_url, args.workload == "walk-async")
    elif args.workload == "get64":
        calls, elapsed = asyncio.run(
            concurrent_gets(args.sdk, args.base_url, args.seconds, args.concurrency)
        )
        result = {"calls": calls, "seconds": elapsed, "rate": calls / elapsed}
    elif args.use_async:
        calls, elapsed = asyncio.run(
            async_sequential(args.sdk, args.base_url, args.workload, args.seconds)
        )
        result = {"calls": calls, "seconds": elapsed, "rate": calls / elapsed}
    else:
        client = zavudev.Zavudev(api_key=API_KEY, base_url=args.base_url)
        calls, elapsed = sequential(sync_calls(args.sdk, client)[args.workload], args.seconds)
        result = {"calls": calls, "seconds": elapsed, "rate": calls / elapsed}
    result["workload"] = args.workload
    if "calls" in result:
        result["cpu_s"] = TIMED_CPU[0]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
