//! `RawResponse`: what `client.<resource>.with_raw_response.<method>(...)` answers, as the
//! published SDK's raw response: the HTTP status, headers, request id and rate limit of the
//! call's answer beside the parsed value (`parse()`). Core records the metadata; this only
//! hands it to Python.

use pyo3::prelude::*;
use zavu_core::ResponseMeta;

/// A parsed value with its answer's metadata, converted to a `RawResponse` when handed to Python.
pub struct Raw<U> {
    pub meta: ResponseMeta,
    pub value: U,
}

impl<'py, U> IntoPyObject<'py> for Raw<U>
where
    U: IntoPyObject<'py>,
{
    type Target = RawResponse;
    type Output = Bound<'py, RawResponse>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        use pyo3::IntoPyObjectExt;
        let parsed = self.value.into_py_any(py)?;
        Bound::new(
            py,
            RawResponse {
                meta: self.meta,
                parsed,
            },
        )
    }
}

/// The HTTP answer of one call and its parsed value.
#[pyclass(frozen, module = "zavudev._native")]
pub struct RawResponse {
    meta: ResponseMeta,
    parsed: Py<PyAny>,
}

#[pymethods]
impl RawResponse {
    /// What the plain call returns (the unwrapped model, a page, or `None`).
    fn parse(&self, py: Python<'_>) -> Py<PyAny> {
        self.parsed.clone_ref(py)
    }

    /// The HTTP status code.
    #[getter]
    fn status_code(&self) -> u16 {
        self.meta.status
    }

    /// The headers: a mapping whose lookups ignore case (`zavudev._headers.Headers`).
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("zavudev._headers")?
            .getattr("Headers")?
            .call1((self.meta.headers.clone(),))
    }

    /// One header by name, in any case; `default` when absent.
    #[pyo3(signature = (name, default=None))]
    fn header(&self, name: &str, default: Option<String>) -> Option<String> {
        self.meta.header(name).map(str::to_string).or(default)
    }

    /// `X-Request-Id`, when sent.
    #[getter]
    fn request_id(&self) -> Option<String> {
        self.meta.request_id.clone()
    }

    /// `X-RateLimit-Limit`: requests allowed in the endpoint's window.
    #[getter]
    fn rate_limit_limit(&self) -> Option<u64> {
        self.meta.rate_limit.limit
    }

    /// `X-RateLimit-Remaining`: requests left in the window.
    #[getter]
    fn rate_limit_remaining(&self) -> Option<u64> {
        self.meta.rate_limit.remaining
    }

    /// `X-RateLimit-Reset`: when the window resets, in unix seconds.
    #[getter]
    fn rate_limit_reset(&self) -> Option<f64> {
        self.meta.rate_limit.reset
    }

    /// Retries the call needed before this answer.
    #[getter]
    fn retries_taken(&self) -> u32 {
        self.meta.attempts.saturating_sub(1)
    }

    /// Lets annotations say `RawResponse[Invitation]`.
    #[classmethod]
    fn __class_getitem__(
        cls: &Bound<'_, pyo3::types::PyType>,
        item: &Bound<'_, PyAny>,
    ) -> Py<pyo3::types::PyType> {
        let _ = item;
        cls.clone().unbind()
    }

    fn __repr__(&self) -> String {
        format!(
            "RawResponse(status_code={}, request_id={:?})",
            self.meta.status,
            self.meta.request_id.as_deref().unwrap_or("")
        )
    }
}
