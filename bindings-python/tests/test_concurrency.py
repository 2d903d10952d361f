"""Threads sharing one client, the GIL released while waiting, Ctrl-C, and a free event loop."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import zavudev


def test_threads_share_one_client(client) -> None:
    def work(n: int) -> list[str]:
        ids = []
        for i in range(10):
            inv = client.invitations.create(client_name=f"thread {n} #{i}")
            assert client.invitations.get(inv.id).client_name == f"thread {n} #{i}"
            ids.append(inv.id)
        return ids

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    ids = [i for chunk in results for i in chunk]
    assert len(ids) == 80 and len(set(ids)) == 80
    assert sum(1 for _ in client.invitations.list(limit=100)) == 80


def test_the_gil_is_released_while_a_call_waits(client, sandbox) -> None:
    inv = client.invitations.create(client_name="Slow")
    sandbox.fault(f"/v1/invitations/{inv.id}", {"kind": "delay", "ms": 800}, method="GET")
    done = threading.Event()

    def slow_call() -> None:
        client.invitations.get(inv.id)
        done.set()

    worker = threading.Thread(target=slow_call)
    started = time.monotonic()
    worker.start()
    ticks = []
    while not done.is_set() and time.monotonic() - started < 10:
        ticks.append(time.monotonic())
        sum(range(2000))  # Python work needs the GIL
    worker.join()
    assert done.is_set()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert time.monotonic() - started >= 0.7
    assert len(ticks) > 100 and max(gaps) < 0.25


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_ctrl_c_interrupts_a_blocking_call(client, sandbox) -> None:
    inv = client.invitations.create(client_name="Interrupt me")
    sandbox.fault(f"/v1/invitations/{inv.id}", {"kind": "delay", "ms": 5000}, method="GET")
    # Python installs its Ctrl-C handler only when SIGINT was not ignored at startup, and a job
    # started in the background by a non-interactive shell (`cmd &`, as some CI runners do)
    # starts with SIGINT ignored. Install it for this test, as an interactive session has it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    started = time.monotonic()
    timer.start()
    try:
        client.invitations.get(inv.id)
    except KeyboardInterrupt:
        pass
    else:
        pytest.fail(
            f"get returned after {time.monotonic() - started:.2f} s without KeyboardInterrupt; "
            f"fault rules now: {sandbox.control('GET', '/sandbox/faults')}"
        )
    finally:
        # Never leave a SIGINT armed for the tests that follow, whatever the call did.
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert time.monotonic() - started < 2
    # The client still works afterwards.
    sandbox.control("DELETE", "/sandbox/faults")
    assert client.invitations.get(inv.id).id == inv.id


async def test_the_event_loop_keeps_running(aclient, sandbox) -> None:
    inv = await aclient.invitations.create(client_name="Slow")
    sandbox.fault(f"/v1/invitations/{inv.id}", {"kind": "delay", "ms": 600}, method="GET")
    ticks: list[float] = []

    async def ticker() -> None:
        while len(ticks) < 200:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.01)

    task = asyncio.ensure_future(ticker())
    got = await aclient.invitations.get(inv.id)
    task.cancel()
    assert got.id == inv.id
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > 20 and max(gaps) < 0.2


async def test_many_concurrent_async_calls(aclient) -> None:
    invs = await asyncio.gather(*(aclient.invitations.create(client_name=f"n{i}") for i in range(50)))
    assert len({inv.id for inv in invs}) == 50
    again = await asyncio.gather(*(aclient.invitations.get(inv.id) for inv in invs))
    assert again == list(invs)


async def test_cancelling_the_task_cancels_the_call(aclient, sandbox) -> None:
    inv = await aclient.invitations.create(client_name="Cancel")
    sandbox.fault(f"/v1/invitations/{inv.id}", {"kind": "delay", "ms": 3000}, method="GET")
    task = asyncio.ensure_future(aclient.invitations.get(inv.id))
    await asyncio.sleep(0.2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert (await aclient.invitations.get(inv.id)).id == inv.id


async def test_sync_client_from_threads_inside_asyncio(client) -> None:
    invs = await asyncio.gather(*(asyncio.to_thread(client.invitations.create, client_name=f"t{i}") for i in range(10)))
    assert len({inv.id for inv in invs}) == 10


def test_wait_is_interruptible_and_other_threads_progress(client, sandbox) -> None:
    inv = client.invitations.create(client_name="Waiting")
    results: list[zavudev.Invitation] = []
    waiter = threading.Thread(
        target=lambda: results.append(client.invitations.wait_for_completion(inv.id, timeout=10, poll_interval=0.05))
    )
    waiter.start()
    time.sleep(0.2)
    sandbox.control("POST", f"/sandbox/invitations/{inv.id}/start")
    sandbox.control("POST", f"/sandbox/invitations/{inv.id}/complete")
    waiter.join(10)
    assert results and results[0].status == "completed"
