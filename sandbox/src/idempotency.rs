//! `Idempotency-Key` on POSTs: the first answer is stored and replayed for the same request, so a
//! client can retry a create after a lost response without making two invitations.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, ErrorMarker};
use crate::state::{AppState, Counters, lock};

/// Largest request or response body the sandbox buffers.
pub(crate) const MAX_BODY_BYTES: usize = 1024 * 1024;

/// What makes two requests "the same": method, path and exact body bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    method: String,
    path: String,
    body: Bytes,
}

#[derive(Debug, Clone)]
struct StoredResponse {
    status: StatusCode,
    content_type: Option<HeaderValue>,
    body: Bytes,
    error: Option<ErrorMarker>,
}

#[derive(Debug)]
enum Entry {
    InFlight(Fingerprint),
    Done(Fingerprint, StoredResponse),
}

/// Keys are scoped per API key: two teams may use the same idempotency key independently.
#[derive(Debug, Default)]
pub(crate) struct IdempotencyStore {
    entries: HashMap<(String, String), Entry>,
}

/// Removes an in-flight entry if its request never finished (the client hung up, say), so the
/// key does not stay locked forever.
struct InFlightGuard {
    state: Arc<AppState>,
    slot: (String, String),
    armed: bool,
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        if self.armed {
            let mut store = lock(&self.state.idempotency);
            if matches!(store.entries.get(&self.slot), Some(Entry::InFlight(_))) {
                store.entries.remove(&self.slot);
            }
        }
    }
}

/// Runs a POST that carries an idempotency key: replay, refuse, or handle and store.
pub(crate) async fn run(
    state: Arc<AppState>,
    api_key: String,
    idempotency_key: String,
    request: Request,
    next: Next,
    delay: Option<std::time::Duration>,
) -> Response {
    let (parts, body) = request.into_parts();
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(body) => body,
        Err(_) => {
            return ApiError::bad_request("Request body is too large or unreadable")
                .into_response();
        }
    };
    let fingerprint = Fingerprint {
        method: parts.method.to_string(),
        path: parts.uri.path().to_string(),
        body: body.clone(),
    };
    let slot = (api_key, idempotency_key);
    {
        let mut store = lock(&state.idempotency);
        match store.entries.get(&slot) {
            Some(Entry::Done(first, stored)) if *first == fingerprint => {
                let stored = stored.clone();
                drop(store);
                Counters::bump(&state.counters.idempotent_replays);
                return replay(stored);
            }
            Some(Entry::InFlight(first)) if *first == fingerprint => {
                return ApiError::conflict(
                    "A request with this Idempotency-Key is still being processed",
                )
                .with_header("x-should-retry", "true")
                .into_response();
            }
            Some(_) => {
                return ApiError::conflict(
                    "This Idempotency-Key was already used for a different request",
                )
                .into_response();
            }
            None => {
                store
                    .entries
                    .insert(slot.clone(), Entry::InFlight(fingerprint.clone()));
            }
        }
    }
    let mut guard = InFlightGuard {
        state: state.clone(),
        slot,
        armed: true,
    };
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(body) => body,
        Err(_) => {
            return ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                zavu_core::codes::INTERNAL_ERROR,
                "Response body could not be read",
            )
            .into_response();
        }
    };
    let status = parts.status;
    if status.is_success() || status.is_client_error() {
        let stored = StoredResponse {
            status,
            content_type: parts.headers.get(axum::http::header::CONTENT_TYPE).cloned(),
            body: body.clone(),
            error: parts.extensions.get::<ErrorMarker>().cloned(),
        };
        let mut store = lock(&state.idempotency);
        store
            .entries
            .insert(guard.slot.clone(), Entry::Done(fingerprint, stored));
        guard.armed = false;
    }
    // A 5xx is not stored: the guard drops the in-flight entry so a retry runs again.
    Response::from_parts(parts, Body::from(body))
}

fn replay(stored: StoredResponse) -> Response {
    let mut response = Response::new(Body::from(stored.body));
    *response.status_mut() = stored.status;
    if let Some(content_type) = stored.content_type {
        response
            .headers_mut()
            .insert(axum::http::header::CONTENT_TYPE, content_type);
    }
    response
        .headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    if let Some(marker) = stored.error {
        response.extensions_mut().insert(marker);
    }
    response
}
