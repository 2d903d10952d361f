//! The one conversion from a core error to a Python exception.
//!
//! The exception classes are plain Python (`zavudev/_exceptions.py`) so users can read, subclass
//! and pickle them; which class an error becomes is decided here, from core's
//! [`zavu_core::Error::kind`] and core's class table (`ErrorKind::class_name`), and nowhere else.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyModule};
use zavu_core::{Error, ParamStyle};

static EXCEPTIONS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// Converts a core error into the matching `zavudev` exception, keeping every field.
/// Parameter names are respelled in Python's snake_case (`client_name`).
pub fn to_py_err(py: Python<'_>, error: Error) -> PyErr {
    build(py, &error.respelled(ParamStyle::Snake)).unwrap_or_else(|failure| failure)
}

fn build(py: Python<'_>, error: &Error) -> PyResult<PyErr> {
    let module =
        EXCEPTIONS.get_or_try_init(py, || py.import("zavudev._exceptions").map(Bound::unbind))?;
    let class = module.bind(py).getattr(error.kind().class_name())?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("code", error.code())?;
    kwargs.set_item("message", error.message())?;
    kwargs.set_item("status", error.status())?;
    kwargs.set_item("body", error.body())?;
    kwargs.set_item("param", error.param())?;
    kwargs.set_item("retry_after", error.retry_after().map(|d| d.as_secs_f64()))?;
    kwargs.set_item("request_id", error.request_id())?;
    kwargs.set_item("kind", error.kind().as_str())?;
    // The first argument (what `str(e)` shows) is core's one-line rendering of the error.
    let instance = class.call((error.to_string(),), Some(&kwargs))?;
    Ok(PyErr::from_value(instance))
}
