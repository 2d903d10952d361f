//! Client options, per-call options and the environment fallbacks of `docs/wire.md`.

use std::fmt;
use std::time::Duration;

use serde_json::{Map, Value};

use crate::error::{Error, Result, codes};

/// The production API.
pub const DEFAULT_BASE_URL: &str = "https://api.zavu.dev";
/// Per-attempt timeout, as the published clients.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Time allowed to open a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Retries after the first attempt, as the published clients.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Largest response body read before giving up with `invalid_response`.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// The environment variable holding the API key when `ClientOptions::api_key` is unset.
pub const ENV_API_KEY: &str = "ZAVUDEV_API_KEY";
/// The environment variable overriding the base URL (`https://api.zavu.dev`).
pub const ENV_BASE_URL: &str = "ZAVUDEV_BASE_URL";
/// The environment variable of extra headers: newline-separated `Name: value` lines.
pub const ENV_CUSTOM_HEADERS: &str = "ZAVUDEV_CUSTOM_HEADERS";
/// The environment variable that turns logging on, with a level (`debug`, `info`, ...).
pub const ENV_LOG: &str = "ZAVUDEV_LOG";

/// How to build a [`crate::Client`]. Unset fields take the environment, then the defaults.
#[derive(Clone, Default)]
pub struct ClientOptions {
    /// The API key; `ZAVUDEV_API_KEY` when unset or empty.
    pub api_key: Option<String>,
    /// The API's base URL; `ZAVUDEV_BASE_URL`, then `https://api.zavu.dev`.
    pub base_url: Option<String>,
    /// Per-attempt timeout (default 60 s).
    pub timeout: Option<Duration>,
    /// Connect timeout (default 5 s).
    pub connect_timeout: Option<Duration>,
    /// Retries after the first attempt (default 2).
    pub max_retries: Option<u32>,
    /// Headers sent with every request, after those of `ZAVUDEV_CUSTOM_HEADERS`.
    pub default_headers: Vec<(String, String)>,
    /// The language wrapping core, for the User-Agent, for example `python/3.12.1`.
    pub binding: Option<String>,
    /// Largest response body accepted (default 8 MiB).
    pub max_response_bytes: Option<usize>,
    /// Allow `http://` to hosts other than loopback. Off by default: the key would travel in clear.
    pub allow_insecure_http: bool,
    /// Skip waiting for `X-RateLimit-Reset` after a response says `X-RateLimit-Remaining: 0`.
    pub disable_rate_limit_wait: bool,
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_retries", &self.max_retries)
            .field(
                "default_headers",
                &self
                    .default_headers
                    .iter()
                    .map(|(k, _)| k)
                    .collect::<Vec<_>>(),
            )
            .field("binding", &self.binding)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("disable_rate_limit_wait", &self.disable_rate_limit_wait)
            .finish()
    }
}

/// Overrides for one call (or for a derived client, see [`crate::Client::with_options`]).
///
/// Precedence, lowest to highest: the client's options, a derived handle's options, the call's
/// options. Within one call the escape hatches win over the method's own arguments, as in the
/// published SDKs: `extra_query` replaces a parameter of the same name, `extra_body` replaces a
/// top-level field of the same name, `headers` replace a header of the same name (including the
/// client's default headers; `Authorization` too).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestOptions {
    /// Per-attempt timeout for this call.
    pub timeout: Option<Duration>,
    /// Retries for this call.
    pub max_retries: Option<u32>,
    /// The `Idempotency-Key` of a POST; a fresh UUID per call when unset.
    pub idempotency_key: Option<String>,
    /// Extra headers for this call.
    pub headers: Vec<(String, String)>,
    /// Extra query parameters, added to (or replacing) the method's own.
    pub extra_query: Vec<(String, String)>,
    /// Extra top-level fields merged into the JSON body of a POST or PATCH (replacing the method's
    /// own fields of the same name). A GET or DELETE sends no body: giving it one is refused.
    pub extra_body: Option<Map<String, Value>>,
    /// Where to record the status, headers, request id and rate limit of the call's final
    /// answer. Unset (the default) records nothing and costs nothing.
    pub response: Option<ResponseSlot>,
}

impl RequestOptions {
    /// `self` with the fields `other` sets taking precedence.
    pub fn merged_with(&self, other: &RequestOptions) -> RequestOptions {
        let mut headers = self.headers.clone();
        headers.extend(other.headers.iter().cloned());
        let mut extra_query = self.extra_query.clone();
        extra_query.extend(other.extra_query.iter().cloned());
        let extra_body = match (&self.extra_body, &other.extra_body) {
            (Some(mine), Some(theirs)) => {
                let mut merged = mine.clone();
                merged.extend(theirs.iter().map(|(k, v)| (k.clone(), v.clone())));
                Some(merged)
            }
            (mine, theirs) => theirs.clone().or_else(|| mine.clone()),
        };
        RequestOptions {
            timeout: other.timeout.or(self.timeout),
            max_retries: other.max_retries.or(self.max_retries),
            idempotency_key: other
                .idempotency_key
                .clone()
                .or_else(|| self.idempotency_key.clone()),
            headers,
            extra_query,
            extra_body,
            response: other.response.clone().or_else(|| self.response.clone()),
        }
    }

    /// Checks the header names and values and the query names once, before anything is sent,
    /// so a bad one is an `invalid_request` naming the option rather than a transport error.
    pub fn validate(&self) -> Result<()> {
        for (name, value) in &self.headers {
            if reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_err() {
                return Err(Error::invalid_param(
                    "extraHeaders",
                    format!(
                        "'{}' is not a valid header name",
                        crate::validation::excerpt(name)
                    ),
                ));
            }
            if reqwest::header::HeaderValue::from_str(value).is_err() {
                return Err(Error::invalid_param(
                    "extraHeaders",
                    format!(
                        "the value of header '{}' is not valid",
                        crate::validation::excerpt(name)
                    ),
                ));
            }
        }
        for (name, _) in &self.extra_query {
            if name.is_empty() {
                return Err(Error::invalid_param(
                    "extraQuery",
                    "extraQuery names must not be empty",
                ));
            }
        }
        Ok(())
    }
}

/// A place a call records its answer's metadata into (see [`RequestOptions::response`] and
/// [`crate::Client::with_response`]). Clones share the slot, so a handle can carry one and be
/// asked "what did the last call answer" at any time.
#[derive(Clone, Default)]
pub struct ResponseSlot {
    inner: std::sync::Arc<std::sync::Mutex<Option<ResponseMeta>>>,
    /// Whether every header is kept (`true`) or only the request id and rate limit.
    all_headers: bool,
}

impl ResponseSlot {
    /// A slot that keeps every header of the answer (for `with_raw_response`).
    pub fn new() -> ResponseSlot {
        ResponseSlot {
            inner: Default::default(),
            all_headers: true,
        }
    }

    /// A slot that keeps only the status, request id and rate limit: enough for "the last
    /// call's request id", without copying the header map.
    pub fn light() -> ResponseSlot {
        ResponseSlot {
            inner: Default::default(),
            all_headers: false,
        }
    }

    /// Whether every header is kept.
    pub fn keeps_headers(&self) -> bool {
        self.all_headers
    }

    /// What the last call through this slot answered, if any call has answered yet.
    pub fn get(&self) -> Option<ResponseMeta> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Takes the recorded metadata, leaving the slot empty.
    pub fn take(&self) -> Option<ResponseMeta> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    pub(crate) fn put(&self, meta: ResponseMeta) {
        *self.inner.lock().unwrap_or_else(|p| p.into_inner()) = Some(meta);
    }
}

impl fmt::Debug for ResponseSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseSlot")
            .field("all_headers", &self.all_headers)
            .finish_non_exhaustive()
    }
}

impl PartialEq for ResponseSlot {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.inner, &other.inner)
    }
}

/// The rate-limit window of an endpoint, from `X-RateLimit-Limit`, `-Remaining` and `-Reset`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RateLimit {
    /// Requests allowed in the window.
    pub limit: Option<u64>,
    /// Requests left in the window.
    pub remaining: Option<u64>,
    /// When the window resets, in unix seconds.
    pub reset: Option<f64>,
}

/// What the API answered, beside the parsed value: status, headers, request id, rate limit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResponseMeta {
    /// The HTTP status.
    pub status: u16,
    /// The headers, names in lower case, in the order received; empty for a
    /// [`ResponseSlot::light`] slot.
    pub headers: Vec<(String, String)>,
    /// `X-Request-Id`, when sent.
    pub request_id: Option<String>,
    /// The endpoint's rate-limit window, when sent.
    pub rate_limit: RateLimit,
    /// Attempts made (1 when the first one answered).
    pub attempts: u32,
}

impl ResponseMeta {
    /// The first value of header `name` (any case), if kept.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A parsed value and what the API answered with it (see [`crate::Client::with_response`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Response<T> {
    /// The parsed, unwrapped value, as the plain call returns it.
    pub value: T,
    /// Status, headers, request id and rate limit.
    pub meta: ResponseMeta,
}

/// Reads `ZAVUDEV_CUSTOM_HEADERS`: newline-separated `Name: value` lines, blank lines ignored.
pub fn parse_custom_headers(text: &str) -> Result<Vec<(String, String)>> {
    let mut headers = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(Error::invalid_param(
                ENV_CUSTOM_HEADERS,
                format!("{ENV_CUSTOM_HEADERS}: expected 'Name: value' lines"),
            ));
        };
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    Ok(headers)
}

pub(crate) fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

pub(crate) fn resolve_api_key(explicit: Option<&str>) -> Result<String> {
    let key = explicit
        .filter(|k| !k.trim().is_empty())
        .map(str::to_string)
        .or_else(|| env_nonempty(ENV_API_KEY))
        .ok_or_else(|| {
            Error::new(
                codes::MISSING_API_KEY,
                format!("no API key: pass apiKey or set {ENV_API_KEY}"),
            )
            .with_param("apiKey")
        })?;
    crate::validation::too_long("apiKey", &key, crate::validation::MAX_TEXT_BYTES)?;
    if key.chars().any(|c| c.is_control() || c == ' ') {
        // The key itself is never echoed, only what is wrong with it.
        return Err(Error::invalid_param(
            "apiKey",
            "the API key contains spaces or control characters",
        ));
    }
    Ok(key)
}

pub(crate) fn resolve_base_url(
    explicit: Option<&str>,
    allow_insecure_http: bool,
) -> Result<url::Url> {
    let text = explicit
        .filter(|u| !u.trim().is_empty())
        .map(str::to_string)
        .or_else(|| env_nonempty(ENV_BASE_URL))
        .unwrap_or_else(|| DEFAULT_BASE_URL.to_string());
    crate::validation::too_long("baseUrl", &text, crate::validation::MAX_URL_BYTES)?;
    let shown = crate::validation::excerpt(&text);
    let bad = |why: &str| Error::invalid_param("baseUrl", format!("baseUrl '{shown}' {why}"));
    let mut url = url::Url::parse(text.trim()).map_err(|_| bad("is not an absolute URL"))?;
    match url.scheme() {
        "https" => {}
        "http" if allow_insecure_http || is_loopback(&url) => {}
        "http" => {
            return Err(bad(
                "uses plain http to a host that is not loopback; use https, or opt in with allowInsecureHttp",
            ));
        }
        _ => return Err(bad("must use http or https")),
    }
    if url.host_str().is_none() {
        return Err(bad("has no host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("must not have a query or fragment"));
    }
    // Paths are appended to the base, so keep it without a trailing slash.
    let path = url.path().trim_end_matches('/').to_string();
    url.set_path(&path);
    Ok(url)
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => {
            domain.eq_ignore_ascii_case("localhost")
                || domain.to_ascii_lowercase().ends_with(".localhost")
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_headers() {
        let h = parse_custom_headers("X-A: 1\n\nX-B:two words \n").unwrap();
        assert_eq!(
            h,
            vec![
                ("X-A".into(), "1".into()),
                ("X-B".into(), "two words".into())
            ]
        );
        assert!(parse_custom_headers("nocolon").is_err());
    }

    #[test]
    fn base_url_rules() {
        assert_eq!(
            resolve_base_url(Some("http://127.0.0.1:8080/"), false)
                .unwrap()
                .as_str(),
            "http://127.0.0.1:8080/"
        );
        assert_eq!(
            resolve_base_url(Some("https://x.dev/api/"), false)
                .unwrap()
                .as_str(),
            "https://x.dev/api"
        );
        assert!(resolve_base_url(Some("http://[::1]:9/"), false).is_ok());
        assert!(resolve_base_url(Some("http://localhost:9"), false).is_ok());
        let err = resolve_base_url(Some("http://api.example.com"), false).unwrap_err();
        assert_eq!(err.param(), Some("baseUrl"));
        assert!(resolve_base_url(Some("http://api.example.com"), true).is_ok());
        assert!(resolve_base_url(Some("ftp://x"), true).is_err());
        assert!(resolve_base_url(Some("not a url"), true).is_err());
    }

    #[test]
    fn api_key_errors_never_echo_the_key() {
        let err = resolve_api_key(Some("zk_live_bad key")).unwrap_err();
        assert!(!err.to_string().contains("zk_live"));
    }
}
