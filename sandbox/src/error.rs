//! API error responses in the wire form of the real API.

use axum::Json;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use zavu_core::codes;

/// An error answer: status, stable code, message and, for validation, the offending parameter.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    pub param: Option<String>,
    pub headers: Vec<(HeaderName, HeaderValue)>,
}

/// Marks a response whose body is an [`ApiError`], so the /v1 pipeline can re-shape it into the
/// nested form when that setting is on, after every layer has had its say.
#[derive(Debug, Clone)]
pub(crate) struct ErrorMarker(pub ApiError);

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code: code.to_string(),
            message: message.into(),
            param: None,
            headers: Vec::new(),
        }
    }

    pub fn invalid(param: &str, message: impl Into<String>) -> Self {
        let mut error = ApiError::new(StatusCode::BAD_REQUEST, codes::INVALID_REQUEST, message);
        error.param = Some(param.to_string());
        error
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, codes::INVALID_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, codes::NOT_FOUND, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::CONFLICT, codes::CONFLICT, message)
    }

    pub fn unauthorized() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            codes::UNAUTHORIZED,
            "Invalid API key",
        )
    }

    pub fn with_header(mut self, name: &'static str, value: impl AsRef<str>) -> Self {
        if let Ok(value) = HeaderValue::from_str(value.as_ref()) {
            self.headers.push((HeaderName::from_static(name), value));
        }
        self
    }

    /// A validation refusal from core, so client and server refuse with the same words.
    pub fn from_core(error: zavu_core::Error) -> Self {
        let mut api = ApiError::bad_request(error.message());
        api.code = error.code().to_string();
        api.param = error.param().map(str::to_string);
        api
    }

    /// The body the real API sends for a bare status, used by status faults without a body.
    pub fn for_status(status: StatusCode) -> Self {
        let code = match status.as_u16() {
            400 | 422 => codes::INVALID_REQUEST,
            401 => codes::UNAUTHORIZED,
            402 => codes::PAID_PLAN_REQUIRED,
            403 => codes::FORBIDDEN,
            404 => codes::NOT_FOUND,
            409 => codes::CONFLICT,
            429 => codes::RATE_LIMITED,
            500..=599 => codes::INTERNAL_ERROR,
            _ => zavu_core::error::code_for_status(status.as_u16()),
        };
        let message = status.canonical_reason().unwrap_or("Error");
        ApiError::new(status, code, message)
    }

    fn fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        fields.insert("code".into(), Value::from(self.code.clone()));
        fields.insert("message".into(), Value::from(self.message.clone()));
        if let Some(param) = &self.param {
            fields.insert("param".into(), Value::from(param.clone()));
        }
        fields
    }

    pub fn flat_body(&self) -> Value {
        Value::Object(self.fields())
    }

    pub fn nested_body(&self) -> Value {
        let mut outer = Map::new();
        outer.insert("error".into(), Value::Object(self.fields()));
        Value::Object(outer)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.flat_body())).into_response();
        for (name, value) in &self.headers {
            response.headers_mut().insert(name.clone(), value.clone());
        }
        response.extensions_mut().insert(ErrorMarker(self));
        response
    }
}

/// Parses a JSON request body into `T`, treating an empty body as `{}`. A refusal names the
/// offending key when one can be found, so a wrong type reads like a validation error.
pub(crate) fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let text = if body.iter().all(u8::is_ascii_whitespace) {
        &b"{}"[..]
    } else {
        body
    };
    let value: Value = serde_json::from_slice(text)
        .map_err(|e| ApiError::bad_request(format!("Request body is not valid JSON: {e}")))?;
    let Value::Object(object) = &value else {
        return Err(ApiError::bad_request("Request body must be a JSON object"));
    };
    match serde_json::from_value::<T>(value.clone()) {
        Ok(parsed) => Ok(parsed),
        Err(error) => {
            let message = error.to_string();
            if let Some(missing) = missing_field(&message) {
                return Err(ApiError::invalid(
                    &missing,
                    format!("{missing} is required"),
                ));
            }
            // Removing the culprit makes the rest parse (or only miss that very key).
            let culprit = object.keys().find(|key| {
                let mut rest = object.clone();
                rest.remove(*key);
                match serde_json::from_value::<T>(Value::Object(rest)) {
                    Ok(_) => true,
                    Err(e) => missing_field(&e.to_string()).as_deref() == Some(key.as_str()),
                }
            });
            match culprit {
                Some(key) => Err(ApiError::invalid(
                    key,
                    format!("{key} has the wrong type: {message}"),
                )),
                None => Err(ApiError::bad_request(format!(
                    "Invalid request body: {message}"
                ))),
            }
        }
    }
}

fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    let end = rest.find('`')?;
    Some(rest[..end].to_string())
}
