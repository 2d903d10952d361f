"""Models: attributes, aware datetimes, enums as strings, to_dict, repr, equality, pickling."""

from __future__ import annotations

import copy
import datetime
import json
import pickle

import pytest

import zavudev
from zavudev import Invitation

WIRE = {
    "id": "inv_1",
    "token": "tok",
    "url": "https://x/invite/tok",
    "status": "paused",
    "createdAt": "2025-01-15T12:00:00.123456Z",
    "updatedAt": "2025-01-15T12:00:00Z",
    "expiresAt": "2025-01-22T02:00:00+02:00",
    "clientName": "Acme Corp",
    "connectionType": "telegram",
    "connectedAccount": {"id": "waba_1", "channel": "whatsapp", "name": "Acme", "region": "eu"},
    "brandNewField": {"a": 1},
}


def test_attributes_and_unknown_values() -> None:
    inv = Invitation.from_json(json.dumps(WIRE))
    assert inv.status == "paused"  # an enum value this SDK does not know, kept
    assert inv.connection_type == "telegram"
    assert inv.client_name == "Acme Corp" and inv.client_email is None
    assert inv.created_at == datetime.datetime(2025, 1, 15, 12, 0, 0, 123456, tzinfo=datetime.timezone.utc)
    # Any offset on the wire becomes UTC.
    assert inv.expires_at == datetime.datetime(2025, 1, 22, 0, 0, tzinfo=datetime.timezone.utc)
    assert inv.expires_at.tzinfo == datetime.timezone.utc
    assert inv.extra == {"brandNewField": {"a": 1}}
    account = inv.connected_account
    assert isinstance(account, zavudev.ConnectedAccount)
    assert account.channel == "whatsapp" and account.extra == {"region": "eu"}


def test_to_dict_is_snake_case() -> None:
    inv = Invitation.from_json(json.dumps(WIRE))
    data = inv.to_dict()
    assert data["client_name"] == "Acme Corp"
    assert data["expires_at"] == inv.expires_at
    assert data["connected_account"] == {"id": "waba_1", "channel": "whatsapp", "name": "Acme", "region": "eu"}
    assert data["brand_new_field"] == {"a": 1}
    assert data["sender_id"] is None
    assert "clientName" not in data


def test_to_json_round_trips_the_wire() -> None:
    inv = Invitation.from_json(json.dumps(WIRE))
    wire = json.loads(inv.to_json())
    assert wire["brandNewField"] == {"a": 1}
    assert wire["clientName"] == "Acme Corp"
    assert Invitation.from_json(inv.to_json()) == inv
    with pytest.raises(ValueError):
        Invitation.from_json("{}")


def test_equality_pickling_and_copy() -> None:
    inv = Invitation.from_json(json.dumps(WIRE))
    same = Invitation.from_json(json.dumps(WIRE))
    other = Invitation.from_json(json.dumps({**WIRE, "id": "inv_2"}))
    assert inv == same and inv != other and inv != "inv_1"
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(inv, protocol)) == inv
    assert copy.deepcopy(inv) == inv
    with pytest.raises(TypeError):
        hash(inv)


def test_models_are_read_only() -> None:
    inv = Invitation.from_json(json.dumps(WIRE))
    with pytest.raises(AttributeError):
        inv.status = "completed"  # type: ignore[misc]


def test_repr_is_readable() -> None:
    inv = Invitation.from_json(json.dumps(WIRE))
    text = repr(inv)
    assert text.startswith("Invitation(id='inv_1', status='paused', client_name='Acme Corp'")
    assert "expires_at='2025-01-22T00:00:00Z'" in text


def test_webhook_secret_is_not_in_repr() -> None:
    config = zavudev.WebhookConfig.from_json(
        json.dumps({"url": "https://e.com/h", "events": ["invitation.status_changed"], "secret": "whsec_topsecret", "active": True})
    )
    assert config.secret == "whsec_topsecret"
    assert "topsecret" not in repr(config)
    assert config.to_dict()["secret"] == "whsec_topsecret"


def test_live_models(client) -> None:
    inv = client.invitations.create(client_name="Live")
    assert pickle.loads(pickle.dumps(inv)) == inv
    assert inv.to_dict()["id"] == inv.id
    number = client.phone_numbers.purchase(phone_number="+14155559876")
    assert isinstance(number.pricing, zavudev.PhoneNumberPricing)
    assert number.to_dict()["pricing"]["monthly_price"] == 2.0
    assert pickle.loads(pickle.dumps(number)) == number
