//! Python arguments → core types. Type conversion only: what the values mean is core's business.

use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use zavu_core::RequestOptions;

use crate::errors::to_py_err;

/// Seconds (a Python float or int) as a `Duration`. Negative, infinite and NaN values cannot
/// be a duration; they are refused as core refuses bad parameters, naming the parameter.
pub fn seconds(py: Python<'_>, param: &str, value: Option<f64>) -> PyResult<Option<Duration>> {
    value
        .map(|secs| {
            Duration::try_from_secs_f64(secs).map_err(|_| {
                to_py_err(
                    py,
                    zavu_core::Error::invalid_param(
                        param,
                        format!("{param} must be a non-negative number of seconds, not {secs}"),
                    ),
                )
            })
        })
        .transpose()
}

/// A mapping of header names to values (a dict, or anything with `.items()`).
pub fn headers(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<(String, String)>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    let mut pairs = Vec::new();
    for item in value.call_method0("items")?.try_iter()? {
        let (name, value): (String, String) = item?.extract()?;
        pairs.push((name, value));
    }
    Ok(pairs)
}

/// The per-call options every method takes (`timeout` in seconds).
pub fn request_options(
    py: Python<'_>,
    timeout: Option<f64>,
    max_retries: Option<u32>,
    idempotency_key: Option<String>,
    extra_headers: Option<&Bound<'_, PyAny>>,
) -> PyResult<RequestOptions> {
    Ok(RequestOptions {
        timeout: seconds(py, "timeout", timeout)?,
        max_retries,
        idempotency_key,
        headers: headers(extra_headers)?,
    })
}

/// A raw webhook body: `bytes`, `bytearray` or `str` (encoded as UTF-8).
pub fn payload(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    if let Ok(bytes) = value.cast::<PyByteArray>() {
        return Ok(bytes.to_vec());
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(text.to_cow()?.as_bytes().to_vec());
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "payload must be bytes or str, not {}",
        value.get_type().name()?
    )))
}
