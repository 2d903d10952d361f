"""Type stubs of ``zavudev._native`` (the Rust extension). Checked against the built module
with ``mypy.stubtest`` by ``bindings-python/run-tests.sh``."""

import datetime
from collections.abc import AsyncIterator, Awaitable, Coroutine, Generator, Iterator, Mapping
from typing import Any, ClassVar, Generic, Literal, Optional, Sequence, TypeVar, Union, final, type_check_only

from typing_extensions import Self

from ._headers import Headers as _ResponseHeaders

__all__ = [
    "AsyncInvitations",
    "AvailablePhoneNumber",
    "AvailablePhoneNumberPricing",
    "AsyncPage",
    "AsyncPageIterator",
    "AsyncPaginator",
    "AsyncPhoneNumbers",
    "AsyncSenders",
    "AsyncZavudev",
    "ConnectedAccount",
    "Invitation",
    "InvitationStatusChangedData",
    "Invitations",
    "KNOWN_CODES",
    "PageIterator",
    "PhoneNumber",
    "PhoneNumberCapabilities",
    "PhoneNumberPricing",
    "PhoneNumbers",
    "RawResponse",
    "Requirement",
    "RequirementType",
    "Sender",
    "Senders",
    "SyncPage",
    "WebhookConfig",
    "WebhookEvent",
    "Webhooks",
    "Zavudev",
    "__version__",
    "_after_fork_in_child",
    "_before_exit",
    "_error_for_code",
    "_param_name",
    "Start",
    "ERROR_CLASSES",
]

__version__: str
KNOWN_CODES: tuple[str, ...]
#: Core's error-class tree: (name, parent, kind, aliases), parents first.
ERROR_CLASSES: tuple[tuple[str, Optional[str], Optional[str], tuple[str, ...]], ...]

def _after_fork_in_child() -> None: ...
def _before_exit() -> None: ...
def _error_for_code(code: str, message: str, status: Optional[int] = None) -> BaseException: ...
def _param_name(wire: str) -> str: ...
@final
class Start:
    """Starts one async call when its coroutine is first awaited (internal)."""
    def __call__(self, *args: Any, **kwargs: Any) -> Awaitable[Any]: ...

_T = TypeVar("_T")
_Headers = Mapping[str, str]
_Query = Mapping[str, Union[str, int, float, bool]]
_Body = dict[str, Any]
# `list` is shadowed inside classes that have a `list` method.
_StrList = list[str]
_AvailableList = list["AvailablePhoneNumber"]
_RequirementList = list["Requirement"]

# ---------------------------------------------------------------------------------------------
# Models. Attributes are read-only; enums are plain strings (values this SDK version does not
# know come through as sent); timestamps are aware datetimes in UTC.

@type_check_only
class _Model:
    @property
    def extra(self) -> dict[str, Any]:
        """Fields this version of the SDK does not know, as sent (wire names)."""
    def to_dict(self, *, mode: Optional[Literal["python", "json"]] = None) -> dict[str, Any]:
        """snake_case keys; nested models as dicts; unknown fields under snake_case names.
        `mode="json"` gives JSON-safe values (timestamps as RFC 3339 strings)."""
    def to_json(self) -> str:
        """The model as the API sends it (JSON, camelCase keys, unknown fields kept)."""
    @classmethod
    def from_json(cls, json: str) -> Self: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@type_check_only
class _Buildable(_Model):
    def __new__(cls, **fields: Any) -> Self:
        """Builds the model from keyword arguments (snake_case names; nested models as dicts or
        models; unknown names kept in ``extra``): for tests without a server."""
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """From a dict with snake_case or camelCase keys (``to_dict()`` or the API's JSON)."""

@final
class Invitation(_Buildable):
    @property
    def id(self) -> str: ...
    @property
    def token(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def created_at(self) -> datetime.datetime: ...
    @property
    def updated_at(self) -> Optional[datetime.datetime]: ...
    @property
    def expires_at(self) -> datetime.datetime: ...
    @property
    def client_name(self) -> Optional[str]: ...
    @property
    def client_email(self) -> Optional[str]: ...
    @property
    def client_phone(self) -> Optional[str]: ...
    @property
    def phone_number_id(self) -> Optional[str]: ...
    @property
    def sender_id(self) -> Optional[str]: ...
    @property
    def connection_type(self) -> Optional[str]: ...
    @property
    def allowed_phone_countries(self) -> Optional[list[str]]: ...
    @property
    def connected_account(self) -> Optional[ConnectedAccount]: ...
    @property
    def viewed_at(self) -> Optional[datetime.datetime]: ...
    @property
    def started_at(self) -> Optional[datetime.datetime]: ...
    @property
    def completed_at(self) -> Optional[datetime.datetime]: ...
    @property
    def failed_at(self) -> Optional[datetime.datetime]: ...
    @property
    def failure_reason(self) -> Optional[str]: ...

@final
class ConnectedAccount(_Buildable):
    @property
    def id(self) -> str: ...
    @property
    def channel(self) -> str: ...
    @property
    def name(self) -> Optional[str]: ...

@final
class PhoneNumberPricing(_Buildable):
    @property
    def is_free_number(self) -> Optional[bool]: ...
    @property
    def monthly_cost(self) -> Optional[float]: ...
    @property
    def monthly_price(self) -> Optional[float]: ...
    @property
    def upfront_cost(self) -> Optional[float]: ...

@final
class PhoneNumber(_Buildable):
    @property
    def id(self) -> str: ...
    @property
    def phone_number(self) -> str: ...
    @property
    def capabilities(self) -> list[str]: ...
    @property
    def status(self) -> str: ...
    @property
    def pricing(self) -> PhoneNumberPricing: ...
    @property
    def created_at(self) -> datetime.datetime: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def sender_id(self) -> Optional[str]: ...
    @property
    def next_renewal_date(self) -> Optional[datetime.datetime]: ...
    @property
    def updated_at(self) -> Optional[datetime.datetime]: ...

@final
class Sender(_Buildable):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def phone_number(self) -> str: ...
    @property
    def channels(self) -> Optional[list[str]]: ...
    @property
    def created_at(self) -> Optional[datetime.datetime]: ...
    @property
    def updated_at(self) -> Optional[datetime.datetime]: ...
    @property
    def is_default(self) -> Optional[bool]: ...
    @property
    def webhook(self) -> Any: ...
    @property
    def whatsapp(self) -> Any: ...

@final
class WebhookConfig(_Buildable):
    @property
    def url(self) -> str: ...
    @property
    def events(self) -> list[str]: ...
    @property
    def secret(self) -> Optional[str]:
        """The signing secret (``whsec_...``); only in the answer to ``create_webhook``."""
    @property
    def active(self) -> bool: ...

@final
class InvitationStatusChangedData(_Buildable):
    @property
    def invitation_id(self) -> str: ...
    @property
    def client_name(self) -> Optional[str]: ...
    @property
    def client_email(self) -> Optional[str]: ...
    @property
    def connection_type(self) -> Optional[str]: ...
    @property
    def previous_status(self) -> Optional[str]: ...
    @property
    def current_status(self) -> str: ...
    @property
    def sender_id(self) -> Optional[str]: ...
    @property
    def connected_account(self) -> Optional[ConnectedAccount]: ...
    @property
    def waba_account_id(self) -> Optional[str]: ...
    @property
    def failure_reason(self) -> Optional[str]: ...

@final
class WebhookEvent(_Model):
    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def timestamp(self) -> int:
        """Unix milliseconds, as sent."""
    @property
    def occurred_at(self) -> Optional[datetime.datetime]: ...
    @property
    def project_id(self) -> Optional[str]: ...
    @property
    def sender_id(self) -> Optional[str]: ...
    @property
    def data(self) -> Union[InvitationStatusChangedData, Sender, dict[str, Any]]: ...

@final
class PhoneNumberCapabilities(_Buildable):
    @property
    def sms(self) -> Optional[bool]: ...
    @property
    def voice(self) -> Optional[bool]: ...
    @property
    def mms(self) -> Optional[bool]: ...

@final
class AvailablePhoneNumberPricing(_Buildable):
    @property
    def is_free_eligible(self) -> Optional[bool]: ...
    @property
    def monthly_price(self) -> Optional[float]: ...
    @property
    def upfront_price(self) -> Optional[float]: ...

@final
class AvailablePhoneNumber(_Buildable):
    @property
    def phone_number(self) -> str: ...
    @property
    def capabilities(self) -> PhoneNumberCapabilities: ...
    @property
    def pricing(self) -> AvailablePhoneNumberPricing: ...
    @property
    def friendly_name(self) -> Optional[str]: ...
    @property
    def locality(self) -> Optional[str]: ...
    @property
    def region(self) -> Optional[str]: ...

@final
class RequirementType(_Buildable):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def acceptance_criteria(self) -> Any: ...
    @property
    def example(self) -> Optional[str]: ...

@final
class Requirement(_Buildable):
    @property
    def id(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def country_code(self) -> str: ...
    @property
    def phone_number_type(self) -> str: ...
    @property
    def requirement_types(self) -> list[RequirementType]: ...

@final
class RawResponse(Generic[_T]):
    """What a ``with_raw_response`` call answers: the HTTP answer's metadata and ``parse()``."""
    @classmethod
    def __class_getitem__(cls, item: Any) -> Any: ...
    def parse(self) -> _T: ...
    @property
    def status_code(self) -> int: ...
    @property
    def headers(self) -> _ResponseHeaders:
        """A mapping whose lookups ignore case (``headers.get("X-Request-Id")``)."""
    def header(self, name: str, default: Optional[str] = None) -> Optional[str]: ...
    @property
    def request_id(self) -> Optional[str]: ...
    @property
    def rate_limit_limit(self) -> Optional[int]: ...
    @property
    def rate_limit_remaining(self) -> Optional[int]: ...
    @property
    def rate_limit_reset(self) -> Optional[float]: ...
    @property
    def retries_taken(self) -> int: ...

# ---------------------------------------------------------------------------------------------
# Pages

@final
class SyncPage(Generic[_T]):
    @classmethod
    def __class_getitem__(cls, item: Any) -> Any: ...
    @property
    def items(self) -> list[_T]: ...
    @property
    def next_cursor(self) -> Optional[str]: ...
    def has_next_page(self) -> bool: ...
    def get_next_page(self) -> Optional[SyncPage[_T]]: ...
    def __iter__(self) -> PageIterator[_T]: ...
    def __len__(self) -> int: ...

@final
class PageIterator(Generic[_T]):
    def __iter__(self) -> Self: ...
    def __next__(self) -> _T: ...

@final
class AsyncPage(Generic[_T]):
    @classmethod
    def __class_getitem__(cls, item: Any) -> Any: ...
    @property
    def items(self) -> list[_T]: ...
    @property
    def next_cursor(self) -> Optional[str]: ...
    def has_next_page(self) -> bool: ...
    def get_next_page(self) -> Awaitable[Optional[AsyncPage[_T]]]: ...
    def __aiter__(self) -> AsyncPageIterator[_T]: ...
    def __len__(self) -> int: ...

@final
class AsyncPageIterator(Generic[_T]):
    def __aiter__(self) -> Self: ...
    def __anext__(self) -> Awaitable[_T]: ...

@final
class AsyncPaginator(Generic[_T]):
    """What an async ``list`` returns: ``await`` it for the first page, or ``async for`` over it
    to walk every item of every page (as iterating the awaited page does)."""
    @classmethod
    def __class_getitem__(cls, item: Any) -> Any: ...
    def __await__(self) -> Generator[Any, None, AsyncPage[_T]]: ...
    def __aiter__(self) -> AsyncPageIterator[_T]: ...

# ---------------------------------------------------------------------------------------------
# Resources. `timeout` is in seconds and applies to each attempt; `max_retries` counts retries
# after the first attempt; `idempotency_key` replaces the fresh key every POST gets.

@final
class Invitations:
    def create(
        self,
        *,
        client_name: Optional[str] = None,
        client_email: Optional[str] = None,
        client_phone: Optional[str] = None,
        phone_number_id: Optional[str] = None,
        expires_in_days: Optional[int] = None,
        connection_type: Optional[str] = None,
        allowed_phone_countries: Optional[_StrList] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Invitation: ...
    def list(
        self,
        *,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> SyncPage[Invitation]: ...
    def get(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Invitation: ...
    def retrieve(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Invitation: ...
    def cancel(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Invitation: ...
    def wait_for_completion(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        poll_interval: Optional[float] = None,
        max_poll_interval: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Invitation: ...
    def create_webhook(
        self,
        *,
        url: str,
        events: Optional[_StrList] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> WebhookConfig: ...
    def get_webhook(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> WebhookConfig: ...
    def update_webhook(
        self,
        *,
        url: Optional[str] = None,
        events: Optional[_StrList] = None,
        active: Optional[bool] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> WebhookConfig: ...
    def delete_webhook(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> None: ...
    @property
    def with_raw_response(self) -> _InvitationsWithRawResponse:
        """The same methods, answering a ``RawResponse`` (status, headers, request id, rate
        limit; ``parse()`` gives what the plain call returns)."""

@type_check_only
class _InvitationsWithRawResponse:
    def create(
        self,
        *,
        client_name: Optional[str] = None,
        client_email: Optional[str] = None,
        client_phone: Optional[str] = None,
        phone_number_id: Optional[str] = None,
        expires_in_days: Optional[int] = None,
        connection_type: Optional[str] = None,
        allowed_phone_countries: Optional[_StrList] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[Invitation]: ...
    def list(
        self,
        *,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[SyncPage[Invitation]]: ...
    def get(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[Invitation]: ...
    def retrieve(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[Invitation]: ...
    def cancel(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[Invitation]: ...
    def wait_for_completion(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        poll_interval: Optional[float] = None,
        max_poll_interval: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[Invitation]: ...
    def create_webhook(
        self,
        *,
        url: str,
        events: Optional[_StrList] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[WebhookConfig]: ...
    def get_webhook(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[WebhookConfig]: ...
    def update_webhook(
        self,
        *,
        url: Optional[str] = None,
        events: Optional[_StrList] = None,
        active: Optional[bool] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[WebhookConfig]: ...
    def delete_webhook(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[None]: ...

@final
class AsyncInvitations:
    def create(
        self,
        *,
        client_name: Optional[str] = None,
        client_email: Optional[str] = None,
        client_phone: Optional[str] = None,
        phone_number_id: Optional[str] = None,
        expires_in_days: Optional[int] = None,
        connection_type: Optional[str] = None,
        allowed_phone_countries: Optional[_StrList] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, Invitation]: ...
    def list(
        self,
        *,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> AsyncPaginator[Invitation]: ...
    def get(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, Invitation]: ...
    def retrieve(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, Invitation]: ...
    def cancel(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, Invitation]: ...
    def wait_for_completion(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        poll_interval: Optional[float] = None,
        max_poll_interval: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, Invitation]: ...
    def create_webhook(
        self,
        *,
        url: str,
        events: Optional[_StrList] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, WebhookConfig]: ...
    def get_webhook(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, WebhookConfig]: ...
    def update_webhook(
        self,
        *,
        url: Optional[str] = None,
        events: Optional[_StrList] = None,
        active: Optional[bool] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, WebhookConfig]: ...
    def delete_webhook(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, None]: ...
    @property
    def with_raw_response(self) -> _AsyncInvitationsWithRawResponse:
        """The same methods, answering a ``RawResponse`` (status, headers, request id, rate
        limit; ``parse()`` gives what the plain call returns)."""

@type_check_only
class _AsyncInvitationsWithRawResponse:
    def create(
        self,
        *,
        client_name: Optional[str] = None,
        client_email: Optional[str] = None,
        client_phone: Optional[str] = None,
        phone_number_id: Optional[str] = None,
        expires_in_days: Optional[int] = None,
        connection_type: Optional[str] = None,
        allowed_phone_countries: Optional[_StrList] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[Invitation]]: ...
    def list(
        self,
        *,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[SyncPage[Invitation]]]: ...
    def get(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[Invitation]]: ...
    def retrieve(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[Invitation]]: ...
    def cancel(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[Invitation]]: ...
    def wait_for_completion(
        self,
        invitation_id: str,
        *,
        timeout: Optional[float] = None,
        poll_interval: Optional[float] = None,
        max_poll_interval: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[Invitation]]: ...
    def create_webhook(
        self,
        *,
        url: str,
        events: Optional[_StrList] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[WebhookConfig]]: ...
    def get_webhook(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[WebhookConfig]]: ...
    def update_webhook(
        self,
        *,
        url: Optional[str] = None,
        events: Optional[_StrList] = None,
        active: Optional[bool] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[WebhookConfig]]: ...
    def delete_webhook(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[None]]: ...

@final
class PhoneNumbers:
    def purchase(
        self,
        *,
        phone_number: str,
        name: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> PhoneNumber: ...
    def search_available(
        self,
        *,
        country_code: str,
        capabilities: Optional[str] = None,
        contains: Optional[str] = None,
        limit: Optional[int] = None,
        type: Optional[Literal["local", "national", "mobile", "tollFree"]] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> _AvailableList: ...
    def requirements(
        self,
        *,
        country_code: Optional[str] = None,
        phone_number: Optional[str] = None,
        type: Optional[Literal["local", "national", "mobile", "tollFree"]] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> _RequirementList: ...
    def list(
        self,
        *,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> SyncPage[PhoneNumber]: ...
    def retrieve(
        self,
        phone_number_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> PhoneNumber: ...
    def update(
        self,
        phone_number_id: str,
        *,
        name: Optional[str] = ...,
        sender_id: Optional[str] = ...,
        timeout: Optional[float] = ...,
        max_retries: Optional[int] = ...,
        extra_headers: Optional[_Headers] = ...,
        extra_query: Optional[_Query] = ...,
        extra_body: Optional[_Body] = ...,
    ) -> PhoneNumber: ...
    def release(
        self,
        phone_number_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> None: ...
    @property
    def with_raw_response(self) -> _PhoneNumbersWithRawResponse:
        """The same methods, answering a ``RawResponse`` (status, headers, request id, rate
        limit; ``parse()`` gives what the plain call returns)."""

@type_check_only
class _PhoneNumbersWithRawResponse:
    def purchase(
        self,
        *,
        phone_number: str,
        name: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[PhoneNumber]: ...
    def search_available(
        self,
        *,
        country_code: str,
        capabilities: Optional[str] = None,
        contains: Optional[str] = None,
        limit: Optional[int] = None,
        type: Optional[Literal["local", "national", "mobile", "tollFree"]] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[_AvailableList]: ...
    def requirements(
        self,
        *,
        country_code: Optional[str] = None,
        phone_number: Optional[str] = None,
        type: Optional[Literal["local", "national", "mobile", "tollFree"]] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[_RequirementList]: ...
    def list(
        self,
        *,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[SyncPage[PhoneNumber]]: ...
    def retrieve(
        self,
        phone_number_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[PhoneNumber]: ...
    def update(
        self,
        phone_number_id: str,
        *,
        name: Optional[str] = ...,
        sender_id: Optional[str] = ...,
        timeout: Optional[float] = ...,
        max_retries: Optional[int] = ...,
        extra_headers: Optional[_Headers] = ...,
        extra_query: Optional[_Query] = ...,
        extra_body: Optional[_Body] = ...,
    ) -> RawResponse[PhoneNumber]: ...
    def release(
        self,
        phone_number_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[None]: ...

@final
class AsyncPhoneNumbers:
    def purchase(
        self,
        *,
        phone_number: str,
        name: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, PhoneNumber]: ...
    def search_available(
        self,
        *,
        country_code: str,
        capabilities: Optional[str] = None,
        contains: Optional[str] = None,
        limit: Optional[int] = None,
        type: Optional[Literal["local", "national", "mobile", "tollFree"]] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, _AvailableList]: ...
    def requirements(
        self,
        *,
        country_code: Optional[str] = None,
        phone_number: Optional[str] = None,
        type: Optional[Literal["local", "national", "mobile", "tollFree"]] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, _RequirementList]: ...
    def list(
        self,
        *,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> AsyncPaginator[PhoneNumber]: ...
    def retrieve(
        self,
        phone_number_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, PhoneNumber]: ...
    def update(
        self,
        phone_number_id: str,
        *,
        name: Optional[str] = ...,
        sender_id: Optional[str] = ...,
        timeout: Optional[float] = ...,
        max_retries: Optional[int] = ...,
        extra_headers: Optional[_Headers] = ...,
        extra_query: Optional[_Query] = ...,
        extra_body: Optional[_Body] = ...,
    ) -> Coroutine[Any, Any, PhoneNumber]: ...
    def release(
        self,
        phone_number_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, None]: ...
    @property
    def with_raw_response(self) -> _AsyncPhoneNumbersWithRawResponse:
        """The same methods, answering a ``RawResponse`` (status, headers, request id, rate
        limit; ``parse()`` gives what the plain call returns)."""

@type_check_only
class _AsyncPhoneNumbersWithRawResponse:
    def purchase(
        self,
        *,
        phone_number: str,
        name: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        idempotency_key: Optional[str] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[PhoneNumber]]: ...
    def search_available(
        self,
        *,
        country_code: str,
        capabilities: Optional[str] = None,
        contains: Optional[str] = None,
        limit: Optional[int] = None,
        type: Optional[Literal["local", "national", "mobile", "tollFree"]] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[_AvailableList]]: ...
    def requirements(
        self,
        *,
        country_code: Optional[str] = None,
        phone_number: Optional[str] = None,
        type: Optional[Literal["local", "national", "mobile", "tollFree"]] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[_RequirementList]]: ...
    def list(
        self,
        *,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[SyncPage[PhoneNumber]]]: ...
    def retrieve(
        self,
        phone_number_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[PhoneNumber]]: ...
    def update(
        self,
        phone_number_id: str,
        *,
        name: Optional[str] = ...,
        sender_id: Optional[str] = ...,
        timeout: Optional[float] = ...,
        max_retries: Optional[int] = ...,
        extra_headers: Optional[_Headers] = ...,
        extra_query: Optional[_Query] = ...,
        extra_body: Optional[_Body] = ...,
    ) -> Coroutine[Any, Any, RawResponse[PhoneNumber]]: ...
    def release(
        self,
        phone_number_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[None]]: ...

@final
class Senders:
    def get(
        self,
        sender_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Sender: ...
    def retrieve(
        self,
        sender_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Sender: ...
    def list(
        self,
        *,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> SyncPage[Sender]: ...
    @property
    def with_raw_response(self) -> _SendersWithRawResponse:
        """The same methods, answering a ``RawResponse`` (status, headers, request id, rate
        limit; ``parse()`` gives what the plain call returns)."""

@type_check_only
class _SendersWithRawResponse:
    def get(
        self,
        sender_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[Sender]: ...
    def retrieve(
        self,
        sender_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[Sender]: ...
    def list(
        self,
        *,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> RawResponse[SyncPage[Sender]]: ...

@final
class AsyncSenders:
    def get(
        self,
        sender_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, Sender]: ...
    def retrieve(
        self,
        sender_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, Sender]: ...
    def list(
        self,
        *,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> AsyncPaginator[Sender]: ...
    @property
    def with_raw_response(self) -> _AsyncSendersWithRawResponse:
        """The same methods, answering a ``RawResponse`` (status, headers, request id, rate
        limit; ``parse()`` gives what the plain call returns)."""

@type_check_only
class _AsyncSendersWithRawResponse:
    def get(
        self,
        sender_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[Sender]]: ...
    def retrieve(
        self,
        sender_id: str,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[Sender]]: ...
    def list(
        self,
        *,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        extra_headers: Optional[_Headers] = None,
        extra_query: Optional[_Query] = None,
        extra_body: Optional[_Body] = None,
    ) -> Coroutine[Any, Any, RawResponse[SyncPage[Sender]]]: ...

@final
class Webhooks:
    def __init__(self) -> None: ...
    def unwrap(
        self,
        payload: Union[bytes, bytearray, str],
        headers: Union[Mapping[str, str], Sequence[tuple[str, str]], str],
        secret: str,
        *,
        now: Union[int, datetime.datetime, None] = None,
    ) -> WebhookEvent:
        """Verifies the signature, then returns the event. `headers` is the request's headers
        (any mapping) or the X-Zavu-Signature value."""
    def verify(
        self,
        payload: Union[bytes, bytearray, str],
        headers: Union[Mapping[str, str], Sequence[tuple[str, str]], str],
        secret: str,
        *,
        now: Union[int, datetime.datetime, None] = None,
    ) -> None: ...
    def sign(
        self,
        payload: Union[bytes, bytearray, str],
        secret: str,
        *,
        timestamp: Optional[int] = None,
        scheme: Optional[Literal["v1", "v2", "both"]] = None,
    ) -> str:
        """The X-Zavu-Signature value for `payload`, signed at `timestamp` (unix seconds, default
        now) with `scheme` (default both)."""

# ---------------------------------------------------------------------------------------------
# Clients

@final
class Zavudev:
    """The Zavu client (synchronous, thread-safe; calls release the GIL)."""

    def __new__(
        cls,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        default_headers: Optional[_Headers] = None,
        allow_insecure_http: Optional[bool] = None,
    ) -> Self: ...
    @property
    def invitations(self) -> Invitations: ...
    @property
    def phone_numbers(self) -> PhoneNumbers: ...
    @property
    def senders(self) -> Senders: ...
    @property
    def webhooks(self) -> Webhooks: ...
    @property
    def base_url(self) -> str: ...
    @property
    def timeout(self) -> float: ...
    @property
    def max_retries(self) -> int: ...
    @property
    def is_closed(self) -> bool: ...
    def with_options(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        default_headers: Optional[_Headers] = None,
    ) -> Zavudev: ...
    def copy(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        default_headers: Optional[_Headers] = None,
    ) -> Zavudev: ...
    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *_exc_info: object) -> None: ...

@final
class AsyncZavudev:
    """The Zavu client for asyncio (every call returns an awaitable)."""

    def __new__(
        cls,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        default_headers: Optional[_Headers] = None,
        allow_insecure_http: Optional[bool] = None,
    ) -> Self: ...
    @property
    def invitations(self) -> AsyncInvitations: ...
    @property
    def phone_numbers(self) -> AsyncPhoneNumbers: ...
    @property
    def senders(self) -> AsyncSenders: ...
    @property
    def webhooks(self) -> Webhooks: ...
    @property
    def base_url(self) -> str: ...
    @property
    def timeout(self) -> float: ...
    @property
    def max_retries(self) -> int: ...
    @property
    def is_closed(self) -> bool: ...
    def with_options(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        default_headers: Optional[_Headers] = None,
    ) -> AsyncZavudev: ...
    def copy(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        default_headers: Optional[_Headers] = None,
    ) -> AsyncZavudev: ...
    def close(self) -> Awaitable[None]: ...
    def __aenter__(self) -> Awaitable[Self]: ...
    def __aexit__(self, *_exc_info: object) -> Awaitable[None]: ...
