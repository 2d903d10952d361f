"""Pages: items, cursors, next page, and lazy iteration over every page (sync and async)."""

from __future__ import annotations

import asyncio

import pytest

import zavudev


def seed(sandbox, count: int, status: str = "pending") -> None:
    sandbox.control("POST", "/sandbox/invitations/seed", {"count": count, "status": status})


def test_page_navigation(client, sandbox) -> None:
    seed(sandbox, 5)
    page = client.invitations.list(limit=2)
    assert len(page) == 2 and page.next_cursor and page.has_next_page()
    assert page.items is page.items  # converted once
    seen = [inv.id for inv in page.items]
    while page.has_next_page():
        page = page.get_next_page()
        assert page is not None
        seen += [inv.id for inv in page.items]
    assert len(seen) == 5 and len(set(seen)) == 5
    assert page.get_next_page() is None
    assert client.invitations.list(limit=2, cursor=client.invitations.list(limit=2).next_cursor).items


def test_iteration_walks_every_page_lazily(client, sandbox) -> None:
    seed(sandbox, 250)
    before = len(sandbox.requests("/v1/invitations"))
    page = client.invitations.list(limit=100)
    iterator = iter(page)
    first = [next(iterator) for _ in range(100)]
    # The first page is in hand: no request yet for the second.
    assert len(sandbox.requests("/v1/invitations")) == before + 1
    rest = list(iterator)
    assert len(sandbox.requests("/v1/invitations")) == before + 3
    ids = [inv.id for inv in first + rest]
    assert len(ids) == 250 and len(set(ids)) == 250
    assert all(isinstance(inv, zavudev.Invitation) for inv in rest)
    # Iterating again starts over from this page.
    assert sum(1 for _ in page) == 250


def test_iteration_with_a_filter(client, sandbox) -> None:
    seed(sandbox, 3, "pending")
    seed(sandbox, 4, "cancelled")
    assert sum(1 for _ in client.invitations.list(status="cancelled", limit=3)) == 4


def test_iteration_errors_surface(client, sandbox) -> None:
    seed(sandbox, 3)
    # Options of the client that listed apply to the later pages too.
    page = client.with_options(max_retries=0).invitations.list(limit=2)
    sandbox.fault("/v1/invitations", {"kind": "status", "status": 500}, method="GET", count=1)
    iterator = iter(page)
    assert next(iterator) and next(iterator)
    with pytest.raises(zavudev.ServerError):
        next(iterator)


def test_page_repr_and_generic_alias(client, sandbox) -> None:
    seed(sandbox, 2)
    page = client.invitations.list(limit=1)
    assert repr(page).startswith("SyncPage[Invitation](items=<1 items>, next_cursor='")
    assert zavudev.SyncPage[zavudev.Invitation] is zavudev.SyncPage


async def test_async_iteration(aclient, sandbox) -> None:
    seed(sandbox, 120)
    page = await aclient.invitations.list(limit=50)
    ids = [inv.id async for inv in page]
    assert len(ids) == 120 and len(set(ids)) == 120
    assert repr(page).startswith("AsyncPage[Invitation]")
    nxt = await page.get_next_page()
    assert nxt is not None and len(nxt.items) == 50


async def test_async_iteration_error(aclient, sandbox) -> None:
    seed(sandbox, 3)
    page = await aclient.with_options(max_retries=0).invitations.list(limit=2)
    sandbox.fault("/v1/invitations", {"kind": "status", "status": 500}, method="GET", count=1)
    seen = []
    with pytest.raises(zavudev.ServerError):
        async for inv in page:
            seen.append(inv)
    assert len(seen) == 2


def list_requests(sandbox) -> int:
    return sum(1 for r in sandbox.requests("/v1/invitations") if r.get("method", "GET") == "GET")


async def test_async_list_is_awaitable_and_async_iterable(aclient, sandbox) -> None:
    seed(sandbox, 120)
    listing = aclient.invitations.list(limit=50)
    assert isinstance(listing, zavudev.AsyncPaginator)
    assert zavudev.AsyncPaginator[zavudev.Invitation] is zavudev.AsyncPaginator
    # Awaited: the first page, as before.
    page = await listing
    assert isinstance(page, zavudev.AsyncPage) and len(page) == 50 and page.has_next_page()
    awaited = [inv.id async for inv in page]
    # Iterated directly: every item of every page, the same walk as iterating the awaited page.
    direct = [inv.id async for inv in aclient.invitations.list(limit=50)]
    assert direct == awaited
    assert len(direct) == 120 and len(set(direct)) == 120
    assert all(isinstance(inv, zavudev.Invitation) for inv in page.items)


async def test_async_list_iterated_directly_fetches_lazily(aclient, sandbox) -> None:
    seed(sandbox, 250)
    before = list_requests(sandbox)
    listing = aclient.invitations.list(limit=100)
    assert list_requests(sandbox) == before, "nothing is sent before it is awaited or iterated"
    iterator = listing.__aiter__()
    first = [await iterator.__anext__() for _ in range(100)]
    assert list_requests(sandbox) == before + 1, "the first 100 items come from one page"
    await iterator.__anext__()
    assert list_requests(sandbox) == before + 2, "item 101 fetched the second page"
    rest = [inv async for inv in iterator]
    assert len(first) + 1 + len(rest) == 250
    assert list_requests(sandbox) == before + 3


async def test_async_list_iterated_directly_keeps_filter_and_options(aclient, sandbox) -> None:
    seed(sandbox, 3, "pending")
    seed(sandbox, 4, "cancelled")
    statuses = [inv.status async for inv in aclient.invitations.list(status="cancelled", limit=3)]
    assert statuses == ["cancelled"] * 4
    # The awaitable also works where asyncio wants one (gather, wait_for).
    pages = await asyncio.gather(
        aclient.invitations.list(limit=2), asyncio.wait_for(aclient.invitations.list(limit=3), 10)
    )
    assert [len(p) for p in pages] == [2, 3]


async def test_async_list_iterated_directly_a_failed_fetch_is_retried(aclient, sandbox) -> None:
    seed(sandbox, 3)
    sandbox.fault("/v1/invitations", {"kind": "status", "status": 500}, method="GET", count=1)
    iterator = aclient.with_options(max_retries=0).invitations.list(limit=2).__aiter__()
    with pytest.raises(zavudev.ServerError):
        await iterator.__anext__()
    # Core's rule: a failed fetch raises, and the next step fetches the same page again.
    walked = [await iterator.__anext__() for _ in range(3)]
    assert len({inv.id for inv in walked}) == 3
    with pytest.raises(StopAsyncIteration):
        await iterator.__anext__()
    # An error on a later page surfaces in the `async for`, after the items before it.
    seen = []
    with pytest.raises(zavudev.ServerError):
        async for inv in aclient.with_options(max_retries=0).invitations.list(limit=2):
            seen.append(inv)
            if len(seen) == 1:
                sandbox.fault("/v1/invitations", {"kind": "status", "status": 500}, method="GET", count=1)
    assert len(seen) == 2


async def test_async_senders_list_iterated_directly(aclient, sandbox) -> None:
    seed(sandbox, 7, "completed")  # each completed invitation made a sender
    page = await aclient.senders.list(limit=3)
    awaited = [s.id async for s in page]
    direct = [s.id async for s in aclient.senders.list(limit=3)]
    assert direct == awaited and len(direct) == 7
    assert all(isinstance(s, zavudev.Sender) for s in page.items)
