//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz): the response-header rules core
//! keeps private, reachable without copying them. Not part of the SDK's API; hidden from docs
//! and free to change with any release.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

pub use crate::client::RateLimitNote;

/// The headers a server could send, built from raw name/value bytes. Pairs HTTP itself could
/// not carry (an invalid name or value) are left out, as hyper would never hand them over.
pub fn header_map<N: AsRef<[u8]>, V: AsRef<[u8]>>(pairs: &[(N, V)]) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for (name, value) in pairs {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_ref()),
            HeaderValue::from_bytes(value.as_ref()),
        ) {
            headers.append(name, value);
        }
    }
    headers
}

/// The wait a response asks for (`retry-after-ms`, `Retry-After`), as the retry loop reads it.
pub fn server_delay(headers: &HeaderMap) -> Option<Duration> {
    crate::client::server_delay(headers)
}

/// Whether the retry loop would try again after `status` with these headers. `None` when
/// `status` is not an HTTP status code.
pub fn should_retry(status: u16, headers: &HeaderMap) -> Option<bool> {
    let status = StatusCode::from_u16(status).ok()?;
    Some(crate::client::should_retry(status, headers))
}

/// What `X-RateLimit-Remaining` / `X-RateLimit-Reset` ask of the next call at `now_unix`.
pub fn rate_limit_note(headers: &HeaderMap, now_unix: f64) -> RateLimitNote {
    crate::client::rate_limit_note(headers, now_unix)
}
