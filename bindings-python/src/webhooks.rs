//! `client.webhooks`: verifying and reading Zavu's signed webhook deliveries (core's
//! `zavu_core::webhooks`), and the `WebhookEvent` model.

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyType};
use time::OffsetDateTime;
use zavu_core::ffi;
use zavu_core::webhooks::{self as core_webhooks, EventData};

use crate::convert;
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
    #[pyo3(signature = (*, mode=None))]
    fn to_dict<'py>(
        &self,
        py: Python<'py>,
        mode: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let json = crate::models::json_mode(py, mode)?;
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
        if json {
            return Ok(crate::models::json_safe(&dict)?.cast_into::<PyDict>()?);
        }
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
/// The request's headers as pairs: a mapping, a list of `(name, value)` pairs, or the
/// `X-Zavu-Signature` header's value itself (a `str`).
fn header_pairs(py: Python<'_>, headers: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    if let Ok(text) = headers.cast::<PyString>() {
        return Ok(vec![(
            core_webhooks::SIGNATURE_HEADER.to_string(),
            text.to_cow()?.into_owned(),
        )]);
    }
    convert::headers(py, "headers", Some(headers), true)
}

/// `now`: a `datetime` or unix seconds (an `int`), for tests.
fn now_seconds(py: Python<'_>, now: Option<&Bound<'_, PyAny>>) -> PyResult<Option<i64>> {
    match now.filter(|n| !n.is_none()) {
        Some(value) => match value.extract::<OffsetDateTime>() {
            Ok(time) => Ok(Some(time.unix_timestamp())),
            Err(_) => convert::integer(py, "now", Some(value)),
        },
        None => Ok(None),
    }
}

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
        secret: &Bound<'_, PyAny>,
        now: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<WebhookEvent> {
        let body = convert::payload(py, "payload", payload)?;
        let headers = header_pairs(py, headers)?;
        let secret = convert::required_string(py, "secret", secret)?;
        let now = now_seconds(py, now)?;
        zavu_core::ffi::catch_panics_sync(|| ffi::unwrap_headers(&body, &headers, &secret, now))
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
        secret: &Bound<'_, PyAny>,
        now: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let body = convert::payload(py, "payload", payload)?;
        let headers = header_pairs(py, headers)?;
        let secret = convert::required_string(py, "secret", secret)?;
        let now = now_seconds(py, now)?;
        zavu_core::ffi::catch_panics_sync(|| ffi::verify_headers(&body, &headers, &secret, now))
            .map_err(|e| to_py_err(py, e))
    }

    /// Signs a payload as Zavu does, for tests and local tools: returns the
    /// `X-Zavu-Signature` value. `scheme` is `"v1"`, `"v2"` or `"both"` (core's default).
    #[pyo3(signature = (payload, secret, *, timestamp=None, scheme=None))]
    fn sign(
        &self,
        py: Python<'_>,
        payload: &Bound<'_, PyAny>,
        secret: &Bound<'_, PyAny>,
        timestamp: Option<&Bound<'_, PyAny>>,
        scheme: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let body = convert::payload(py, "payload", payload)?;
        let secret = convert::required_string(py, "secret", secret)?;
        let timestamp = ffi::signing_timestamp(convert::integer(py, "timestamp", timestamp)?);
        let scheme = convert::string(py, "scheme", scheme)?;
        let scheme =
            ffi::signature_scheme("scheme", scheme.as_deref()).map_err(|e| to_py_err(py, e))?;
        Ok(core_webhooks::sign_with(&body, &secret, timestamp, scheme))
    }

    fn __repr__(&self) -> &'static str {
        "Webhooks()"
    }
}
