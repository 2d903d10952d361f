//! `zavu-c`: a plain C ABI over `zavu-core`, described by the generated header `include/zavu.h`.
//!
//! Small on purpose: a client handle, one function per operation taking and returning JSON
//! text (the wire's camelCase), a cancel handle, a pager handle, and one free function for every
//! string the library returns. Every exported function catches panics (a panic becomes an
//! `internal_panic` error) and checks its pointers; no Rust unwinding ever crosses into C.
//!
//! Errors cross as a JSON object `{ code, message, status, param, retryAfter, requestId, body,
//! kind, class }` after one conversion ([`error_json`]) that respells `param` and local messages
//! in the caller's language (`ZAVU_STYLE_*`).

#![deny(unsafe_op_in_unsafe_fn)]

use std::ffi::{CStr, CString, c_char};
use std::panic::AssertUnwindSafe;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use zavu_core::ffi::{self, CancelHandle, catch_panics, catch_panics_sync};
use zavu_core::{
    AutoPager, Client, ClientOptions, ClientOverrides, Error, ErrorKind, Invitation,
    ListInvitationsParams, ListPhoneNumbersParams, ListSendersParams, ParamStyle, PhoneNumber,
    PhoneNumberRequirementsParams, RequestOptions, ResponseMeta, ResponseSlot, Result,
    SearchAvailablePhoneNumbersParams, Sender, UpdatePhoneNumberParams, codes,
};

// ---------------------------------------------------------------------------------------------
// Constants

/// The call succeeded; `*out` holds the result's JSON.
pub const ZAVU_OK: i32 = 0;
/// The call failed; `*out` holds the error's JSON object.
pub const ZAVU_ERROR: i32 = 1;
/// The call was misused so badly that no answer could be written (a NULL `out` pointer, or a
/// failure while writing the answer); `*out`, when it exists, is set to NULL.
pub const ZAVU_MISUSE: i32 = 2;

/// Parameter names in errors spelled as on the wire: `clientName` (C, C++, JavaScript).
pub const ZAVU_STYLE_CAMEL: i32 = 0;
/// Parameter names in errors spelled `client_name` (Python, Ruby).
pub const ZAVU_STYLE_SNAKE: i32 = 1;
/// Parameter names in errors spelled as Go fields: `ClientName`, `PhoneNumberID`.
pub const ZAVU_STYLE_GO: i32 = 2;

fn style_of(style: i32) -> ParamStyle {
    match style {
        ZAVU_STYLE_SNAKE => ParamStyle::Snake,
        ZAVU_STYLE_GO => ParamStyle::GoField,
        _ => ParamStyle::Camel,
    }
}

// ---------------------------------------------------------------------------------------------
// Live-object accounting, so tests in any language can prove nothing leaks.

static LIVE: AtomicI64 = AtomicI64::new(0);

fn born() {
    LIVE.fetch_add(1, Ordering::SeqCst);
}

fn died() {
    LIVE.fetch_sub(1, Ordering::SeqCst);
}

/// How many strings and handles this library has handed out and not yet had back through a
/// free function. For leak tests.
#[unsafe(no_mangle)]
pub extern "C" fn zavu_debug_live_objects() -> i64 {
    LIVE.load(Ordering::SeqCst)
}

// ---------------------------------------------------------------------------------------------
// Strings out

fn into_c_string(text: String) -> *mut c_char {
    // JSON never holds a raw NUL (serde_json escapes it); other text is cut at one, never lost
    // into a panic.
    let c = CString::new(text).unwrap_or_else(|e| {
        let cut = e.nul_position();
        let mut bytes = e.into_vec();
        bytes.truncate(cut);
        CString::new(bytes).unwrap_or_default()
    });
    born();
    c.into_raw()
}

/// Frees a string returned by this library. NULL is ignored. Each string must be freed exactly
/// once, and never with C's `free`.
///
/// # Safety
/// `text` is NULL or a string this library returned and that was not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_string_free(text: *mut c_char) {
    if text.is_null() {
        return;
    }
    let _ = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller hands back a pointer from `CString::into_raw`, once.
        drop(unsafe { CString::from_raw(text) });
        died();
    }));
}

/// The one conversion of a core error into what crosses the boundary: respelled for the
/// caller's language, with its class from core's table.
pub fn error_json(error: &Error, style: ParamStyle) -> String {
    let error = error.clone().respelled(style);
    json!({
        "code": error.code(),
        "message": error.message(),
        "status": error.status(),
        "param": error.param(),
        "retryAfter": error.retry_after().map(|d| d.as_secs_f64()),
        "requestId": error.request_id(),
        "body": error.body(),
        "kind": error.kind().as_str(),
        "class": error.kind().class_name(),
    })
    .to_string()
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| {
        Error::new(
            codes::INVALID_RESPONSE,
            format!("the result could not be converted to JSON: {e}"),
        )
    })
}

/// Runs `call` with panics caught and writes its answer (value or error JSON) to `out`.
fn answer(out: *mut *mut c_char, style: ParamStyle, call: impl FnOnce() -> Result<String>) -> i32 {
    if out.is_null() {
        return ZAVU_MISUSE;
    }
    let written = std::panic::catch_unwind(AssertUnwindSafe(|| {
        let (status, text) = match catch_panics_sync(call) {
            Ok(json) => (ZAVU_OK, json),
            Err(error) => (ZAVU_ERROR, error_json(&error, style)),
        };
        // SAFETY: `out` is not NULL and the caller promises it is writable.
        unsafe { *out = into_c_string(text) };
        status
    }));
    match written {
        Ok(status) => status,
        Err(_) => {
            // SAFETY: as above.
            unsafe { *out = std::ptr::null_mut() };
            ZAVU_MISUSE
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Arguments in

/// A C string argument: NULL is `None`; text that is not UTF-8 is refused naming `param`.
///
/// # Safety
/// `text` is NULL or a NUL-terminated string valid for the call.
unsafe fn text_arg<'a>(text: *const c_char, param: &str) -> Result<Option<&'a str>> {
    if text.is_null() {
        return Ok(None);
    }
    // SAFETY: the caller's promise.
    let bytes = unsafe { CStr::from_ptr(text) };
    bytes
        .to_str()
        .map(Some)
        .map_err(|_| ffi::wrong_type(param, "UTF-8 text"))
}

/// A JSON argument parsed into core's parameter type; NULL is `{}`. A value serde refuses is
/// `invalid_request` naming the top-level field it was refused at.
///
/// # Safety
/// As [`text_arg`].
unsafe fn params_arg<T: DeserializeOwned + Serialize>(
    text: *const c_char,
    param: &str,
) -> Result<T> {
    // SAFETY: forwarded.
    let text = unsafe { text_arg(text, param) }?.unwrap_or("{}");
    parse_params(text, param)
}

fn parse_params<T: DeserializeOwned + Serialize>(text: &str, param: &str) -> Result<T> {
    parse_params_with(text, param, false)
}

/// `keep_nulls`: a field given as `null` reaches core (an update's "clear this field") instead of
/// meaning "not given".
fn parse_params_with<T: DeserializeOwned + Serialize>(
    text: &str,
    param: &str,
    keep_nulls: bool,
) -> Result<T> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| Error::invalid_param(param, format!("{param} is not valid JSON: {e}")))?;
    let value = match value {
        Value::Null => Value::Object(Map::new()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| keep_nulls || !v.is_null())
                .collect(),
        ),
        _ => return Err(ffi::wrong_type(param, "a JSON object")),
    };
    let given: Vec<String> = match &value {
        Value::Object(map) => map.keys().cloned().collect(),
        _ => Vec::new(),
    };
    let parsed: T = serde_path_to_error::deserialize(value).map_err(|e| {
        let field = e.path().iter().find_map(|segment| match segment {
            serde_path_to_error::Segment::Map { key } => Some(key.clone()),
            _ => None,
        });
        let inner = e.into_inner();
        match field {
            Some(field) => Error::invalid_param(&field, format!("{field}: {inner}")),
            None => {
                // serde names a missing field only in its message: "missing field `x`".
                let message = inner.to_string();
                match message.split('`').nth(1) {
                    Some(name) if message.starts_with("missing field") => {
                        Error::invalid_param(name, format!("{name} is required"))
                    }
                    _ => Error::invalid_param(param, format!("{param}: {message}")),
                }
            }
        }
    })?;
    // A key the parameter type does not know (a typo) is refused, never silently dropped: every
    // known, non-null field is written back when the value is serialized.
    if let Ok(Value::Object(known)) = serde_json::to_value(&parsed)
        && let Some(unknown) = given.iter().find(|key| !known.contains_key(*key))
    {
        return Err(Error::invalid_param(
            unknown,
            format!("{unknown} is not a parameter of this call"),
        ));
    }
    Ok(parsed)
}

fn object_arg(text: Option<&str>, param: &str) -> Result<Map<String, Value>> {
    match serde_json::from_str::<Value>(text.unwrap_or("{}")) {
        Ok(Value::Object(map)) => Ok(map.into_iter().filter(|(_, v)| !v.is_null()).collect()),
        Ok(Value::Null) => Ok(Map::new()),
        Ok(_) => Err(ffi::wrong_type(param, "a JSON object")),
        Err(e) => Err(Error::invalid_param(
            param,
            format!("{param} is not valid JSON: {e}"),
        )),
    }
}

fn string_field(value: &Value, param: &str) -> Result<String> {
    value
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| ffi::wrong_type(param, "a string"))
}

fn bool_field(value: &Value, param: &str) -> Result<bool> {
    value
        .as_bool()
        .ok_or_else(|| ffi::wrong_type(param, "true or false"))
}

fn millis_field(value: &Value, param: &str) -> Result<std::time::Duration> {
    let ms = value
        .as_f64()
        .ok_or_else(|| ffi::wrong_type(param, "a number of milliseconds"))?;
    ffi::duration_from_millis(param, ms)
}

fn integer_field(value: &Value, param: &str, min: i64, max: i64) -> Result<i64> {
    match value {
        Value::Number(n) => match n.as_i64() {
            Some(i) => ffi::integer_in_range(param, Some(i.into()), min, max),
            None => ffi::whole_number(param, n.as_f64().unwrap_or(f64::NAN), min, max),
        },
        _ => Err(ffi::wrong_type(param, "an integer")),
    }
}

fn retries_field(value: &Value, param: &str) -> Result<u32> {
    let n = integer_field(value, param, i64::MIN, i64::MAX)?;
    ffi::max_retries(param, n)
}

fn headers_field(value: &Value, param: &str) -> Result<Vec<(String, String)>> {
    string_pairs(value, param, "an object of header names to strings")
}

/// Query parameters: an object of names to strings, numbers or booleans (core's rule).
fn query_field(value: &Value, param: &str) -> Result<Vec<(String, String)>> {
    let Value::Object(map) = value else {
        return Err(ffi::wrong_type(
            param,
            "an object of query parameter names to values",
        ));
    };
    let mut pairs = Vec::with_capacity(map.len());
    for (name, value) in map {
        pairs.push((name.clone(), ffi::query_value(param, value)?));
    }
    pairs.sort();
    Ok(pairs)
}

fn string_pairs(value: &Value, param: &str, what: &str) -> Result<Vec<(String, String)>> {
    let Value::Object(map) = value else {
        return Err(ffi::wrong_type(param, what));
    };
    let mut pairs = Vec::with_capacity(map.len());
    for (name, value) in map {
        let value = value.as_str().ok_or_else(|| ffi::wrong_type(param, what))?;
        pairs.push((name.clone(), value.to_string()));
    }
    pairs.sort();
    Ok(pairs)
}

fn unknown_option(key: &str) -> Error {
    Error::invalid_param(key, format!("{key} is not an option of this call"))
}

/// Client options: `apiKey`, `baseUrl`, `timeout` and `connectTimeout` (milliseconds),
/// `maxRetries`, `defaultHeaders`, `binding`, `maxResponseBytes`, `allowInsecureHttp`,
/// `disableRateLimitWait`.
fn client_options(text: Option<&str>) -> Result<ClientOptions> {
    let mut options = ClientOptions::default();
    for (key, value) in object_arg(text, "options")? {
        match key.as_str() {
            "apiKey" => options.api_key = Some(string_field(&value, &key)?),
            "baseUrl" => options.base_url = Some(string_field(&value, &key)?),
            "timeout" => options.timeout = Some(millis_field(&value, &key)?),
            "connectTimeout" => options.connect_timeout = Some(millis_field(&value, &key)?),
            "maxRetries" => options.max_retries = Some(retries_field(&value, &key)?),
            "defaultHeaders" => options.default_headers = headers_field(&value, &key)?,
            "binding" => options.binding = Some(string_field(&value, &key)?),
            "maxResponseBytes" => {
                options.max_response_bytes =
                    Some(integer_field(&value, &key, 1, i64::from(u32::MAX))? as usize)
            }
            "allowInsecureHttp" => options.allow_insecure_http = bool_field(&value, &key)?,
            "disableRateLimitWait" => options.disable_rate_limit_wait = bool_field(&value, &key)?,
            _ => return Err(unknown_option(&key)),
        }
    }
    Ok(options)
}

/// Per-call options: `timeout` (milliseconds), `maxRetries`, `idempotencyKey`, `headers`,
/// `extraQuery` (an object of names to strings), `extraBody` (an object merged into the JSON
/// body by core), `withResponse` (answer `{ data, response }`, see [`with_response_json`]).
fn request_options(text: Option<&str>) -> Result<Option<RequestOptions>> {
    let Some(text) = text else {
        return Ok(None);
    };
    let mut options = RequestOptions::default();
    for (key, value) in object_arg(Some(text), "options")? {
        match key.as_str() {
            "timeout" => options.timeout = Some(millis_field(&value, &key)?),
            "maxRetries" => options.max_retries = Some(retries_field(&value, &key)?),
            "idempotencyKey" => options.idempotency_key = Some(string_field(&value, &key)?),
            "headers" => options.headers = headers_field(&value, &key)?,
            "extraQuery" => options.extra_query = query_field(&value, &key)?,
            "extraBody" => options.extra_body = Some(ffi::extra_body(&key, value)?),
            "withResponse" => {
                if bool_field(&value, &key)? {
                    options.response = Some(ResponseSlot::new());
                }
            }
            _ => return Err(unknown_option(&key)),
        }
    }
    Ok(Some(options))
}

/// A call's value with what the API answered, for `withResponse`: `{ data, response: { status,
/// headers: [[name, value], ...], requestId, rateLimit: { limit, remaining, reset }, attempts } }`.
fn with_response_json(data: String, meta: Option<ResponseMeta>) -> Result<String> {
    let meta = meta.unwrap_or_default();
    let response = json!({
        "status": meta.status,
        "headers": meta.headers,
        "requestId": meta.request_id,
        "rateLimit": {
            "limit": meta.rate_limit.limit,
            "remaining": meta.rate_limit.remaining,
            "reset": meta.rate_limit.reset,
        },
        "attempts": meta.attempts,
    });
    Ok(format!(r#"{{"data":{data},"response":{response}}}"#))
}

/// What `zavu_client_with_options` changes: `apiKey`, `baseUrl`, `timeout` (milliseconds),
/// `maxRetries`, `defaultHeaders` (replacing the original client's).
fn client_overrides(text: Option<&str>) -> Result<ClientOverrides> {
    let mut overrides = ClientOverrides::default();
    for (key, value) in object_arg(text, "options")? {
        match key.as_str() {
            "apiKey" => overrides.api_key = Some(string_field(&value, &key)?),
            "baseUrl" => overrides.base_url = Some(string_field(&value, &key)?),
            "timeout" => overrides.timeout = Some(millis_field(&value, &key)?),
            "maxRetries" => overrides.max_retries = Some(retries_field(&value, &key)?),
            "defaultHeaders" => overrides.default_headers = Some(headers_field(&value, &key)?),
            _ => return Err(unknown_option(&key)),
        }
    }
    Ok(overrides)
}

/// Wait options: `timeout` and `pollInterval`, milliseconds.
fn wait_options(text: Option<&str>) -> Result<zavu_core::WaitOptions> {
    let (mut timeout, mut poll) = (None, None);
    for (key, value) in object_arg(text, "wait")? {
        match key.as_str() {
            "timeout" => timeout = Some(millis_field(&value, &key)?),
            "pollInterval" => poll = Some(millis_field(&value, &key)?),
            _ => return Err(unknown_option(&key)),
        }
    }
    Ok(ffi::wait_options(timeout, poll))
}

// ---------------------------------------------------------------------------------------------
// Handles

/// A Zavu client: one connection pool. Thread-safe: any number of threads may make calls on one
/// client at once.
pub struct ZavuClient {
    client: Client,
    style: ParamStyle,
}

/// A switch that cancels the calls it is passed to. Thread-safe; firing is idempotent and a
/// fired handle cancels every later call it is passed to.
pub struct ZavuCancel {
    handle: CancelHandle,
}

/// A walk over every item of a list, one page in memory. Thread-safe (calls on one pager are
/// serialized).
pub struct ZavuPager {
    walk: Mutex<Walk>,
    style: ParamStyle,
}

enum Start {
    Invitations(Client, ListInvitationsParams),
    Senders(Client, ListSendersParams),
    PhoneNumbers(Client, ListPhoneNumbersParams),
}

enum Walk {
    NotStarted(Start),
    Invitations(AutoPager<Invitation>),
    Senders(AutoPager<Sender>),
    PhoneNumbers(AutoPager<PhoneNumber>),
    Done,
}

/// Which list a pager walks.
#[derive(Clone, Copy)]
enum ListKind {
    Invitations,
    Senders,
    PhoneNumbers,
}

/// Opens a client. `options_json` (NULL for none) is a JSON object of client options:
/// `apiKey`, `baseUrl` (else `ZAVUDEV_API_KEY` / `ZAVUDEV_BASE_URL`), `timeout` and
/// `connectTimeout` in milliseconds, `maxRetries`, `defaultHeaders` (an object of strings),
/// `binding`, `maxResponseBytes`, `allowInsecureHttp`, `disableRateLimitWait`. `style` is one of
/// `ZAVU_STYLE_*`: how errors from this client spell parameter names.
///
/// On `ZAVU_OK`, `*out_client` is the new client (free it with `zavu_client_free`) and
/// `*out_error` is untouched. On `ZAVU_ERROR`, `*out_client` is NULL and `*out_error` is the
/// error's JSON (free it with `zavu_string_free`).
///
/// # Safety
/// `options_json` is NULL or a NUL-terminated string; `out_client` and `out_error` are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_client_new(
    options_json: *const c_char,
    style: i32,
    out_client: *mut *mut ZavuClient,
    out_error: *mut *mut c_char,
) -> i32 {
    if out_client.is_null() || out_error.is_null() {
        return ZAVU_MISUSE;
    }
    let style = style_of(style);
    let opened = catch_panics_sync(|| {
        // SAFETY: the caller's promise.
        let text = unsafe { text_arg(options_json, "options") }?;
        let mut options = client_options(text)?;
        if options.binding.is_none() {
            options.binding = Some("c".into());
        }
        Client::new(options)
    });
    match opened {
        Ok(client) => {
            born();
            // SAFETY: checked not NULL above.
            unsafe { *out_client = Box::into_raw(Box::new(ZavuClient { client, style })) };
            ZAVU_OK
        }
        Err(error) => {
            // SAFETY: checked not NULL above.
            unsafe { *out_client = std::ptr::null_mut() };
            answer(out_error, style, || Err(error))
        }
    }
}

/// A new client with `options_json` on top of `client`'s options (`apiKey`, `baseUrl`, `timeout`
/// in milliseconds, `maxRetries`, `defaultHeaders`), sharing its connection pool: the published
/// SDKs' `with_options` / `withOptions`. Same answer as `zavu_client_new`; free the new client
/// with `zavu_client_free` (independently of the original).
///
/// # Safety
/// `client` is NULL or live; `options_json` is NULL or NUL-terminated; `out_client` and
/// `out_error` are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_client_with_options(
    client: *const ZavuClient,
    options_json: *const c_char,
    out_client: *mut *mut ZavuClient,
    out_error: *mut *mut c_char,
) -> i32 {
    if out_client.is_null() || out_error.is_null() {
        return ZAVU_MISUSE;
    }
    let style = style_from(client);
    let derived = catch_panics_sync(|| {
        // SAFETY: the caller's promise.
        let Some(handle) = (unsafe { client.as_ref() }) else {
            return Err(Error::invalid_param("client", "client must not be NULL"));
        };
        // SAFETY: as above.
        let overrides = client_overrides(unsafe { text_arg(options_json, "options") }?)?;
        handle.client.with_client_options(&overrides)
    });
    match derived {
        Ok(client) => {
            born();
            // SAFETY: checked not NULL above.
            unsafe { *out_client = Box::into_raw(Box::new(ZavuClient { client, style })) };
            ZAVU_OK
        }
        Err(error) => {
            // SAFETY: checked not NULL above.
            unsafe { *out_client = std::ptr::null_mut() };
            answer(out_error, style, || Err(error))
        }
    }
}

/// Closes a client: idle connections are released and later calls fail with `client_closed`.
/// Calls in flight finish. Thread-safe. The handle must still be freed with `zavu_client_free`.
///
/// # Safety
/// `client` is NULL or a live client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_client_close(client: *const ZavuClient) {
    // SAFETY: the caller's promise.
    if let Some(client) = unsafe { client.as_ref() } {
        let _ = catch_panics_sync(|| {
            client.client.close();
            Ok(())
        });
    }
}

/// Frees a client. NULL is ignored. No call may be running on it, and it must not be used after.
///
/// # Safety
/// `client` is NULL or a client from `zavu_client_new`, not freed yet, with no call in flight.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_client_free(client: *mut ZavuClient) {
    if client.is_null() {
        return;
    }
    let _ = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller hands back a pointer from `Box::into_raw`, once.
        drop(unsafe { Box::from_raw(client) });
        died();
    }));
}

/// A new cancel handle (free it with `zavu_cancel_free`).
#[unsafe(no_mangle)]
pub extern "C" fn zavu_cancel_new() -> *mut ZavuCancel {
    std::panic::catch_unwind(|| {
        born();
        Box::into_raw(Box::new(ZavuCancel {
            handle: CancelHandle::new(),
        }))
    })
    .unwrap_or(std::ptr::null_mut())
}

/// Cancels every call running under `cancel`, now and later: each ends with the error code
/// `cancelled`. Thread-safe, idempotent, and never blocks: call it from any thread (a signal
/// handler excepted).
///
/// # Safety
/// `cancel` is NULL or a live cancel handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_cancel_fire(cancel: *const ZavuCancel) {
    // SAFETY: the caller's promise.
    if let Some(cancel) = unsafe { cancel.as_ref() } {
        let _ = std::panic::catch_unwind(AssertUnwindSafe(|| cancel.handle.cancel()));
    }
}

/// Frees a cancel handle. NULL is ignored. No call may be running under it.
///
/// # Safety
/// `cancel` is NULL or a handle from `zavu_cancel_new`, not freed yet, with no call using it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_cancel_free(cancel: *mut ZavuCancel) {
    if cancel.is_null() {
        return;
    }
    let _ = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller hands back a pointer from `Box::into_raw`, once.
        drop(unsafe { Box::from_raw(cancel) });
        died();
    }));
}

/// Runs one core call to its end on the shared runtime, under `cancel` when given, and turns
/// the value into JSON.
fn block<T, F>(cancel: *const ZavuCancel, call: F) -> Result<String>
where
    T: Serialize,
    F: std::future::Future<Output = Result<T>>,
{
    // SAFETY: every exported function documents that `cancel` is NULL or a live handle.
    let handle = unsafe { cancel.as_ref() }.map(|c| c.handle.clone());
    let runtime = zavu_core::runtime::get();
    let value = runtime.block_on(async move {
        let guarded = catch_panics(call);
        match handle {
            Some(handle) => handle.run(guarded).await,
            None => guarded.await,
        }
    })?;
    to_json(&value)
}

/// The client for one call: the handle's, with the call's options when given.
///
/// # Safety
/// `client` is NULL or live; `options_json` is NULL or a NUL-terminated string.
/// The slot is there when the call asked for its response (`withResponse`).
unsafe fn call_client<'a>(
    client: *const ZavuClient,
    options_json: *const c_char,
) -> Result<(&'a ZavuClient, Client, Option<ResponseSlot>)> {
    // SAFETY: the caller's promise.
    let Some(handle) = (unsafe { client.as_ref() }) else {
        return Err(Error::invalid_param("client", "client must not be NULL"));
    };
    // SAFETY: forwarded.
    let options = request_options(unsafe { text_arg(options_json, "options") }?)?;
    let (client, slot) = match options {
        Some(options) => (handle.client.with_options(&options), options.response),
        None => (handle.client.clone(), None),
    };
    Ok((handle, client, slot))
}

fn style_from(client: *const ZavuClient) -> ParamStyle {
    // SAFETY: every exported function documents that `client` is NULL or live.
    unsafe { client.as_ref() }
        .map(|c| c.style)
        .unwrap_or(ParamStyle::Camel)
}

/// A page as `{ items, nextCursor }`, as the wire sends it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PageJson<T> {
    items: Vec<T>,
    next_cursor: Option<String>,
}

impl<T> From<zavu_core::Page<T>> for PageJson<T> {
    fn from(page: zavu_core::Page<T>) -> Self {
        PageJson {
            items: page.items,
            next_cursor: page.next_cursor,
        }
    }
}

macro_rules! client_call {
    ($client:ident, $options:ident, $cancel:ident, $out:ident, |$c:ident| $body:expr) => {{
        let style = style_from($client);
        answer($out, style, || {
            // SAFETY: the exported function's contract.
            let (_handle, $c, slot) = unsafe { call_client($client, $options) }?;
            let data = block($cancel, async move { $body })?;
            match slot {
                Some(slot) => with_response_json(data, slot.take()),
                None => Ok(data),
            }
        })
    }};
}

// Every operation below shares one contract:
//   - `client` is a live client; `options_json` is NULL or a JSON object of per-call options
//     (`timeout` in milliseconds, `maxRetries`, `idempotencyKey`, `headers`, `extraQuery`,
//     `extraBody`, `withResponse`); `cancel` is NULL or a live cancel handle; `out` is writable.
//   - With `"withResponse": true` the result is `{ data, response }`: `data` the usual result,
//     `response` the answer's status, headers, request id and rate limit.
//   - The call blocks the calling thread until it ends. Never call it from a thread that runs
//     an async runtime's tasks.
//   - It returns ZAVU_OK with `*out` the result's JSON, or ZAVU_ERROR with `*out` the error's
//     JSON; either way `*out` is the caller's to free with `zavu_string_free`.

/// `POST /v1/invitations`. `params_json`: `clientName`, `clientEmail`, `clientPhone`,
/// `phoneNumberId`, `expiresInDays`, `connectionType`, `allowedPhoneCountries`. Result: the
/// invitation.
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_invitations_create(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let params = unsafe { params_arg(params_json, "params") }?;
        c.invitations().create(&params).await
    })
}

/// `GET /v1/invitations`: one page. `params_json`: `status`, `limit`, `cursor`. Result:
/// `{ items, nextCursor }`.
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_invitations_list(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let params: ListInvitationsParams = unsafe { params_arg(params_json, "params") }?;
        Ok(PageJson::from(c.invitations().list(&params).await?))
    })
}

/// `GET /v1/invitations/{id}`. Result: the invitation.
///
/// # Safety
/// See the shared contract above; `invitation_id` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_invitations_get(
    client: *const ZavuClient,
    invitation_id: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let id = unsafe { text_arg(invitation_id, "invitationId") }?.unwrap_or_default();
        c.invitations().get(id).await
    })
}

/// `POST /v1/invitations/{id}/cancel`. Result: the invitation.
///
/// # Safety
/// See the shared contract above; `invitation_id` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_invitations_cancel(
    client: *const ZavuClient,
    invitation_id: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let id = unsafe { text_arg(invitation_id, "invitationId") }?.unwrap_or_default();
        c.invitations().cancel(id).await
    })
}

/// Polls an invitation until it is final. `wait_json`: `timeout` (bounds the whole wait) and
/// `pollInterval`, milliseconds. Result: the invitation; `wait_timeout` past the timeout.
///
/// # Safety
/// See the shared contract above; `invitation_id` and `wait_json` are NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_invitations_wait_for_completion(
    client: *const ZavuClient,
    invitation_id: *const c_char,
    wait_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let id = unsafe { text_arg(invitation_id, "invitationId") }?.unwrap_or_default();
        // SAFETY: as above.
        let wait = wait_options(unsafe { text_arg(wait_json, "wait") }?)?;
        c.invitations().wait_for_completion(id, wait).await
    })
}

/// `POST /v1/invitations/webhook`. `params_json`: `url`, `events`. Result: the webhook, with its
/// `secret` (the only answer that carries it).
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_invitations_create_webhook(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let params = unsafe { params_arg(params_json, "params") }?;
        c.invitations().create_webhook(&params).await
    })
}

/// `GET /v1/invitations/webhook`. Result: the webhook.
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_invitations_get_webhook(
    client: *const ZavuClient,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        c.invitations().get_webhook().await
    })
}

/// `PATCH /v1/invitations/webhook`. `params_json`: `url`, `events`, `active`. Result: the
/// webhook.
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_invitations_update_webhook(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let params = unsafe { params_arg(params_json, "params") }?;
        c.invitations().update_webhook(&params).await
    })
}

/// `DELETE /v1/invitations/webhook`. Result: `null`.
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_invitations_delete_webhook(
    client: *const ZavuClient,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        c.invitations().delete_webhook().await
    })
}

/// `POST /v1/phone-numbers`. `params_json`: `phoneNumber` (required), `name`. Result: the phone
/// number.
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_phone_numbers_purchase(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let params = unsafe { params_arg(params_json, "params") }?;
        c.phone_numbers().purchase(&params).await
    })
}

/// `GET /v1/phone-numbers/available`. `params_json`: `countryCode` (required), `type`,
/// `contains`, `capabilities` (comma-separated), `limit`. Result: `{ items }`, the numbers.
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_phone_numbers_search_available(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let params: SearchAvailablePhoneNumbersParams =
            unsafe { params_arg(params_json, "params") }?;
        let items = c.phone_numbers().search_available(&params).await?;
        Ok(json!({ "items": items }))
    })
}

/// `GET /v1/phone-numbers/requirements`. `params_json`: `phoneNumber` or `countryCode`, `type`.
/// Result: `{ items }`, the requirement groups (empty: nothing needed).
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_phone_numbers_requirements(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let params: PhoneNumberRequirementsParams = unsafe { params_arg(params_json, "params") }?;
        let items = c.phone_numbers().requirements(&params).await?;
        Ok(json!({ "items": items }))
    })
}

/// `GET /v1/phone-numbers`: one page of the team's numbers. `params_json`: `status`, `limit`,
/// `cursor`. Result: `{ items, nextCursor }`.
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_phone_numbers_list(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let params: ListPhoneNumbersParams = unsafe { params_arg(params_json, "params") }?;
        Ok(PageJson::from(c.phone_numbers().list(&params).await?))
    })
}

/// `GET /v1/phone-numbers/{id}`. Result: the phone number.
///
/// # Safety
/// See the shared contract above; `phone_number_id` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_phone_numbers_get(
    client: *const ZavuClient,
    phone_number_id: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let id = unsafe { text_arg(phone_number_id, "phoneNumberId") }?.unwrap_or_default();
        c.phone_numbers().retrieve(id).await
    })
}

/// `PATCH /v1/phone-numbers/{id}`. `params_json`: `name`, `senderId`; a field given as `null`
/// is cleared (unnamed, unassigned). Result: the phone number.
///
/// # Safety
/// See the shared contract above; `phone_number_id` and `params_json` are NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_phone_numbers_update(
    client: *const ZavuClient,
    phone_number_id: *const c_char,
    params_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let id = unsafe { text_arg(phone_number_id, "phoneNumberId") }?.unwrap_or_default();
        // SAFETY: as above.
        let text = unsafe { text_arg(params_json, "params") }?.unwrap_or("{}");
        let params: UpdatePhoneNumberParams = parse_params_with(text, "params", true)?;
        c.phone_numbers().update(id, &params).await
    })
}

/// `DELETE /v1/phone-numbers/{id}`: releases the number. Result: `null`.
///
/// # Safety
/// See the shared contract above; `phone_number_id` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_phone_numbers_release(
    client: *const ZavuClient,
    phone_number_id: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let id = unsafe { text_arg(phone_number_id, "phoneNumberId") }?.unwrap_or_default();
        c.phone_numbers().release(id).await
    })
}

/// `GET /v1/senders/{id}`. Result: the sender.
///
/// # Safety
/// See the shared contract above; `sender_id` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_senders_get(
    client: *const ZavuClient,
    sender_id: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let id = unsafe { text_arg(sender_id, "senderId") }?.unwrap_or_default();
        c.senders().get(id).await
    })
}

/// `GET /v1/senders`: one page. `params_json`: `limit`, `cursor`. Result: `{ items, nextCursor }`.
///
/// # Safety
/// See the shared contract above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_senders_list(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    client_call!(client, options_json, cancel, out, |c| {
        // SAFETY: the exported function's contract.
        let params: ListSendersParams = unsafe { params_arg(params_json, "params") }?;
        Ok(PageJson::from(c.senders().list(&params).await?))
    })
}

// ---------------------------------------------------------------------------------------------
// Pagers

/// # Safety
/// As the operations' shared contract.
unsafe fn open_pager(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    kind: ListKind,
    out_pager: *mut *mut ZavuPager,
    out_error: *mut *mut c_char,
) -> i32 {
    if out_pager.is_null() || out_error.is_null() {
        return ZAVU_MISUSE;
    }
    let style = style_from(client);
    let opened = catch_panics_sync(|| {
        // A walk has no one answer to describe: `withResponse` is accepted and ignored.
        // SAFETY: forwarded.
        let (_, c, _) = unsafe { call_client(client, options_json) }?;
        let start = match kind {
            // SAFETY: forwarded.
            ListKind::Senders => Start::Senders(c, unsafe { params_arg(params_json, "params") }?),
            ListKind::Invitations => {
                // SAFETY: forwarded.
                Start::Invitations(c, unsafe { params_arg(params_json, "params") }?)
            }
            ListKind::PhoneNumbers => {
                // SAFETY: forwarded.
                Start::PhoneNumbers(c, unsafe { params_arg(params_json, "params") }?)
            }
        };
        Ok(ZavuPager {
            walk: Mutex::new(Walk::NotStarted(start)),
            style,
        })
    });
    match opened {
        Ok(pager) => {
            born();
            // SAFETY: checked not NULL above.
            unsafe { *out_pager = Box::into_raw(Box::new(pager)) };
            ZAVU_OK
        }
        Err(error) => {
            // SAFETY: checked not NULL above.
            unsafe { *out_pager = std::ptr::null_mut() };
            answer(out_error, style, || Err(error))
        }
    }
}

/// A walk over every invitation matching `params_json` (`status`, `limit`, `cursor`), from the
/// first page (or `cursor`) on. Nothing is fetched until the first `zavu_pager_next`. On
/// `ZAVU_OK` `*out_pager` is the pager (free it with `zavu_pager_free`); on `ZAVU_ERROR`
/// `*out_error` is the error's JSON.
///
/// # Safety
/// As the operations' shared contract; `out_pager` and `out_error` are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_invitations_list_all(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    out_pager: *mut *mut ZavuPager,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: forwarded.
    unsafe {
        open_pager(
            client,
            params_json,
            options_json,
            ListKind::Invitations,
            out_pager,
            out_error,
        )
    }
}

/// A walk over every sender (`limit`, `cursor`); see `zavu_invitations_list_all`.
///
/// # Safety
/// As `zavu_invitations_list_all`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_senders_list_all(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    out_pager: *mut *mut ZavuPager,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: forwarded.
    unsafe {
        open_pager(
            client,
            params_json,
            options_json,
            ListKind::Senders,
            out_pager,
            out_error,
        )
    }
}

/// A walk over every phone number of the team (`status`, `limit`, `cursor`); see
/// `zavu_invitations_list_all`.
///
/// # Safety
/// As `zavu_invitations_list_all`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_phone_numbers_list_all(
    client: *const ZavuClient,
    params_json: *const c_char,
    options_json: *const c_char,
    out_pager: *mut *mut ZavuPager,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: forwarded.
    unsafe {
        open_pager(
            client,
            params_json,
            options_json,
            ListKind::PhoneNumbers,
            out_pager,
            out_error,
        )
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum Batch {
    Invitations(Vec<Invitation>),
    Senders(Vec<Sender>),
    PhoneNumbers(Vec<PhoneNumber>),
}

async fn next_batch(walk: &mut Walk) -> Result<Option<Batch>> {
    if let Walk::NotStarted(start) = walk {
        // The first page is fetched before the walk changes state, so a failed first fetch is
        // retried by the next call.
        *walk = match start {
            Start::Invitations(c, params) => {
                Walk::Invitations(c.invitations().list_all(params).await?)
            }
            Start::Senders(c, params) => Walk::Senders(c.senders().list_all(params).await?),
            Start::PhoneNumbers(c, params) => {
                Walk::PhoneNumbers(c.phone_numbers().list_all(params).await?)
            }
        };
    }
    let batch = match walk {
        Walk::Invitations(pager) => pager.next_batch().await?.map(Batch::Invitations),
        Walk::Senders(pager) => pager.next_batch().await?.map(Batch::Senders),
        Walk::PhoneNumbers(pager) => pager.next_batch().await?.map(Batch::PhoneNumbers),
        Walk::NotStarted(_) | Walk::Done => None,
    };
    if batch.is_none() {
        *walk = Walk::Done;
    }
    Ok(batch)
}

/// The next items of the walk as a JSON array (the rest of the current page, or the next page),
/// or `null` after the last one. A failed page fetch answers `ZAVU_ERROR`; the next call
/// retries the same page. Blocks like the operations; `cancel` as theirs.
///
/// # Safety
/// `pager` is a live pager; `cancel` is NULL or live; `out` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_pager_next(
    pager: *const ZavuPager,
    cancel: *const ZavuCancel,
    out: *mut *mut c_char,
) -> i32 {
    // SAFETY: the caller's promise.
    let pager = unsafe { pager.as_ref() };
    let style = pager.map(|p| p.style).unwrap_or(ParamStyle::Camel);
    answer(out, style, || {
        let Some(pager) = pager else {
            return Err(Error::invalid_param("pager", "pager must not be NULL"));
        };
        let mut walk = pager.walk.lock().unwrap_or_else(|p| p.into_inner());
        block(cancel, next_batch(&mut walk))
    })
}

/// Frees a pager (and the page it holds). NULL is ignored. No call may be running on it.
///
/// # Safety
/// `pager` is NULL or a pager from this library, not freed yet, with no call in flight.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_pager_free(pager: *mut ZavuPager) {
    if pager.is_null() {
        return;
    }
    let _ = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller hands back a pointer from `Box::into_raw`, once.
        drop(unsafe { Box::from_raw(pager) });
        died();
    }));
}

// ---------------------------------------------------------------------------------------------
// Webhooks (no client needed)

/// # Safety
/// `payload` is NULL (then `payload_len` is 0) or points to `payload_len` readable bytes.
unsafe fn payload_arg<'a>(payload: *const u8, payload_len: usize) -> Result<&'a [u8]> {
    if payload.is_null() {
        if payload_len == 0 {
            return Ok(&[]);
        }
        return Err(Error::invalid_param(
            "payload",
            "payload is NULL but its length is not 0",
        ));
    }
    // SAFETY: the caller's promise.
    Ok(unsafe { std::slice::from_raw_parts(payload, payload_len) })
}

/// Header pairs from JSON: an object of names to a string or an array of strings (Go's
/// `http.Header`), or an array of `[name, value]` pairs.
fn header_pairs(text: Option<&str>) -> Result<Vec<(String, String)>> {
    let bad = || ffi::wrong_type("headers", "an object of header names to strings");
    let value: Value = match text {
        None => Value::Object(Map::new()),
        Some(text) => serde_json::from_str(text).map_err(|_| bad())?,
    };
    let mut pairs = Vec::new();
    match value {
        Value::Object(map) => {
            for (name, value) in map {
                match value {
                    Value::String(v) => pairs.push((name, v)),
                    Value::Array(values) => {
                        for v in values {
                            pairs.push((name.clone(), v.as_str().ok_or_else(bad)?.to_string()));
                        }
                    }
                    _ => return Err(bad()),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Array(pair) if pair.len() == 2 => {
                        let name = pair[0].as_str().ok_or_else(bad)?;
                        let value = pair[1].as_str().ok_or_else(bad)?;
                        pairs.push((name.to_string(), value.to_string()));
                    }
                    _ => return Err(bad()),
                }
            }
        }
        _ => return Err(bad()),
    }
    Ok(pairs)
}

/// # Safety
/// As the webhook functions' contract.
#[allow(clippy::too_many_arguments)]
unsafe fn verify(
    payload: *const u8,
    payload_len: usize,
    headers_json: *const c_char,
    secret: *const c_char,
    now: *const i64,
    style: i32,
    parse: bool,
    out: *mut *mut c_char,
) -> i32 {
    answer(out, style_of(style), || {
        // SAFETY: the exported function's contract.
        let payload = unsafe { payload_arg(payload, payload_len) }?;
        // SAFETY: as above.
        let headers = header_pairs(unsafe { text_arg(headers_json, "headers") }?)?;
        // SAFETY: as above.
        let secret = unsafe { text_arg(secret, "secret") }?.unwrap_or_default();
        // SAFETY: as above.
        let now = unsafe { now.as_ref() }.copied();
        if parse {
            to_json(&ffi::unwrap_headers(payload, &headers, secret, now)?.to_json())
        } else {
            ffi::verify_headers(payload, &headers, secret, now)?;
            Ok("null".into())
        }
    })
}

/// Verifies a webhook delivery: finds `X-Zavu-Signature` (any case) in `headers_json` (an
/// object of names to a string or an array of strings, or an array of `[name, value]` pairs)
/// and checks it against the raw body with `secret`. `now` (unix seconds) replaces the clock
/// when not NULL. Result: `null`; a refused delivery is a `webhook_verification` error.
///
/// # Safety
/// `payload` points to `payload_len` bytes (or is NULL with length 0); `headers_json` and
/// `secret` are NULL or NUL-terminated; `now` is NULL or readable; `out` is writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_webhooks_verify(
    payload: *const u8,
    payload_len: usize,
    headers_json: *const c_char,
    secret: *const c_char,
    now: *const i64,
    style: i32,
    out: *mut *mut c_char,
) -> i32 {
    // SAFETY: forwarded.
    unsafe {
        verify(
            payload,
            payload_len,
            headers_json,
            secret,
            now,
            style,
            false,
            out,
        )
    }
}

/// `zavu_webhooks_verify`, then the parsed event: `{ id, type, timestamp, projectId, data, ... }`.
///
/// # Safety
/// As `zavu_webhooks_verify`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_webhooks_unwrap(
    payload: *const u8,
    payload_len: usize,
    headers_json: *const c_char,
    secret: *const c_char,
    now: *const i64,
    style: i32,
    out: *mut *mut c_char,
) -> i32 {
    // SAFETY: forwarded.
    unsafe {
        verify(
            payload,
            payload_len,
            headers_json,
            secret,
            now,
            style,
            true,
            out,
        )
    }
}

/// Signs a payload as Zavu does (for tests and local tools). `timestamp` (unix seconds) is now
/// when NULL; `scheme` is `v1`, `v2` or `both` (NULL: `both`). Result: the header value as a
/// JSON string.
///
/// # Safety
/// As `zavu_webhooks_verify`; `scheme` is NULL or NUL-terminated; `timestamp` NULL or readable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_webhooks_sign(
    payload: *const u8,
    payload_len: usize,
    secret: *const c_char,
    timestamp: *const i64,
    scheme: *const c_char,
    style: i32,
    out: *mut *mut c_char,
) -> i32 {
    answer(out, style_of(style), || {
        // SAFETY: the exported function's contract.
        let payload = unsafe { payload_arg(payload, payload_len) }?;
        // SAFETY: as above.
        let secret = unsafe { text_arg(secret, "secret") }?.unwrap_or_default();
        // SAFETY: as above.
        let scheme = ffi::signature_scheme("scheme", unsafe { text_arg(scheme, "scheme") }?)?;
        // SAFETY: as above.
        let timestamp = ffi::signing_timestamp(unsafe { timestamp.as_ref() }.copied());
        to_json(&zavu_core::webhooks::sign_with(
            payload, secret, timestamp, scheme,
        ))
    })
}

// ---------------------------------------------------------------------------------------------
// Facts about the library

/// The SDK's version, a static string: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn zavu_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// Every error code core knows, as a JSON array. Free it with `zavu_string_free`.
#[unsafe(no_mangle)]
pub extern "C" fn zavu_known_codes() -> *mut c_char {
    std::panic::catch_unwind(|| into_c_string(json!(zavu_core::KNOWN_CODES).to_string()))
        .unwrap_or(std::ptr::null_mut())
}

/// The error class tree every binding declares, as a JSON array of `{ name, parent, kind,
/// aliases }`, parents first. Free it with `zavu_string_free`.
#[unsafe(no_mangle)]
pub extern "C" fn zavu_error_classes() -> *mut c_char {
    std::panic::catch_unwind(|| {
        let classes: Vec<Value> = zavu_core::ERROR_CLASSES
            .iter()
            .map(|class| {
                json!({
                    "name": class.name,
                    "parent": class.parent,
                    "kind": class.kind.map(ErrorKind::as_str),
                    "aliases": class.aliases,
                })
            })
            .collect();
        into_c_string(Value::Array(classes).to_string())
    })
    .unwrap_or(std::ptr::null_mut())
}

/// A wire (camelCase) parameter name in `style` (`ZAVU_STYLE_*`), as errors spell it. Free the
/// result with `zavu_string_free`; NULL when `wire` is NULL or not UTF-8.
///
/// # Safety
/// `wire` is NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn zavu_param_name(wire: *const c_char, style: i32) -> *mut c_char {
    std::panic::catch_unwind(|| {
        // SAFETY: the caller's promise.
        match unsafe { text_arg(wire, "wire") } {
            Ok(Some(wire)) => into_c_string(zavu_core::param_name(wire, style_of(style))),
            _ => std::ptr::null_mut(),
        }
    })
    .unwrap_or(std::ptr::null_mut())
}

#[cfg(test)]
mod tests {
    use super::*;
    use zavu_core::CreateInvitationParams;

    fn param_of(error: Error) -> Option<String> {
        error.param().map(str::to_string)
    }

    #[test]
    fn params_are_checked_where_they_cross() {
        let ok: CreateInvitationParams = parse_params(
            r#"{"clientName":"Acme","expiresInDays":7,"clientEmail":null}"#,
            "params",
        )
        .unwrap();
        assert_eq!(ok.expires_in_days, Some(7));
        for (text, param) in [
            (r#"{"expiresInDays":"7"}"#, "expiresInDays"),
            (r#"{"expiresInDays":2.5}"#, "expiresInDays"),
            (r#"{"expiresInDays":1e20}"#, "expiresInDays"),
            (r#"{"allowedPhoneCountries":[1]}"#, "allowedPhoneCountries"),
            (r#"{"clientNmae":"typo"}"#, "clientNmae"),
            ("[]", "params"),
            ("not json", "params"),
        ] {
            let error = parse_params::<CreateInvitationParams>(text, "params").unwrap_err();
            assert_eq!(error.code(), "invalid_request", "{text}");
            assert_eq!(param_of(error).as_deref(), Some(param), "{text}");
        }
        let error =
            parse_params::<zavu_core::PurchasePhoneNumberParams>("{}", "params").unwrap_err();
        assert_eq!(param_of(error).as_deref(), Some("phoneNumber"));
    }

    #[test]
    fn options_are_checked_with_cores_rules() {
        assert!(client_options(Some(r#"{"maxRetries":3,"timeout":1500}"#)).is_ok());
        for (text, param) in [
            (r#"{"maxRetries":-1}"#, "maxRetries"),
            (r#"{"maxRetries":2.5}"#, "maxRetries"),
            (r#"{"timeout":-1}"#, "timeout"),
            (r#"{"timeout":"60"}"#, "timeout"),
            (r#"{"defaultHeaders":["X-A: 1"]}"#, "defaultHeaders"),
            (r#"{"defaultHeaders":{"X-A":1}}"#, "defaultHeaders"),
            (r#"{"apikey":"k"}"#, "apikey"),
        ] {
            let error = client_options(Some(text)).unwrap_err();
            assert_eq!(param_of(error).as_deref(), Some(param), "{text}");
        }
        let error = request_options(Some(r#"{"apiKey":"k"}"#)).unwrap_err();
        assert_eq!(param_of(error).as_deref(), Some("apiKey"));
        for (text, param) in [
            (r#"{"extraBody":[1]}"#, "extraBody"),
            (r#"{"extraBody":"{}"}"#, "extraBody"),
            (r#"{"extraQuery":{"a":[1]}}"#, "extraQuery"),
            (r#"{"extraQuery":["a=1"]}"#, "extraQuery"),
            (r#"{"withResponse":"yes"}"#, "withResponse"),
        ] {
            let error = request_options(Some(text)).unwrap_err();
            assert_eq!(param_of(error).as_deref(), Some(param), "{text}");
        }
        let options = request_options(Some(
            r#"{"extraQuery":{"a":"1"},"extraBody":{"note":"x"},"withResponse":true}"#,
        ))
        .unwrap()
        .unwrap();
        assert_eq!(
            options.extra_query,
            vec![("a".to_string(), "1".to_string())]
        );
        assert_eq!(options.extra_body.unwrap()["note"], "x");
        assert!(options.response.is_some());
        for (text, param) in [
            (r#"{"apiKey":1}"#, "apiKey"),
            (r#"{"timeout":-1}"#, "timeout"),
            (r#"{"connectTimeout":1}"#, "connectTimeout"),
        ] {
            let error = client_overrides(Some(text)).unwrap_err();
            assert_eq!(param_of(error).as_deref(), Some(param), "{text}");
        }
        let error = wait_options(Some(r#"{"pollInterval":-5}"#)).unwrap_err();
        assert_eq!(param_of(error).as_deref(), Some("pollInterval"));
    }

    #[test]
    fn a_response_is_wrapped_with_its_metadata() {
        let meta = ResponseMeta {
            status: 201,
            headers: vec![("x-request-id".into(), "req_1".into())],
            request_id: Some("req_1".into()),
            ..Default::default()
        };
        let text = with_response_json(r#"{"id":"inv_1"}"#.into(), Some(meta)).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["data"]["id"], "inv_1");
        assert_eq!(value["response"]["status"], 201);
        assert_eq!(value["response"]["headers"][0][1], "req_1");
        assert_eq!(value["response"]["requestId"], "req_1");
    }

    #[test]
    fn an_update_keeps_null_as_clear() {
        let params: zavu_core::UpdatePhoneNumberParams =
            parse_params_with(r#"{"senderId":null}"#, "params", true).unwrap();
        assert_eq!(params.sender_id, Some(None));
        assert_eq!(params.name, None);
    }

    #[test]
    fn errors_are_respelled_once() {
        let error = Error::invalid_param("phoneNumberId", "phoneNumberId is not valid");
        let go: Value = serde_json::from_str(&error_json(&error, ParamStyle::GoField)).unwrap();
        assert_eq!(go["param"], "PhoneNumberID");
        assert_eq!(go["class"], "InvalidRequestError");
        let c: Value = serde_json::from_str(&error_json(&error, ParamStyle::Camel)).unwrap();
        assert_eq!(c["param"], "phoneNumberId");
    }

    #[test]
    fn strings_and_handles_are_counted() {
        let before = zavu_debug_live_objects();
        let codes = zavu_known_codes();
        let cancel = zavu_cancel_new();
        assert_eq!(zavu_debug_live_objects(), before + 2);
        // SAFETY: both came from this library and are freed once.
        unsafe {
            zavu_string_free(codes);
            zavu_cancel_free(cancel);
        }
        assert_eq!(zavu_debug_live_objects(), before);
    }
}
