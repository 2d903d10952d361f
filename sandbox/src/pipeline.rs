//! What every /v1 request goes through around its handler, in the order the real API applies it
//! as far as a client can tell: faults (they stand for the network and proxies, so they come
//! first), authentication, rate limits, idempotency, then the handler.
//!
//! This is the layer above the state: it reads and updates the books the state owns (faults,
//! rate limits, the idempotency store, the request log) and never the other way round.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, ErrorMarker};
use crate::faults::Fault;
use crate::idempotency::{Claim, Fingerprint, Slot, StoredResponse};
use crate::rate_limit::Endpoint;
use crate::request_log::LoggedRequest;
use crate::server::ConnectionKill;
use crate::state::{AppState, Counters, lock};

/// Largest request or response body the sandbox buffers.
pub(crate) const MAX_BODY_BYTES: usize = 1024 * 1024;

fn is_api_path(path: &str) -> bool {
    path == "/v1" || path.starts_with("/v1/")
}

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

pub(crate) async fn v1_pipeline(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_string();
    if !is_api_path(&path) {
        return next.run(request).await;
    }
    Counters::bump(&state.counters.requests);
    let method = request.method().clone();
    let entry = LoggedRequest {
        seq: 0,
        method: method.to_string(),
        path: path.clone(),
        query: request.uri().query().map(str::to_string),
        idempotency_key: header(request.headers(), "idempotency-key"),
        user_agent: header(request.headers(), "user-agent"),
        retry_count: header(request.headers(), "x-zavu-retry-count")
            .and_then(|v| v.trim().parse().ok()),
        status: None,
        fault: None,
    };
    let seq = lock(&state.request_log).push(entry);
    let kill = request.extensions().get::<ConnectionKill>().cloned();
    let fault = lock(&state.faults).take(method.as_str(), &path);
    if fault.is_some() {
        Counters::bump(&state.counters.faults_injected);
    }
    let fault_label = fault.as_ref().map(Fault::label);
    if fault_label.is_some() {
        lock(&state.request_log).record_answer(seq, None, fault_label.clone());
    }

    let response = match &fault {
        Some(Fault::Status {
            status,
            body,
            headers,
        }) => Fault::status_response(*status, body.as_ref(), headers),
        Some(Fault::DropBefore) => {
            lock(&state.request_log).record_answer(seq, None, fault_label);
            return drop_connection(kill).await;
        }
        Some(Fault::Delay { ms }) => {
            handle(&state, request, next, Some(Duration::from_millis(*ms))).await
        }
        _ => handle(&state, request, next, None).await,
    };
    let mut response = finish(&state, response);
    lock(&state.request_log).record_answer(seq, Some(response.status().as_u16()), fault_label);

    match fault {
        Some(Fault::DropAfter) => drop_connection(kill).await,
        Some(Fault::SlowBody { bytes_per_second }) => {
            let (parts, body) = response.into_parts();
            let body = axum::body::to_bytes(body, MAX_BODY_BYTES)
                .await
                .unwrap_or_default();
            response = Response::from_parts(parts, trickle(body, bytes_per_second));
            response
        }
        _ => response,
    }
}

/// Closes the connection this request came on and never answers.
async fn drop_connection(kill: Option<ConnectionKill>) -> Response {
    match kill {
        Some(kill) => {
            kill.kill();
            // The connection task drops this future when it sees the kill.
            std::future::pending::<()>().await;
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        // Only reachable when the router is served without our accept loop.
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Sends `body` a few bytes at a time, ten chunks a second.
fn trickle(body: Bytes, bytes_per_second: u64) -> Body {
    let chunk = usize::try_from(bytes_per_second / 10)
        .unwrap_or(usize::MAX)
        .max(1);
    let stream = futures::stream::unfold(body, move |mut rest| async move {
        if rest.is_empty() {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        let piece = rest.split_to(chunk.min(rest.len()));
        Some((Ok::<_, std::convert::Infallible>(piece), rest))
    });
    Body::from_stream(stream)
}

/// Request id on every answer, and the nested error form when the setting asks for it.
fn finish(state: &AppState, mut response: Response) -> Response {
    let nested = lock(&state.settings).nested_errors;
    if nested && let Some(ErrorMarker(error)) = response.extensions().get::<ErrorMarker>().cloned()
    {
        let (mut parts, _) = response.into_parts();
        parts.headers.remove(axum::http::header::CONTENT_LENGTH);
        let body = serde_json::to_vec(&error.nested_body()).unwrap_or_default();
        response = Response::from_parts(parts, Body::from(body));
    }
    let request_id = format!("req_{}", uuid::Uuid::new_v4());
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

/// Auth, rate limits and idempotency around the handler. A delay fault waits just before the
/// handler runs, after the idempotency key is taken, so it stands for a slow handler: a second
/// request with the same key meanwhile sees the key in flight.
async fn handle(
    state: &Arc<AppState>,
    mut request: Request,
    next: Next,
    delay: Option<Duration>,
) -> Response {
    let token = header(request.headers(), "authorization")
        .and_then(|v| v.strip_prefix("Bearer ").map(|t| t.trim().to_string()));
    let Some(team) = token.and_then(|t| state.team_by_key(&t).cloned()) else {
        sleep_for(delay).await;
        return ApiError::unauthorized().into_response();
    };
    let method = request.method().clone();
    let path = request.uri().path().to_string();

    let settings = state.settings();
    let quota = match Endpoint::classify(&method, &path).filter(|_| settings.rate_limits) {
        Some(endpoint) => {
            let hit = lock(&state.rate_limits).hit(&team.key, endpoint, settings.rate_limit_window);
            match hit {
                Ok(quota) => Some(quota),
                Err(quota) => {
                    sleep_for(delay).await;
                    let mut response = ApiError::new(
                        StatusCode::TOO_MANY_REQUESTS,
                        zavu_core::codes::RATE_LIMITED,
                        "Too many requests, retry later",
                    )
                    .with_header("retry-after", quota.retry_after_secs().to_string())
                    .with_header("retry-after-ms", quota.retry_after_ms().to_string())
                    .into_response();
                    quota.apply(&mut response);
                    return response;
                }
            }
        }
        None => None,
    };

    let idempotency_key = header(request.headers(), "idempotency-key").filter(|k| !k.is_empty());
    let api_key = team.key.clone();
    request.extensions_mut().insert(team);
    let mut response = match idempotency_key {
        Some(key) if method == Method::POST => {
            idempotent(state.clone(), (api_key, key), request, next, delay).await
        }
        _ => {
            sleep_for(delay).await;
            next.run(request).await
        }
    };
    if let Some(quota) = quota {
        quota.apply(&mut response);
    }
    response
}

async fn sleep_for(delay: Option<Duration>) {
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
}

/// Frees an in-flight idempotency key if its request never finished (the client hung up, say),
/// so the key does not stay locked forever.
struct InFlightGuard {
    state: Arc<AppState>,
    slot: Slot,
    armed: bool,
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        if self.armed {
            lock(&self.state.idempotency).release(&self.slot);
        }
    }
}

/// Runs a POST that carries an idempotency key: replay, refuse, or handle and store.
async fn idempotent(
    state: Arc<AppState>,
    slot: Slot,
    request: Request,
    next: Next,
    delay: Option<Duration>,
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
    let claim = lock(&state.idempotency).claim(&slot, &fingerprint);
    match claim {
        Claim::Run => {}
        Claim::Replay(stored) => {
            Counters::bump(&state.counters.idempotent_replays);
            return replay(stored);
        }
        Claim::InFlight => {
            return ApiError::conflict(
                "A request with this Idempotency-Key is still being processed",
            )
            .with_header("x-should-retry", "true")
            .into_response();
        }
        Claim::Mismatch => {
            return ApiError::conflict(
                "This Idempotency-Key was already used for a different request",
            )
            .into_response();
        }
    }
    let mut guard = InFlightGuard {
        state: state.clone(),
        slot,
        armed: true,
    };
    sleep_for(delay).await;
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
        lock(&state.idempotency).complete(guard.slot.clone(), fingerprint, stored);
        guard.armed = false;
    }
    // A 5xx is not stored: the guard frees the in-flight key so a retry runs again.
    Response::from_parts(parts, Body::from(body))
}

/// A stored first answer again, marked `Idempotent-Replayed: true`.
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
