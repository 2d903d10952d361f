//! Conversions between JavaScript arguments and core's types. Only conversion happens here:
//! defaults, validation and every rule stay in core.

use std::collections::BTreeMap;
use std::time::Duration;

use zavu_core::{Error, ffi};

/// Options of `new Zavudev(...)` as the JavaScript layer passes them. Durations are
/// milliseconds; numbers arrive as JavaScript numbers and meet core's rules below.
#[derive(Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientOptions {
    pub api_key: Option<String>,
    pub base_url: Option<String>,
    pub timeout: Option<f64>,
    pub connect_timeout: Option<f64>,
    pub max_retries: Option<f64>,
    pub default_headers: Option<BTreeMap<String, String>>,
    pub binding: Option<String>,
    pub max_response_bytes: Option<f64>,
    pub allow_insecure_http: Option<bool>,
    pub disable_rate_limit_wait: Option<bool>,
}

/// Per-call options. Durations are milliseconds.
#[derive(Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CallOptions {
    pub timeout: Option<f64>,
    pub max_retries: Option<f64>,
    pub idempotency_key: Option<String>,
    pub headers: Option<BTreeMap<String, String>>,
    /// Extra query parameters (`query`, as the published SDK names it).
    pub query: Option<BTreeMap<String, serde_json::Value>>,
    /// Extra top-level JSON body fields (`body`).
    pub body: Option<serde_json::Value>,
}

/// What `withOptions` changes. Durations are milliseconds.
#[derive(Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OverrideOptions {
    pub api_key: Option<String>,
    pub base_url: Option<String>,
    pub timeout: Option<f64>,
    pub max_retries: Option<f64>,
    pub default_headers: Option<BTreeMap<String, String>>,
}

pub(crate) fn client_overrides(
    options: OverrideOptions,
) -> zavu_core::Result<zavu_core::ClientOverrides> {
    Ok(zavu_core::ClientOverrides {
        api_key: options.api_key,
        base_url: options.base_url,
        timeout: optional_millis(options.timeout, "timeout")?,
        max_retries: retries(options.max_retries)?,
        default_headers: options.default_headers.map(|h| h.into_iter().collect()),
    })
}

/// How `waitForCompletion` polls. Durations are milliseconds; `timeout` bounds the whole wait.
#[derive(Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WaitOptions {
    pub timeout: Option<f64>,
    pub poll_interval: Option<f64>,
    pub max_poll_interval: Option<f64>,
}

fn optional_millis(ms: Option<f64>, param: &str) -> zavu_core::Result<Option<Duration>> {
    ms.map(|ms| ffi::duration_from_millis(param, ms))
        .transpose()
}

fn retries(value: Option<f64>) -> zavu_core::Result<Option<u32>> {
    value
        .map(|n| {
            let n = ffi::whole_number("maxRetries", n, i64::MIN, i64::MAX)?;
            ffi::max_retries("maxRetries", n)
        })
        .transpose()
}

fn headers(map: Option<BTreeMap<String, String>>) -> Vec<(String, String)> {
    // A BTreeMap keeps names sorted, so the same options always send the same request.
    map.unwrap_or_default().into_iter().collect()
}

pub(crate) fn client_options(
    options: ClientOptions,
) -> zavu_core::Result<zavu_core::ClientOptions> {
    let max_response_bytes = options
        .max_response_bytes
        .map(|n| ffi::max_response_bytes("maxResponseBytes", n))
        .transpose()?;
    Ok(zavu_core::ClientOptions {
        api_key: options.api_key,
        base_url: options.base_url,
        timeout: optional_millis(options.timeout, "timeout")?,
        connect_timeout: optional_millis(options.connect_timeout, "connectTimeout")?,
        max_retries: retries(options.max_retries)?,
        default_headers: headers(options.default_headers),
        binding: options.binding,
        max_response_bytes,
        allow_insecure_http: options.allow_insecure_http.unwrap_or(false),
        disable_rate_limit_wait: options.disable_rate_limit_wait.unwrap_or(false),
    })
}

pub(crate) fn request_options(
    options: CallOptions,
) -> zavu_core::Result<zavu_core::RequestOptions> {
    Ok(zavu_core::RequestOptions {
        timeout: optional_millis(options.timeout, "timeout")?,
        max_retries: retries(options.max_retries)?,
        idempotency_key: options.idempotency_key,
        headers: headers(options.headers),
        extra_query: options
            .query
            .unwrap_or_default()
            .iter()
            .filter(|(_, value)| !value.is_null())
            .map(|(name, value)| Ok((name.clone(), ffi::query_value("query", value)?)))
            .collect::<zavu_core::Result<_>>()?,
        extra_body: options
            .body
            .filter(|body| !body.is_null())
            .map(|body| ffi::extra_body("body", body))
            .transpose()?,
        ..Default::default()
    })
}

/// Core's wait options with the fields JavaScript set; the rest keep core's defaults.
pub(crate) fn wait_options(options: WaitOptions) -> zavu_core::Result<zavu_core::WaitOptions> {
    let mut wait = ffi::wait_options(
        optional_millis(options.timeout, "timeout")?,
        optional_millis(options.poll_interval, "pollInterval")?,
    );
    if let Some(interval) = optional_millis(options.max_poll_interval, "maxPollInterval")? {
        wait.max_poll_interval = interval;
    }
    Ok(wait)
}

/// Unix seconds from JavaScript (`now`, `timestamp`): a whole number.
pub(crate) fn unix_seconds(seconds: Option<f64>, param: &str) -> zavu_core::Result<Option<i64>> {
    seconds.map(|s| ffi::unix_seconds(param, s)).transpose()
}

/// A result (a model, a page, a list of models) as its wire JSON text: camelCase, unknown fields
/// kept. The JavaScript layer reads it with one `JSON.parse`.
pub(crate) fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> zavu_core::Result<String> {
    serde_json::to_string(value).map_err(|e| {
        Error::new(
            zavu_core::codes::INVALID_RESPONSE,
            format!("the result could not be converted: {e}"),
        )
    })
}

/// A page as `{ items, nextCursor }`, as the wire sends it.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PageJson<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

impl<T> From<zavu_core::Page<T>> for PageJson<T> {
    fn from(page: zavu_core::Page<T>) -> Self {
        PageJson {
            items: page.items,
            next_cursor: page.next_cursor,
        }
    }
}
