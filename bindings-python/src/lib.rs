//! `zavudev._native`: the Python binding of `zavu-core`.
//!
//! Every method here converts its arguments, calls core, and converts the result or the error;
//! behaviour (validation, defaults, retries, error codes and kinds) lives in core only.
//!
//! - [`bridge`]: running core futures from Python, blocking with the GIL released (sync client) or
//!   as asyncio awaitables (async client), on core's one runtime per process.
//! - [`errors`]: the one conversion from a core error to a Python exception.
//! - [`models`], [`pages`], [`webhooks`]: Python mirrors of core's models, pages and events.
//! - [`client`]: `Zavudev`, `AsyncZavudev` and their resources.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

pub mod bridge;
pub mod client;
pub mod convert;
pub mod errors;
pub mod models;
pub mod pages;
pub mod raw;
pub mod webhooks;

/// Runs in the child after `os.fork()`. The child inherits the parent's tokio runtime without
/// its worker threads, so anything scheduled on it would wait forever: core forgets it (a new
/// one starts on first use) and clients rebuild their connection pools, whose connections
/// belong to the old runtime.
#[pyfunction]
fn _after_fork_in_child() {
    zavu_core::runtime::forget_after_fork();
    bridge::after_fork_in_child();
}

/// Runs at interpreter exit, before finalization; see [`bridge::before_exit`].
#[pyfunction]
fn _before_exit(py: Python<'_>) {
    bridge::before_exit(py);
}

/// A wire (camelCase) parameter name in Python's spelling, as errors report it.
#[pyfunction]
fn _param_name(wire: &str) -> String {
    zavu_core::param_name(wire, zavu_core::ParamStyle::Snake)
}

/// Builds the exception core's error would become; lets the tests check the kind → class
/// mapping for every code without provoking each error over HTTP.
#[pyfunction]
#[pyo3(signature = (code, message, status=None))]
fn _error_for_code(py: Python<'_>, code: &str, message: &str, status: Option<u16>) -> PyErr {
    let error = match status {
        Some(status) => zavu_core::Error::from_response(
            status,
            serde_json::json!({ "code": code, "message": message })
                .to_string()
                .as_bytes(),
        ),
        None => zavu_core::Error::new(code, message),
    };
    errors::to_py_err(py, error)
}

#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", zavu_core::VERSION)?;
    m.add("KNOWN_CODES", PyTuple::new(py, zavu_core::KNOWN_CODES)?)?;
    // Core's error-class tree: (name, parent, kind, aliases), parents first. `_exceptions.py`
    // declares exactly these classes; a test compares them.
    let classes = zavu_core::ERROR_CLASSES
        .iter()
        .map(|c| {
            (
                c.name,
                c.parent,
                c.kind.map(|k| k.as_str()),
                PyTuple::new(py, c.aliases),
            )
        })
        .map(|(name, parent, kind, aliases)| Ok((name, parent, kind, aliases?)))
        .collect::<PyResult<Vec<_>>>()?;
    m.add("ERROR_CLASSES", PyTuple::new(py, classes)?)?;
    m.add_function(wrap_pyfunction!(_param_name, m)?)?;
    m.add_function(wrap_pyfunction!(_after_fork_in_child, m)?)?;
    m.add_function(wrap_pyfunction!(_error_for_code, m)?)?;
    m.add_function(wrap_pyfunction!(_before_exit, m)?)?;

    m.add_class::<client::Zavudev>()?;
    m.add_class::<client::AsyncZavudev>()?;
    m.add_class::<client::Invitations>()?;
    m.add_class::<client::AsyncInvitations>()?;
    m.add_class::<client::PhoneNumbers>()?;
    m.add_class::<client::AsyncPhoneNumbers>()?;
    m.add_class::<client::Senders>()?;
    m.add_class::<client::AsyncSenders>()?;
    m.add_class::<webhooks::Webhooks>()?;
    m.add_class::<webhooks::WebhookEvent>()?;
    m.add_class::<models::Invitation>()?;
    m.add_class::<models::ConnectedAccount>()?;
    m.add_class::<models::PhoneNumber>()?;
    m.add_class::<models::PhoneNumberPricing>()?;
    m.add_class::<models::Sender>()?;
    m.add_class::<models::PhoneNumberCapabilities>()?;
    m.add_class::<models::AvailablePhoneNumberPricing>()?;
    m.add_class::<models::AvailablePhoneNumber>()?;
    m.add_class::<models::RequirementType>()?;
    m.add_class::<models::Requirement>()?;
    m.add_class::<raw::RawResponse>()?;
    m.add_class::<models::WebhookConfig>()?;
    m.add_class::<models::InvitationStatusChangedData>()?;
    m.add_class::<pages::SyncPage>()?;
    m.add_class::<pages::AsyncPage>()?;
    m.add_class::<pages::PageIterator>()?;
    m.add_class::<pages::AsyncPageIterator>()?;
    m.add_class::<pages::AsyncPaginator>()?;
    m.add_class::<bridge::Start>()?;

    // The shared runtime must not be reused in a forked child (see `_after_fork_in_child`).
    // `os.register_at_fork` is POSIX-only; elsewhere there is no fork to guard against.
    let os = py.import("os")?;
    if os.hasattr("register_at_fork")? {
        let kwargs = PyDict::new(py);
        kwargs.set_item("after_in_child", m.getattr("_after_fork_in_child")?)?;
        os.getattr("register_at_fork")?.call((), Some(&kwargs))?;
    }
    // Runtime threads that resolve asyncio futures must be done with the interpreter before it
    // finalizes (see `bridge::before_exit`).
    py.import("atexit")?
        .getattr("register")?
        .call1((m.getattr("_before_exit")?,))?;
    Ok(())
}
