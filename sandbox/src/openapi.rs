//! `GET /openapi.json`: the OpenAPI 3.1 document of the /v1 endpoints this sandbox implements.
//!
//! The document is committed (`openapi.json` beside this file) rather than generated: the
//! handlers answer `serde_json::Value` built from core's models, so a generator could not see the
//! shapes without annotating every handler and deriving schema traits on core's models. Instead
//! `tests/openapi.rs` keeps it true: every route in `router()` is in the document and every
//! documented operation reaches a handler. Adding an endpoint: add its `.route(...)` in lib.rs,
//! then its path and method under `paths` in openapi.json; that test names whatever is missing.

use axum::http::header;
use axum::response::IntoResponse;

/// The document, as committed.
pub const DOCUMENT: &str = include_str!("openapi.json");

pub(crate) async fn document() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], DOCUMENT)
}
