//! The sandbox's request bodies, query strings and path parameters, through its whole router
//! in-process (faults, auth, rate limits, idempotency, handlers, core's validation): no request
//! makes it panic or answer 5xx, every answer is JSON with a request id, every error body reads
//! back through core with the code it states, and every success parses as core's model.
#![no_main]

use std::cell::RefCell;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use libfuzzer_sys::fuzz_target;
use percent_encoding::{AsciiSet, CONTROLS, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;
use tower::ServiceExt;
use zavu_core::models::{Invitation, PageData, PhoneNumber, Sender, WebhookConfig};

/// What a fuzzer's query bytes may keep as they are: `&`, `=` and `%` stay so it can shape pairs
/// and escapes of its own.
const QUERY: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'|')
    .add(b'\\')
    .add(b'^');
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'_').remove(b'-').remove(b'.');

#[derive(Clone, Copy)]
enum Answer {
    Invitation,
    Invitations,
    Webhook,
    PhoneNumber,
    Senders,
    Sender,
}

/// Every /v1 operation the sandbox implements; `{id}` is filled from the input.
const OPERATIONS: [(&str, &str, Answer); 12] = [
    ("POST", "/v1/invitations", Answer::Invitation),
    ("GET", "/v1/invitations", Answer::Invitations),
    ("GET", "/v1/invitations/{id}", Answer::Invitation),
    ("POST", "/v1/invitations/{id}/cancel", Answer::Invitation),
    ("POST", "/v1/invitations/webhook", Answer::Webhook),
    ("GET", "/v1/invitations/webhook", Answer::Webhook),
    ("PATCH", "/v1/invitations/webhook", Answer::Webhook),
    ("DELETE", "/v1/invitations/webhook", Answer::Webhook),
    ("POST", "/v1/phone-numbers", Answer::PhoneNumber),
    ("GET", "/v1/senders", Answer::Senders),
    ("GET", "/v1/senders/{id}", Answer::Sender),
    ("PUT", "/v1/invitations/{id}", Answer::Invitation),
];

thread_local! {
    static RUNTIME: RefCell<tokio::runtime::Runtime> = RefCell::new(
        tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime"),
    );
}

async fn send(
    app: &zavu_sandbox::fuzzing::InProcess,
    method: &str,
    uri: &str,
    body: Vec<u8>,
    auth: bool,
    idempotency_key: bool,
) -> Option<(StatusCode, Value)> {
    let mut request = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).ok()?)
        .uri(uri)
        .header("content-type", "application/json");
    if auth {
        request = request.header("authorization", format!("Bearer {}", app.api_key));
    }
    if idempotency_key {
        request = request.header("idempotency-key", "fuzz-key");
    }
    let request = request.body(Body::from(body)).ok()?;
    let response = app
        .router
        .clone()
        .oneshot(request)
        .await
        .expect("infallible");
    let status = response.status();
    assert!(
        response.headers().contains_key("x-request-id"),
        "{method} {uri}: no x-request-id"
    );
    let bytes = axum::body::to_bytes(response.into_body(), 4 << 20)
        .await
        .expect("the body is read");
    let value: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!(
            "{method} {uri} -> {status}: not JSON ({e}): {}",
            String::from_utf8_lossy(&bytes)
        )
    });
    Some((status, value))
}

fn parses<T: serde::de::DeserializeOwned>(value: &Value) -> bool {
    serde_json::from_value::<T>(value.clone()).is_ok()
}

fn check_success(answer: Answer, body: &Value) {
    let ok = match answer {
        Answer::Invitation => parses::<Invitation>(&body["invitation"]),
        Answer::Invitations => parses::<PageData<Invitation>>(body),
        Answer::Webhook => parses::<WebhookConfig>(&body["webhook"]),
        Answer::PhoneNumber => parses::<PhoneNumber>(&body["phoneNumber"]),
        Answer::Senders => parses::<PageData<Sender>>(body),
        Answer::Sender => parses::<Sender>(body),
    };
    assert!(ok, "core cannot read the sandbox's answer: {body}");
}

fuzz_target!(|data: &[u8]| {
    let [op, flags, rest @ ..] = data else {
        return;
    };
    let (method, template, answer) = OPERATIONS[usize::from(*op) % OPERATIONS.len()];
    // Lines: path parameter, query string, then the body (which may hold newlines itself).
    let mut parts = rest.splitn(3, |b| *b == b'\n');
    let id = parts.next().unwrap_or_default();
    let query = parts.next().unwrap_or_default();
    let body = parts.next().unwrap_or_default().to_vec();
    let Ok(app) = zavu_sandbox::fuzzing::in_process() else {
        return;
    };
    RUNTIME.with_borrow(|runtime| {
        runtime.block_on(async {
            // Flags reach past "not found": an invitation and a webhook that exist.
            let mut id = String::from_utf8_lossy(id).into_owned();
            if flags & 4 != 0 {
                let created =
                    send(&app, "POST", "/v1/invitations", b"{}".to_vec(), true, false).await;
                if let Some((StatusCode::OK, body)) = created
                    && id.is_empty()
                {
                    id = body["invitation"]["id"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string();
                }
            }
            if flags & 8 != 0 {
                let hook = br#"{"url":"https://example.com/hook"}"#.to_vec();
                send(&app, "POST", "/v1/invitations/webhook", hook, true, false).await;
            }
            let path = template.replace("{id}", &utf8_percent_encode(&id, SEGMENT).to_string());
            let mut uri = path;
            if !query.is_empty() {
                uri.push('?');
                uri.extend(percent_encoding::percent_encode(query, QUERY).map(|s| s.to_string()));
            }
            let Some((status, value)) =
                send(&app, method, &uri, body, flags & 1 == 0, flags & 2 != 0).await
            else {
                return;
            };
            assert!(status.as_u16() < 500, "{method} {uri} -> {status}: {value}");
            if status.is_success() {
                check_success(answer, &value);
            } else {
                let bytes = serde_json::to_vec(&value).expect("serializes");
                let error = zavu_core::Error::from_response(status.as_u16(), &bytes);
                assert_eq!(
                    Some(error.code()),
                    value["code"].as_str(),
                    "{method} {uri} -> {status}: {value}"
                );
            }
        })
    });
});
