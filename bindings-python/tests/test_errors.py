"""The exception hierarchy: classes chosen by core's kind, fields, parity of codes, pickling."""

from __future__ import annotations

import pickle

import pytest

import zavudev
from zavudev import _native

# What each code core knows becomes (the kind is core's decision; this is the expected result).
EXPECTED_CLASS = {
    "invalid_request": zavudev.InvalidRequestError,
    "not_found": zavudev.NotFoundError,
    "phone_number_wrong_team": zavudev.InvalidRequestError,
    "already_completed": zavudev.ConflictError,
    "paid_plan_required": zavudev.PaymentRequiredError,
    "unauthorized": zavudev.AuthenticationError,
    "forbidden": zavudev.PermissionDeniedError,
    "rate_limited": zavudev.RateLimitError,
    "conflict": zavudev.ConflictError,
    "internal_error": zavudev.ServerError,
    "payment_required": zavudev.PaymentRequiredError,
    "server_error": zavudev.ServerError,
    "missing_api_key": zavudev.AuthenticationError,
    "connection_error": zavudev.APIConnectionError,
    "timeout": zavudev.APITimeoutError,
    "invalid_response": zavudev.InvalidResponseError,
    "invalid_signature": zavudev.WebhookVerificationError,
    "stale_signature": zavudev.WebhookVerificationError,
    "invalid_payload": zavudev.WebhookVerificationError,
    "wait_timeout": zavudev.WaitTimeoutError,
    "cancelled": zavudev.RequestCancelledError,
    "internal_panic": zavudev.InternalError,
    "client_closed": zavudev.ClientClosedError,
}


def test_known_codes_equal_cores() -> None:
    assert zavudev.KNOWN_CODES == tuple(_native.KNOWN_CODES)
    assert set(EXPECTED_CLASS) == set(_native.KNOWN_CODES)


@pytest.mark.parametrize("code", sorted(EXPECTED_CLASS))
def test_every_code_maps_to_its_class(code: str) -> None:
    error = _native._error_for_code(code, "m")
    assert type(error) is EXPECTED_CLASS[code]
    assert isinstance(error, zavudev.ZavuError)
    assert error.code == code and error.message == "m"


def test_unknown_codes_pass_through_and_classify_by_status() -> None:
    error = _native._error_for_code("brand_new_code", "new", 409)
    assert type(error) is zavudev.ConflictError
    assert error.code == "brand_new_code" and error.status == 409
    assert type(_native._error_for_code("odd", "x", 418)) is zavudev.APIStatusError
    assert type(_native._error_for_code("invalid_request", "x", 422)) is zavudev.UnprocessableEntityError


def test_classes_are_cores_table() -> None:
    """Every class of core's ERROR_CLASSES exists with core's parent, and its aliases are it."""
    declared = {
        name
        for name, value in vars(zavudev._exceptions).items()
        if isinstance(value, type) and issubclass(value, zavudev.ZavudevError) and value.__name__ == name
    }
    assert declared == {name for name, _, _, _ in _native.ERROR_CLASSES}
    for name, parent, _kind, aliases in _native.ERROR_CLASSES:
        cls = getattr(zavudev, name)
        assert cls.__name__ == name
        if parent is None:
            assert cls.__bases__ == (Exception,)
        else:
            assert cls.__bases__ == (getattr(zavudev, parent),)
        for alias in aliases:
            assert getattr(zavudev, alias) is cls


def test_published_sdk_names_catch_what_they_caught() -> None:
    assert issubclass(zavudev.NotFoundError, zavudev.APIStatusError)
    assert issubclass(zavudev.APITimeoutError, zavudev.APIConnectionError)
    assert issubclass(zavudev.APIConnectionError, zavudev.APIError)
    assert issubclass(zavudev.InvalidRequestError, zavudev.BadRequestError)
    assert zavudev.ZavuError is zavudev.ZavudevError
    error = _native._error_for_code("not_found", "gone", 404)
    assert error.status_code == 404 == error.status


def test_fields_of_an_api_error(client, sandbox) -> None:
    sandbox.fault(
        "/v1/invitations",
        {"kind": "status", "status": 429, "headers": {"Retry-After": "7"}},
        method="GET",
        count=1,
    )
    with pytest.raises(zavudev.RateLimitError) as caught:
        client.invitations.list(max_retries=0)
    error = caught.value
    assert error.code == "rate_limited" and error.status == 429 and error.kind == "rate_limit"
    assert error.retry_after is not None and error.retry_after > 0
    assert error.body and "rate_limited" in error.body
    assert str(error).startswith("rate_limited: ")


def test_local_validation_names_the_param(client) -> None:
    with pytest.raises(zavudev.InvalidRequestError) as caught:
        client.invitations.create(client_phone="12345")
    assert caught.value.param == "client_phone" and caught.value.status is None
    assert caught.value.kind == "invalid_request"


def test_errors_pickle_with_their_fields(client) -> None:
    with pytest.raises(zavudev.NotFoundError) as caught:
        client.invitations.get("inv_missing")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is zavudev.NotFoundError
    assert (copy.code, copy.message, copy.status, copy.body) == (
        caught.value.code,
        caught.value.message,
        caught.value.status,
        caught.value.body,
    )
    assert str(copy) == str(caught.value)


def test_guide_style_handling(client) -> None:
    from zavu import ZavuError

    with pytest.raises(ZavuError) as caught:
        client.invitations.create(client_name="Acme Corp", phone_number_id="pn_invalid")
    assert caught.value.code == "not_found"
    assert caught.value.message == "Phone number not found"
