//! The one error type of the SDK, its stable codes, and how HTTP failures map onto them.

use std::fmt;
use std::time::Duration;

/// Stable error codes. Server codes pass through verbatim; these are the ones core knows.
pub mod codes {
    // Codes the Zavu API sends (docs/wire.md), also derived from the status when a body has none.
    /// Bad parameters: refused locally by validation or by the server (400, 422).
    pub const INVALID_REQUEST: &str = "invalid_request";
    /// The resource does not exist (404).
    pub const NOT_FOUND: &str = "not_found";
    /// `phoneNumberId` names a phone number of another team (400).
    pub const PHONE_NUMBER_WRONG_TEAM: &str = "phone_number_wrong_team";
    /// Cancelling an invitation that is already completed (409).
    pub const ALREADY_COMPLETED: &str = "already_completed";
    /// The team's plan does not include phone numbers (402).
    pub const PAID_PLAN_REQUIRED: &str = "paid_plan_required";
    /// The API key is missing or refused (401).
    pub const UNAUTHORIZED: &str = "unauthorized";
    /// The key may not do this (403).
    pub const FORBIDDEN: &str = "forbidden";
    /// Too many requests in the endpoint's window (429).
    pub const RATE_LIMITED: &str = "rate_limited";
    /// The resource is not in a state that allows this (409).
    pub const CONFLICT: &str = "conflict";
    /// The server failed and said so (500).
    pub const INTERNAL_ERROR: &str = "internal_error";
    // Derived from a status when the body carries no code.
    /// 402 without a code in the body.
    pub const PAYMENT_REQUIRED: &str = "payment_required";
    /// 5xx without a code in the body.
    pub const SERVER_ERROR: &str = "server_error";
    // Raised by the client itself.
    /// No API key was given and `ZAVUDEV_API_KEY` is unset or empty.
    pub const MISSING_API_KEY: &str = "missing_api_key";
    /// The request got no answer: DNS, connect, TLS, reset or dropped connection.
    pub const CONNECTION_ERROR: &str = "connection_error";
    /// One attempt ran out of time.
    pub const TIMEOUT: &str = "timeout";
    /// A 2xx answer that cannot be read (not the promised JSON, or too large).
    pub const INVALID_RESPONSE: &str = "invalid_response";
    /// A webhook whose signature does not match, or that has none.
    pub const INVALID_SIGNATURE: &str = "invalid_signature";
    /// A webhook signed too long ago, or too far in the future.
    pub const STALE_SIGNATURE: &str = "stale_signature";
    /// A correctly signed webhook whose body is not an event.
    pub const INVALID_PAYLOAD: &str = "invalid_payload";
    /// `wait_for_completion` gave up before the invitation reached a final status.
    pub const WAIT_TIMEOUT: &str = "wait_timeout";
    /// The caller cancelled the call (AbortSignal, Ctrl-C, a cancelled coroutine).
    pub const CANCELLED: &str = "cancelled";
    /// A bug inside the SDK (a panic), caught before it crossed into the host language.
    pub const INTERNAL_PANIC: &str = "internal_panic";
    /// The client was closed before or during the call.
    pub const CLIENT_CLOSED: &str = "client_closed";
}

/// Every code core knows, in a fixed order. Each binding tests that its own list equals this one.
pub const KNOWN_CODES: &[&str] = &[
    codes::INVALID_REQUEST,
    codes::NOT_FOUND,
    codes::PHONE_NUMBER_WRONG_TEAM,
    codes::ALREADY_COMPLETED,
    codes::PAID_PLAN_REQUIRED,
    codes::UNAUTHORIZED,
    codes::FORBIDDEN,
    codes::RATE_LIMITED,
    codes::CONFLICT,
    codes::INTERNAL_ERROR,
    codes::PAYMENT_REQUIRED,
    codes::SERVER_ERROR,
    codes::MISSING_API_KEY,
    codes::CONNECTION_ERROR,
    codes::TIMEOUT,
    codes::INVALID_RESPONSE,
    codes::INVALID_SIGNATURE,
    codes::STALE_SIGNATURE,
    codes::INVALID_PAYLOAD,
    codes::WAIT_TIMEOUT,
    codes::CANCELLED,
    codes::INTERNAL_PANIC,
    codes::CLIENT_CLOSED,
];

/// The family an error belongs to. Bindings map each kind to one exception class (see
/// [`ERROR_CLASSES`]); the mapping from codes and statuses to kinds lives here so every language
/// agrees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ErrorKind {
    /// Bad parameters, caught locally or refused by the server (400, `phone_number_wrong_team`).
    InvalidRequest,
    /// Parameters the server understood but refused (422).
    UnprocessableEntity,
    /// Missing or refused API key (401, `missing_api_key`).
    Authentication,
    /// The key may not do this (403).
    PermissionDenied,
    /// The team's plan does not allow this (402).
    PaymentRequired,
    /// The resource does not exist (404).
    NotFound,
    /// The resource is not in a state that allows this (409).
    Conflict,
    /// Too many requests (429).
    RateLimit,
    /// The server failed (5xx).
    Server,
    /// The request never got an answer: DNS, connect, reset, dropped connection.
    Connection,
    /// One attempt ran out of time.
    Timeout,
    /// A 2xx answer that is not what the API promises (unparseable, oversized).
    InvalidResponse,
    /// A webhook whose signature, timestamp or payload was refused.
    WebhookVerification,
    /// `wait_for_completion` gave up before the invitation reached a final status.
    WaitTimeout,
    /// The client was closed before or during the call.
    ClientClosed,
    /// The caller cancelled the call.
    Cancelled,
    /// A bug inside the SDK, caught before it could crash the host process.
    Internal,
    /// Any other API error (an unexpected status).
    Api,
}

impl ErrorKind {
    /// Every kind, in the order of [`ERROR_CLASSES`].
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::InvalidRequest,
        ErrorKind::UnprocessableEntity,
        ErrorKind::Authentication,
        ErrorKind::PermissionDenied,
        ErrorKind::PaymentRequired,
        ErrorKind::NotFound,
        ErrorKind::Conflict,
        ErrorKind::RateLimit,
        ErrorKind::Server,
        ErrorKind::Connection,
        ErrorKind::Timeout,
        ErrorKind::InvalidResponse,
        ErrorKind::WebhookVerification,
        ErrorKind::WaitTimeout,
        ErrorKind::ClientClosed,
        ErrorKind::Cancelled,
        ErrorKind::Internal,
        ErrorKind::Api,
    ];

    /// A stable name for the kind, used by bindings to pick their exception class.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidRequest => "invalid_request",
            ErrorKind::UnprocessableEntity => "unprocessable_entity",
            ErrorKind::Authentication => "authentication",
            ErrorKind::PermissionDenied => "permission_denied",
            ErrorKind::PaymentRequired => "payment_required",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::RateLimit => "rate_limit",
            ErrorKind::Server => "server",
            ErrorKind::Connection => "connection",
            ErrorKind::Timeout => "timeout",
            ErrorKind::InvalidResponse => "invalid_response",
            ErrorKind::WebhookVerification => "webhook_verification",
            ErrorKind::WaitTimeout => "wait_timeout",
            ErrorKind::ClientClosed => "client_closed",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::Internal => "internal",
            ErrorKind::Api => "api",
        }
    }

    /// The exception class of this kind, the same name in every language.
    pub fn class_name(self) -> &'static str {
        ERROR_CLASSES
            .iter()
            .find(|class| class.kind == Some(self))
            .map(|class| class.name)
            .unwrap_or("APIError")
    }
}

/// One exception class of the SDK's error tree, the same in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorClass {
    /// The class name, for example `NotFoundError`.
    pub name: &'static str,
    /// The class it extends; `None` for the root, `ZavudevError`.
    pub parent: Option<&'static str>,
    /// The kind whose errors are raised as this class; `None` for classes that only group others.
    pub kind: Option<ErrorKind>,
    /// Other names the class is also exported under (earlier names of this SDK).
    pub aliases: &'static [&'static str],
}

const fn class(
    name: &'static str,
    parent: &'static str,
    kind: Option<ErrorKind>,
    aliases: &'static [&'static str],
) -> ErrorClass {
    ErrorClass {
        name,
        parent: Some(parent),
        kind,
        aliases,
    }
}

/// The error classes of every binding: the published Zavu SDKs' tree (`ZavudevError` >
/// `APIError` > `APIStatusError` > `NotFoundError`, ...; `APIError` > `APIConnectionError` >
/// `APITimeoutError`), with this SDK's own kinds placed in it. Parents come before children.
/// Every binding declares exactly these classes and tests that it does.
pub const ERROR_CLASSES: &[ErrorClass] = &[
    ErrorClass {
        name: "ZavudevError",
        parent: None,
        kind: None,
        aliases: &["ZavuError"],
    },
    class("APIError", "ZavudevError", None, &[]),
    class("APIStatusError", "APIError", Some(ErrorKind::Api), &[]),
    class("BadRequestError", "APIStatusError", None, &[]),
    class(
        "InvalidRequestError",
        "BadRequestError",
        Some(ErrorKind::InvalidRequest),
        &[],
    ),
    class(
        "UnprocessableEntityError",
        "InvalidRequestError",
        Some(ErrorKind::UnprocessableEntity),
        &[],
    ),
    class(
        "AuthenticationError",
        "APIStatusError",
        Some(ErrorKind::Authentication),
        &[],
    ),
    class(
        "PaymentRequiredError",
        "APIStatusError",
        Some(ErrorKind::PaymentRequired),
        &[],
    ),
    class(
        "PermissionDeniedError",
        "APIStatusError",
        Some(ErrorKind::PermissionDenied),
        &[],
    ),
    class(
        "NotFoundError",
        "APIStatusError",
        Some(ErrorKind::NotFound),
        &[],
    ),
    class(
        "ConflictError",
        "APIStatusError",
        Some(ErrorKind::Conflict),
        &[],
    ),
    class(
        "RateLimitError",
        "APIStatusError",
        Some(ErrorKind::RateLimit),
        &[],
    ),
    class(
        "InternalServerError",
        "APIStatusError",
        Some(ErrorKind::Server),
        &["ServerError"],
    ),
    class(
        "APIConnectionError",
        "APIError",
        Some(ErrorKind::Connection),
        &[],
    ),
    class(
        "APITimeoutError",
        "APIConnectionError",
        Some(ErrorKind::Timeout),
        &[],
    ),
    class(
        "APIResponseValidationError",
        "APIError",
        Some(ErrorKind::InvalidResponse),
        &["InvalidResponseError"],
    ),
    class(
        "APIUserAbortError",
        "APIError",
        Some(ErrorKind::Cancelled),
        &["RequestCancelledError"],
    ),
    class(
        "WebhookVerificationError",
        "ZavudevError",
        Some(ErrorKind::WebhookVerification),
        &[],
    ),
    class(
        "WaitTimeoutError",
        "ZavudevError",
        Some(ErrorKind::WaitTimeout),
        &[],
    ),
    class(
        "ClientClosedError",
        "ZavudevError",
        Some(ErrorKind::ClientClosed),
        &[],
    ),
    class(
        "InternalError",
        "ZavudevError",
        Some(ErrorKind::Internal),
        &[],
    ),
];

/// How a language spells parameter names, so an error names the argument as the caller wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamStyle {
    /// The wire's camelCase (`clientName`): Node, PHP, Kotlin, Swift, the CLI's JSON.
    Camel,
    /// snake_case (`client_name`): Python, Ruby.
    Snake,
    /// Go's exported field names (`ClientName`, `PhoneNumberID`, `URL`).
    GoField,
}

/// A wire (camelCase) name in `style`. Names that are not camelCase identifiers (environment
/// variables such as `ZAVUDEV_CUSTOM_HEADERS`) are returned unchanged.
pub fn param_name(wire: &str, style: ParamStyle) -> String {
    if !is_camel_identifier(wire) {
        return wire.to_string();
    }
    match style {
        ParamStyle::Camel => wire.to_string(),
        ParamStyle::Snake => {
            let mut out = String::with_capacity(wire.len() + 4);
            for c in wire.chars() {
                if c.is_ascii_uppercase() {
                    out.push('_');
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.push(c);
                }
            }
            out
        }
        ParamStyle::GoField => {
            let mut out = String::with_capacity(wire.len());
            for word in camel_words(wire) {
                // Go spells initialisms in one case (golang.org/wiki/CodeReviewComments#initialisms).
                match word.to_ascii_lowercase().as_str() {
                    "id" | "url" | "api" | "http" | "json" | "iso" => {
                        out.push_str(&word.to_ascii_uppercase())
                    }
                    _ => {
                        let mut chars = word.chars();
                        if let Some(first) = chars.next() {
                            out.push(first.to_ascii_uppercase());
                            out.push_str(chars.as_str());
                        }
                    }
                }
            }
            out
        }
    }
}

fn is_camel_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
}

fn camel_words(name: &str) -> impl Iterator<Item = &str> {
    let mut starts: Vec<usize> = name
        .char_indices()
        .filter(|(i, c)| *i == 0 || c.is_ascii_uppercase())
        .map(|(i, _)| i)
        .collect();
    starts.push(name.len());
    (0..starts.len() - 1).map(move |i| &name[starts[i]..starts[i + 1]])
}

/// `text` with every camelCase identifier that stands outside single quotes respelled in
/// `style`, so a message names options and parameters as the caller's language does. Quoted text
/// is the caller's own value and is kept as it is.
fn respell_identifiers(text: &str, style: ParamStyle) -> String {
    if style == ParamStyle::Camel {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut quoted = false;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, quoted: bool| {
        if !word.is_empty() {
            let has_upper = word.chars().any(|c| c.is_ascii_uppercase());
            if !quoted && has_upper && is_camel_identifier(word) {
                out.push_str(&param_name(word, style));
            } else {
                out.push_str(word);
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out, quoted);
        if c == '\'' {
            quoted = !quoted;
        }
        out.push(c);
    }
    flush(&mut word, &mut out, quoted);
    out
}

/// An error from the SDK: a stable `code`, a human `message`, and what is known about the cause.
///
/// The message is the API's own when it sent one. Nothing here ever holds the API key: messages
/// and bodies from the server are scrubbed of it before they are stored.
#[derive(Clone, PartialEq)]
pub struct Error {
    // Boxed so a `Result<T, Error>` stays one pointer wide on the happy path.
    inner: Box<ErrorInner>,
}

#[derive(Clone, PartialEq)]
struct ErrorInner {
    code: String,
    message: String,
    status: Option<u16>,
    body: Option<String>,
    param: Option<String>,
    retry_after: Option<Duration>,
    request_id: Option<String>,
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A client-side error with a code and message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(ErrorInner {
                code: code.into(),
                message: message.into(),
                status: None,
                body: None,
                param: None,
                retry_after: None,
                request_id: None,
            }),
        }
    }

    /// A local validation failure naming the offending parameter (its wire name).
    pub fn invalid_param(param: &str, message: impl Into<String>) -> Self {
        Error::new(codes::INVALID_REQUEST, message).with_param(param)
    }

    pub(crate) fn with_param(mut self, param: impl Into<String>) -> Self {
        self.inner.param = Some(param.into());
        self
    }

    pub(crate) fn with_status(mut self, status: u16) -> Self {
        self.inner.status = Some(status);
        self
    }

    pub(crate) fn with_body(mut self, body: Option<String>) -> Self {
        self.inner.body = body;
        self
    }

    pub(crate) fn with_retry_after(mut self, retry_after: Option<Duration>) -> Self {
        self.inner.retry_after = retry_after;
        self
    }

    pub(crate) fn with_request_id(mut self, request_id: Option<String>) -> Self {
        self.inner.request_id = request_id;
        self
    }

    /// The error an HTTP status and body amount to: flat `{code, message}` or nested
    /// `{error: {code, message}}` JSON, or any other text kept as the body.
    pub fn from_response(status: u16, body: &[u8]) -> Self {
        let text = String::from_utf8_lossy(body).into_owned();
        let parsed = ErrorBody::parse(body);
        let code = parsed
            .code
            .unwrap_or_else(|| code_for_status(status).to_string());
        let message = parsed.message.unwrap_or_else(|| {
            let trimmed = text.trim();
            if trimmed.is_empty() || parsed.was_json {
                format!("HTTP {status}")
            } else {
                // A non-JSON body (a proxy's HTML page, plain text) is still worth showing.
                let mut short: String = trimmed.chars().take(200).collect();
                if short.len() < trimmed.len() {
                    short.push('…');
                }
                format!("HTTP {status}: {short}")
            }
        });
        let mut error = Error::new(code, message).with_status(status);
        error.inner.param = parsed.param;
        error.inner.body = if text.is_empty() { None } else { Some(text) };
        error
    }

    /// The stable code, for example `not_found` or `invalid_request`.
    pub fn code(&self) -> &str {
        &self.inner.code
    }

    /// A human-readable message: the API's own when it sent one.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The HTTP status, when the error came from a response.
    pub fn status(&self) -> Option<u16> {
        self.inner.status
    }

    /// The raw response body, when there was one.
    pub fn body(&self) -> Option<&str> {
        self.inner.body.as_deref()
    }

    /// The name (as on the wire, camelCase) of the parameter that was refused.
    pub fn param(&self) -> Option<&str> {
        self.inner.param.as_deref()
    }

    /// This error as a caller in a language with `style` names parameters: `param` and the
    /// camelCase names in the message respelled (`client_name` for Python, `ClientName` for Go).
    /// Bindings call it once on every error they hand over.
    pub fn respelled(mut self, style: ParamStyle) -> Self {
        if style != ParamStyle::Camel {
            if let Some(param) = &self.inner.param {
                self.inner.param = Some(param_name(param, style));
            }
            if self.inner.status.is_none() {
                // Only local errors: a server's message is its own text, kept verbatim.
                self.inner.message = respell_identifiers(&self.inner.message, style);
            }
        }
        self
    }

    /// How long the server asked the caller to wait (429 and 503 answers).
    pub fn retry_after(&self) -> Option<Duration> {
        self.inner.retry_after
    }

    /// The server's request id, when it sent one (`X-Request-Id`).
    pub fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    /// The family of this error; see [`ErrorKind`].
    pub fn kind(&self) -> ErrorKind {
        match self.inner.code.as_str() {
            codes::INVALID_REQUEST if self.inner.status == Some(422) => {
                return ErrorKind::UnprocessableEntity;
            }
            codes::INVALID_REQUEST | codes::PHONE_NUMBER_WRONG_TEAM => {
                return ErrorKind::InvalidRequest;
            }
            codes::CLIENT_CLOSED => return ErrorKind::ClientClosed,
            codes::UNAUTHORIZED | codes::MISSING_API_KEY => return ErrorKind::Authentication,
            codes::FORBIDDEN => return ErrorKind::PermissionDenied,
            codes::PAID_PLAN_REQUIRED | codes::PAYMENT_REQUIRED => {
                return ErrorKind::PaymentRequired;
            }
            codes::NOT_FOUND => return ErrorKind::NotFound,
            codes::ALREADY_COMPLETED | codes::CONFLICT => return ErrorKind::Conflict,
            codes::RATE_LIMITED => return ErrorKind::RateLimit,
            codes::INTERNAL_ERROR | codes::SERVER_ERROR => return ErrorKind::Server,
            codes::CONNECTION_ERROR => return ErrorKind::Connection,
            codes::TIMEOUT => return ErrorKind::Timeout,
            codes::WAIT_TIMEOUT => return ErrorKind::WaitTimeout,
            codes::INVALID_RESPONSE => return ErrorKind::InvalidResponse,
            codes::INVALID_SIGNATURE | codes::STALE_SIGNATURE | codes::INVALID_PAYLOAD => {
                return ErrorKind::WebhookVerification;
            }
            codes::CANCELLED => return ErrorKind::Cancelled,
            codes::INTERNAL_PANIC => return ErrorKind::Internal,
            _ => {}
        }
        // A code core does not know yet: classify by status so new server codes still land in
        // the right family.
        match self.inner.status {
            Some(400) => ErrorKind::InvalidRequest,
            Some(422) => ErrorKind::UnprocessableEntity,
            Some(401) => ErrorKind::Authentication,
            Some(402) => ErrorKind::PaymentRequired,
            Some(403) => ErrorKind::PermissionDenied,
            Some(404) => ErrorKind::NotFound,
            Some(409) => ErrorKind::Conflict,
            Some(429) => ErrorKind::RateLimit,
            Some(s) if s >= 500 => ErrorKind::Server,
            _ => ErrorKind::Api,
        }
    }

    /// Whether the caller may usefully try the same call again later.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::RateLimit | ErrorKind::Server | ErrorKind::Connection | ErrorKind::Timeout
        )
    }

    /// Replaces every occurrence of `secret` in the message and body, so a server that echoes the
    /// API key back cannot make it appear in an error.
    pub(crate) fn scrub(mut self, secret: &str) -> Self {
        if secret.len() >= 4 {
            if self.inner.message.contains(secret) {
                self.inner.message = self.inner.message.replace(secret, "[redacted]");
            }
            if let Some(body) = &mut self.inner.body
                && body.contains(secret)
            {
                *body = body.replace(secret, "[redacted]");
            }
        }
        self
    }
}

/// The code a status stands for when the body names none (docs/wire.md, "Errors").
pub fn code_for_status(status: u16) -> &'static str {
    match status {
        400 | 422 => codes::INVALID_REQUEST,
        401 => codes::UNAUTHORIZED,
        402 => codes::PAYMENT_REQUIRED,
        403 => codes::FORBIDDEN,
        404 => codes::NOT_FOUND,
        409 => codes::CONFLICT,
        429 => codes::RATE_LIMITED,
        s if s >= 500 => codes::SERVER_ERROR,
        _ => "api_error",
    }
}

#[derive(Default)]
struct ErrorBody {
    code: Option<String>,
    message: Option<String>,
    param: Option<String>,
    was_json: bool,
}

impl ErrorBody {
    fn parse(body: &[u8]) -> Self {
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
            return ErrorBody::default();
        };
        let Some(object) = value.as_object() else {
            return ErrorBody {
                was_json: true,
                ..ErrorBody::default()
            };
        };
        let text = |map: &serde_json::Map<String, serde_json::Value>, key: &str| {
            map.get(key)
                .and_then(|v| v.as_str())
                .filter(|s| !s.trim().is_empty())
                .map(str::to_string)
        };
        let mut parsed = ErrorBody {
            code: text(object, "code"),
            message: text(object, "message"),
            param: text(object, "param"),
            was_json: true,
        };
        match object.get("error") {
            // Nested form from the documentation: {"error": {"code", "message"}}.
            Some(serde_json::Value::Object(inner)) => {
                parsed.code = parsed.code.or_else(|| text(inner, "code"));
                parsed.message = parsed.message.or_else(|| text(inner, "message"));
                parsed.param = parsed.param.or_else(|| text(inner, "param"));
            }
            // Some gateways send {"error": "message"}.
            Some(serde_json::Value::String(message))
                if parsed.message.is_none() && !message.trim().is_empty() =>
            {
                parsed.message = Some(message.clone());
            }
            _ => {}
        }
        parsed
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.inner.code, self.inner.message)?;
        if let Some(status) = self.inner.status
            && !self.inner.message.starts_with(&format!("HTTP {status}"))
        {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(param) = &self.inner.param {
            write!(f, " [param: {param}]")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Error");
        s.field("code", &self.inner.code)
            .field("message", &self.inner.message);
        if let Some(status) = self.inner.status {
            s.field("status", &status);
        }
        if let Some(param) = &self.inner.param {
            s.field("param", param);
        }
        if let Some(retry_after) = self.inner.retry_after {
            s.field("retry_after", &retry_after);
        }
        if let Some(request_id) = &self.inner.request_id {
            s.field("request_id", request_id);
        }
        s.finish_non_exhaustive()
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_flat_nested_and_plain_bodies() {
        let flat = Error::from_response(
            404,
            br#"{"code":"not_found","message":"Invitation not found"}"#,
        );
        assert_eq!(
            (flat.code(), flat.message()),
            ("not_found", "Invitation not found")
        );
        let nested = Error::from_response(
            400,
            br#"{"error":{"code":"phone_number_wrong_team","message":"nope"}}"#,
        );
        assert_eq!(nested.code(), "phone_number_wrong_team");
        assert_eq!(nested.kind(), ErrorKind::InvalidRequest);
        let plain = Error::from_response(502, b"<html>Bad gateway</html>");
        assert_eq!(plain.code(), "server_error");
        assert!(plain.message().contains("Bad gateway"));
        assert_eq!(plain.body(), Some("<html>Bad gateway</html>"));
        let empty = Error::from_response(429, b"");
        assert_eq!(empty.code(), "rate_limited");
        assert_eq!(empty.body(), None);
    }

    #[test]
    fn unknown_codes_pass_through_and_classify_by_status() {
        let e = Error::from_response(409, br#"{"code":"brand_new","message":"m"}"#);
        assert_eq!(e.code(), "brand_new");
        assert_eq!(e.kind(), ErrorKind::Conflict);
    }

    #[test]
    fn scrub_removes_the_key() {
        let e = Error::from_response(
            401,
            br#"{"code":"unauthorized","message":"bad key zk_secret_123"}"#,
        )
        .scrub("zk_secret_123");
        assert!(!e.message().contains("zk_secret_123"));
        assert!(!e.body().unwrap().contains("zk_secret_123"));
    }

    #[test]
    fn params_are_respelled_per_language() {
        let cases = [
            ("clientName", "client_name", "ClientName"),
            ("phoneNumberId", "phone_number_id", "PhoneNumberID"),
            ("url", "url", "URL"),
            ("expiresInDays", "expires_in_days", "ExpiresInDays"),
            (
                "ZAVUDEV_CUSTOM_HEADERS",
                "ZAVUDEV_CUSTOM_HEADERS",
                "ZAVUDEV_CUSTOM_HEADERS",
            ),
        ];
        for (wire, snake, go) in cases {
            assert_eq!(param_name(wire, ParamStyle::Camel), wire);
            assert_eq!(param_name(wire, ParamStyle::Snake), snake);
            assert_eq!(param_name(wire, ParamStyle::GoField), go);
        }
        let local = Error::invalid_param(
            "baseUrl",
            "baseUrl 'http://myHost' is plain http; set allowInsecureHttp",
        )
        .respelled(ParamStyle::Snake);
        assert_eq!(local.param(), Some("base_url"));
        assert_eq!(
            local.message(),
            "base_url 'http://myHost' is plain http; set allow_insecure_http"
        );
        // A server's message is its own and stays verbatim.
        let server = Error::from_response(
            400,
            br#"{"code":"invalid_request","message":"clientName too long","param":"clientName"}"#,
        )
        .respelled(ParamStyle::Snake);
        assert_eq!(server.param(), Some("client_name"));
        assert_eq!(server.message(), "clientName too long");
    }

    #[test]
    fn every_kind_has_one_class_and_the_tree_is_rooted() {
        for kind in ErrorKind::ALL {
            let classes: Vec<_> = ERROR_CLASSES
                .iter()
                .filter(|c| c.kind == Some(*kind))
                .collect();
            assert_eq!(classes.len(), 1, "{kind:?}");
            assert_eq!(kind.class_name(), classes[0].name);
        }
        for (i, class) in ERROR_CLASSES.iter().enumerate() {
            match class.parent {
                None => assert_eq!(i, 0),
                Some(parent) => assert!(
                    ERROR_CLASSES[..i].iter().any(|c| c.name == parent),
                    "{} comes before its parent",
                    class.name
                ),
            }
        }
        let e = Error::from_response(422, br#"{"code":"invalid_request","message":"m"}"#);
        assert_eq!(e.kind(), ErrorKind::UnprocessableEntity);
        assert_eq!(
            Error::new(codes::WAIT_TIMEOUT, "m").kind(),
            ErrorKind::WaitTimeout
        );
    }

    #[test]
    fn status_is_not_repeated() {
        let e = Error::from_response(502, b"");
        assert_eq!(e.to_string(), "server_error: HTTP 502");
        let e = Error::from_response(404, br#"{"code":"not_found","message":"gone"}"#);
        assert_eq!(e.to_string(), "not_found: gone (HTTP 404)");
    }

    #[test]
    fn known_codes_are_unique() {
        let mut codes = KNOWN_CODES.to_vec();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), KNOWN_CODES.len());
    }
}
