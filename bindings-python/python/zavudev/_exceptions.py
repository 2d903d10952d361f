"""The exceptions of the Zavu SDK.

Every error is a :class:`ZavuError` carrying the SDK's stable ``code`` (for example
``"not_found"``), the ``message`` (the API's own when it sent one), the HTTP ``status``, the raw
response ``body``, the refused ``param`` (its wire name), ``retry_after`` (seconds) and the
server's ``request_id``. Its class says its family (``kind``). Which class an error becomes is
decided by the Rust core (``zavu_core::Error::kind``); this module only declares the classes.
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = [
    "KNOWN_CODES",
    "ZavuError",
    "InvalidRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "PaymentRequiredError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "ServerError",
    "APIConnectionError",
    "APITimeoutError",
    "InvalidResponseError",
    "WebhookVerificationError",
    "RequestCancelledError",
    "InternalError",
    "APIError",
]

#: Every error code this version of the SDK knows. Codes the server adds later still reach
#: ``ZavuError.code`` verbatim. A test checks that this list equals the Rust core's.
KNOWN_CODES: tuple[str, ...] = (
    "invalid_request",
    "not_found",
    "phone_number_wrong_team",
    "already_completed",
    "paid_plan_required",
    "unauthorized",
    "forbidden",
    "rate_limited",
    "conflict",
    "internal_error",
    "payment_required",
    "server_error",
    "missing_api_key",
    "connection_error",
    "timeout",
    "invalid_response",
    "invalid_signature",
    "stale_signature",
    "invalid_payload",
    "wait_timeout",
    "cancelled",
    "internal_panic",
    "client_closed",
)


class ZavuError(Exception):
    """Any error of the Zavu SDK. ``str(error)`` is a one-line summary."""

    code: str
    message: str
    status: Optional[int]
    body: Optional[str]
    param: Optional[str]
    retry_after: Optional[float]
    request_id: Optional[str]
    kind: str

    def __init__(
        self,
        summary: str,
        *,
        code: str = "",
        message: Optional[str] = None,
        status: Optional[int] = None,
        body: Optional[str] = None,
        param: Optional[str] = None,
        retry_after: Optional[float] = None,
        request_id: Optional[str] = None,
        kind: str = "",
    ) -> None:
        super().__init__(summary)
        self.code = code
        self.message = summary if message is None else message
        self.status = status
        self.body = body
        self.param = param
        self.retry_after = retry_after
        self.request_id = request_id
        self.kind = kind

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only fields travel in the state, so errors pickle (multiprocessing, caches).
        return (type(self), self.args, self.__dict__.copy())

    def __repr__(self) -> str:
        parts = [f"code={self.code!r}", f"message={self.message!r}"]
        if self.status is not None:
            parts.append(f"status={self.status}")
        if self.param is not None:
            parts.append(f"param={self.param!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


class InvalidRequestError(ZavuError):
    """Bad parameters, refused locally or by the API (400, 422, ``phone_number_wrong_team``)."""


class AuthenticationError(ZavuError):
    """A missing (``missing_api_key``) or refused (401) API key."""


class PermissionDeniedError(ZavuError):
    """The key may not do this (403)."""


class PaymentRequiredError(ZavuError):
    """The team's plan does not allow this (402, ``paid_plan_required``)."""


class NotFoundError(ZavuError):
    """The resource does not exist (404)."""


class ConflictError(ZavuError):
    """The resource's state does not allow this (409, ``already_completed``)."""


class RateLimitError(ZavuError):
    """Too many requests (429); ``retry_after`` says how long the API asked to wait."""


class ServerError(ZavuError):
    """The API failed (5xx)."""


class APIConnectionError(ZavuError):
    """The request got no answer: DNS, connect, reset, dropped connection."""


class APITimeoutError(ZavuError):
    """An attempt (``timeout``) or a wait (``wait_timeout``) ran out of time."""


class InvalidResponseError(ZavuError):
    """A 2xx answer that is not what the API promises (unreadable, oversized)."""


class WebhookVerificationError(ZavuError):
    """A webhook whose signature, timestamp or payload was refused."""


class RequestCancelledError(ZavuError):
    """The call was cancelled."""


class InternalError(ZavuError):
    """A bug inside the SDK, caught before it could crash the process (please report it)."""


class APIError(ZavuError):
    """Any other API error (an unexpected HTTP status)."""
