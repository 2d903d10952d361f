//! PHP values into core's types. Every value that crosses from PHP is checked here, where it
//! crosses: a value of the wrong type is refused with core's `ffi::wrong_type`, numbers and
//! durations go through core's `ffi` rules, and every error names the parameter as the guide
//! writes it (camelCase). Defaults and the API's rules stay in core.

use std::time::Duration;

use ext_php_rs::types::{ArrayKey, ZendHashTable, Zval};
use serde_json::{Map, Value};
use zavu_core::Error;
use zavu_core::ffi;

/// What one parameter of a PHP array must hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A string.
    Str,
    /// An integer (a PHP `int`, or a `float` with no fraction).
    Int,
    /// A boolean.
    Bool,
    /// A list of strings.
    StrList,
}

/// One accepted key of a parameter array.
pub(crate) struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

pub(crate) const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
    }
}

pub(crate) const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: true,
    }
}

/// The parameters of `invitations->create([...])`.
pub(crate) const CREATE_INVITATION: &[Field] = &[
    opt("clientName", Kind::Str),
    opt("clientEmail", Kind::Str),
    opt("clientPhone", Kind::Str),
    opt("phoneNumberId", Kind::Str),
    opt("expiresInDays", Kind::Int),
    opt("connectionType", Kind::Str),
    opt("allowedPhoneCountries", Kind::StrList),
];
pub(crate) const LIST_INVITATIONS: &[Field] = &[
    opt("status", Kind::Str),
    opt("limit", Kind::Int),
    opt("cursor", Kind::Str),
];
pub(crate) const LIST_SENDERS: &[Field] = &[opt("limit", Kind::Int), opt("cursor", Kind::Str)];
pub(crate) const PURCHASE_PHONE_NUMBER: &[Field] =
    &[req("phoneNumber", Kind::Str), opt("name", Kind::Str)];
pub(crate) const SEARCH_AVAILABLE: &[Field] = &[
    req("countryCode", Kind::Str),
    opt("type", Kind::Str),
    opt("contains", Kind::Str),
    opt("capabilities", Kind::Str),
    opt("limit", Kind::Int),
];
pub(crate) const PHONE_NUMBER_REQUIREMENTS: &[Field] = &[
    opt("phoneNumber", Kind::Str),
    opt("countryCode", Kind::Str),
    opt("type", Kind::Str),
];
pub(crate) const LIST_PHONE_NUMBERS: &[Field] = &[
    opt("status", Kind::Str),
    opt("limit", Kind::Int),
    opt("cursor", Kind::Str),
];
pub(crate) const UPDATE_PHONE_NUMBER: &[Field] =
    &[opt("name", Kind::Str), opt("senderId", Kind::Str)];

/// The keys of a parameter array given as `null`: an update's "clear this field".
pub(crate) fn null_keys(value: Option<&Zval>) -> zavu_core::Result<Vec<String>> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    Ok(entries("params", value)?
        .into_iter()
        .filter(|(_, item)| item.is_null())
        .map(|(key, _)| key)
        .collect())
}
pub(crate) const CREATE_WEBHOOK: &[Field] = &[req("url", Kind::Str), opt("events", Kind::StrList)];
pub(crate) const UPDATE_WEBHOOK: &[Field] = &[
    opt("url", Kind::Str),
    opt("events", Kind::StrList),
    opt("active", Kind::Bool),
];

/// A string key of a PHP array (`None` for a position in a list).
fn key_name(key: ArrayKey<'_>) -> Option<String> {
    if key.is_long() {
        return None;
    }
    // Display writes a key that is not UTF-8 lossily; a real name never is.
    Some(String::try_from(key.clone()).unwrap_or_else(|_| key.to_string()))
}

/// The PHP type of a value, for messages.
fn php_type(value: &Zval) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_bool() {
        "bool"
    } else if value.is_long() {
        "int"
    } else if value.is_double() {
        "float"
    } else if value.is_string() {
        "string"
    } else if value.is_array() {
        "array"
    } else if value.is_object() {
        "object"
    } else {
        "another type"
    }
}

fn wrong_type(param: &str, expected: &str, value: &Zval) -> Error {
    ffi::wrong_type(param, &format!("{expected}, not {}", php_type(value)))
}

/// A PHP string as UTF-8 text.
pub(crate) fn string(param: &str, value: &Zval) -> zavu_core::Result<String> {
    if !value.is_string() {
        return Err(wrong_type(param, "a string", value));
    }
    value
        .str()
        .map(str::to_string)
        .ok_or_else(|| ffi::wrong_type(param, "a UTF-8 string"))
}

/// A PHP string as bytes (a raw request body may be any bytes).
pub(crate) fn bytes(param: &str, expected: &str, value: &Zval) -> zavu_core::Result<Vec<u8>> {
    if !value.is_string() {
        return Err(wrong_type(param, expected, value));
    }
    value
        .zend_str()
        .map(|s| s.as_bytes().to_vec())
        .ok_or_else(|| ffi::wrong_type(param, expected))
}

/// A whole number: a PHP `int`, or a `float` with no fraction within `i64` (core's rule).
pub(crate) fn integer(param: &str, value: &Zval) -> zavu_core::Result<i64> {
    if let Some(n) = value.long().filter(|_| value.is_long()) {
        return Ok(n);
    }
    if value.is_double() {
        let d = value.double().unwrap_or(f64::NAN);
        return ffi::whole_number(param, d, i64::MIN, i64::MAX);
    }
    Err(wrong_type(param, "an integer", value))
}

/// A number (a PHP `int` or `float`) as core's host-number type.
pub(crate) fn number(param: &str, expected: &str, value: &Zval) -> zavu_core::Result<f64> {
    if value.is_long() {
        Ok(value.long().unwrap_or_default() as f64)
    } else if value.is_double() {
        Ok(value.double().unwrap_or(f64::NAN))
    } else {
        Err(wrong_type(param, expected, value))
    }
}

/// Seconds (PHP's unit for durations: an `int` or a `float`) as a duration, by core's rule.
pub(crate) fn seconds(param: &str, value: &Zval) -> zavu_core::Result<Duration> {
    let seconds = if value.is_long() {
        value.long().unwrap_or_default() as f64
    } else if value.is_double() {
        value.double().unwrap_or(f64::NAN)
    } else {
        return Err(wrong_type(
            param,
            "a number of seconds (int or float)",
            value,
        ));
    };
    ffi::duration_from_secs(param, seconds)
}

pub(crate) fn boolean(param: &str, value: &Zval) -> zavu_core::Result<bool> {
    if value.is_bool() {
        Ok(value.is_true())
    } else {
        Err(wrong_type(param, "a boolean", value))
    }
}

/// A PHP list (`['US', 'MX']`) of strings.
pub(crate) fn string_list(param: &str, value: &Zval) -> zavu_core::Result<Vec<String>> {
    let Some(array) = value.array().filter(|_| value.is_array()) else {
        return Err(wrong_type(param, "a list of strings", value));
    };
    if !array.is_empty() && !array.has_sequential_keys() {
        return Err(ffi::wrong_type(
            param,
            "a list of strings, not an array with keys",
        ));
    }
    array
        .values()
        .map(|item| {
            if item.is_string() {
                string(param, item)
            } else {
                Err(ffi::wrong_type(
                    param,
                    &format!("a list of strings, not a list holding {}", php_type(item)),
                ))
            }
        })
        .collect()
}

/// A map of header names to values (`['X-Team' => 'a']`).
pub(crate) fn header_map(param: &str, value: &Zval) -> zavu_core::Result<Vec<(String, String)>> {
    let Some(array) = value.array().filter(|_| value.is_array()) else {
        return Err(wrong_type(
            param,
            "an array of header names to values",
            value,
        ));
    };
    let mut headers = Vec::with_capacity(array.len());
    for (key, item) in array.iter() {
        let Some(name) = key_name(key) else {
            return Err(ffi::wrong_type(
                param,
                "an array of header names to values (['X-Name' => 'value']), not a list",
            ));
        };
        if !item.is_string() {
            return Err(ffi::wrong_type(
                param,
                &format!(
                    "an array of header names to string values; '{name}' holds {}",
                    php_type(item)
                ),
            ));
        }
        headers.push((name, string(param, item)?));
    }
    Ok(headers)
}

/// A PHP value as JSON (an `extraBody`'s fields): null, bools, ints, finite floats, strings,
/// lists and arrays with string keys. Objects and anything else are refused naming `param`.
fn json_value(param: &str, value: &Zval, depth: usize) -> zavu_core::Result<Value> {
    if depth > 64 {
        return Err(ffi::wrong_type(param, "JSON data nested at most 64 deep"));
    }
    if value.is_null() {
        Ok(Value::Null)
    } else if value.is_bool() {
        Ok(Value::Bool(value.is_true()))
    } else if value.is_long() {
        Ok(Value::from(value.long().unwrap_or_default()))
    } else if value.is_double() {
        serde_json::Number::from_f64(value.double().unwrap_or(f64::NAN))
            .map(Value::Number)
            .ok_or_else(|| ffi::wrong_type(param, "JSON data (a finite number)"))
    } else if value.is_string() {
        Ok(Value::String(string(param, value)?))
    } else if let Some(array) = value.array().filter(|_| value.is_array()) {
        if array.has_sequential_keys() {
            array
                .values()
                .map(|item| json_value(param, item, depth + 1))
                .collect::<zavu_core::Result<Vec<_>>>()
                .map(Value::Array)
        } else {
            let mut out = Map::new();
            for (key, item) in array.iter() {
                let name = key_name(key).unwrap_or_default();
                out.insert(name, json_value(param, item, depth + 1)?);
            }
            Ok(Value::Object(out))
        }
    } else {
        Err(wrong_type(
            param,
            "JSON data (arrays, strings, numbers, booleans, null)",
            value,
        ))
    }
}

/// Extra query parameters: an array of names to strings, numbers or booleans (core's rule).
fn query_map(param: &str, value: &Zval) -> zavu_core::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (key, item) in entries(param, value)? {
        out.push((key, ffi::query_value(param, &json_value(param, item, 0)?)?));
    }
    Ok(out)
}

/// The entries of a PHP array given for `param`, with string keys. Refuses anything but an array.
fn entries<'a>(param: &str, value: &'a Zval) -> zavu_core::Result<Vec<(String, &'a Zval)>> {
    let Some(array) = value.array().filter(|_| value.is_array()) else {
        return Err(wrong_type(param, "an array", value));
    };
    keyed_entries(param, array)
}

fn keyed_entries<'a>(
    param: &str,
    array: &'a ZendHashTable,
) -> zavu_core::Result<Vec<(String, &'a Zval)>> {
    let mut out = Vec::with_capacity(array.len());
    for (key, item) in array.iter() {
        match key_name(key) {
            Some(name) => out.push((name, item)),
            None => {
                return Err(Error::invalid_param(
                    param,
                    format!("{param} must be an array with named keys, not a list"),
                ));
            }
        }
    }
    Ok(out)
}

fn unknown_key(key: &str, accepted: impl Iterator<Item = &'static str>) -> Error {
    let names: Vec<&str> = accepted.collect();
    Error::invalid_param(
        key,
        format!(
            "unknown parameter '{key}'; the accepted ones are {}",
            names.join(", ")
        ),
    )
}

/// A parameter array checked key by key against `fields`, as the wire's JSON object. `null`
/// values count as not given; a missing array is `[]`.
pub(crate) fn params(
    param: &str,
    value: Option<&Zval>,
    fields: &[Field],
) -> zavu_core::Result<Value> {
    let mut out = Map::new();
    if let Some(value) = value.filter(|v| !v.is_null()) {
        for (key, item) in entries(param, value)? {
            let Some(field) = fields.iter().find(|f| f.name == key) else {
                return Err(unknown_key(&key, fields.iter().map(|f| f.name)));
            };
            if item.is_null() {
                continue;
            }
            let json = match field.kind {
                Kind::Str => Value::String(string(field.name, item)?),
                Kind::Int => Value::from(integer(field.name, item)?),
                Kind::Bool => Value::Bool(boolean(field.name, item)?),
                Kind::StrList => Value::Array(
                    string_list(field.name, item)?
                        .into_iter()
                        .map(Value::String)
                        .collect(),
                ),
            };
            out.insert(field.name.to_string(), json);
        }
    }
    if let Some(missing) = fields
        .iter()
        .find(|f| f.required && !out.contains_key(f.name))
    {
        return Err(Error::invalid_param(
            missing.name,
            format!("{} is required", missing.name),
        ));
    }
    Ok(Value::Object(out))
}

/// A checked parameter array as core's parameter type.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    param: &str,
    value: Option<&Zval>,
    fields: &[Field],
) -> zavu_core::Result<T> {
    let json = params(param, value, fields)?;
    serde_json::from_value(json).map_err(|e| {
        Error::new(
            zavu_core::codes::INVALID_REQUEST,
            format!("invalid arguments: {e}"),
        )
    })
}

/// An id given as a string (`get('inv_1')`) or in an array (`get(['invitationId' => 'inv_1'])`).
pub(crate) fn id(param: &'static str, value: Option<&Zval>) -> zavu_core::Result<String> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Err(Error::invalid_param(param, format!("{param} is required")));
    };
    if value.is_array() {
        let json = params(param, Some(value), &[req(param, Kind::Str)])?;
        return Ok(json[param].as_str().unwrap_or_default().to_string());
    }
    string(param, value)
}

/// Per-call options (`requestOptions: [...]`): `timeout` (seconds), `maxRetries`,
/// `idempotencyKey`, `headers` (also `extraHeaders`, the published SDK's name), `extraQuery`
/// (`query`) and `extraBody` (`body`), merged into the request by core.
pub(crate) fn request_options(
    value: Option<&Zval>,
) -> zavu_core::Result<Option<zavu_core::RequestOptions>> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let mut options = zavu_core::RequestOptions::default();
    for (key, item) in entries("requestOptions", value)? {
        if item.is_null() {
            continue;
        }
        match key.as_str() {
            "timeout" => options.timeout = Some(seconds("timeout", item)?),
            "maxRetries" => options.max_retries = Some(max_retries(item)?),
            "idempotencyKey" => options.idempotency_key = Some(string("idempotencyKey", item)?),
            "headers" | "extraHeaders" => options.headers.extend(header_map(&key, item)?),
            "query" | "extraQuery" | "extraQueryParams" => {
                options.extra_query.extend(query_map(&key, item)?)
            }
            "body" | "extraBody" | "extraBodyParams" => {
                let body = ffi::extra_body(&key, json_value(&key, item, 0)?)?;
                options
                    .extra_body
                    .get_or_insert_with(Default::default)
                    .extend(body);
            }
            _ => {
                return Err(unknown_key(
                    &key,
                    [
                        "timeout",
                        "maxRetries",
                        "idempotencyKey",
                        "headers",
                        "extraHeaders",
                        "extraQuery",
                        "extraBody",
                        "extraQueryParams",
                        "extraBodyParams",
                    ]
                    .into_iter(),
                ));
            }
        }
    }
    Ok(Some(options))
}

pub(crate) fn max_retries(value: &Zval) -> zavu_core::Result<u32> {
    let n = integer("maxRetries", value)?;
    ffi::max_retries("maxRetries", n)
}

/// The options of `new Zavudev\Client(...)`, as the PHP layer passes its named arguments.
pub(crate) fn client_options(value: Option<&Zval>) -> zavu_core::Result<zavu_core::ClientOptions> {
    let mut options = zavu_core::ClientOptions::default();
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(options);
    };
    for (key, item) in entries("options", value)? {
        if item.is_null() {
            continue;
        }
        match key.as_str() {
            "apiKey" => options.api_key = Some(string("apiKey", item)?),
            "baseUrl" => options.base_url = Some(string("baseUrl", item)?),
            "timeout" => options.timeout = Some(seconds("timeout", item)?),
            "connectTimeout" => options.connect_timeout = Some(seconds("connectTimeout", item)?),
            "maxRetries" => options.max_retries = Some(max_retries(item)?),
            "defaultHeaders" => options.default_headers = header_map("defaultHeaders", item)?,
            "maxResponseBytes" => {
                let n = number("maxResponseBytes", "a number of bytes", item)?;
                options.max_response_bytes = Some(ffi::max_response_bytes("maxResponseBytes", n)?);
            }
            "allowInsecureHttp" => {
                options.allow_insecure_http = boolean("allowInsecureHttp", item)?
            }
            "disableRateLimitWait" => {
                options.disable_rate_limit_wait = boolean("disableRateLimitWait", item)?
            }
            "binding" => options.binding = Some(string("binding", item)?),
            _ => {
                return Err(unknown_key(
                    &key,
                    [
                        "apiKey",
                        "baseUrl",
                        "timeout",
                        "connectTimeout",
                        "maxRetries",
                        "defaultHeaders",
                        "maxResponseBytes",
                        "allowInsecureHttp",
                        "disableRateLimitWait",
                    ]
                    .into_iter(),
                ));
            }
        }
    }
    Ok(options)
}

/// The overrides of `$client->withOptions(...)`; a `null` value keeps the original's.
pub(crate) fn client_overrides(
    value: Option<&Zval>,
) -> zavu_core::Result<zavu_core::ClientOverrides> {
    let mut overrides = zavu_core::ClientOverrides::default();
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(overrides);
    };
    for (key, item) in entries("options", value)? {
        if item.is_null() {
            continue;
        }
        match key.as_str() {
            "apiKey" => overrides.api_key = Some(string("apiKey", item)?),
            "baseUrl" => overrides.base_url = Some(string("baseUrl", item)?),
            "timeout" => overrides.timeout = Some(seconds("timeout", item)?),
            "maxRetries" => overrides.max_retries = Some(max_retries(item)?),
            "defaultHeaders" => {
                overrides.default_headers = Some(header_map("defaultHeaders", item)?)
            }
            _ => {
                return Err(unknown_key(
                    &key,
                    [
                        "apiKey",
                        "baseUrl",
                        "timeout",
                        "maxRetries",
                        "defaultHeaders",
                    ]
                    .into_iter(),
                ));
            }
        }
    }
    Ok(overrides)
}

/// Optional seconds (`null` is not given).
pub(crate) fn optional_seconds(
    param: &str,
    value: Option<&Zval>,
) -> zavu_core::Result<Option<Duration>> {
    value
        .filter(|v| !v.is_null())
        .map(|v| seconds(param, v))
        .transpose()
}

/// Optional unix seconds (`null` is not given), by core's rule.
pub(crate) fn optional_unix_seconds(
    param: &str,
    value: Option<&Zval>,
) -> zavu_core::Result<Option<i64>> {
    value
        .filter(|v| !v.is_null())
        .map(|v| ffi::unix_seconds(param, number(param, "unix seconds (an int)", v)?))
        .transpose()
}

/// Optional string (`null` is not given).
pub(crate) fn optional_string(
    param: &str,
    value: Option<&Zval>,
) -> zavu_core::Result<Option<String>> {
    value
        .filter(|v| !v.is_null())
        .map(|v| string(param, v))
        .transpose()
}

/// A webhook request's headers as (name, value) pairs, from what PHP applications hold:
/// a map (`['X-Zavu-Signature' => '...']`), PSR-7's `getHeaders()` (name => list of values),
/// `$_SERVER` (`HTTP_X_ZAVU_SIGNATURE`), a list of `[name, value]` pairs, or the signature
/// header's value alone (a string).
pub(crate) fn request_headers(value: Option<&Zval>) -> zavu_core::Result<Vec<(String, String)>> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    if value.is_string() {
        return Ok(vec![(
            zavu_core::webhooks::SIGNATURE_HEADER.to_string(),
            string("headers", value)?,
        )]);
    }
    let Some(array) = value.array().filter(|_| value.is_array()) else {
        return Err(wrong_type(
            "headers",
            "the request's headers (an array) or the X-Zavu-Signature value (a string)",
            value,
        ));
    };
    let mut pairs = Vec::with_capacity(array.len());
    for (key, item) in array.iter() {
        let name = match key_name(key) {
            Some(name) => name,
            None => {
                // A `[name, value]` pair.
                let pair = item
                    .array()
                    .filter(|a| item.is_array() && a.len() == 2)
                    .and_then(|a| Some((a.get_index(0)?, a.get_index(1)?)));
                let Some((name, value)) = pair else {
                    return Err(ffi::wrong_type(
                        "headers",
                        "a map of header names to values, or a list of [name, value] pairs",
                    ));
                };
                pairs.push((string("headers", name)?, string("headers", value)?));
                continue;
            }
        };
        // `$_SERVER` spells `X-Zavu-Signature` as `HTTP_X_ZAVU_SIGNATURE`.
        let name = match name.strip_prefix("HTTP_") {
            Some(rest) => rest.replace('_', "-"),
            None => name,
        };
        if item.is_string() {
            pairs.push((name, string("headers", item)?));
        } else if let Some(values) = item.array().filter(|_| item.is_array()) {
            for v in values.values() {
                if v.is_string() {
                    pairs.push((name.clone(), string("headers", v)?));
                }
            }
        }
        // Other `$_SERVER` entries (REQUEST_TIME as an int, argv as an array) are not headers.
    }
    Ok(pairs)
}
