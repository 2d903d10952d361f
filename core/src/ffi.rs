//! What every binding needs at its boundary, kept here so no binding re-implements it: panics
//! turned into errors (a Rust panic must never cross an FFI boundary), and cancellation of a
//! call in flight (Node's AbortSignal, Python's Ctrl-C, a dropped Kotlin coroutine).

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use futures::FutureExt;
use tokio::sync::Notify;

use crate::error::{Error, Result, codes};
use crate::resources::WaitOptions;
use crate::webhooks::{self, SignatureScheme, VerifyOptions, WebhookEvent};

fn panic_error(payload: Box<dyn std::any::Any + Send>) -> Error {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    Error::new(
        codes::INTERNAL_PANIC,
        format!("internal error in the Zavu SDK (please report it): {detail}"),
    )
}

/// Runs a call, turning a panic inside it into an `internal_panic` error.
pub async fn catch_panics<T, F>(call: F) -> Result<T>
where
    F: Future<Output = Result<T>>,
{
    match AssertUnwindSafe(call).catch_unwind().await {
        Ok(result) => result,
        Err(payload) => Err(panic_error(payload)),
    }
}

/// The synchronous form of [`catch_panics`].
pub fn catch_panics_sync<T>(call: impl FnOnce() -> Result<T>) -> Result<T> {
    match std::panic::catch_unwind(AssertUnwindSafe(call)) {
        Ok(result) => result,
        Err(payload) => Err(panic_error(payload)),
    }
}

/// A switch that cancels calls. Cheap to clone; cancelling is idempotent and wakes every call
/// waiting on it.
#[derive(Clone, Default, Debug)]
pub struct CancelHandle {
    inner: Arc<CancelInner>,
}

#[derive(Default, Debug)]
struct CancelInner {
    cancelled: AtomicBool,
    notify: Notify,
}

impl CancelHandle {
    /// A handle that has not been cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels every call running under this handle, now and later.
    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::SeqCst);
        self.inner.notify.notify_waiters();
    }

    /// Whether [`CancelHandle::cancel`] has been called.
    pub fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::SeqCst)
    }

    async fn cancelled(&self) {
        loop {
            let notified = self.inner.notify.notified();
            if self.is_cancelled() {
                return;
            }
            notified.await;
        }
    }

    /// Runs `call` until it ends or the handle is cancelled; on cancel the call is dropped
    /// (closing its connection) and the result is a `cancelled` error.
    pub async fn run<T, F>(&self, call: F) -> Result<T>
    where
        F: Future<Output = Result<T>>,
    {
        tokio::select! {
            biased;
            _ = self.cancelled() => Err(Error::new(codes::CANCELLED, "the call was cancelled")),
            result = call => result,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Values from a host language. A binding converts its native value to the nearest Rust type and
// hands it here; the rule (finite, whole, in range) and the error that names the parameter (in
// wire spelling: the binding respells every error with `Error::respelled`) live only here.

/// The longest duration accepted from a host language: far beyond any useful timeout, far below
/// where `Duration` arithmetic could overflow.
pub const MAX_SECONDS: f64 = 366.0 * 24.0 * 3600.0;

/// The error for a value of the wrong type: `param` must be `expected` (for example "an integer").
pub fn wrong_type(param: &str, expected: &str) -> Error {
    Error::invalid_param(param, format!("{param} must be {expected}"))
}

/// Seconds (a host float: Python's `timeout=2.5`, JS `timeout: 2500` is milliseconds, see
/// [`duration_from_millis`]) as a duration: finite, not negative, at most a year.
pub fn duration_from_secs(param: &str, seconds: f64) -> Result<Duration> {
    if !seconds.is_finite() || !(0.0..=MAX_SECONDS).contains(&seconds) {
        return Err(Error::invalid_param(
            param,
            format!("{param} must be a number of seconds between 0 and {MAX_SECONDS}"),
        ));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// Milliseconds (JavaScript's and the conformance files' unit) as a duration, with the rules of
/// [`duration_from_secs`].
pub fn duration_from_millis(param: &str, millis: f64) -> Result<Duration> {
    if !millis.is_finite() || !(0.0..=MAX_SECONDS * 1000.0).contains(&millis) {
        return Err(Error::invalid_param(
            param,
            format!(
                "{param} must be a number of milliseconds between 0 and {}",
                MAX_SECONDS * 1000.0
            ),
        ));
    }
    Ok(Duration::from_secs_f64(millis / 1000.0))
}

/// A whole number from a host that has only floats (JavaScript, JSON): finite, no fraction, and
/// within `min..=max`. Never rounded, wrapped or clamped.
pub fn whole_number(param: &str, value: f64, min: i64, max: i64) -> Result<i64> {
    if !value.is_finite() || value.fract() != 0.0 {
        return Err(Error::invalid_param(
            param,
            format!("{param} must be a whole number"),
        ));
    }
    if value < min as f64 || value > max as f64 {
        return Err(out_of_range(param, min, max));
    }
    Ok(value as i64)
}

/// A whole number from a host with big integers (Python, Ruby): within `min..=max`. `None` means
/// the host's value did not even fit in 128 bits.
pub fn integer_in_range(param: &str, value: Option<i128>, min: i64, max: i64) -> Result<i64> {
    match value {
        Some(v) if v >= min as i128 && v <= max as i128 => Ok(v as i64),
        _ => Err(out_of_range(param, min, max)),
    }
}

fn out_of_range(param: &str, min: i64, max: i64) -> Error {
    Error::invalid_param(param, format!("{param} must be between {min} and {max}"))
}

/// A retry count from a host language: 0 to [`MAX_RETRIES_LIMIT`].
pub fn max_retries(param: &str, value: i64) -> Result<u32> {
    integer_in_range(param, Some(value.into()), 0, MAX_RETRIES_LIMIT.into()).map(|v| v as u32)
}

/// Unix seconds (a webhook's `now`, a signing `timestamp`) from a host number: whole, and within
/// the years `time` can represent.
pub fn unix_seconds(param: &str, value: f64) -> Result<i64> {
    whole_number(param, value, -(1 << 37), 1 << 37)
}

/// The largest response body accepted, from a host number: 1 byte to 4 GiB.
pub fn max_response_bytes(param: &str, value: f64) -> Result<usize> {
    whole_number(param, value, 1, i64::from(u32::MAX)).map(|n| n as usize)
}

/// More retries than this is a mistake, not a policy (each waits up to 8 s, plus Retry-After).
pub const MAX_RETRIES_LIMIT: u32 = 100;

/// The options of `wait_for_completion` as a caller gives them: each one optional, defaults
/// from [`WaitOptions::default`]. `timeout` bounds the whole wait in every language.
pub fn wait_options(timeout: Option<Duration>, poll_interval: Option<Duration>) -> WaitOptions {
    let defaults = WaitOptions::default();
    WaitOptions {
        timeout: timeout.unwrap_or(defaults.timeout),
        poll_interval: poll_interval.unwrap_or(defaults.poll_interval),
        max_poll_interval: defaults.max_poll_interval,
    }
}

/// A signature scheme by name (`v1`, `v2`, `both`; any case); `None` is the default, `both`.
pub fn signature_scheme(param: &str, name: Option<&str>) -> Result<SignatureScheme> {
    match name.map(str::to_ascii_lowercase).as_deref() {
        None | Some("both") => Ok(SignatureScheme::Both),
        Some("v1") => Ok(SignatureScheme::V1),
        Some("v2") => Ok(SignatureScheme::V2),
        Some(_) => Err(Error::invalid_param(
            param,
            format!("{param} must be 'v1', 'v2' or 'both'"),
        )),
    }
}

/// The signing timestamp: the caller's, or now.
pub fn signing_timestamp(timestamp: Option<i64>) -> i64 {
    timestamp.unwrap_or_else(|| time::OffsetDateTime::now_utc().unix_timestamp())
}

/// Verification options with an optional clock (unix seconds) for tests.
pub fn verify_options(now: Option<i64>) -> Result<VerifyOptions> {
    let mut options = VerifyOptions::default();
    if let Some(now) = now {
        options.now =
            Some(time::OffsetDateTime::from_unix_timestamp(now).map_err(|_| {
                Error::invalid_param("now", "now must be a unix timestamp in seconds")
            })?);
    }
    Ok(options)
}

/// Verifies a webhook request given as its raw body and its header pairs (any case), as every
/// binding receives them: the "no signature header" error and the lookup live here.
pub fn verify_headers<K: AsRef<str>, V: AsRef<str>>(
    payload: &[u8],
    headers: &[(K, V)],
    secret: &str,
    now: Option<i64>,
) -> Result<()> {
    let header = signature_header(headers)?;
    webhooks::verify_with(payload, header, secret, verify_options(now)?)
}

/// [`verify_headers`], then the parsed event.
pub fn unwrap_headers<K: AsRef<str>, V: AsRef<str>>(
    payload: &[u8],
    headers: &[(K, V)],
    secret: &str,
    now: Option<i64>,
) -> Result<WebhookEvent> {
    let header = signature_header(headers)?;
    webhooks::unwrap_with(payload, header, secret, verify_options(now)?)
}

/// Largest `extraBody` accepted from a host, encoded, in bytes: a body the API would refuse
/// anyway must not be built and sent.
pub const MAX_EXTRA_BODY_BYTES: usize = 1024 * 1024;

/// `extra_body` / `body` from a host, already converted to JSON: it must be an object (its
/// fields are merged into the request's top level) and at most [`MAX_EXTRA_BODY_BYTES`].
pub fn extra_body(
    param: &str,
    value: serde_json::Value,
) -> Result<serde_json::Map<String, serde_json::Value>> {
    match value {
        serde_json::Value::Object(map) => {
            let size = serde_json::to_vec(&map)
                .map(|v| v.len())
                .unwrap_or(usize::MAX);
            if size > MAX_EXTRA_BODY_BYTES {
                return Err(Error::invalid_param(
                    param,
                    format!("{param} must be at most {MAX_EXTRA_BODY_BYTES} bytes of JSON"),
                ));
            }
            Ok(map)
        }
        _ => Err(wrong_type(param, "an object of JSON values")),
    }
}

/// One `extra_query` value from a host: a string, a number or a boolean, sent as its text.
pub fn query_value(param: &str, value: &serde_json::Value) -> Result<String> {
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Bool(b) => b.to_string(),
        _ => return Err(wrong_type(param, "a map of strings, numbers or booleans")),
    };
    crate::validation::too_long(param, &text, crate::validation::MAX_URL_BYTES)?;
    Ok(text)
}

fn signature_header<K: AsRef<str>, V: AsRef<str>>(headers: &[(K, V)]) -> Result<&str> {
    headers
        .iter()
        .find(|(name, _)| {
            name.as_ref()
                .eq_ignore_ascii_case(webhooks::SIGNATURE_HEADER)
        })
        .map(|(_, value)| value.as_ref())
        .ok_or_else(|| {
            Error::new(
                codes::INVALID_SIGNATURE,
                "the request has no X-Zavu-Signature header",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn panics_become_errors() {
        let error = catch_panics(async {
            if true {
                panic!("boom");
            }
            Ok(())
        })
        .await
        .unwrap_err();
        assert_eq!(error.code(), "internal_panic");
        assert!(error.message().contains("boom"));
        let error = catch_panics_sync::<()>(|| panic!("sync boom")).unwrap_err();
        assert_eq!(error.code(), "internal_panic");
    }

    #[test]
    fn host_numbers_are_checked_never_wrapped() {
        assert_eq!(whole_number("limit", 50.0, 1, 100).unwrap(), 50);
        for bad in [2.5, f64::NAN, f64::INFINITY, -1.0, 1e12] {
            let e = whole_number("limit", bad, 1, 100).unwrap_err();
            assert_eq!((e.code(), e.param()), ("invalid_request", Some("limit")));
        }
        assert!(integer_in_range("expiresInDays", None, 1, 30).is_err());
        assert!(max_retries("maxRetries", -1).is_err());
        assert_eq!(max_retries("maxRetries", 3).unwrap(), 3);
        for bad in [-1.0, f64::NAN, f64::INFINITY, 1e300] {
            assert!(duration_from_secs("timeout", bad).is_err());
            assert!(duration_from_millis("timeout", bad).is_err());
        }
        assert_eq!(
            duration_from_millis("timeout", 1500.0).unwrap(),
            Duration::from_millis(1500)
        );
    }

    #[test]
    fn boundary_defaults_live_here() {
        assert_eq!(wait_options(None, None), WaitOptions::default());
        assert_eq!(
            signature_scheme("scheme", None).unwrap(),
            SignatureScheme::Both
        );
        assert_eq!(
            signature_scheme("scheme", Some("V1")).unwrap(),
            SignatureScheme::V1
        );
        let e = signature_scheme("scheme", Some("v3")).unwrap_err();
        assert_eq!(e.param(), Some("scheme"));
        let headers = [("content-type", "application/json")];
        let e = verify_headers(b"{}", &headers, "whsec_x", None).unwrap_err();
        assert_eq!(e.code(), "invalid_signature");
        let body = br#"{"id":"evt_1","type":"x","timestamp":1,"projectId":"p","data":{}}"#;
        let now = 1_700_000_000;
        let signed = webhooks::sign(body, "whsec_x", now);
        let headers = [("x-zavu-signature".to_string(), signed)];
        assert!(verify_headers(body, &headers, "whsec_x", Some(now)).is_ok());
        assert_eq!(
            unwrap_headers(body, &headers, "whsec_x", Some(now))
                .unwrap()
                .id,
            "evt_1"
        );
    }

    #[tokio::test]
    async fn cancel_ends_a_pending_call() {
        let handle = CancelHandle::new();
        let trigger = handle.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(20)).await;
            trigger.cancel();
        });
        let error = handle
            .run(async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                Ok(())
            })
            .await
            .unwrap_err();
        assert_eq!(error.code(), "cancelled");
        // Already cancelled: later calls end at once.
        assert!(handle.run(async { Ok(()) }).await.is_err());
    }
}
