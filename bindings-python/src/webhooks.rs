//! `client.webhooks`: verifying and reading Zavu's signed webhook deliveries (core's
//! `zavu_core::webhooks`), and the `WebhookEvent` model.

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyType};
use time::OffsetDateTime;
use zavu_core::webhooks::{self as core_webhooks, EventData, SignatureScheme, VerifyOptions};

use crate::convert::headers;
use crate::errors::to_py_err;
use crate::models::{InvitationStatusChangedData, Sender, ToPy, add_extra, json_to_py, repr_of};

/// A webhook event as delivered by Zavu. `data` is typed for the events core knows
/// (`InvitationStatusChangedData` for `invitation.status_changed`, `Sender` for
/// `sender.created`) and a plain dict for any other type.
#[pyclass(frozen, module = "zavudev._native")]
#[derive(Clone)]
pub struct WebhookEvent {
    pub inner: core_webhooks::WebhookEvent,
}

#[pymethods]
impl WebhookEvent {
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The event type, for example `invitation.status_changed`.
    #[getter]
    fn r#type(&self) -> &str {
        &self.inner.event_type
    }

    /// When the event happened, unix milliseconds as sent.
    #[getter]
    fn timestamp(&self) -> i64 {
        self.inner.timestamp
    }

    /// `timestamp` as an aware `datetime` (UTC).
    #[getter]
    fn occurred_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.occurred_at().to_py(py)
    }

    #[getter]
    fn project_id(&self) -> Option<&str> {
        self.inner.project_id.as_deref()
    }

    #[getter]
    fn sender_id(&self) -> Option<&str> {
        self.inner.sender_id.as_deref()
    }

    /// The typed payload; see the class documentation.
    #[getter]
    fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.inner.data {
            EventData::InvitationStatusChanged(data) => {
                InvitationStatusChangedData::from((**data).clone()).into_bound_py_any(py)
            }
            EventData::SenderCreated(sender) => {
                Sender::from((**sender).clone()).into_bound_py_any(py)
            }
            EventData::Other(raw) => json_to_py(py, raw),
        }
    }

    /// Top-level fields this version of the SDK does not know, as sent.
    #[getter]
    fn extra<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.extra.to_py(py)
    }

    /// The event as a dict with snake_case keys (`data` as a dict too).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("id", &self.inner.id)?;
        dict.set_item("type", &self.inner.event_type)?;
        dict.set_item("timestamp", self.inner.timestamp)?;
        dict.set_item("project_id", &self.inner.project_id)?;
        dict.set_item("sender_id", &self.inner.sender_id)?;
        let data = match &self.inner.data {
            EventData::InvitationStatusChanged(data) => data.to_plain(py)?,
            EventData::SenderCreated(sender) => sender.to_plain(py)?,
            EventData::Other(raw) => json_to_py(py, raw)?,
        };
        dict.set_item("data", data)?;
        add_extra(py, &dict, &self.inner.extra)?;
        Ok(dict)
    }

    /// The event as Zavu sends it (JSON, camelCase keys).
    fn to_json(&self) -> String {
        self.inner.to_json().to_string()
    }

    /// Reads an event from its JSON without checking any signature; prefer
    /// `client.webhooks.unwrap`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: &str) -> PyResult<Self> {
        core_webhooks::parse_event(json.as_bytes())
            .map(|inner| WebhookEvent { inner })
            .map_err(|e| to_py_err(py, e))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
        match other.cast::<Self>() {
            Ok(other) => (self.inner == other.get().inner)
                .into_py_any(py)
                .unwrap_or_else(|_| py.NotImplemented()),
            Err(_) => py.NotImplemented(),
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().to_json(),)))
    }

    fn __repr__(&self) -> String {
        repr_of(
            "WebhookEvent",
            &[
                ("id", Some(format!("'{}'", self.inner.id))),
                ("type", Some(format!("'{}'", self.inner.event_type))),
                ("timestamp", Some(self.inner.timestamp.to_string())),
                (
                    "project_id",
                    self.inner.project_id.as_ref().map(|p| format!("'{p}'")),
                ),
            ],
        )
    }
}

/// The signature to check: the `X-Zavu-Signature` value itself, or the request's headers
/// (any mapping; the header is found whatever its case).
fn signature(payload: &[u8], headers_or_signature: &Bound<'_, PyAny>) -> PyResult<Signature> {
    if let Ok(text) = headers_or_signature.cast::<PyString>() {
        return Ok(Signature::Found(text.to_cow()?.into_owned()));
    }
    let pairs = headers(Some(headers_or_signature))?;
    match core_webhooks::signature_from_headers(pairs.iter().map(|(k, v)| (k, v))) {
        Some(found) => Ok(Signature::Found(found.to_string())),
        // Core words the error for a request without the header.
        None => match core_webhooks::unwrap_headers(payload, pairs.iter().map(|(k, v)| (k, v)), "")
        {
            Err(error) => Ok(Signature::Missing(error)),
            Ok(_) => Ok(Signature::Found(String::new())),
        },
    }
}

enum Signature {
    Found(String),
    Missing(zavu_core::Error),
}

/// `now` as a point in time: unix seconds or an aware `datetime`.
fn verify_options(now: Option<&Bound<'_, PyAny>>) -> PyResult<VerifyOptions> {
    let now = match now.filter(|n| !n.is_none()) {
        None => None,
        Some(value) => Some(match value.extract::<OffsetDateTime>() {
            Ok(time) => time,
            Err(_) => OffsetDateTime::from_unix_timestamp(value.extract::<i64>()?)
                .map_err(|e| PyValueError::new_err(format!("now: {e}")))?,
        }),
    };
    Ok(VerifyOptions {
        now,
        ..VerifyOptions::default()
    })
}

/// `client.webhooks`: verify and read Zavu's webhook deliveries. Pure computation, so the same
/// (synchronous) object serves `Zavudev` and `AsyncZavudev`.
#[pyclass(frozen, module = "zavudev._native")]
pub struct Webhooks;

#[pymethods]
impl Webhooks {
    #[new]
    fn new() -> Self {
        Webhooks
    }

    /// Verifies the signature of a delivery, then returns its event. `headers` is the request's
    /// headers (any mapping) or the `X-Zavu-Signature` value; `payload` is the raw body.
    /// Raises `WebhookVerificationError` when the signature, its age or the body is refused.
    #[pyo3(signature = (payload, headers, secret, *, now=None))]
    fn unwrap(
        &self,
        py: Python<'_>,
        payload: &Bound<'_, PyAny>,
        headers: &Bound<'_, PyAny>,
        secret: &str,
        now: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<WebhookEvent> {
        let body = crate::convert::payload(payload)?;
        let options = verify_options(now)?;
        let header = match signature(&body, headers)? {
            Signature::Found(header) => header,
            Signature::Missing(error) => return Err(to_py_err(py, error)),
        };
        zavu_core::ffi::catch_panics_sync(|| {
            core_webhooks::unwrap_with(&body, &header, secret, options)
        })
        .map(|inner| WebhookEvent { inner })
        .map_err(|e| to_py_err(py, e))
    }

    /// Verifies the signature of a delivery; returns `None` or raises
    /// `WebhookVerificationError`.
    #[pyo3(signature = (payload, headers, secret, *, now=None))]
    fn verify(
        &self,
        py: Python<'_>,
        payload: &Bound<'_, PyAny>,
        headers: &Bound<'_, PyAny>,
        secret: &str,
        now: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let body = crate::convert::payload(payload)?;
        let options = verify_options(now)?;
        let header = match signature(&body, headers)? {
            Signature::Found(header) => header,
            Signature::Missing(error) => return Err(to_py_err(py, error)),
        };
        zavu_core::ffi::catch_panics_sync(|| {
            core_webhooks::verify_with(&body, &header, secret, options)
        })
        .map_err(|e| to_py_err(py, e))
    }

    /// Signs a payload as Zavu does, for tests and local tools: returns the
    /// `X-Zavu-Signature` value. `scheme` is `"v1"`, `"v2"` or `"both"` (core's default).
    #[pyo3(signature = (payload, secret, *, timestamp, scheme=None))]
    fn sign(
        &self,
        payload: &Bound<'_, PyAny>,
        secret: &str,
        timestamp: i64,
        scheme: Option<&str>,
    ) -> PyResult<String> {
        let body = crate::convert::payload(payload)?;
        Ok(match scheme {
            None => core_webhooks::sign(&body, secret, timestamp),
            Some(name) => {
                let scheme = match name {
                    "v1" => SignatureScheme::V1,
                    "v2" => SignatureScheme::V2,
                    "both" => SignatureScheme::Both,
                    other => {
                        return Err(PyValueError::new_err(format!(
                            "scheme must be 'v1', 'v2' or 'both', not {other:?}"
                        )));
                    }
                };
                core_webhooks::sign_with(&body, secret, timestamp, scheme)
            }
        })
    }

    fn __repr__(&self) -> &'static str {
        "Webhooks()"
    }
}
