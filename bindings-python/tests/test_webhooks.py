"""Webhook signatures and events, including a real signed delivery from the sandbox."""

from __future__ import annotations

import http.server
import json
import threading
import time

import pytest

import zavudev

SECRET = "whsec_test_secret"
BODY = json.dumps(
    {
        "id": "evt_1",
        "type": "invitation.status_changed",
        "timestamp": 1700000000000,
        "projectId": "prj_1",
        "data": {
            "invitationId": "inv_1",
            "previousStatus": "in_progress",
            "currentStatus": "completed",
            "senderId": "snd_1",
            "connectedAccount": {"id": "waba_1", "channel": "whatsapp"},
            "wabaAccountId": "waba_1",
        },
    }
)


def test_sign_verify_and_unwrap(client) -> None:
    hooks = client.webhooks
    now = int(time.time())
    header = hooks.sign(BODY, SECRET, timestamp=now)
    assert header.startswith(f"t={now},v1=") and ",v2=" in header
    assert hooks.verify(BODY, header, SECRET) is None
    assert hooks.verify(BODY.encode(), {"X-Zavu-Signature": header}, SECRET) is None
    event = hooks.unwrap(BODY.encode(), {"x-zavu-signature": header, "content-type": "application/json"}, SECRET)
    assert isinstance(event, zavudev.WebhookEvent)
    assert event.type == "invitation.status_changed" and event.id == "evt_1"
    assert event.project_id == "prj_1" and event.timestamp == 1700000000000
    assert event.occurred_at is not None and event.occurred_at.year == 2023
    data = event.data
    assert isinstance(data, zavudev.InvitationStatusChangedData)
    assert data.current_status == "completed" and data.previous_status == "in_progress"
    assert data.waba_account_id == "waba_1"
    assert data.connected_account is not None and data.connected_account.channel == "whatsapp"
    assert event.to_dict()["data"]["current_status"] == "completed"
    assert json.loads(event.to_json()) == json.loads(BODY)
    assert zavudev.WebhookEvent.from_json(BODY) == event


def test_schemes_and_now(client) -> None:
    hooks = client.webhooks
    for scheme in ("v1", "v2", "both"):
        header = hooks.sign(BODY, SECRET, timestamp=1700000000, scheme=scheme)
        hooks.verify(BODY, header, SECRET, now=1700000100)
    with pytest.raises(zavudev.InvalidRequestError) as bad_scheme:
        hooks.sign(BODY, SECRET, timestamp=1, scheme="v3")  # type: ignore[arg-type]
    assert bad_scheme.value.param == "scheme"
    # Core's defaults: now, and both schemes.
    fresh = hooks.sign(BODY, SECRET)
    assert "v1=" in fresh and "v2=" in fresh
    hooks.verify(BODY, fresh, SECRET)


def test_refusals(client) -> None:
    hooks = client.webhooks
    now = int(time.time())
    header = hooks.sign(BODY, SECRET, timestamp=now)
    with pytest.raises(zavudev.WebhookVerificationError) as caught:
        hooks.verify(BODY + " ", header, SECRET)
    assert caught.value.code == "invalid_signature"
    with pytest.raises(zavudev.WebhookVerificationError) as caught:
        hooks.unwrap(BODY, header, "whsec_other")
    assert caught.value.code == "invalid_signature"
    with pytest.raises(zavudev.WebhookVerificationError) as caught:
        hooks.verify(BODY, hooks.sign(BODY, SECRET, timestamp=now - 301), SECRET)
    assert caught.value.code == "stale_signature"
    with pytest.raises(zavudev.WebhookVerificationError) as caught:
        hooks.unwrap(BODY, {"content-type": "application/json"}, SECRET)
    assert caught.value.code == "invalid_signature" and "X-Zavu-Signature" in caught.value.message
    with pytest.raises(zavudev.WebhookVerificationError) as caught:
        hooks.unwrap("not json", hooks.sign("not json", SECRET, timestamp=now), SECRET)
    assert caught.value.code == "invalid_payload"
    with pytest.raises(zavudev.InvalidRequestError) as wrong:
        hooks.verify(123, header, SECRET)  # type: ignore[arg-type]
    assert wrong.value.param == "payload"
    # What a framework's JSON parsing hands over cannot be verified: the raw body is needed.
    with pytest.raises(zavudev.InvalidRequestError) as parsed:
        hooks.unwrap(json.loads(BODY), header, SECRET)  # type: ignore[arg-type]
    assert parsed.value.param == "payload" and "raw" in parsed.value.message
    # Headers as WSGI/ASGI give them: a list of pairs (bytes from ASGI), any case.
    event = hooks.unwrap(BODY, [(b"x-zavu-signature", header.encode())], SECRET)
    assert event.id
    event = hooks.unwrap(BODY, [("Content-Type", "application/json"), ("X-Zavu-Signature", header)], SECRET)
    assert event.id


def test_other_event_types(client) -> None:
    hooks = client.webhooks
    now = int(time.time())
    created = json.dumps({"id": "evt_2", "type": "sender.created", "timestamp": 1, "data": {"id": "snd_9", "name": "Acme", "phoneNumber": "+14155551234"}})
    event = hooks.unwrap(created, hooks.sign(created, SECRET, timestamp=now), SECRET)
    assert isinstance(event.data, zavudev.Sender) and event.data.phone_number == "+14155551234"
    other = json.dumps({"id": "evt_3", "type": "message.delivered", "timestamp": 1, "data": {"messageId": "m_1"}})
    event = hooks.unwrap(other, hooks.sign(other, SECRET, timestamp=now), SECRET)
    assert event.data == {"messageId": "m_1"}


class _Receiver(http.server.BaseHTTPRequestHandler):
    received: list[tuple[bytes, dict[str, str]]] = []

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        _Receiver.received.append((body, dict(self.headers.items())))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_a_real_delivery_unwraps(client, sandbox) -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Receiver.received.clear()
    try:
        config = client.invitations.create_webhook(url=f"http://127.0.0.1:{server.server_port}/hooks")
        inv = client.invitations.create(client_name="Delivered")
        sandbox.control("POST", f"/sandbox/invitations/{inv.id}/start")
        deadline = time.monotonic() + 10
        while not _Receiver.received and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _Receiver.received, "no delivery arrived"
        body, headers = _Receiver.received[0]
        assert config.secret is not None
        event = client.webhooks.unwrap(body, headers, config.secret)
        assert event.type == "invitation.status_changed"
        assert event.data.invitation_id == inv.id
        assert event.data.current_status == "in_progress"
    finally:
        server.shutdown()
