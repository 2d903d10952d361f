"""Not run: type-checked with `mypy --strict` to prove the stubs serve real code."""

from __future__ import annotations

import asyncio
import datetime
from typing import Optional

from zavu import ZavuError
from zavudev import (
    AsyncPage,
    AsyncZavudev,
    AvailablePhoneNumber,
    Invitation,
    PhoneNumber,
    Requirement,
    SyncPage,
    WebhookEvent,
    Zavudev,
)


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


def issue_17(zavu: Zavudev) -> str:
    raw = zavu.invitations.with_raw_response.create(client_name="Acme Corp", extra_body={"a": 1})
    status: int = raw.status_code
    request_id: Optional[str] = raw.headers.get("X-Request-Id")
    remaining: Optional[int] = raw.rate_limit_remaining
    invitation: Invitation = raw.parse()
    copied = zavu.copy(api_key="k2", base_url="https://api.zavu.dev", max_retries=0)
    found: list[AvailablePhoneNumber] = copied.phone_numbers.search_available(country_code="US", type="local")
    needs: list[Requirement] = zavu.phone_numbers.requirements(phone_number=found[0].phone_number)
    number: PhoneNumber = zavu.phone_numbers.update("pn_1", name=None, extra_query={"x": 1})
    owned: SyncPage[PhoneNumber] = zavu.phone_numbers.list(status="active")
    zavu.phone_numbers.release(number.id)
    built = Invitation(id="inv_1", token="t", url="u", status="pending",
                       created_at="2025-01-15T12:00:00Z", expires_at="2025-01-22T00:00:00Z")
    again: Invitation = Invitation.from_dict(built.to_dict())
    print(status, request_id, remaining, needs, owned.items, again.id)
    return invitation.url


if __name__ == "__main__":
    asyncio.run(async_flow())
