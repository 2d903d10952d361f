"""Every method of the async client against the sandbox."""

from __future__ import annotations

import asyncio
import datetime
import inspect

import pytest

import zavudev
from zavudev import AsyncZavudev


async def test_calls_return_real_awaitables(aclient: AsyncZavudev) -> None:
    pending = aclient.invitations.create(client_name="Awaitable")
    assert inspect.isawaitable(pending)
    assert inspect.iscoroutine(pending)
    inv = await pending
    assert isinstance(inv, zavudev.Invitation)


async def test_create_get_retrieve_cancel(aclient: AsyncZavudev, sandbox) -> None:
    inv = await aclient.invitations.create(
        client_name="Acme Corp", client_email="contact@acme.com", expires_in_days=7
    )
    assert inv.url == f"{sandbox.base_url}/invite/{inv.token}"
    assert isinstance(inv.expires_at, datetime.datetime) and inv.expires_at.tzinfo is not None
    assert await aclient.invitations.get(invitation_id=inv.id) == inv
    assert await aclient.invitations.retrieve(inv.id) == inv
    cancelled = await aclient.invitations.cancel(invitation_id=inv.id)
    assert cancelled.status == "cancelled"


async def test_list_and_pages(aclient: AsyncZavudev, sandbox) -> None:
    sandbox.control("POST", "/sandbox/invitations/seed", {"count": 5, "status": "pending"})
    page = await aclient.invitations.list(status="pending", limit=2)
    assert isinstance(page, zavudev.AsyncPage)
    assert len(page.items) == 2 and page.has_next_page()
    second = await page.get_next_page()
    assert second is not None and len(second.items) == 2
    ids = [inv.id async for inv in page]
    assert len(ids) == 5 and len(set(ids)) == 5


async def test_wait_for_completion(aclient: AsyncZavudev, sandbox) -> None:
    inv = await aclient.invitations.create(client_name="Waiter")
    sandbox.control("POST", f"/sandbox/invitations/{inv.id}/start")

    async def finish_later() -> None:
        await asyncio.sleep(0.2)
        await asyncio.to_thread(sandbox.control, "POST", f"/sandbox/invitations/{inv.id}/complete")

    done, _ = await asyncio.gather(
        aclient.invitations.wait_for_completion(inv.id, timeout=5, poll_interval=0.05),
        finish_later(),
    )
    assert done.status == "completed"


async def test_webhook_config(aclient: AsyncZavudev) -> None:
    created = await aclient.invitations.create_webhook(url="https://example.com/hook", events=["invitation.status_changed"])
    assert created.secret and created.secret.startswith("whsec_")
    assert (await aclient.invitations.get_webhook()).secret is None
    assert (await aclient.invitations.update_webhook(active=False)).active is False
    assert await aclient.invitations.delete_webhook() is None
    with pytest.raises(zavudev.NotFoundError):
        await aclient.invitations.get_webhook()


async def test_phone_numbers_and_senders(aclient: AsyncZavudev, sandbox) -> None:
    number = await aclient.phone_numbers.purchase(phone_number="+14155551234", name="Client: Acme Corp")
    assert number.phone_number == "+14155551234"
    inv = await aclient.invitations.create(client_name="Acme Corp", phone_number_id=number.id)
    sandbox.control("POST", f"/sandbox/invitations/{inv.id}/start")
    sandbox.control("POST", f"/sandbox/invitations/{inv.id}/complete")
    done = await aclient.invitations.get(inv.id)
    sender = await aclient.senders.get(sender_id=done.sender_id)
    assert sender.phone_number == "+14155551234"
    assert await aclient.senders.retrieve(sender.id) == sender
    page = await aclient.senders.list()
    assert [s.id async for s in page] == [sender.id]


async def test_errors_are_raised_by_the_awaitable(aclient: AsyncZavudev) -> None:
    pending = aclient.invitations.get("inv_missing")
    with pytest.raises(zavudev.NotFoundError) as caught:
        await pending
    assert caught.value.status == 404
    with pytest.raises(zavudev.InvalidRequestError) as caught:
        await aclient.invitations.create(expires_in_days=31)
    assert caught.value.param == "expires_in_days"


async def test_per_call_options(aclient: AsyncZavudev, sandbox) -> None:
    sandbox.fault("/v1/invitations", {"kind": "status", "status": 503}, method="POST", count=1)
    with pytest.raises(zavudev.ServerError):
        await aclient.invitations.create(client_name="No retry", max_retries=0)
    a = await aclient.invitations.create(client_name="Key", idempotency_key="k-1")
    b = await aclient.invitations.create(client_name="Key", idempotency_key="k-1")
    assert a.id == b.id


async def test_async_with_closes(sandbox) -> None:
    async with AsyncZavudev(api_key=sandbox.api_key, base_url=sandbox.base_url) as zavu:
        assert not zavu.is_closed
        await zavu.invitations.list()
    assert zavu.is_closed
    with pytest.raises(zavudev.ClientClosedError) as info:
        await zavu.invitations.list()
    assert info.value.code == "client_closed"
    other = AsyncZavudev(api_key=sandbox.api_key, base_url=sandbox.base_url)
    await other.close()
    assert other.is_closed


async def test_async_methods_are_lazy_coroutines(aclient, sandbox) -> None:
    import inspect
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        forgotten = aclient.invitations.create(client_name="Forgotten")
        assert inspect.iscoroutine(forgotten)
        del forgotten
    created = await asyncio.create_task(aclient.invitations.create(client_name="Awaited"))
    assert created.client_name == "Awaited"
    # Nothing was sent for the coroutine that was never awaited.
    names = [inv.client_name async for inv in aclient.invitations.list()]
    assert names == ["Awaited"]
