"""Every method of the sync client against the sandbox."""

from __future__ import annotations

import datetime

import pytest

import zavudev
from zavudev import Zavudev


def test_create_returns_an_invitation(client: Zavudev, sandbox) -> None:
    inv = client.invitations.create(
        client_name="Acme Corp", client_email="contact@acme.com", expires_in_days=7
    )
    assert isinstance(inv, zavudev.Invitation)
    assert inv.id.startswith("inv_")
    assert inv.url == f"{sandbox.base_url}/invite/{inv.token}"
    assert inv.status == "pending"
    assert inv.client_name == "Acme Corp"
    assert inv.client_email == "contact@acme.com"
    assert inv.connection_type == "whatsapp_waba"
    assert isinstance(inv.expires_at, datetime.datetime)
    assert inv.expires_at.tzinfo is not None
    assert inv.expires_at.utcoffset() == datetime.timedelta(0)
    assert round((inv.expires_at - inv.created_at).total_seconds() / 86400) == 7
    assert inv.sender_id is None and inv.connected_account is None


def test_create_with_every_field(client: Zavudev) -> None:
    inv = client.invitations.create(
        client_name="Every Field",
        client_email="every@field.com",
        client_phone="+14155550100",
        expires_in_days=30,
        connection_type="whatsapp_waba",
        allowed_phone_countries=["US", "MX"],
    )
    assert inv.client_phone == "+14155550100"
    assert inv.allowed_phone_countries == ["US", "MX"]


def test_create_with_empty_body(client: Zavudev) -> None:
    inv = client.invitations.create()
    assert inv.status == "pending" and inv.client_name is None


def test_get_and_retrieve(client: Zavudev) -> None:
    inv = client.invitations.create(client_name="Get Me")
    assert client.invitations.get(invitation_id=inv.id) == inv
    assert client.invitations.get(inv.id).client_name == "Get Me"
    assert client.invitations.retrieve(inv.id) == inv


def test_cancel(client: Zavudev) -> None:
    inv = client.invitations.create(client_name="Cancel Me")
    cancelled = client.invitations.cancel(invitation_id=inv.id)
    assert cancelled.status == "cancelled"
    assert client.invitations.get(inv.id).status == "cancelled"


def test_cancel_completed_is_a_conflict(client: Zavudev, sandbox) -> None:
    inv = client.invitations.create(client_name="Done")
    sandbox.control("POST", f"/sandbox/invitations/{inv.id}/start")
    sandbox.control("POST", f"/sandbox/invitations/{inv.id}/complete")
    with pytest.raises(zavudev.ConflictError) as caught:
        client.invitations.cancel(inv.id)
    assert caught.value.code == "already_completed"
    assert caught.value.status == 409


def test_list_and_filter(client: Zavudev) -> None:
    first = client.invitations.create(client_name="One")
    second = client.invitations.create(client_name="Two")
    client.invitations.cancel(first.id)
    page = client.invitations.list()
    assert isinstance(page, zavudev.SyncPage)
    assert [inv.id for inv in page.items] == [second.id, first.id]
    assert page.next_cursor is None and not page.has_next_page()
    assert page.get_next_page() is None
    pending = client.invitations.list(status="pending")
    assert [inv.id for inv in pending.items] == [second.id]
    assert len(client.invitations.list(limit=1).items) == 1


def test_wait_for_completion(client: Zavudev, sandbox) -> None:
    inv = client.invitations.create(client_name="Waiter")
    sandbox.control("POST", f"/sandbox/invitations/{inv.id}/start")
    sandbox.control("POST", f"/sandbox/invitations/{inv.id}/complete")
    done = client.invitations.wait_for_completion(inv.id, timeout=5, poll_interval=0.05)
    assert done.status == "completed"
    assert done.sender_id and done.sender_id.startswith("snd_")
    assert done.connected_account is not None
    assert done.connected_account.channel == "whatsapp"
    assert isinstance(done.completed_at, datetime.datetime)


def test_wait_for_completion_times_out(client: Zavudev) -> None:
    inv = client.invitations.create(client_name="Never")
    with pytest.raises(zavudev.WaitTimeoutError) as caught:
        client.invitations.wait_for_completion(inv.id, timeout=0.3, poll_interval=0.05)
    assert caught.value.code == "wait_timeout"


def test_project_webhook_config(client: Zavudev) -> None:
    with pytest.raises(zavudev.NotFoundError):
        client.invitations.get_webhook()
    created = client.invitations.create_webhook(url="https://example.com/hooks/zavu")
    assert created.events == ["invitation.status_changed"]
    assert created.secret is not None and created.secret.startswith("whsec_")
    assert created.active is True
    assert created.secret not in repr(created)
    fetched = client.invitations.get_webhook()
    assert fetched.url == "https://example.com/hooks/zavu" and fetched.secret is None
    updated = client.invitations.update_webhook(active=False)
    assert updated.active is False
    updated = client.invitations.update_webhook(url="https://example.com/v2", events=["invitation.status_changed"])
    assert updated.url == "https://example.com/v2"
    assert client.invitations.delete_webhook() is None
    with pytest.raises(zavudev.NotFoundError):
        client.invitations.get_webhook()


def test_purchase_phone_number_and_preassign(client: Zavudev) -> None:
    number = client.phone_numbers.purchase(phone_number="+14155551234", name="Client: Acme Corp")
    assert isinstance(number, zavudev.PhoneNumber)
    assert number.id.startswith("pn_")
    assert number.phone_number == "+14155551234"
    assert number.name == "Client: Acme Corp"
    assert number.status == "active"
    assert number.capabilities == ["sms", "voice", "whatsapp"]
    assert number.pricing.monthly_price == 2.0
    assert number.pricing.is_free_number is False
    inv = client.invitations.create(client_name="Acme Corp", phone_number_id=number.id, expires_in_days=14)
    assert inv.phone_number_id == number.id


def test_senders_get_retrieve_and_list(client: Zavudev, sandbox) -> None:
    inv = client.invitations.create(client_name="Sender Co", client_phone="+14155550123")
    sandbox.control("POST", f"/sandbox/invitations/{inv.id}/start")
    done = sandbox.control("POST", f"/sandbox/invitations/{inv.id}/complete")["invitation"]
    sender = client.senders.get(sender_id=done["senderId"])
    assert isinstance(sender, zavudev.Sender)
    assert sender.name == "Sender Co"
    assert sender.phone_number == "+14155550123"
    assert client.senders.retrieve(sender.id) == sender
    page = client.senders.list()
    assert [s.id for s in page.items] == [sender.id]
    assert [s.id for s in client.senders.list(limit=1)] == [sender.id]


def test_per_call_options(client: Zavudev, sandbox) -> None:
    sandbox.fault("/v1/invitations", {"kind": "status", "status": 503}, method="POST", count=1)
    with pytest.raises(zavudev.ServerError):
        client.invitations.create(client_name="No retry", max_retries=0)
    sandbox.fault("/v1/invitations/*", {"kind": "delay", "ms": 1500}, method="GET", count=1)
    inv = client.invitations.create(client_name="Slow")
    with pytest.raises(zavudev.APITimeoutError) as caught:
        client.invitations.get(inv.id, timeout=0.2, max_retries=0)
    assert caught.value.code == "timeout"
    again = client.invitations.create(client_name="Key", idempotency_key="order-42")
    replay = client.invitations.create(client_name="Key", idempotency_key="order-42")
    assert again.id == replay.id
    client.invitations.get(inv.id, extra_headers={"X-Test": "yes"})
