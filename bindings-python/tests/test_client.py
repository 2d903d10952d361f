"""Client construction, environment fallbacks, options, closing, and secrets kept out."""

from __future__ import annotations

import pytest

import zavudev
from zavudev import AsyncZavudev, Zavudev

SECRET = "zk_live_supersecret_0123456789"


def test_env_fallbacks(monkeypatch: pytest.MonkeyPatch, sandbox) -> None:
    monkeypatch.setenv("ZAVUDEV_API_KEY", sandbox.api_key)
    monkeypatch.setenv("ZAVUDEV_BASE_URL", sandbox.base_url)
    zavu = Zavudev()
    assert zavu.base_url == sandbox.base_url
    assert zavu.invitations.list().items == []


def test_missing_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZAVUDEV_API_KEY", raising=False)
    with pytest.raises(zavudev.AuthenticationError) as caught:
        Zavudev()
    assert caught.value.code == "missing_api_key"
    with pytest.raises(zavudev.AuthenticationError):
        AsyncZavudev(api_key="")


def test_defaults_and_options_come_from_core(sandbox) -> None:
    zavu = Zavudev(api_key=sandbox.api_key, base_url=sandbox.base_url + "/")
    assert zavu.base_url == sandbox.base_url
    assert zavu.timeout == 60.0 and zavu.max_retries == 2
    tuned = Zavudev(api_key=sandbox.api_key, base_url=sandbox.base_url, timeout=1.5, max_retries=0)
    assert tuned.timeout == 1.5 and tuned.max_retries == 0
    derived = zavu.with_options(timeout=2.0, max_retries=5, default_headers={"X-Team": "a"})
    assert isinstance(derived, Zavudev)
    assert derived.timeout == 2.0 and derived.max_retries == 5
    assert zavu.timeout == 60.0
    derived.invitations.create(client_name="Derived")
    assert len(zavu.invitations.list().items) == 1


def test_bad_base_url_is_refused_by_core() -> None:
    with pytest.raises(zavudev.InvalidRequestError) as caught:
        Zavudev(api_key="zk_test", base_url="http://api.example.com")
    assert caught.value.param == "base_url"
    assert "allow_insecure_http" in caught.value.message


def test_negative_timeout_is_refused() -> None:
    with pytest.raises(zavudev.InvalidRequestError) as caught:
        Zavudev(api_key="zk_test", timeout=-1)
    assert caught.value.param == "timeout"


def test_default_headers_are_sent(sandbox) -> None:
    zavu = Zavudev(api_key=sandbox.api_key, base_url=sandbox.base_url, default_headers={"User-Agent-X": "t"})
    zavu.invitations.list()
    user_agent = sandbox.requests("/v1/invitations")[-1]["userAgent"]
    assert "python/" in user_agent and "zavu-core/" in user_agent


def test_context_manager_closes(sandbox) -> None:
    with Zavudev(api_key=sandbox.api_key, base_url=sandbox.base_url) as zavu:
        assert zavu.invitations.list().items == []
        assert not zavu.is_closed
    assert zavu.is_closed
    with pytest.raises(zavudev.ClientClosedError, match="closed") as info:
        zavu.invitations.list()
    assert info.value.code == "client_closed"
    assert "closed" in repr(zavu)
    zavu.close()  # twice is fine


def test_the_key_never_shows(sandbox) -> None:
    zavu = Zavudev(api_key=SECRET, base_url=sandbox.base_url)
    assert SECRET not in repr(zavu)
    with pytest.raises(zavudev.AuthenticationError) as caught:
        zavu.invitations.list()
    error = caught.value
    assert error.status == 401 and error.code == "unauthorized"
    for text in (str(error), repr(error), error.message, error.body or ""):
        assert SECRET not in text
    with pytest.raises(zavudev.InvalidRequestError) as bad_key:
        Zavudev(api_key="zk_live_bad key", base_url=sandbox.base_url)
    assert "zk_live" not in str(bad_key.value)


def test_resources_are_stable_objects(client: Zavudev) -> None:
    assert client.invitations is client.invitations
    assert isinstance(client.invitations, zavudev.Invitations)
    assert isinstance(client.phone_numbers, zavudev.PhoneNumbers)
    assert isinstance(client.senders, zavudev.Senders)
    assert isinstance(client.webhooks, zavudev.Webhooks)


def test_plain_http_to_another_host_needs_the_opt_in() -> None:
    # A Docker-compose sandbox (`http://sandbox:8080`) is reachable with the opt-in only.
    with pytest.raises(zavudev.InvalidRequestError) as caught:
        Zavudev(api_key="zk_test", base_url="http://sandbox:8080")
    assert caught.value.param == "base_url"
    client = Zavudev(api_key="zk_test", base_url="http://sandbox:8080", allow_insecure_http=True)
    assert client.base_url == "http://sandbox:8080"


def test_to_dict_json_mode_is_json_safe(client) -> None:
    import json

    inv = client.invitations.create(client_name="JSON")
    plain = inv.to_dict()
    assert not isinstance(plain["created_at"], str)
    safe = inv.to_dict(mode="json")
    assert isinstance(safe["created_at"], str) and safe["created_at"].endswith("Z")
    assert json.loads(json.dumps(safe))["id"] == inv.id
    with pytest.raises(zavudev.InvalidRequestError) as caught:
        inv.to_dict(mode="yaml")
    assert caught.value.param == "mode"
