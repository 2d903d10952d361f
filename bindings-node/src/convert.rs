//! Conversions between JavaScript arguments and core's types. Only conversion happens here:
//! defaults, validation and every rule stay in core.

use std::collections::HashMap;
use std::time::Duration;

use napi_derive::napi;
use serde_json::Value;
use zavu_core::Error;
use zavu_core::webhooks::VerifyOptions;

/// Options of `new Zavudev(...)` as the JavaScript layer passes them. Durations are milliseconds.
#[napi(object)]
#[derive(Default)]
pub struct ClientOptions {
    pub api_key: Option<String>,
    pub base_url: Option<String>,
    pub timeout: Option<f64>,
    pub connect_timeout: Option<f64>,
    pub max_retries: Option<u32>,
    pub default_headers: Option<HashMap<String, String>>,
    pub binding: Option<String>,
    pub max_response_bytes: Option<u32>,
    pub allow_insecure_http: Option<bool>,
    pub disable_rate_limit_wait: Option<bool>,
}

/// Per-call options. Durations are milliseconds.
#[napi(object)]
#[derive(Default)]
pub struct CallOptions {
    pub timeout: Option<f64>,
    pub max_retries: Option<u32>,
    pub idempotency_key: Option<String>,
    pub headers: Option<HashMap<String, String>>,
}

/// How `waitForCompletion` polls. Durations are milliseconds.
#[napi(object)]
#[derive(Default)]
pub struct WaitOptions {
    pub timeout: Option<f64>,
    pub poll_interval: Option<f64>,
    pub max_poll_interval: Option<f64>,
}

/// Milliseconds from JavaScript as a `Duration`; NaN, negative and infinite values are refused
/// instead of panicking inside `Duration`.
pub(crate) fn millis(ms: f64, param: &str) -> zavu_core::Result<Duration> {
    Duration::try_from_secs_f64(ms / 1000.0).map_err(|_| {
        Error::invalid_param(
            param,
            format!("{param} must be a finite, non-negative number of milliseconds"),
        )
    })
}

fn optional_millis(ms: Option<f64>, param: &str) -> zavu_core::Result<Option<Duration>> {
    ms.map(|ms| millis(ms, param)).transpose()
}

/// Unix seconds from JavaScript as an integer.
pub(crate) fn unix_seconds(seconds: f64, param: &str) -> zavu_core::Result<i64> {
    if seconds.is_finite() && seconds.abs() < 1e15 {
        Ok(seconds.floor() as i64)
    } else {
        Err(Error::invalid_param(
            param,
            format!("{param} must be a finite number of unix seconds"),
        ))
    }
}

fn headers(map: Option<HashMap<String, String>>) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = map.unwrap_or_default().into_iter().collect();
    // A HashMap has no order; sort so the same options always send the same request.
    headers.sort();
    headers
}

pub(crate) fn client_options(
    options: ClientOptions,
) -> zavu_core::Result<zavu_core::ClientOptions> {
    Ok(zavu_core::ClientOptions {
        api_key: options.api_key,
        base_url: options.base_url,
        timeout: optional_millis(options.timeout, "timeout")?,
        connect_timeout: optional_millis(options.connect_timeout, "connectTimeout")?,
        max_retries: options.max_retries,
        default_headers: headers(options.default_headers),
        binding: options.binding,
        max_response_bytes: options.max_response_bytes.map(|n| n as usize),
        allow_insecure_http: options.allow_insecure_http.unwrap_or(false),
        disable_rate_limit_wait: options.disable_rate_limit_wait.unwrap_or(false),
    })
}

pub(crate) fn request_options(
    options: CallOptions,
) -> zavu_core::Result<zavu_core::RequestOptions> {
    Ok(zavu_core::RequestOptions {
        timeout: optional_millis(options.timeout, "timeout")?,
        max_retries: options.max_retries,
        idempotency_key: options.idempotency_key,
        headers: headers(options.headers),
    })
}

/// Core's wait options with the fields JavaScript set; the rest keep core's defaults.
pub(crate) fn wait_options(options: WaitOptions) -> zavu_core::Result<zavu_core::WaitOptions> {
    let mut wait = zavu_core::WaitOptions::default();
    if let Some(timeout) = optional_millis(options.timeout, "timeout")? {
        wait.timeout = timeout;
    }
    if let Some(interval) = optional_millis(options.poll_interval, "pollInterval")? {
        wait.poll_interval = interval;
    }
    if let Some(interval) = optional_millis(options.max_poll_interval, "maxPollInterval")? {
        wait.max_poll_interval = interval;
    }
    Ok(wait)
}

pub(crate) fn verify_options(now: Option<f64>) -> zavu_core::Result<VerifyOptions> {
    let now = match now {
        Some(seconds) => Some(
            time::OffsetDateTime::from_unix_timestamp(unix_seconds(seconds, "now")?)
                .map_err(|_| Error::invalid_param("now", "now is out of range"))?,
        ),
        None => None,
    };
    Ok(VerifyOptions {
        now,
        ..Default::default()
    })
}

/// Reads call parameters (camelCase, as on the wire) into core's parameter type. A missing
/// argument is `{}`; a shape serde refuses is `invalid_request`, naming the field when serde does.
pub(crate) fn parse_params<T: serde::de::DeserializeOwned>(
    params: Option<Value>,
) -> zavu_core::Result<T> {
    let params = match params {
        None | Some(Value::Null) => Value::Object(Default::default()),
        Some(params) => params,
    };
    serde_json::from_value(params).map_err(|e| {
        let message = format!("invalid arguments: {e}");
        // serde names the field in "missing field `x`" and "unknown field `x`".
        let field = message
            .split('`')
            .nth(1)
            .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric()))
            .map(str::to_string);
        match field {
            Some(field) => Error::invalid_param(&field, message),
            None => Error::new(zavu_core::codes::INVALID_REQUEST, message),
        }
    })
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
