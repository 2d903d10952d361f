//! Python arguments → core types. Type conversion only: what the values mean is core's business.
//!
//! Every argument arrives as a Python object and is checked here, where it crosses into Rust: a
//! value of the wrong type is refused as `InvalidRequestError` naming the parameter (Python's
//! snake_case spelling), never a raw `TypeError`/`OverflowError` from pyo3's extraction. Numbers
//! keep their size until core's rules (`zavu_core::ffi`) decide, so nothing wraps or truncates.

use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple,
};
use zavu_core::RequestOptions;
use zavu_core::ffi;

use crate::errors::to_py_err;

/// An argument that may be absent: `None` (Python's) counts as absent.
pub type Arg<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

fn present<'a, 'py>(value: Arg<'a, 'py>) -> Option<&'a Bound<'py, PyAny>> {
    value.filter(|v| !v.is_none())
}

fn wrong_type(py: Python<'_>, param: &str, expected: &str, value: &Bound<'_, PyAny>) -> PyErr {
    let got = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "another type".into());
    to_py_err(
        py,
        ffi::wrong_type(param, &format!("{expected}, not {got}")),
    )
}

/// A `str` argument.
pub fn string(py: Python<'_>, param: &str, value: Arg<'_, '_>) -> PyResult<Option<String>> {
    let Some(value) = present(value) else {
        return Ok(None);
    };
    match value.cast::<PyString>() {
        Ok(text) => Ok(Some(text.to_cow()?.into_owned())),
        Err(_) => Err(wrong_type(py, param, "a str", value)),
    }
}

/// A required `str` argument (an id, a secret).
pub fn required_string(py: Python<'_>, param: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    match string(py, param, Some(value))? {
        Some(text) => Ok(text),
        None => Err(wrong_type(py, param, "a str", value)),
    }
}

/// An `int` argument (never a `bool` or a `float`), as an `i64`; core checks its range. An int
/// too big for 128 bits is out of range, not an `OverflowError`.
pub fn integer(py: Python<'_>, param: &str, value: Arg<'_, '_>) -> PyResult<Option<i64>> {
    let Some(value) = present(value) else {
        return Ok(None);
    };
    if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(wrong_type(py, param, "an int", value));
    }
    ffi::integer_in_range(param, value.extract::<i128>().ok(), i64::MIN, i64::MAX)
        .map(Some)
        .map_err(|e| to_py_err(py, e))
}

/// `max_retries`: an int within core's bounds.
pub fn retries(py: Python<'_>, param: &str, value: Arg<'_, '_>) -> PyResult<Option<u32>> {
    integer(py, param, value)?
        .map(|n| ffi::max_retries(param, n).map_err(|e| to_py_err(py, e)))
        .transpose()
}

/// Seconds (an `int` or a `float`) as a `Duration`; core refuses negative, NaN, infinite and
/// absurd values.
pub fn seconds(py: Python<'_>, param: &str, value: Arg<'_, '_>) -> PyResult<Option<Duration>> {
    let Some(value) = present(value) else {
        return Ok(None);
    };
    let number = if value.is_instance_of::<PyBool>() {
        None
    } else if value.is_instance_of::<PyFloat>() || value.is_instance_of::<PyInt>() {
        value.extract::<f64>().ok()
    } else {
        None
    };
    let Some(number) = number else {
        return Err(wrong_type(py, param, "a number of seconds", value));
    };
    ffi::duration_from_secs(param, number)
        .map(Some)
        .map_err(|e| to_py_err(py, e))
}

/// A `bool` argument.
pub fn boolean(py: Python<'_>, param: &str, value: Arg<'_, '_>) -> PyResult<Option<bool>> {
    let Some(value) = present(value) else {
        return Ok(None);
    };
    match value.cast::<PyBool>() {
        Ok(flag) => Ok(Some(flag.is_true())),
        Err(_) => Err(wrong_type(py, param, "a bool", value)),
    }
}

/// A list (or tuple) of `str`. A bare `str` is refused: it would otherwise read as a list of
/// one-letter strings.
pub fn string_list(
    py: Python<'_>,
    param: &str,
    value: Arg<'_, '_>,
) -> PyResult<Option<Vec<String>>> {
    let Some(value) = present(value) else {
        return Ok(None);
    };
    if !value.is_instance_of::<PyList>() && !value.is_instance_of::<PyTuple>() {
        return Err(wrong_type(py, param, "a list of str", value));
    }
    let mut items = Vec::new();
    for item in value.try_iter()? {
        let item = item?;
        match item.cast::<PyString>() {
            Ok(text) => items.push(text.to_cow()?.into_owned()),
            Err(_) => return Err(wrong_type(py, param, "a list of str", &item)),
        }
    }
    Ok(Some(items))
}

/// Header pairs: a mapping of `str` to `str`, or (webhooks) a list of `(name, value)` pairs as
/// WSGI and ASGI frameworks hand them over.
pub fn headers(
    py: Python<'_>,
    param: &str,
    value: Arg<'_, '_>,
    pairs_allowed: bool,
) -> PyResult<Vec<(String, String)>> {
    let Some(value) = present(value) else {
        return Ok(Vec::new());
    };
    let expected = if pairs_allowed {
        "a mapping of header names to values, or a list of (name, value) pairs"
    } else {
        "a mapping of header names to str values"
    };
    let items: Vec<Bound<'_, PyAny>> = if value.is_instance_of::<PyDict>()
        || value.cast::<PyMapping>().is_ok()
        || value.hasattr("items")?
    {
        value
            .call_method0("items")?
            .try_iter()?
            .collect::<PyResult<_>>()?
    } else if pairs_allowed
        && (value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>())
    {
        value.try_iter()?.collect::<PyResult<_>>()?
    } else {
        return Err(wrong_type(py, param, expected, value));
    };
    let mut pairs = Vec::with_capacity(items.len());
    for item in items {
        let pair = item
            .cast::<PyTuple>()
            .ok()
            .filter(|t| t.len() == 2)
            .and_then(|t| Some((t.get_item(0).ok()?, t.get_item(1).ok()?)));
        let Some((name, value)) = pair else {
            return Err(wrong_type(py, param, expected, &item));
        };
        pairs.push((
            header_text(py, param, expected, &name)?,
            header_text(py, param, expected, &value)?,
        ));
    }
    Ok(pairs)
}

/// A header name or value: `str`, or `bytes` as ASGI servers give them.
fn header_text(
    py: Python<'_>,
    param: &str,
    expected: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<String> {
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(String::from_utf8_lossy(bytes.as_bytes()).into_owned());
    }
    Err(wrong_type(py, param, expected, value))
}

/// The per-call options every method takes (`timeout` in seconds; `extra_headers`,
/// `extra_query` and `extra_body` as the published SDK names them).
#[allow(clippy::too_many_arguments)]
pub fn request_options(
    py: Python<'_>,
    timeout: Arg<'_, '_>,
    max_retries: Arg<'_, '_>,
    idempotency_key: Arg<'_, '_>,
    extra_headers: Arg<'_, '_>,
    extra_query: Arg<'_, '_>,
    extra_body: Arg<'_, '_>,
) -> PyResult<RequestOptions> {
    Ok(RequestOptions {
        timeout: seconds(py, "timeout", timeout)?,
        max_retries: retries(py, "max_retries", max_retries)?,
        idempotency_key: string(py, "idempotency_key", idempotency_key)?,
        headers: headers(py, "extra_headers", extra_headers, false)?,
        extra_query: query(py, "extra_query", extra_query)?,
        extra_body: body(py, "extra_body", extra_body)?,
        ..Default::default()
    })
}

/// `extra_query`: a mapping of names to `str`, `int`, `float` or `bool` values.
pub fn query(py: Python<'_>, param: &str, value: Arg<'_, '_>) -> PyResult<Vec<(String, String)>> {
    let Some(value) = present(value) else {
        return Ok(Vec::new());
    };
    let expected = "a mapping of str to str, int, float or bool";
    let Ok(dict) = value.cast::<PyDict>() else {
        return Err(wrong_type(py, param, expected, value));
    };
    let mut pairs = Vec::with_capacity(dict.len());
    for (name, item) in dict.iter() {
        let Ok(name) = name.cast::<PyString>() else {
            return Err(wrong_type(py, param, expected, &name));
        };
        let json = to_json(py, param, &item)?;
        let text = ffi::query_value(param, &json).map_err(|e| to_py_err(py, e))?;
        pairs.push((name.to_cow()?.into_owned(), text));
    }
    Ok(pairs)
}

/// `extra_body`: a `dict` of JSON-able values, merged into the request's JSON body by core.
pub fn body(
    py: Python<'_>,
    param: &str,
    value: Arg<'_, '_>,
) -> PyResult<Option<serde_json::Map<String, serde_json::Value>>> {
    let Some(value) = present(value) else {
        return Ok(None);
    };
    if !value.is_instance_of::<PyDict>() {
        return Err(wrong_type(py, param, "a dict of JSON values", value));
    }
    let json = to_json(py, param, value)?;
    ffi::extra_body(param, json)
        .map(Some)
        .map_err(|e| to_py_err(py, e))
}

/// Deepest nesting accepted when converting a Python value to JSON; a cycle or a silly depth
/// is refused instead of overflowing the stack.
const MAX_DEPTH: usize = 64;

/// A Python value as JSON: `None`, `bool`, `int` (within 64 bits), finite `float`, `str`, lists
/// and tuples, dicts with `str` keys, `datetime` (RFC 3339) and this package's models (their wire
/// JSON).
pub fn to_json(
    py: Python<'_>,
    param: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<serde_json::Value> {
    to_json_at(py, param, value, 0, false)
}

/// [`to_json`] with dict keys turned from snake_case to the wire's camelCase (model
/// constructors: `Invitation(client_name=...)`).
pub fn to_wire_json(
    py: Python<'_>,
    param: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<serde_json::Value> {
    to_json_at(py, param, value, 0, true)
}

/// `client_name` → `clientName`; names without `_` are kept.
pub fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for (i, c) in name.chars().enumerate() {
        if c == '_' && i > 0 {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn to_json_at(
    py: Python<'_>,
    param: &str,
    value: &Bound<'_, PyAny>,
    depth: usize,
    camel: bool,
) -> PyResult<serde_json::Value> {
    use serde_json::Value;
    let expected = "JSON values (None, bool, int, float, str, list, dict with str keys, datetime)";
    if depth > MAX_DEPTH {
        return Err(to_py_err(
            py,
            zavu_core::Error::invalid_param(param, format!("{param} is nested too deeply")),
        ));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        return match value.extract::<i64>() {
            Ok(n) => Ok(Value::from(n)),
            Err(_) => Err(to_py_err(
                py,
                zavu_core::Error::invalid_param(param, format!("{param}: an int is out of range")),
            )),
        };
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| {
                to_py_err(
                    py,
                    zavu_core::Error::invalid_param(
                        param,
                        format!("{param}: a float must be finite"),
                    ),
                )
            });
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Value::String(text.to_cow()?.into_owned()));
    }
    if let Ok(time) = value.extract::<time::OffsetDateTime>() {
        let text = time
            .to_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        return Ok(Value::String(text));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for item in value.try_iter()? {
            items.push(to_json_at(py, param, &item?, depth + 1, camel)?);
        }
        return Ok(Value::Array(items));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(wrong_type(py, param, expected, &key));
            };
            let key = key.to_cow()?;
            let key = if camel {
                camel_case(&key)
            } else {
                key.into_owned()
            };
            map.insert(key, to_json_at(py, param, &item, depth + 1, camel)?);
        }
        return Ok(Value::Object(map));
    }
    // One of this package's models: its wire JSON.
    if value.hasattr("to_json")?
        && let Ok(text) = value.call_method0("to_json")?.extract::<String>()
        && let Ok(json) = serde_json::from_str(&text)
    {
        return Ok(json);
    }
    Err(wrong_type(py, param, expected, value))
}

/// A raw webhook body: `bytes`, `bytearray` or `str` (encoded as UTF-8). A parsed body (a
/// `dict`, what a framework's JSON parsing hands over) cannot be verified: the signature covers
/// the exact bytes.
pub fn payload(py: Python<'_>, param: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    if let Ok(bytes) = value.cast::<PyByteArray>() {
        return Ok(bytes.to_vec());
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(text.to_cow()?.as_bytes().to_vec());
    }
    Err(wrong_type(
        py,
        param,
        "the raw request body (bytes or str) exactly as received; a parsed body cannot be verified",
        value,
    ))
}
