//! Python mirrors of core's models. Each wraps the core value and converts a field when it is
//! read: strings stay `str`, enums become their wire string (unknown values included),
//! timestamps become aware `datetime`s in UTC, nested models become their mirror class, and
//! fields core does not know stay in `extra` as plain Python values.
//!
//! Every model also has `to_dict()` (snake_case keys, nested models as dicts; unknown fields
//! under the snake_case form of their wire names), `to_json()` / `from_json()` (the wire JSON,
//! camelCase, exactly as core reads and writes it), equality, pickling and a `repr` that never
//! shows secrets.

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyType};
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// `to_dict(mode=...)`: `"python"` (the default: datetimes) or `"json"` (strings).
pub fn json_mode(py: Python<'_>, mode: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    match crate::convert::string(py, "mode", mode)?.as_deref() {
        None | Some("python") => Ok(false),
        Some("json") => Ok(true),
        Some(_) => Err(crate::errors::to_py_err(
            py,
            zavu_core::Error::invalid_param("mode", "mode must be 'python' or 'json'"),
        )),
    }
}

/// `value` with every datetime (at any depth of dicts and lists) as its RFC 3339 text.
pub fn json_safe<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = value.py();
    if let Ok(dict) = value.cast::<PyDict>() {
        let out = PyDict::new(py);
        for (key, item) in dict.iter() {
            out.set_item(key, json_safe(&item)?)?;
        }
        return out.into_bound_py_any(py);
    }
    if let Ok(list) = value.cast::<PyList>() {
        let items = list
            .iter()
            .map(|item| json_safe(&item))
            .collect::<PyResult<Vec<_>>>()?;
        return PyList::new(py, items)?.into_bound_py_any(py);
    }
    if let Ok(time) = value.extract::<OffsetDateTime>() {
        let text = time
            .to_utc()
            .format(&Rfc3339)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        return text.into_bound_py_any(py);
    }
    Ok(value.clone())
}

/// How a core field value reaches Python.
pub trait ToPy {
    /// The value as an attribute returns it.
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;

    /// The value inside `to_dict()`: like [`ToPy::to_py`], but nested models become dicts.
    fn to_plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_py(py)
    }

    /// The value in a `repr`, or `None` to leave the field out.
    fn repr_text(&self, py: Python<'_>) -> PyResult<Option<String>> {
        Ok(Some(self.to_py(py)?.repr()?.to_string()))
    }
}

macro_rules! to_py_via_into {
    ($($ty:ty),*) => {$(
        impl ToPy for $ty {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.clone().into_bound_py_any(py)
            }
        }
    )*};
}
to_py_via_into!(String, bool, i64, f64);

macro_rules! to_py_via_str {
    ($($ty:ty),*) => {$(
        impl ToPy for $ty {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.as_str().into_bound_py_any(py)
            }
        }
    )*};
}
to_py_via_str!(
    zavu_core::InvitationStatus,
    zavu_core::ConnectionType,
    zavu_core::Channel,
    zavu_core::FailureReason,
    zavu_core::PhoneNumberStatus
);

impl ToPy for OffsetDateTime {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_utc().into_bound_py_any(py)
    }

    fn repr_text(&self, _py: Python<'_>) -> PyResult<Option<String>> {
        let text = self
            .to_utc()
            .format(&Rfc3339)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Some(format!("'{text}'")))
    }
}

impl<T: ToPy> ToPy for Option<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.to_py(py),
            None => Ok(py.None().into_bound(py)),
        }
    }

    fn to_plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.to_plain(py),
            None => Ok(py.None().into_bound(py)),
        }
    }

    fn repr_text(&self, py: Python<'_>) -> PyResult<Option<String>> {
        match self {
            Some(value) => value.repr_text(py),
            None => Ok(None),
        }
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|item| item.to_py(py))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)?.into_bound_py_any(py)
    }

    fn to_plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|item| item.to_plain(py))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)?.into_bound_py_any(py)
    }
}

impl ToPy for Value {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, self)
    }
}

impl ToPy for zavu_core::Extra {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let dict = PyDict::new(py);
        for (key, value) in self {
            dict.set_item(key, json_to_py(py, value)?)?;
        }
        dict.into_bound_py_any(py)
    }
}

/// A JSON value as plain Python (`dict`, `list`, `str`, `int`, `float`, `bool`, `None`).
pub fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Bool(b) => b.into_bound_py_any(py),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)
            } else if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)
            }
        }
        Value::String(s) => s.into_bound_py_any(py),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|item| json_to_py(py, item))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_bound_py_any(py)
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, value) in map {
                dict.set_item(key, json_to_py(py, value)?)?;
            }
            dict.into_bound_py_any(py)
        }
    }
}

/// `brandNewField` → `brand_new_field`: the name a future SDK version would give an unknown
/// field, so `to_dict()` keys do not change when the SDK learns it.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                Some(p) if p.is_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_uppercase() => next.is_some_and(char::is_lowercase),
                _ => false,
            };
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Adds the unknown fields of a model to its `to_dict()`.
pub fn add_extra(
    py: Python<'_>,
    dict: &Bound<'_, PyDict>,
    extra: &zavu_core::Extra,
) -> PyResult<()> {
    for (key, value) in extra {
        let key = snake_case(key);
        if !dict.contains(&key)? {
            dict.set_item(key, json_to_py(py, value)?)?;
        }
    }
    Ok(())
}

/// Builds `Name(field=value, ...)`, leaving out empty fields.
pub fn repr_of(name: &str, fields: &[(&str, Option<String>)]) -> String {
    let body = fields
        .iter()
        .filter_map(|(field, text)| text.as_ref().map(|t| format!("{field}={t}")))
        .collect::<Vec<_>>()
        .join(", ");
    format!("{name}({body})")
}

pub fn json_error(what: &str, error: serde_json::Error) -> PyErr {
    PyValueError::new_err(format!("not the JSON of {what}: {error}"))
}

/// Declares a model class mirroring a core model: attribute getters for `fields`, `extra`,
/// `to_dict`, `to_json`, `from_json`, equality, pickling and a `repr` of `repr_fields`.
macro_rules! model {
    (
        $(#[$doc:meta])*
        $py:ident => $core:ty {
            fields: [$($field:ident),* $(,)?],
            repr: [$($repr_field:ident),* $(,)?] $(,)?
        }
    ) => {
        $(#[$doc])*
        #[pyclass(frozen, module = "zavudev._native")]
        #[derive(Clone)]
        pub struct $py {
            pub inner: $core,
        }

        impl From<$core> for $py {
            fn from(inner: $core) -> Self {
                Self { inner }
            }
        }

        impl ToPy for $core {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $py::from(self.clone()).into_bound_py_any(py)
            }

            fn to_plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $py::from(self.clone()).to_dict(py, None)?.into_bound_py_any(py)
            }
        }

        impl $py {
            /// A list of core values as a list of this class (a list answer).
            #[allow(dead_code)]
            pub fn list(items: Vec<$core>) -> Vec<Self> {
                items.into_iter().map(Self::from).collect()
            }

            fn from_wire(py: Python<'_>, data: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
                let json = match data {
                    Some(data) => crate::convert::to_wire_json(py, stringify!($py), data)?,
                    None => Value::Object(Default::default()),
                };
                serde_json::from_value::<$core>(json)
                    .map(Self::from)
                    .map_err(|e| json_error(stringify!($py), e))
            }
        }

        #[pymethods]
        impl $py {
            /// Builds the model from keyword arguments (snake_case names, as the attributes;
            /// nested models as dicts or model objects; datetimes or RFC 3339 strings), so code
            /// can be tested without a server. Unknown names are kept in `extra`.
            #[new]
            #[pyo3(signature = (**fields))]
            fn new(py: Python<'_>, fields: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
                Self::from_wire(py, fields.map(|f| f.as_any()))
            }

            /// Builds the model from a dict with snake_case or camelCase keys (what `to_dict()`
            /// or the API's JSON gives).
            #[classmethod]
            fn from_dict(
                _cls: &Bound<'_, PyType>,
                py: Python<'_>,
                data: &Bound<'_, PyAny>,
            ) -> PyResult<Self> {
                if !data.is_instance_of::<PyDict>() {
                    return Err(crate::errors::to_py_err(
                        py,
                        zavu_core::ffi::wrong_type("data", "a dict"),
                    ));
                }
                Self::from_wire(py, Some(data))
            }

            $(
                #[getter]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    self.inner.$field.to_py(py)
                }
            )*

            /// Fields this version of the SDK does not know, as sent (wire names).
            #[getter]
            fn extra<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.inner.extra.to_py(py)
            }

            /// The model as a dict with snake_case keys; nested models become dicts and
            /// unknown fields appear under the snake_case form of their wire names. With
            /// `mode="json"` every value is JSON-safe (timestamps as RFC 3339 strings), so
            /// `json.dumps(model.to_dict(mode="json"))` works.
            #[pyo3(signature = (*, mode=None))]
            fn to_dict<'py>(
                &self,
                py: Python<'py>,
                mode: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyDict>> {
                let json = json_mode(py, mode)?;
                let dict = PyDict::new(py);
                $( dict.set_item(stringify!($field).trim_start_matches("r#"), self.inner.$field.to_plain(py)?)?; )*
                add_extra(py, &dict, &self.inner.extra)?;
                if json {
                    return Ok(json_safe(&dict)?.cast_into::<PyDict>()?);
                }
                Ok(dict)
            }

            /// The model as the API sends it: JSON with camelCase keys, unknown fields kept.
            fn to_json(&self) -> PyResult<String> {
                serde_json::to_string(&self.inner).map_err(|e| json_error(stringify!($py), e))
            }

            /// Reads the model from the API's JSON (what `to_json()` returns).
            #[classmethod]
            fn from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
                serde_json::from_str::<$core>(json)
                    .map(Self::from)
                    .map_err(|e| json_error(stringify!($py), e))
            }

            fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> Py<PyAny> {
                match other.cast::<Self>() {
                    Ok(other) => (self.inner == other.get().inner)
                        .into_py_any(py)
                        .unwrap_or_else(|_| py.NotImplemented()),
                    Err(_) => py.NotImplemented(),
                }
            }

            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                let from_json = slf.get_type().getattr("from_json")?;
                Ok((from_json, (slf.get().to_json()?,)))
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                Ok(repr_of(
                    stringify!($py),
                    &[$((stringify!($repr_field).trim_start_matches("r#"), self.inner.$repr_field.repr_text(py)?)),*],
                ))
            }
        }
    };
}

model! {
    /// A partner invitation: a link a client opens to connect their WhatsApp or Messenger
    /// account.
    Invitation => zavu_core::Invitation {
        fields: [
            id, token, url, status, created_at, updated_at, expires_at, client_name,
            client_email, client_phone, phone_number_id, sender_id, connection_type,
            allowed_phone_countries, connected_account, viewed_at, started_at, completed_at,
            failed_at, failure_reason,
        ],
        repr: [id, status, client_name, client_email, url, expires_at, sender_id],
    }
}

model! {
    /// The account a completed invitation connected.
    ConnectedAccount => zavu_core::ConnectedAccount {
        fields: [id, channel, name],
        repr: [id, channel, name],
    }
}

model! {
    /// What a phone number costs.
    PhoneNumberPricing => zavu_core::PhoneNumberPricing {
        fields: [is_free_number, monthly_cost, monthly_price, upfront_cost],
        repr: [is_free_number, monthly_cost, monthly_price, upfront_cost],
    }
}

model! {
    /// A Zavu phone number owned by the team.
    PhoneNumber => zavu_core::PhoneNumber {
        fields: [
            id, phone_number, capabilities, status, pricing, created_at, name, sender_id,
            next_renewal_date, updated_at,
        ],
        repr: [id, phone_number, name, status],
    }
}

model! {
    /// What an available number can do.
    PhoneNumberCapabilities => zavu_core::PhoneNumberCapabilities {
        fields: [sms, voice, mms],
        repr: [sms, voice, mms],
    }
}

model! {
    /// What an available number would cost; `is_free_eligible` marks the one number a paid plan
    /// includes.
    AvailablePhoneNumberPricing => zavu_core::AvailablePhoneNumberPricing {
        fields: [is_free_eligible, monthly_price, upfront_price],
        repr: [is_free_eligible, monthly_price, upfront_price],
    }
}

model! {
    /// A number the team can buy (`phone_numbers.search_available`).
    AvailablePhoneNumber => zavu_core::AvailablePhoneNumber {
        fields: [phone_number, capabilities, pricing, friendly_name, locality, region],
        repr: [phone_number, locality, region],
    }
}

model! {
    /// One piece of regulatory information a requirement group asks for.
    RequirementType => zavu_core::RequirementType {
        fields: [id, name, description, r#type, acceptance_criteria, example],
        repr: [id, r#type, name],
    }
}

model! {
    /// The regulatory information buying a number needs, for one country and number type.
    Requirement => zavu_core::Requirement {
        fields: [id, action, country_code, phone_number_type, requirement_types],
        repr: [id, country_code, phone_number_type],
    }
}

model! {
    /// A sender: a connected WhatsApp or Messenger identity that sends messages.
    Sender => zavu_core::Sender {
        fields: [
            id, name, phone_number, channels, created_at, updated_at, is_default, webhook,
            whatsapp,
        ],
        repr: [id, name, phone_number, channels],
    }
}

model! {
    /// The project webhook that receives invitation events. `secret` is only returned by
    /// `create_webhook` and never shown in the `repr`.
    WebhookConfig => zavu_core::WebhookConfig {
        fields: [url, events, secret, active],
        repr: [url, events, active],
    }
}

model! {
    /// `data` of an `invitation.status_changed` event.
    InvitationStatusChangedData => zavu_core::webhooks::InvitationStatusChangedData {
        fields: [
            invitation_id, client_name, client_email, connection_type, previous_status,
            current_status, sender_id, connected_account, waba_account_id, failure_reason,
        ],
        repr: [invitation_id, previous_status, current_status, sender_id],
    }
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn snake_case_of_wire_names() {
        assert_eq!(snake_case("brandNewField"), "brand_new_field");
        assert_eq!(snake_case("wabaAccountId"), "waba_account_id");
        assert_eq!(snake_case("already_snake"), "already_snake");
        assert_eq!(snake_case("HTTPStatus"), "http_status");
        assert_eq!(snake_case("id"), "id");
        assert_eq!(snake_case("v2Signature"), "v2_signature");
    }
}
