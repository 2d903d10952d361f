"""Pages: items, cursors, next page, and lazy iteration over every page (sync and async)."""

from __future__ import annotations

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
