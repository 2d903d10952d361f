"""Not run: type-checked with `mypy --strict` to prove the stubs serve real code."""

from __future__ import annotations

import asyncio
import datetime
from typing import Optional

from zavu import ZavuError
from zavudev import AsyncPage, AsyncZavudev, Invitation, SyncPage, WebhookEvent, Zavudev


def sync_flow(zavu: Zavudev) -> Optional[str]:
    invitation: Invitation = zavu.invitations.create(client_name="Acme Corp", expires_in_days=7)
    expires: datetime.datetime = invitation.expires_at
    page: SyncPage[Invitation] = zavu.invitations.list(status="pending", limit=10)
    names = [inv.client_name for inv in page]
    nxt = page.get_next_page()
    if nxt is not None:
        names += [inv.client_name for inv in nxt.items]
    try:
        zavu.invitations.cancel(invitation_id=invitation.id, timeout=2.5, max_retries=0)
    except ZavuError as e:
        print(e.code, e.status, e.param, e.retry_after)
    done = zavu.invitations.wait_for_completion(invitation.id, timeout=60, poll_interval=1)
    event: WebhookEvent = zavu.webhooks.unwrap(b"{}", {"X-Zavu-Signature": "t=1"}, "whsec_x")
    print(expires.isoformat(), names, event.type)
    with zavu.with_options(timeout=5) as short:
        short.phone_numbers.purchase(phone_number="+14155551234", name="n")
    return done.sender_id


async def async_flow() -> list[str]:
    async with AsyncZavudev(api_key="k") as zavu:
        invitation = await zavu.invitations.create(client_name="Acme Corp")
        page: AsyncPage[Invitation] = await zavu.invitations.list()
        ids = [inv.id async for inv in page]
        ids += [inv.id async for inv in zavu.invitations.list(status="pending")]
        ids += [s.id async for s in zavu.senders.list(limit=5)]
        sender = await zavu.senders.get(sender_id="snd_1")
        return ids + [invitation.url, sender.phone_number]


if __name__ == "__main__":
    asyncio.run(async_flow())
