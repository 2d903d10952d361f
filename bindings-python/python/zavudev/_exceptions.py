"""The exceptions of the Zavu SDK.

Every error is a :class:`ZavudevError` (also exported as ``ZavuError``) carrying the SDK's stable ``code`` (for example
``"not_found"``), the ``message`` (the API's own when it sent one), the HTTP ``status``, the raw
response ``body``, the refused ``param`` (the argument's Python name), ``retry_after`` (seconds) and the
server's ``request_id``. Its class says its family (``kind``). Which class an error becomes is
decided by the Rust core (``zavu_core::Error::kind``); this module only declares the classes.
"""

from __future__ import annotations

from typing import Any, Optional

from . import _native

__all__ = [
    "KNOWN_CODES",
    "ZavudevError",
    "APIError",
    "APIStatusError",
    "BadRequestError",
    "InvalidRequestError",
    "UnprocessableEntityError",
    "AuthenticationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "InternalServerError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "APIUserAbortError",
    "WebhookVerificationError",
    "WaitTimeoutError",
    "ClientClosedError",
    "InternalError",
    # Earlier names, kept as aliases.
    "ZavuError",
    "ServerError",
    "InvalidResponseError",
    "RequestCancelledError",
]

#: Every error code this version of the SDK knows (the Rust core's list). Codes the server adds
#: later still reach ``ZavudevError.code`` verbatim.
KNOWN_CODES: tuple[str, ...] = _native.KNOWN_CODES


class ZavudevError(Exception):
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

    @property
    def status_code(self) -> Optional[int]:
        """The HTTP status; the published SDK's name for ``status``."""
        return self.status

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


# The tree is core's (``zavu_core::ERROR_CLASSES``, exported as ``_native.ERROR_CLASSES``), the
# same in every language: the published SDKs' classes with this SDK's own kinds placed in it. A
# test checks these declarations against core's table.


class APIError(ZavudevError):
    """An error of a call to the API (any status, or none)."""


class APIStatusError(APIError):
    """The API answered with an error status this SDK has no narrower class for."""


class BadRequestError(APIStatusError):
    """The request was refused as malformed (400)."""


class InvalidRequestError(BadRequestError):
    """Bad parameters, refused locally (``param`` names the argument) or by the API (400,
    ``phone_number_wrong_team``)."""


class UnprocessableEntityError(InvalidRequestError):
    """Parameters the API understood but refused (422)."""


class AuthenticationError(APIStatusError):
    """A missing (``missing_api_key``) or refused (401) API key."""


class PaymentRequiredError(APIStatusError):
    """The team's plan does not allow this (402, ``paid_plan_required``)."""


class PermissionDeniedError(APIStatusError):
    """The key may not do this (403)."""


class NotFoundError(APIStatusError):
    """The resource does not exist (404)."""


class ConflictError(APIStatusError):
    """The resource's state does not allow this (409, ``already_completed``)."""


class RateLimitError(APIStatusError):
    """Too many requests (429); ``retry_after`` says how long the API asked to wait."""


class InternalServerError(APIStatusError):
    """The API failed (5xx)."""


class APIConnectionError(APIError):
    """The request got no answer: DNS, connect, reset, dropped connection."""


class APITimeoutError(APIConnectionError):
    """An attempt ran out of time (``timeout``)."""


class APIResponseValidationError(APIError):
    """A 2xx answer that is not what the API promises (unreadable, oversized)."""


class APIUserAbortError(APIError):
    """The call was cancelled (``cancelled``)."""


class WebhookVerificationError(ZavudevError):
    """A webhook whose signature, timestamp or payload was refused."""


class WaitTimeoutError(ZavudevError):
    """``wait_for_completion`` gave up before the invitation was final (``wait_timeout``)."""


class ClientClosedError(ZavudevError):
    """The client was closed (``client_closed``)."""


class InternalError(ZavudevError):
    """A bug inside the SDK, caught before it could crash the process (please report it)."""


ZavuError = ZavudevError
ServerError = InternalServerError
InvalidResponseError = APIResponseValidationError
RequestCancelledError = APIUserAbortError
