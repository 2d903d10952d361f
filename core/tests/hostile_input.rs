//! Hostile input: the signature parser, webhook unwrap, error bodies and every model's parser
//! take arbitrary bytes without panicking, with a clear error code when they refuse them.
//!
//! Each target runs its committed corpus (`tests/corpus/<target>/`) and then a bounded number
//! of generated cases (proptest; `PROPTEST_CASES` raises it). cargo-fuzz needs a nightly
//! toolchain that CI does not have, so proptest does the generating here.

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;
use zavu_core::webhooks::{self, VerifyOptions};
use zavu_core::{Error, Invitation, PageData, PhoneNumber, Sender, WebhookConfig};

const SECRET: &str = "whsec_hostile";

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "empty corpus {target}");
    files
        .into_iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

fn signature_target(header: &str) {
    match webhooks::parse_signature_header(header) {
        Ok(parsed) => assert!(parsed.timestamp.is_some()),
        Err(e) => assert_eq!(e.code(), "invalid_signature"),
    }
    if let Err(e) = webhooks::verify(b"{}", header, SECRET) {
        assert!(
            ["invalid_signature", "stale_signature"].contains(&e.code()),
            "{e}"
        );
    }
}

fn event_target(payload: &[u8]) {
    let options = VerifyOptions {
        now: Some(time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap()),
        ..Default::default()
    };
    let header = webhooks::sign(payload, SECRET, 1_700_000_000);
    match webhooks::unwrap_with(payload, &header, SECRET, options) {
        Ok(event) => {
            // What was accepted re-serializes.
            let _ = event.to_json();
            let _ = event.occurred_at();
        }
        Err(e) => assert_eq!(e.code(), "invalid_payload", "{e}"),
    }
    // A tampered copy is always refused by the signature, never parsed.
    let mut tampered = payload.to_vec();
    tampered.push(b' ');
    assert_eq!(
        webhooks::unwrap_with(&tampered, &header, SECRET, options)
            .unwrap_err()
            .code(),
        "invalid_signature"
    );
}

fn error_body_target(status: u16, body: &[u8]) {
    let error = Error::from_response(status, body);
    assert!(!error.code().is_empty());
    assert!(!error.message().is_empty());
    assert_eq!(error.status(), Some(status));
    let _ = error.kind();
    let _ = error.to_string();
}

fn model_target(body: &[u8]) {
    // Each either parses or is refused; none panics, and what parses serializes back.
    fn check<T: serde::de::DeserializeOwned + serde::Serialize>(body: &[u8]) {
        if let Ok(value) = serde_json::from_slice::<T>(body) {
            serde_json::to_vec(&value).unwrap();
        }
    }
    check::<Invitation>(body);
    check::<PhoneNumber>(body);
    check::<Sender>(body);
    check::<WebhookConfig>(body);
    check::<PageData<Invitation>>(body);
    check::<PageData<Sender>>(body);
    if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
        for inner in map.values() {
            let bytes = serde_json::to_vec(inner).unwrap();
            check::<Invitation>(&bytes);
            check::<PhoneNumber>(&bytes);
        }
    }
}

#[test]
fn corpus_signature() {
    for input in corpus("signature") {
        signature_target(&String::from_utf8_lossy(&input));
    }
}

#[test]
fn corpus_event() {
    for input in corpus("event") {
        event_target(&input);
    }
}

#[test]
fn corpus_error_body() {
    for input in corpus("error_body") {
        for status in [400, 401, 404, 409, 429, 500, 502, 599, 302] {
            error_body_target(status, &input);
        }
    }
}

#[test]
fn corpus_model() {
    for input in corpus("model") {
        model_target(&input);
    }
}

#[test]
fn deeply_nested_and_huge_inputs_are_refused_cleanly() {
    let deep = "[".repeat(200_000);
    model_target(deep.as_bytes());
    event_target(deep.as_bytes());
    error_body_target(500, deep.as_bytes());
    let deep_object = format!("{}1{}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    model_target(deep_object.as_bytes());
    let huge_number = format!("{{\"limit\": 1{}}}", "0".repeat(100_000));
    model_target(huge_number.as_bytes());
    error_body_target(400, huge_number.as_bytes());
    let long_header = format!("t=1,{}", "v1=00,".repeat(100_000));
    signature_target(&long_header);
}

/// Arbitrary JSON values, a few levels deep, with the field names the models use so that
/// generated objects reach past the first field check.
fn json_value() -> impl Strategy<Value = Value> {
    let names = prop::sample::select(vec![
        "id",
        "token",
        "url",
        "status",
        "createdAt",
        "expiresAt",
        "updatedAt",
        "clientName",
        "connectedAccount",
        "channel",
        "items",
        "nextCursor",
        "phoneNumber",
        "capabilities",
        "pricing",
        "name",
        "type",
        "timestamp",
        "data",
        "code",
        "message",
        "error",
        "invitation",
        "currentStatus",
        "invitationId",
        "secret",
        "events",
        "active",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::from),
        Just(Value::from("2025-01-15T12:00:00Z")),
        Just(Value::from("pending")),
        Just(Value::from("completed")),
    ];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((names.clone(), inner), 0..10).prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_signature_header(header in ".{0,200}") {
        signature_target(&header);
    }

    #[test]
    fn structured_signature_headers(t in any::<i64>(), v1 in "[0-9a-fA-F]{0,70}", v2 in "[0-9a-g]{0,70}", junk in "[a-z0-9=]{0,10}") {
        signature_target(&format!("{junk},v2={v2},t={t},v1={v1}"));
    }

    #[test]
    fn any_event_bytes(payload in prop::collection::vec(any::<u8>(), 0..300)) {
        event_target(&payload);
    }

    #[test]
    fn structured_events(data in json_value(), kind in prop::sample::select(vec!["invitation.status_changed", "sender.created", "other.kind"])) {
        let payload = serde_json::json!({"id": "evt", "type": kind, "timestamp": 1, "data": data});
        event_target(payload.to_string().as_bytes());
    }

    #[test]
    fn any_error_body(status in 100u16..600, body in prop::collection::vec(any::<u8>(), 0..300)) {
        error_body_target(status, &body);
    }

    #[test]
    fn structured_error_bodies(status in 400u16..600, body in json_value()) {
        error_body_target(status, body.to_string().as_bytes());
    }

    #[test]
    fn any_model_bytes(body in prop::collection::vec(any::<u8>(), 0..300)) {
        model_target(&body);
    }

    #[test]
    fn structured_models(body in json_value()) {
        model_target(body.to_string().as_bytes());
    }
}
