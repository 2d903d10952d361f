//! The one error type of the binding: `ZavuError` in Rust and Swift, `ZavuException` in Kotlin
//! (uniffi renames `*Error` to `*Exception` there). One variant per core [`ErrorKind`] (core's
//! own enum, exported with core's `uniffi` feature), so Kotlin can
//! `catch (e: ZavuException.NotFound)` and Swift can `catch ZavuError.NotFound`; every variant
//! carries the same fields, so nothing core knows about an error is lost at the boundary.
//!
//! Class names: Kotlin and Swift cannot express an error class tree with uniffi (one sealed class
//! with one subclass per variant), so each variant stands for the class core's `ERROR_CLASSES`
//! gives its kind (`NotFound` is `NotFoundError`): `className()` returns it, `isA("APIStatusError")`
//! answers for core's parents and aliases, and the Kotlin package adds a type alias per class
//! name (`NotFoundError` = `ZavuException.NotFound`). `errorClasses()` exports the table itself.
//!
//! The human message is the field `error_message` (Kotlin `errorMessage`) because Kotlin's
//! `Throwable` already owns `message`; `message()` and `code()` are also methods on the error
//! itself, so code that catches the base type reads them without matching a variant. The text of
//! the error (Kotlin `toString()`, Swift `description`) is core's own rendering, carried across in
//! the field `summary`.

use std::fmt;

use zavu_core::{ERROR_CLASSES, ErrorKind, ParamStyle, codes};

/// How Kotlin and Swift spell parameter names: the wire's camelCase (`clientName`).
pub(crate) const STYLE: ParamStyle = ParamStyle::Camel;

/// Declares `ZavuError` with one variant per core kind, every variant with the same fields, plus
/// the two matches that read them and build them. A macro keeps the variants identical; the
/// matches on core's `ErrorKind` are exhaustive, so a kind added to core fails to compile here
/// until it has its variant.
macro_rules! zavu_error {
    ($($(#[$doc:meta])* $variant:ident),+ $(,)?) => {
        /// An error from the Zavu SDK. `code` is the stable string to branch on (`not_found`,
        /// `invalid_request`, `rate_limited`, or any new code the server sends); the variant is
        /// its kind, and `className()` the class every other language raises for it.
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
                    /// The refused parameter (camelCase, as Kotlin and Swift name it), for
                    /// validation errors.
                    param: Option<String>,
                    /// The raw response body, when there was one.
                    body: Option<String>,
                    /// How long the server asked to wait before trying again, in milliseconds.
                    retry_after_ms: Option<u64>,
                    /// The server's request id (`X-Request-Id`), for support.
                    request_id: Option<String>,
                    /// Core's one-line rendering of the error (`code: message (HTTP 404)
                    /// [param: name]`): Kotlin's `toString()`, Swift's `description`.
                    summary: String,
                },
            )+
        }

        impl ZavuError {
            fn fields(&self) -> (ErrorKind, Borrowed<'_>) {
                match self {
                    $(ZavuError::$variant {
                        code, error_message, status, param, body, retry_after_ms, request_id,
                        summary,
                    } => (ErrorKind::$variant, Borrowed {
                        code, error_message, status: *status, param, body,
                        retry_after_ms: *retry_after_ms, request_id, summary,
                    }),)+
                }
            }

            fn build(kind: ErrorKind, f: Fields) -> Self {
                match kind {
                    $(ErrorKind::$variant => ZavuError::$variant {
                        code: f.code,
                        error_message: f.error_message,
                        status: f.status,
                        param: f.param,
                        body: f.body,
                        retry_after_ms: f.retry_after_ms,
                        request_id: f.request_id,
                        summary: f.summary,
                    },)+
                }
            }
        }
    };
}

zavu_error! {
    /// `InvalidRequestError`: bad parameters, caught locally or refused by the server (400).
    InvalidRequest,
    /// `UnprocessableEntityError`: parameters the server understood but refused (422).
    UnprocessableEntity,
    /// `AuthenticationError`: missing or refused API key (401, `missing_api_key`).
    Authentication,
    /// `PermissionDeniedError`: the key may not do this (403).
    PermissionDenied,
    /// `PaymentRequiredError`: the team's plan does not allow this (402, `paid_plan_required`).
    PaymentRequired,
    /// `NotFoundError`: the resource does not exist (404).
    NotFound,
    /// `ConflictError`: the resource is not in a state that allows this (409).
    Conflict,
    /// `RateLimitError`: too many requests (429); see `retry_after_ms`.
    RateLimit,
    /// `InternalServerError`: the server failed (5xx).
    Server,
    /// `APIConnectionError`: the request never got an answer.
    Connection,
    /// `APITimeoutError`: one attempt ran out of time (`timeout`).
    Timeout,
    /// `APIResponseValidationError`: a 2xx answer that is not what the API promises.
    InvalidResponse,
    /// `WebhookVerificationError`: a webhook whose signature, timestamp or payload was refused.
    WebhookVerification,
    /// `WaitTimeoutError`: `waitForCompletion` gave up before a final status (`wait_timeout`).
    WaitTimeout,
    /// `ClientClosedError`: the client was closed before or during the call.
    ClientClosed,
    /// `APIUserAbortError`: the call was cancelled.
    Cancelled,
    /// `InternalError`: a bug inside the SDK, caught before it could crash the app.
    Internal,
    /// `APIStatusError`: any other API error (an unexpected status).
    Api,
}

/// The fields every variant carries, to build a variant.
struct Fields {
    code: String,
    error_message: String,
    status: Option<i32>,
    param: Option<String>,
    body: Option<String>,
    retry_after_ms: Option<u64>,
    request_id: Option<String>,
    summary: String,
}

/// The fields of a variant, borrowed, to read them whatever the variant.
struct Borrowed<'a> {
    code: &'a String,
    error_message: &'a String,
    status: Option<i32>,
    param: &'a Option<String>,
    body: &'a Option<String>,
    retry_after_ms: Option<u64>,
    request_id: &'a Option<String>,
    summary: &'a String,
}

/// The one conversion from core's error; every error the binding hands over goes through it
/// (`?` or `map_err`). Core respells it for Kotlin and Swift (camelCase, the wire's spelling) and
/// renders its text; the variant is core's kind.
impl From<zavu_core::Error> for ZavuError {
    fn from(error: zavu_core::Error) -> Self {
        let error = error.respelled(STYLE);
        ZavuError::build(
            error.kind(),
            Fields {
                code: error.code().to_string(),
                error_message: error.message().to_string(),
                status: error.status().map(i32::from),
                param: error.param().map(str::to_string),
                body: error.body().map(str::to_string),
                retry_after_ms: error
                    .retry_after()
                    .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
                request_id: error.request_id().map(str::to_string),
                summary: error.to_string(),
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
        self.fields().1.code.clone()
    }

    /// The human-readable message, whatever the variant.
    pub fn message(&self) -> String {
        self.fields().1.error_message.clone()
    }

    /// The HTTP status, when the error came from a response.
    pub fn status(&self) -> Option<i32> {
        self.fields().1.status
    }

    /// The HTTP status, under the published SDKs' name (`status_code` / `statusCode`).
    pub fn status_code(&self) -> Option<i32> {
        self.status()
    }

    /// The refused parameter, for validation errors.
    pub fn param(&self) -> Option<String> {
        self.fields().1.param.clone()
    }

    /// The raw response body, when there was one.
    pub fn body(&self) -> Option<String> {
        self.fields().1.body.clone()
    }

    /// How long the server asked to wait, in milliseconds (429 and 503 answers).
    pub fn retry_after_ms(&self) -> Option<u64> {
        self.fields().1.retry_after_ms
    }

    /// The server's request id, when it sent one.
    pub fn request_id(&self) -> Option<String> {
        self.fields().1.request_id.clone()
    }

    /// The kind of the error (the variant, as core's `ErrorKind`).
    pub fn kind(&self) -> ErrorKind {
        self.fields().0
    }

    /// Core's stable name of the kind (`not_found`, `wait_timeout`, ...), the same in every
    /// language.
    pub fn kind_name(&self) -> String {
        self.kind().as_str().to_string()
    }

    /// The class every language raises for this kind (core's `ERROR_CLASSES`), for example
    /// `NotFoundError`.
    pub fn class_name(&self) -> String {
        self.kind().class_name().to_string()
    }

    /// Whether this error is an instance of `class` in core's class tree: its own class, any
    /// ancestor (`APIStatusError`, `APIError`, `ZavudevError`), or one of their aliases
    /// (`ZavuError`, `ServerError`, ...). Kotlin and Swift have one flat error type; this is the
    /// tree's `instanceof`.
    pub fn is_a(&self, class: String) -> bool {
        let mut current = Some(self.kind().class_name());
        while let Some(name) = current {
            let Some(entry) = ERROR_CLASSES.iter().find(|c| c.name == name) else {
                return false;
            };
            if entry.name == class || entry.aliases.contains(&class.as_str()) {
                return true;
            }
            current = entry.parent;
        }
        false
    }
}

/// Core's rendering of the error, carried across as it was (never rebuilt here). This is
/// Kotlin's `toString()` and Swift's `description`.
impl fmt::Display for ZavuError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.fields().1.summary)
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

/// Every kind core knows, in the order of core's `ERROR_CLASSES`.
#[uniffi::export]
pub fn error_kinds() -> Vec<ErrorKind> {
    ErrorKind::ALL.to_vec()
}

/// Core's stable name of a kind (`not_found`), the same in every language.
#[uniffi::export]
pub fn error_kind_name(kind: ErrorKind) -> String {
    kind.as_str().to_string()
}

/// One class of the SDK's error tree, from core's `ERROR_CLASSES`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ErrorClass {
    /// The class name, for example `NotFoundError`.
    pub name: String,
    /// The class it extends; null for the root, `ZavudevError`.
    pub parent: Option<String>,
    /// The kind raised as this class; null for classes that only group others.
    pub kind: Option<ErrorKind>,
    /// Other names of the class (earlier names of this SDK).
    pub aliases: Vec<String>,
}

/// Core's error-class table (name, parent, kind, aliases), parents before children. The Kotlin
/// tests check every kind has its `ZavuException` variant and type alias from it.
#[uniffi::export]
pub fn error_classes() -> Vec<ErrorClass> {
    ERROR_CLASSES
        .iter()
        .map(|c| ErrorClass {
            name: c.name.to_string(),
            parent: c.parent.map(str::to_string),
            kind: c.kind,
            aliases: c.aliases.iter().map(|a| a.to_string()).collect(),
        })
        .collect()
}

/// A wire (camelCase) parameter name as Kotlin and Swift spell it (core's `param_name`); the
/// conformance runners compare errors' `param` with it.
#[uniffi::export]
pub fn param_name(wire: String) -> String {
    zavu_core::param_name(&wire, STYLE)
}
