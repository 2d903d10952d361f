"""Issue 17 in Python against the sandbox: response metadata (`with_raw_response`), per-client
options (`with_options`, `copy`), per-call `extra_headers` / `extra_query` / `extra_body`, the
phone-number onboarding steps, and models built from keyword arguments or a dict."""

from __future__ import annotations

import asyncio
import datetime
from typing import Any

import pytest

import zavudev
from zavudev import (
    AsyncZavudev,
    AvailablePhoneNumber,
    Invitation,
    InvalidRequestError,
    NotFoundError,
    PhoneNumber,
    RawResponse,
    Zavudev,
)

from conftest import Sandbox


# -- 1. response metadata ---------------------------------------------------------------------


def test_with_raw_response_gives_status_headers_request_id_and_rate_limit(client: Zavudev) -> None:
    raw = client.invitations.with_raw_response.create(client_name="Acme Corp")
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.request_id and raw.headers["x-request-id"] == raw.request_id
    assert raw.header("X-Request-Id") == raw.request_id
    assert raw.rate_limit_limit == 100
    assert raw.rate_limit_remaining is not None and raw.rate_limit_remaining < 100
    assert raw.rate_limit_reset is not None
    assert raw.retries_taken == 0
    invitation = raw.parse()
    assert isinstance(invitation, Invitation)
    assert invitation.client_name == "Acme Corp"
    # Every resource and method has it; a page parses to the page.
    page = client.invitations.with_raw_response.list(limit=1).parse()
    assert len(page.items) == 1
    number = client.phone_numbers.with_raw_response.purchase(phone_number="+14155551234")
    assert number.parse().phone_number == "+14155551234"
    assert client.phone_numbers.with_raw_response.release(number.parse().id).status_code == 204


def test_with_raw_response_async(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with AsyncZavudev(api_key=sandbox.api_key, base_url=sandbox.base_url) as zavu:
            raw = await zavu.invitations.with_raw_response.create(client_name="Async Corp")
            assert raw.status_code == 200 and raw.request_id
            assert raw.parse().client_name == "Async Corp"
            listed = await zavu.invitations.with_raw_response.list(limit=1)
            assert listed.rate_limit_limit == 200

    asyncio.run(main())


def test_errors_still_raise_from_with_raw_response(client: Zavudev) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.invitations.with_raw_response.get("inv_missing")
    assert caught.value.request_id


# -- 2. per-client and per-call options ---------------------------------------------------------


def test_with_options_and_copy_derive_a_client(client: Zavudev, sandbox: Sandbox) -> None:
    mine = client.invitations.create(client_name="Mine")
    other = client.with_options(api_key=sandbox.other_key, max_retries=0)
    assert other.max_retries == 0 and client.max_retries == 2
    with pytest.raises(NotFoundError):
        other.invitations.get(mine.id)
    copied = client.copy(timeout=5)
    assert copied.timeout == 5.0 and copied.base_url == client.base_url
    assert copied.invitations.get(mine.id).id == mine.id
    with pytest.raises(InvalidRequestError) as caught:
        client.with_options(base_url="ftp://nowhere")
    assert caught.value.param == "base_url"


def test_extra_query_body_and_headers_win_over_the_method(client: Zavudev, sandbox: Sandbox) -> None:
    for i in range(3):
        client.invitations.create(client_name=f"C{i}")
    page = client.invitations.list(
        limit=50, extra_query={"limit": 1}, extra_headers={"User-Agent": "migrating-app"}
    )
    assert len(page.items) == 1
    logged = sandbox.requests("/v1/invitations")[-1]
    assert logged["query"] == "limit=1"
    assert logged["userAgent"] == "migrating-app"
    invitation = client.invitations.create(
        client_name="From params", extra_body={"clientName": "From extra_body", "expiresInDays": 3}
    )
    assert invitation.client_name == "From extra_body"
    assert abs(invitation.expires_at - invitation.created_at - datetime.timedelta(days=3)) < datetime.timedelta(minutes=1)


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"extra_body": ["not", "a", "dict"]}, "extra_body"),
        ({"extra_body": {"x": float("nan")}}, "extra_body"),
        ({"extra_body": {1: "int key"}}, "extra_body"),
        ({"extra_query": ["limit=1"]}, "extra_query"),
        ({"extra_query": {"limit": [1]}}, "extra_query"),
        ({"extra_headers": {"bad header": "x"}}, "extra_headers"),
    ],
)
def test_bad_per_call_options_are_refused_at_the_boundary(
    client: Zavudev, sandbox: Sandbox, kwargs: dict[str, Any], param: str
) -> None:
    before = len(sandbox.requests("/v1/invitations"))
    with pytest.raises(InvalidRequestError) as caught:
        client.invitations.create(client_name="x", **kwargs)
    assert caught.value.param == param
    assert len(sandbox.requests("/v1/invitations")) == before


def test_extra_body_on_a_get_is_refused(client: Zavudev) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        client.invitations.get("inv_1", extra_body={"a": 1})
    assert caught.value.param == "extra_body"


# -- 3. phone numbers ---------------------------------------------------------------------------


def test_phone_number_onboarding(client: Zavudev, sandbox: Sandbox) -> None:
    numbers = client.phone_numbers
    found = numbers.search_available(country_code="US", type="local", capabilities="sms", limit=3)
    assert len(found) == 3 and all(isinstance(n, AvailablePhoneNumber) for n in found)
    assert found[0].pricing.is_free_eligible is True and found[0].capabilities.sms is True
    assert numbers.requirements(phone_number=found[0].phone_number) == []
    gb = numbers.requirements(country_code="GB")
    assert gb[0].requirement_types[0].type == "address"
    bought = numbers.purchase(phone_number=found[0].phone_number, name="Line")
    assert [n.id for n in numbers.list()] == [bought.id]
    assert numbers.retrieve(bought.id).name == "Line"
    assert numbers.update(bought.id, name="Renamed").name == "Renamed"
    # Not given leaves a field; None clears it.
    assert numbers.update(bought.id).name == "Renamed"
    assert numbers.update(bought.id, name=None).name is None
    other = client.with_options(api_key=sandbox.other_key)
    with pytest.raises(NotFoundError):
        other.phone_numbers.retrieve(bought.id)
    assert numbers.release(bought.id) is None
    assert list(numbers.list()) == []
    with pytest.raises(NotFoundError):
        numbers.retrieve(bought.id)
    with pytest.raises(InvalidRequestError) as caught:
        numbers.search_available(country_code="usa")
    assert caught.value.param == "country_code"
    with pytest.raises(TypeError):
        numbers.update(bought.id, nmae="typo")  # type: ignore[call-arg]


def test_phone_numbers_async(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with AsyncZavudev(api_key=sandbox.api_key, base_url=sandbox.base_url) as zavu:
            found = await zavu.phone_numbers.search_available(country_code="DE", limit=2)
            for n in found:
                await zavu.phone_numbers.purchase(phone_number=n.phone_number)
            ids = [n.id async for n in zavu.phone_numbers.list(limit=1)]
            assert len(ids) == 2
            updated = await zavu.phone_numbers.update(ids[0], name="x")
            assert updated.name == "x"
            await zavu.phone_numbers.release(ids[0])

    asyncio.run(main())


# -- 4. models a test can build -----------------------------------------------------------------


def test_models_from_keyword_arguments_and_dicts() -> None:
    now = datetime.datetime(2025, 1, 15, 12, tzinfo=datetime.timezone.utc)
    invitation = Invitation(
        id="inv_1",
        token="tok",
        url="https://dashboard.zavu.dev/invite/tok",
        status="pending",
        created_at=now,
        expires_at="2025-01-22T00:00:00Z",
        client_name="Acme Corp",
        brand_new_field=1,
    )
    assert invitation.url.endswith("/tok") and invitation.client_name == "Acme Corp"
    assert invitation.expires_at.year == 2025
    assert invitation.extra == {"brandNewField": 1}
    assert Invitation.from_dict(invitation.to_dict()) == invitation
    assert Invitation.from_dict(invitation.to_dict(mode="json")) == invitation
    camel = {"id": "inv_2", "token": "t", "url": "u", "status": "completed",
             "createdAt": "2025-01-15T12:00:00Z", "expiresAt": "2025-01-22T00:00:00Z",
             "connectedAccount": {"id": "waba_1", "channel": "whatsapp"}}
    assert Invitation.from_dict(camel).connected_account.channel == "whatsapp"  # type: ignore[union-attr]
    number = PhoneNumber(id="pn_1", phone_number="+14155551234", status="active",
                         created_at=now, pricing={"monthly_price": 2.0})
    assert number.pricing.monthly_price == 2.0
    with pytest.raises(ValueError):
        Invitation(id="inv_3")  # required fields missing
    with pytest.raises(InvalidRequestError):
        Invitation.from_dict("not a dict")  # type: ignore[arg-type]
    assert zavudev.Requirement.from_dict({"id": "r", "action": "purchase", "countryCode": "GB",
                                          "phoneNumberType": "local", "requirementTypes": []}).country_code == "GB"
