//! The one error type of the binding: `ZavuError` in Rust and Swift, `ZavuException` in Kotlin
//! (uniffi renames `*Error` to `*Exception` there). One variant per core [`ErrorKind`], so Kotlin
//! can `catch (e: ZavuException.NotFound)` and Swift can `catch ZavuError.NotFound`; every variant
//! carries the same fields, so nothing core knows about an error is lost at the boundary.
//!
//! The human message is the field `error_message` (Kotlin `errorMessage`) because Kotlin's
//! `Throwable` already owns `message`; `message()` and `code()` are also methods on the error
//! itself, so code that catches the base type reads them without matching a variant.

use std::fmt;

use zavu_core::{ErrorKind as CoreKind, codes};

/// The family an error belongs to; mirrors core's `ErrorKind` one to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
#[uniffi::export(Display)]
pub enum ErrorKind {
    /// Bad parameters, caught locally or refused by the server (400, 422).
    InvalidRequest,
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
    /// An attempt or a wait ran out of time.
    Timeout,
    /// A 2xx answer that is not what the API promises.
    InvalidResponse,
    /// A webhook whose signature, timestamp or payload was refused.
    WebhookVerification,
    /// The call was cancelled.
    Cancelled,
    /// A bug inside the SDK, caught before it could crash the app.
    Internal,
    /// Any other API error (an unexpected status).
    Api,
}

impl From<CoreKind> for ErrorKind {
    fn from(kind: CoreKind) -> Self {
        match kind {
            CoreKind::InvalidRequest | CoreKind::UnprocessableEntity | CoreKind::ClientClosed => {
                ErrorKind::InvalidRequest
            }
            CoreKind::WaitTimeout => ErrorKind::Timeout,
            CoreKind::Authentication => ErrorKind::Authentication,
            CoreKind::PermissionDenied => ErrorKind::PermissionDenied,
            CoreKind::PaymentRequired => ErrorKind::PaymentRequired,
            CoreKind::NotFound => ErrorKind::NotFound,
            CoreKind::Conflict => ErrorKind::Conflict,
            CoreKind::RateLimit => ErrorKind::RateLimit,
            CoreKind::Server => ErrorKind::Server,
            CoreKind::Connection => ErrorKind::Connection,
            CoreKind::Timeout => ErrorKind::Timeout,
            CoreKind::InvalidResponse => ErrorKind::InvalidResponse,
            CoreKind::WebhookVerification => ErrorKind::WebhookVerification,
            CoreKind::Cancelled => ErrorKind::Cancelled,
            CoreKind::Internal => ErrorKind::Internal,
            CoreKind::Api => ErrorKind::Api,
        }
    }
}

impl ErrorKind {
    fn core(self) -> CoreKind {
        match self {
            ErrorKind::InvalidRequest => CoreKind::InvalidRequest,
            ErrorKind::Authentication => CoreKind::Authentication,
            ErrorKind::PermissionDenied => CoreKind::PermissionDenied,
            ErrorKind::PaymentRequired => CoreKind::PaymentRequired,
            ErrorKind::NotFound => CoreKind::NotFound,
            ErrorKind::Conflict => CoreKind::Conflict,
            ErrorKind::RateLimit => CoreKind::RateLimit,
            ErrorKind::Server => CoreKind::Server,
            ErrorKind::Connection => CoreKind::Connection,
            ErrorKind::Timeout => CoreKind::Timeout,
            ErrorKind::InvalidResponse => CoreKind::InvalidResponse,
            ErrorKind::WebhookVerification => CoreKind::WebhookVerification,
            ErrorKind::Cancelled => CoreKind::Cancelled,
            ErrorKind::Internal => CoreKind::Internal,
            ErrorKind::Api => CoreKind::Api,
        }
    }
}

/// Core's stable name of the kind (`not_found`, `rate_limit`, ...), the same in every language.
impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.core().as_str())
    }
}

/// Declares `ZavuError` with one variant per kind, every variant with the same fields, plus the
/// accessors that read them whatever the variant. A macro keeps the fifteen variants identical.
macro_rules! zavu_error {
    ($($(#[$doc:meta])* $variant:ident),+ $(,)?) => {
        /// An error from the Zavu SDK. `code` is the stable string to branch on (`not_found`,
        /// `invalid_request`, `rate_limited`, or any new code the server sends); the variant is
        /// its family.
        #[derive(Debug, Clone, PartialEq, uniffi::Error)]
        #[uniffi::export(Display)]
        pub enum ZavuError {
            $(
                $(#[$doc])*
                $variant {
                    /// The stable code, for example `not_found`.
                    code: String,
                    /// A human-readable message: the API's own when it sent one.
                    error_message: String,
                    /// The HTTP status, when the error came from a response. A signed 32-bit int
                    /// so Kotlin reads `e.status == 404` (an unsigned type would need `404u`).
                    status: Option<i32>,
                    /// The refused parameter (its wire name, camelCase), for validation errors.
                    param: Option<String>,
                    /// The raw response body, when there was one.
                    body: Option<String>,
                    /// How long the server asked to wait before trying again, in milliseconds.
                    retry_after_ms: Option<u64>,
                    /// The server's request id (`X-Request-Id`), for support.
                    request_id: Option<String>,
                },
            )+
        }

        impl ZavuError {
            fn fields(&self) -> Fields<'_> {
                match self {
                    $(ZavuError::$variant {
                        code, error_message, status, param, body, retry_after_ms, request_id,
                    } => Fields { code, error_message, status: *status, param, body,
                                  retry_after_ms: *retry_after_ms, request_id },)+
                }
            }

            fn build(kind: ErrorKind, f: OwnedFields) -> Self {
                match kind {
                    $(ErrorKind::$variant => ZavuError::$variant {
                        code: f.code,
                        error_message: f.error_message,
                        status: f.status,
                        param: f.param,
                        body: f.body,
                        retry_after_ms: f.retry_after_ms,
                        request_id: f.request_id,
                    },)+
                }
            }
        }
    };
}

zavu_error! {
    /// Bad parameters, caught locally or refused by the server (400, 422).
    InvalidRequest,
    /// Missing or refused API key (401, `missing_api_key`).
    Authentication,
    /// The key may not do this (403).
    PermissionDenied,
    /// The team's plan does not allow this (402, `paid_plan_required`).
    PaymentRequired,
    /// The resource does not exist (404).
    NotFound,
    /// The resource is not in a state that allows this (409, `already_completed`).
    Conflict,
    /// Too many requests (429); see `retry_after_ms`.
    RateLimit,
    /// The server failed (5xx).
    Server,
    /// The request never got an answer.
    Connection,
    /// An attempt (`timeout`) or a wait (`wait_timeout`) ran out of time.
    Timeout,
    /// A 2xx answer that is not what the API promises.
    InvalidResponse,
    /// A webhook whose signature, timestamp or payload was refused.
    WebhookVerification,
    /// The call was cancelled.
    Cancelled,
    /// A bug inside the SDK, caught before it could crash the app.
    Internal,
    /// Any other API error.
    Api,
}

struct Fields<'a> {
    code: &'a String,
    error_message: &'a String,
    status: Option<i32>,
    param: &'a Option<String>,
    body: &'a Option<String>,
    retry_after_ms: Option<u64>,
    request_id: &'a Option<String>,
}

struct OwnedFields {
    code: String,
    error_message: String,
    status: Option<i32>,
    param: Option<String>,
    body: Option<String>,
    retry_after_ms: Option<u64>,
    request_id: Option<String>,
}

/// The one conversion from core's error; every call site goes through it (`?` or `map_err`).
impl From<zavu_core::Error> for ZavuError {
    fn from(error: zavu_core::Error) -> Self {
        ZavuError::build(
            error.kind().into(),
            OwnedFields {
                code: error.code().to_string(),
                error_message: error.message().to_string(),
                status: error.status().map(i32::from),
                param: error.param().map(str::to_string),
                body: error.body().map(str::to_string),
                retry_after_ms: error
                    .retry_after()
                    .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
                request_id: error.request_id().map(str::to_string),
            },
        )
    }
}

impl ZavuError {
    /// A client-side error with a core code, built through core so kind and code agree.
    pub(crate) fn local(code: &str, message: impl Into<String>) -> Self {
        zavu_core::Error::new(code, message).into()
    }

    /// A panic or a lost task, reported as core's `internal_panic`.
    pub(crate) fn internal(message: impl Into<String>) -> Self {
        Self::local(codes::INTERNAL_PANIC, message)
    }
}

#[uniffi::export]
impl ZavuError {
    /// The stable code, whatever the variant.
    pub fn code(&self) -> String {
        self.fields().code.clone()
    }

    /// The human-readable message, whatever the variant.
    pub fn message(&self) -> String {
        self.fields().error_message.clone()
    }

    /// The HTTP status, when the error came from a response.
    pub fn status(&self) -> Option<i32> {
        self.fields().status
    }

    /// The refused parameter, for validation errors.
    pub fn param(&self) -> Option<String> {
        self.fields().param.clone()
    }

    /// The raw response body, when there was one.
    pub fn body(&self) -> Option<String> {
        self.fields().body.clone()
    }

    /// How long the server asked to wait, in milliseconds (429 and 503 answers).
    pub fn retry_after_ms(&self) -> Option<u64> {
        self.fields().retry_after_ms
    }

    /// The server's request id, when it sent one.
    pub fn request_id(&self) -> Option<String> {
        self.fields().request_id.clone()
    }

    /// The family of the error (the variant, as a value).
    pub fn kind(&self) -> ErrorKind {
        macro_rules! kind_of {
            ($($v:ident),+) => {
                match self { $(ZavuError::$v { .. } => ErrorKind::$v,)+ }
            };
        }
        kind_of!(
            InvalidRequest,
            Authentication,
            PermissionDenied,
            PaymentRequired,
            NotFound,
            Conflict,
            RateLimit,
            Server,
            Connection,
            Timeout,
            InvalidResponse,
            WebhookVerification,
            Cancelled,
            Internal,
            Api
        )
    }
}

/// The same text as core's `Display` (`code: message (HTTP status) [param: name]`), rebuilt from
/// the fields because the core error is gone by now. This is Kotlin's `toString()` and Swift's
/// `description`.
impl fmt::Display for ZavuError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.fields();
        write!(f, "{}: {}", x.code, x.error_message)?;
        if let Some(status) = x.status {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(param) = x.param {
            write!(f, " [param: {param}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for ZavuError {}

/// Every code core knows, in core's order. Each language's tests check their list equals it.
#[uniffi::export]
pub fn known_error_codes() -> Vec<String> {
    zavu_core::KNOWN_CODES
        .iter()
        .map(|c| c.to_string())
        .collect()
}
