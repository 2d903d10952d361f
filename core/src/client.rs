//! The HTTP client: one connection pool, authentication, retries with idempotency keys,
//! rate-limit waits, response size caps and error mapping.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;

use crate::config::{
    self, ClientOptions, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT, RateLimit, RequestOptions, Response, ResponseMeta, ResponseSlot,
};
use crate::error::{Error, Result, codes};

/// The SDK's version, shared by every crate and package.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Longest wait honoured from `Retry-After` or `X-RateLimit-Reset`; longer asks are ignored.
const MAX_SERVER_DELAY: Duration = Duration::from_secs(60);
const INITIAL_RETRY_DELAY: f64 = 0.5;
const MAX_RETRY_DELAY: f64 = 8.0;

/// The Zavu client. Cheap to clone (one `Arc`), `Send + Sync`, one connection pool shared by
/// every clone.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
    /// Per-call defaults of this handle (see [`Client::with_options`]).
    pub(crate) overrides: RequestOptions,
}

pub(crate) struct Inner {
    /// The connection pool, tagged with the runtime generation it was built under (see
    /// [`Client::http`]).
    /// `None` once the client is closed.
    http: Mutex<(u64, Option<reqwest::Client>)>,
    user_agent: String,
    connect_timeout: Duration,
    api_key: String,
    base_url: String,
    /// `base_url` parsed once, with a trailing slash: each call's URL is joined onto it, which
    /// skips parsing (and IDNA-mapping) the host again on every call.
    base: url::Url,
    timeout: Duration,
    max_retries: u32,
    headers: HeaderMap,
    max_response_bytes: usize,
    rate_limit_wait: bool,
    /// Endpoint → instant before which its rate-limit window is known to be exhausted.
    rate_limited_until: Mutex<HashMap<&'static str, Instant>>,
    stats: Stats,
    /// The options the client was built from, for [`Client::with_client_options`].
    options: ClientOptions,
}

/// What [`Client::with_client_options`] changes; unset fields keep the original client's.
#[derive(Clone, Default)]
pub struct ClientOverrides {
    /// Another API key.
    pub api_key: Option<String>,
    /// Another base URL.
    pub base_url: Option<String>,
    /// Another per-attempt timeout.
    pub timeout: Option<Duration>,
    /// Another number of retries.
    pub max_retries: Option<u32>,
    /// Default headers replacing the original client's (not added to them).
    pub default_headers: Option<Vec<(String, String)>>,
}

impl fmt::Debug for ClientOverrides {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOverrides")
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .finish_non_exhaustive()
    }
}

/// Counters a caller can read to see what the client did (soak tests, benchmarks).
#[derive(Default)]
struct Stats {
    requests: std::sync::atomic::AtomicU64,
    retries: std::sync::atomic::AtomicU64,
}

/// What [`Client::stats`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClientStats {
    /// HTTP attempts sent.
    pub requests: u64,
    /// Attempts that were retries of an earlier one.
    pub retries: u64,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("api_key", &"[redacted]")
            .field("timeout", &self.inner.timeout)
            .field("max_retries", &self.inner.max_retries)
            .finish_non_exhaustive()
    }
}

/// A rustls crypto provider must be chosen once per process; ring builds fastest and is enough.
fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Another library may have installed one already; either is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// The parts of an HTTP call that vary; the rest comes from the client.
pub(crate) struct Call<'a> {
    pub method: Method,
    /// Names the endpoint for rate limiting and logs, for example `invitations.create`.
    pub endpoint: &'static str,
    pub path: String,
    pub query: Vec<(&'a str, String)>,
    pub body: Option<Vec<u8>>,
    /// `RequestOptions::extra_query`, appended after `query` (filled by `send_raw`).
    pub extra_query: Vec<(String, String)>,
}

enum Attempt {
    Response {
        status: StatusCode,
        headers: HeaderMap,
        body: Vec<u8>,
    },
    Failed(Error),
}

impl Client {
    /// Builds a client; see [`ClientOptions`] for the fallbacks. Fails with `missing_api_key`
    /// when no key is given or set in the environment.
    pub fn new(options: ClientOptions) -> Result<Client> {
        Client::build(options, None)
    }

    /// A new client with `overrides` on top of the options this one was built from (the
    /// published SDKs' `with_options` / `copy()` / `withOptions`). It shares this client's
    /// connection pool but not its closed state, rate-limit waits or statistics, and keeps this
    /// handle's per-call options.
    pub fn with_client_options(&self, overrides: &ClientOverrides) -> Result<Client> {
        let mut options = self.inner.options.clone();
        if let Some(key) = &overrides.api_key {
            options.api_key = Some(key.clone());
        }
        if let Some(url) = &overrides.base_url {
            options.base_url = Some(url.clone());
        }
        if overrides.timeout.is_some() {
            options.timeout = overrides.timeout;
        }
        if overrides.max_retries.is_some() {
            options.max_retries = overrides.max_retries;
        }
        if let Some(headers) = &overrides.default_headers {
            options.default_headers = headers.clone();
        }
        let http = self.http()?;
        let mut client = Client::build(options, Some(http))?;
        client.overrides = self.overrides.clone();
        Ok(client)
    }

    fn build(options: ClientOptions, http: Option<reqwest::Client>) -> Result<Client> {
        crate::logging::init_from_env();
        install_crypto_provider();
        let api_key = config::resolve_api_key(options.api_key.as_deref())?;
        let base_url =
            config::resolve_base_url(options.base_url.as_deref(), options.allow_insecure_http)?;

        let mut headers = HeaderMap::new();
        let mut add = |name: &str, value: &str, param: &str| -> Result<()> {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                Error::invalid_param(param, format!("'{name}' is not a valid header name"))
            })?;
            let value = HeaderValue::from_str(value).map_err(|_| {
                Error::invalid_param(param, format!("the value of header '{name}' is not valid"))
            })?;
            headers.insert(name, value);
            Ok(())
        };
        if let Some(text) = config::env_nonempty(config::ENV_CUSTOM_HEADERS) {
            for (name, value) in config::parse_custom_headers(&text)? {
                add(&name, &value, config::ENV_CUSTOM_HEADERS)?;
            }
        }
        for (name, value) in &options.default_headers {
            add(name, value, "defaultHeaders")?;
        }
        let mut auth = HeaderValue::from_str(&format!("Bearer {api_key}")).map_err(|_| {
            Error::invalid_param("apiKey", "the API key is not a valid header value")
        })?;
        auth.set_sensitive(true);
        headers.insert(reqwest::header::AUTHORIZATION, auth);
        headers.insert(
            reqwest::header::ACCEPT,
            HeaderValue::from_static("application/json"),
        );

        let user_agent = user_agent(options.binding.as_deref());
        let connect_timeout = options.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
        let http = match http {
            Some(http) => http,
            None => build_http(&user_agent, connect_timeout)?,
        };

        Ok(Client {
            inner: Arc::new(Inner {
                http: Mutex::new((crate::runtime::generation(), Some(http))),
                user_agent,
                connect_timeout,
                api_key,
                base_url: base_url.as_str().trim_end_matches('/').to_string(),
                base: with_trailing_slash(base_url),
                timeout: options.timeout.unwrap_or(DEFAULT_TIMEOUT),
                max_retries: options.max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
                headers,
                max_response_bytes: options
                    .max_response_bytes
                    .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
                rate_limit_wait: !options.disable_rate_limit_wait,
                rate_limited_until: Mutex::new(HashMap::new()),
                stats: Stats::default(),
                options,
            }),
            overrides: RequestOptions::default(),
        })
    }

    /// A handle on the same connection pool whose calls use `options` (timeout, retries,
    /// headers, idempotency key) on top of this handle's.
    pub fn with_options(&self, options: &RequestOptions) -> Client {
        Client {
            inner: Arc::clone(&self.inner),
            overrides: self.overrides.merged_with(options),
        }
    }

    /// Runs `call` (any method of `client`, given a handle that records its answer) and returns
    /// its value with the status, headers, request id and rate limit of the answer. This is what
    /// `with_raw_response` / `.withResponse()` are built on; the plain path records nothing.
    pub async fn with_response<T, F, Fut>(&self, call: F) -> Result<Response<T>>
    where
        F: FnOnce(Client) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        let slot = ResponseSlot::new();
        let handle = self.with_options(&RequestOptions {
            response: Some(slot.clone()),
            ..Default::default()
        });
        let value = call(handle).await?;
        let meta = slot.take().unwrap_or_default();
        Ok(Response { value, meta })
    }

    /// The base URL calls go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The per-attempt timeout calls of this handle use.
    pub fn timeout(&self) -> Duration {
        self.overrides.timeout.unwrap_or(self.inner.timeout)
    }

    /// The retries calls of this handle make.
    pub fn max_retries(&self) -> u32 {
        self.overrides.max_retries.unwrap_or(self.inner.max_retries)
    }

    /// What this client (all its clones) has sent so far.
    pub fn stats(&self) -> ClientStats {
        use std::sync::atomic::Ordering::Relaxed;
        ClientStats {
            requests: self.inner.stats.requests.load(Relaxed),
            retries: self.inner.stats.retries.load(Relaxed),
        }
    }

    /// The connection pool to send with. After `fork()` the child's runtime is new
    /// ([`crate::runtime::forget_after_fork`]) and the pooled connections belong to the old
    /// one, whose threads are gone: using them would hang. So a pool built under an older
    /// runtime generation is replaced by a fresh one.
    fn http(&self) -> Result<reqwest::Client> {
        let generation = crate::runtime::generation();
        let mut slot = self.inner.http.lock().unwrap_or_else(|p| p.into_inner());
        if slot.1.is_none() {
            return Err(closed_error());
        }
        if slot.0 != generation {
            let fresh = build_http(&self.inner.user_agent, self.inner.connect_timeout)?;
            let old = std::mem::replace(&mut *slot, (generation, Some(fresh)));
            // Leaked, not dropped: its sockets are registered with the parent's epoll
            // instance, which the child shares; deregistering them here would break the parent.
            std::mem::forget(old);
        }
        slot.1.clone().ok_or_else(closed_error)
    }

    /// Closes the client and every clone of it: idle connections are released and later calls
    /// fail with `client_closed`. Calls already in flight finish normally.
    pub fn close(&self) {
        let mut slot = self.inner.http.lock().unwrap_or_else(|p| p.into_inner());
        slot.1 = None;
    }

    /// Whether [`Client::close`] was called on this client or a clone of it.
    pub fn is_closed(&self) -> bool {
        self.inner
            .http
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .1
            .is_none()
    }

    /// Sends a call with retries and decodes a 2xx JSON body into `T`.
    pub(crate) async fn send<T: DeserializeOwned>(&self, call: Call<'_>) -> Result<T> {
        let body = self.send_raw(call).await?;
        let unreadable = |reason: String| {
            Error::new(
                codes::INVALID_RESPONSE,
                format!("the API's answer could not be read: {reason}"),
            )
            .with_body(Some(String::from_utf8_lossy(&body).into_owned()))
            .scrub(&self.inner.api_key)
        };
        // One UTF-8 check over the whole body is several times cheaper than serde_json's check
        // of each string in turn (`from_slice`), which showed up as ~8% of a list page's cost.
        let text = std::str::from_utf8(&body)
            .map_err(|e| unreadable(format!("it is not valid UTF-8 ({e})")))?;
        serde_json::from_str(text).map_err(|e| unreadable(e.to_string()))
    }

    /// Sends a call with retries and returns the 2xx body.
    pub(crate) async fn send_raw(&self, call: Call<'_>) -> Result<Vec<u8>> {
        #[cfg(feature = "test-panic")]
        if call.path.contains("__zavu_test_panic__") {
            panic!("forced panic for binding safety tests");
        }
        let inner = &self.inner;
        let mut call = call;
        self.apply_extras(&mut call)?;
        let timeout = self.timeout();
        let max_retries = self.max_retries();
        let idempotency_key = (call.method == Method::POST).then(|| {
            self.overrides
                .idempotency_key
                .clone()
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
        });
        // Relative to the base, so a base URL with a path (`https://host/zavu`) keeps it.
        let mut url = inner
            .base
            .join(call.path.trim_start_matches('/'))
            .map_err(|e| {
                Error::new(
                    codes::INVALID_REQUEST,
                    format!("the request URL could not be built: {e}"),
                )
            })?;
        if !call.query.is_empty() || !call.extra_query.is_empty() {
            url.query_pairs_mut()
                .extend_pairs(call.query.iter().map(|(k, v)| (*k, v.as_str())))
                .extend_pairs(
                    call.extra_query
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_str())),
                );
        }

        if self.is_closed() {
            return Err(closed_error());
        }
        let mut attempt = 0u32;
        loop {
            self.wait_for_rate_limit(call.endpoint).await;
            let outcome = self
                .attempt(&call, &url, idempotency_key.as_deref(), timeout, attempt)
                .await;
            if let (
                Some(slot),
                Attempt::Response {
                    status, headers, ..
                },
            ) = (&self.overrides.response, &outcome)
            {
                slot.put(response_meta(
                    *status,
                    headers,
                    attempt + 1,
                    slot.keeps_headers(),
                ));
            }
            let (error, retry, headers) = match outcome {
                Attempt::Response { status, body, .. } if status.is_success() => {
                    tracing::debug!(
                        endpoint = call.endpoint,
                        status = status.as_u16(),
                        attempt,
                        "response"
                    );
                    return Ok(body);
                }
                Attempt::Response {
                    status,
                    headers,
                    body,
                } => {
                    let retry = should_retry(status, &headers);
                    let error = Error::from_response(status.as_u16(), &body)
                        .with_retry_after(server_delay(&headers))
                        .with_request_id(request_id(&headers))
                        .scrub(&inner.api_key);
                    tracing::debug!(
                        endpoint = call.endpoint,
                        status = status.as_u16(),
                        attempt,
                        code = error.code(),
                        retry,
                        "error response"
                    );
                    (error, retry, Some(headers))
                }
                Attempt::Failed(error) => {
                    // Only the network's failures are worth another attempt; an oversized body
                    // or a client closed meanwhile will not change.
                    let retry = matches!(
                        error.kind(),
                        crate::ErrorKind::Connection | crate::ErrorKind::Timeout
                    );
                    tracing::debug!(
                        endpoint = call.endpoint,
                        attempt,
                        code = error.code(),
                        retry,
                        "request failed"
                    );
                    (error, retry, None)
                }
            };
            if !retry || attempt >= max_retries {
                return Err(error);
            }
            let delay = headers
                .as_ref()
                .and_then(server_delay)
                .unwrap_or_else(|| backoff(attempt));
            tracing::info!(
                endpoint = call.endpoint,
                attempt,
                delay_ms = delay.as_millis() as u64,
                code = error.code(),
                "retrying"
            );
            tokio::time::sleep(delay).await;
            attempt += 1;
            inner
                .stats
                .retries
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }

    async fn attempt(
        &self,
        call: &Call<'_>,
        url: &url::Url,
        idempotency_key: Option<&str>,
        timeout: Duration,
        attempt: u32,
    ) -> Attempt {
        let inner = &self.inner;
        inner
            .stats
            .requests
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let http = match self.http() {
            Ok(http) => http,
            Err(error) => return Attempt::Failed(error),
        };
        let mut request = http.request(call.method.clone(), url.clone());
        if self.overrides.headers.is_empty() {
            request = request.headers(inner.headers.clone());
        } else {
            // Inserted, not appended: a call's header replaces a default of the same name.
            let mut headers = inner.headers.clone();
            for (name, value) in &self.overrides.headers {
                if let (Ok(name), Ok(value)) = (
                    HeaderName::from_bytes(name.as_bytes()),
                    HeaderValue::from_str(value),
                ) {
                    headers.insert(name, value);
                }
            }
            request = request.headers(headers);
        }
        if let Some(key) = idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        if attempt > 0 {
            request = request.header("X-Zavu-Retry-Count", attempt.to_string());
        }
        if let Some(body) = &call.body {
            request = request
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        let exchange = async {
            let mut response = request.send().await.map_err(|e| transport_error(&e))?;
            let status = response.status();
            self.note_rate_limit(call.endpoint, response.headers());
            // Only an error answer's headers are read later (retry advice, request id), unless
            // the caller asked for the answer's metadata.
            let headers = if status.is_success() && self.overrides.response.is_none() {
                HeaderMap::new()
            } else {
                response.headers().clone()
            };
            let cap = inner.max_response_bytes;
            if response
                .content_length()
                .is_some_and(|len| len as usize > cap)
            {
                return Err(oversized(cap));
            }
            let expected = response.content_length().unwrap_or(0) as usize;
            let mut body = Vec::with_capacity(expected.min(cap));
            while let Some(chunk) = response.chunk().await.map_err(|e| transport_error(&e))? {
                if body.len() + chunk.len() > cap {
                    return Err(oversized(cap));
                }
                body.extend_from_slice(&chunk);
            }
            Ok((status, headers, body))
        };
        match tokio::time::timeout(timeout, exchange).await {
            Ok(Ok((status, headers, body))) => Attempt::Response {
                status,
                headers,
                body,
            },
            Ok(Err(error)) => Attempt::Failed(error),
            Err(_) => Attempt::Failed(Error::new(
                codes::TIMEOUT,
                format!("the request timed out after {}", human_duration(timeout)),
            )),
        }
    }

    /// Merges the handle's `extra_query` and `extra_body` into the call (they win over the
    /// method's own values) after checking the options once.
    fn apply_extras(&self, call: &mut Call<'_>) -> Result<()> {
        let options = &self.overrides;
        if options.headers.is_empty()
            && options.extra_query.is_empty()
            && options.extra_body.is_none()
        {
            return Ok(());
        }
        options.validate()?;
        if !options.extra_query.is_empty() {
            call.extra_query = options.extra_query.clone();
            call.query
                .retain(|(name, _)| !options.extra_query.iter().any(|(k, _)| k == name));
        }
        if let Some(extra) = &options.extra_body {
            if call.method != Method::POST && call.method != Method::PATCH {
                return Err(Error::invalid_param(
                    "extraBody",
                    format!(
                        "extraBody cannot be sent with {} {}: only POST and PATCH calls have a body",
                        call.method, call.path
                    ),
                ));
            }
            let mut body = match &call.body {
                Some(bytes) => match serde_json::from_slice::<serde_json::Value>(bytes) {
                    Ok(serde_json::Value::Object(map)) => map,
                    _ => serde_json::Map::new(),
                },
                None => serde_json::Map::new(),
            };
            body.extend(extra.iter().map(|(k, v)| (k.clone(), v.clone())));
            call.body = Some(serde_json::to_vec(&body).map_err(|e| {
                Error::new(
                    codes::INVALID_REQUEST,
                    format!("cannot encode the request: {e}"),
                )
            })?);
        }
        Ok(())
    }

    fn note_rate_limit(&self, endpoint: &'static str, headers: &HeaderMap) {
        if !self.inner.rate_limit_wait {
            return;
        }
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs_f64();
        let note = rate_limit_note(headers, now);
        let mut limits = self
            .inner
            .rate_limited_until
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        match note {
            RateLimitNote::Wait(wait) => {
                limits.insert(endpoint, Instant::now() + wait);
            }
            RateLimitNote::Clear => {
                limits.remove(endpoint);
            }
            RateLimitNote::Keep => {}
        }
    }

    async fn wait_for_rate_limit(&self, endpoint: &'static str) {
        let until = {
            let limits = self
                .inner
                .rate_limited_until
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            limits.get(endpoint).copied()
        };
        if let Some(until) = until
            && until > Instant::now()
        {
            tracing::info!(
                endpoint,
                wait_ms = (until - Instant::now()).as_millis() as u64,
                "rate limit exhausted; waiting for reset"
            );
            tokio::time::sleep_until(until.into()).await;
        }
    }
}

fn build_http(user_agent: &str, connect_timeout: Duration) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .user_agent(user_agent)
        .connect_timeout(connect_timeout)
        .pool_idle_timeout(Duration::from_secs(90))
        .build()
        .map_err(|e| {
            Error::new(
                codes::CONNECTION_ERROR,
                format!("cannot build the HTTP client: {e}"),
            )
        })
}

fn closed_error() -> Error {
    Error::new(
        codes::CLIENT_CLOSED,
        "the client is closed; create a new client to make more calls",
    )
}

fn user_agent(binding: Option<&str>) -> String {
    let binding = binding.unwrap_or("rust");
    format!(
        "zavu-sdk/{VERSION} ({binding}; zavu-core/{VERSION}; {}-{})",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn request_id(headers: &HeaderMap) -> Option<String> {
    header_str(headers, "x-request-id").map(str::to_string)
}

fn response_meta(
    status: StatusCode,
    headers: &HeaderMap,
    attempts: u32,
    all_headers: bool,
) -> ResponseMeta {
    let number = |name: &str| header_str(headers, name).and_then(|v| v.trim().parse::<u64>().ok());
    ResponseMeta {
        status: status.as_u16(),
        headers: if all_headers {
            headers
                .iter()
                .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
                .collect()
        } else {
            Vec::new()
        },
        request_id: request_id(headers),
        rate_limit: RateLimit {
            limit: number("x-ratelimit-limit"),
            remaining: number("x-ratelimit-remaining"),
            reset: header_str(headers, "x-ratelimit-reset").and_then(|v| v.trim().parse().ok()),
        },
        attempts,
    }
}

/// Whether a non-2xx answer is worth another attempt. `x-should-retry` decides when present;
/// otherwise 408, 429 and 5xx are retried, and 409 is not: unlike the published clients, a
/// conflict is an answer, not a fault.
pub(crate) fn should_retry(status: StatusCode, headers: &HeaderMap) -> bool {
    match header_str(headers, "x-should-retry").map(str::trim) {
        Some("true") => return true,
        Some("false") => return false,
        _ => {}
    }
    matches!(status.as_u16(), 408 | 429) || status.is_server_error()
}

/// The delay the server asked for: `retry-after-ms`, then `Retry-After` in seconds or as an
/// HTTP date, honoured when between 0 and 60 s.
pub(crate) fn server_delay(headers: &HeaderMap) -> Option<Duration> {
    let within = |secs: f64| {
        (secs.is_finite() && (0.0..=MAX_SERVER_DELAY.as_secs_f64()).contains(&secs))
            .then(|| Duration::from_secs_f64(secs))
    };
    if let Some(ms) =
        header_str(headers, "retry-after-ms").and_then(|v| v.trim().parse::<f64>().ok())
        && let Some(delay) = within(ms / 1000.0)
    {
        return Some(delay);
    }
    let value = header_str(headers, "retry-after")?.trim();
    if let Ok(secs) = value.parse::<f64>() {
        return within(secs);
    }
    let date = httpdate::parse_http_date(value).ok()?;
    let secs = match date.duration_since(SystemTime::now()) {
        Ok(ahead) => ahead.as_secs_f64(),
        Err(_) => 0.0,
    };
    within(secs)
}

/// What `X-RateLimit-Remaining` and `X-RateLimit-Reset` (unix seconds) ask of the next call.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RateLimitNote {
    /// None left: wait this long (in (0, 60] s) before the next call to the endpoint.
    Wait(Duration),
    /// Calls are left (or no reset was given): forget any earlier wait.
    Clear,
    /// Nothing usable was said.
    Keep,
}

pub(crate) fn rate_limit_note(headers: &HeaderMap, now_unix: f64) -> RateLimitNote {
    let remaining =
        header_str(headers, "x-ratelimit-remaining").and_then(|v| v.trim().parse::<u64>().ok());
    let reset = header_str(headers, "x-ratelimit-reset").and_then(|v| v.trim().parse::<f64>().ok());
    match (remaining, reset) {
        (Some(0), Some(reset)) => {
            let wait = reset - now_unix;
            // A reset far away is more likely clock skew than a real window: don't stall on it.
            if wait > 0.0 && wait <= MAX_SERVER_DELAY.as_secs_f64() {
                RateLimitNote::Wait(Duration::from_secs_f64(wait))
            } else {
                RateLimitNote::Keep
            }
        }
        (Some(_), _) => RateLimitNote::Clear,
        _ => RateLimitNote::Keep,
    }
}

/// `min(0.5 * 2^n, 8)` seconds, times a jitter factor in [0.75, 1].
fn backoff(retries_so_far: u32) -> Duration {
    let base =
        (INITIAL_RETRY_DELAY * 2f64.powi(retries_so_far.min(16) as i32)).min(MAX_RETRY_DELAY);
    let jitter = 1.0 - rand::random::<f64>() * 0.25;
    Duration::from_secs_f64(base * jitter)
}

fn oversized(cap: usize) -> Error {
    Error::new(
        codes::INVALID_RESPONSE,
        format!("the response body is larger than the {cap} bytes allowed"),
    )
}

fn transport_error(error: &reqwest::Error) -> Error {
    // reqwest's own message is terse; the source chain says what actually happened.
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    let code = if error.is_timeout() {
        codes::TIMEOUT
    } else {
        codes::CONNECTION_ERROR
    };
    Error::new(code, message)
}

pub(crate) fn human_duration(d: Duration) -> String {
    if d.as_millis() < 1000 {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// The URL with a path ending in `/`, so that joining `v1/...` onto it appends rather than
/// replacing its last segment.
fn with_trailing_slash(mut url: url::Url) -> url::Url {
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn retry_after_rules() {
        assert_eq!(
            server_delay(&headers(&[("retry-after-ms", "1500")])),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            server_delay(&headers(&[("retry-after", "2")])),
            Some(Duration::from_secs(2))
        );
        assert_eq!(server_delay(&headers(&[("retry-after", "600")])), None);
        assert_eq!(
            server_delay(&headers(&[("retry-after-ms", "-5"), ("retry-after", "1")])),
            Some(Duration::from_secs(1))
        );
        let soon = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(5));
        let d = server_delay(&headers(&[("retry-after", &soon)])).unwrap();
        assert!(
            d <= Duration::from_secs(5) && d >= Duration::from_secs(3),
            "{d:?}"
        );
        assert_eq!(server_delay(&headers(&[("retry-after", "soon")])), None);
    }

    #[test]
    fn retry_decisions() {
        assert!(should_retry(
            StatusCode::SERVICE_UNAVAILABLE,
            &HeaderMap::new()
        ));
        assert!(should_retry(
            StatusCode::TOO_MANY_REQUESTS,
            &HeaderMap::new()
        ));
        assert!(!should_retry(StatusCode::CONFLICT, &HeaderMap::new()));
        assert!(should_retry(
            StatusCode::CONFLICT,
            &headers(&[("x-should-retry", "true")])
        ));
        assert!(!should_retry(
            StatusCode::INTERNAL_SERVER_ERROR,
            &headers(&[("x-should-retry", "false")])
        ));
        assert!(!should_retry(StatusCode::BAD_REQUEST, &HeaderMap::new()));
    }

    #[test]
    fn backoff_is_bounded() {
        for n in 0..40 {
            let d = backoff(n).as_secs_f64();
            assert!((0.375..=8.0).contains(&d), "{n}: {d}");
        }
    }

    #[test]
    fn debug_never_shows_the_key() {
        let client = Client::new(ClientOptions {
            api_key: Some("zk_test_supersecret".into()),
            base_url: Some("http://127.0.0.1:1".into()),
            ..Default::default()
        })
        .unwrap();
        assert!(!format!("{client:?}").contains("supersecret"));
        let options = ClientOptions {
            api_key: Some("zk_test_supersecret".into()),
            ..Default::default()
        };
        assert!(!format!("{options:?}").contains("supersecret"));
    }
}
