//! Fault injection: status answers, delays, dropped connections, slow bodies, random faults, and
//! what the request log and stats record about them.

mod common;

use std::time::{Duration, Instant};

use common::start;
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn status_fault_answers_without_acting_then_runs_out() {
    let api = start().await;
    let rule = api
        .control(
            Method::POST,
            "/sandbox/faults",
            Some(json!({"method": "POST", "path": "/v1/invitations", "count": 2, "fault": {"kind": "status", "status": 503}})),
        )
        .await;
    assert_eq!(rule.status, StatusCode::OK, "{:?}", rule.json);
    for _ in 0..2 {
        let answer = api
            .call(Method::POST, "/v1/invitations", Some(json!({})))
            .await;
        assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answer.json["code"], "internal_error");
        assert!(answer.header("x-request-id").is_some());
    }
    // A GET does not match the POST rule.
    let list = api.call(Method::GET, "/v1/invitations", None).await;
    assert_eq!(
        list.json["items"],
        json!([]),
        "the faulted creates did nothing"
    );
    let ok = api
        .call(Method::POST, "/v1/invitations", Some(json!({})))
        .await;
    assert_eq!(ok.status, StatusCode::OK);

    let faults = api.control(Method::GET, "/sandbox/faults", None).await;
    assert_eq!(faults.json["rules"][0]["remaining"], 0);
    assert_eq!(faults.json["injected"], 2);
    let log = api
        .control(Method::GET, "/sandbox/requests?path=/v1/invitations", None)
        .await;
    let items = log.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(items[0]["fault"], "status_503");
    assert_eq!(items[0]["status"], 503);
    assert_eq!(items[3]["fault"], serde_json::Value::Null);
    let stats = api.control(Method::GET, "/sandbox/stats", None).await;
    assert_eq!(stats.json["faultsInjected"], 2);
}

#[tokio::test]
async fn status_fault_is_checked_before_auth_and_takes_body_and_headers() {
    let api = start().await;
    api.control(
        Method::POST,
        "/sandbox/faults",
        Some(json!({"path": "/v1/invitations/*", "fault": {"kind": "status", "status": 429,
            "body": {"code": "rate_limited", "message": "slow down"}, "headers": {"retry-after": "2"}}})),
    )
    .await;
    let answer = api
        .call_as("bad key", Method::GET, "/v1/invitations/inv_1", None, &[])
        .await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        answer.json,
        json!({"code": "rate_limited", "message": "slow down"})
    );
    assert_eq!(answer.header("retry-after"), Some("2"));
    let cleared = api.control(Method::DELETE, "/sandbox/faults", None).await;
    assert_eq!(cleared.json["rules"], json!([]));
}

#[tokio::test]
async fn delay_fault_waits_then_handles() {
    let api = start().await;
    api.control(
        Method::POST,
        "/sandbox/faults",
        Some(json!({"path": "/v1/invitations", "fault": {"kind": "delay", "ms": 300}})),
    )
    .await;
    let started = Instant::now();
    let answer = api
        .call(Method::POST, "/v1/invitations", Some(json!({})))
        .await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(answer.status, StatusCode::OK);
}

#[tokio::test]
async fn drop_before_closes_the_connection_without_acting() {
    let api = start().await;
    api.control(
        Method::POST,
        "/sandbox/faults",
        Some(
            json!({"path": "/v1/invitations", "method": "POST", "fault": {"kind": "drop_before"}}),
        ),
    )
    .await;
    let key = api.sandbox.api_key().to_string();
    let result = api
        .try_call_as(&key, Method::POST, "/v1/invitations", Some(json!({})), &[])
        .await;
    assert!(result.is_err(), "the client sees a connection error");
    let all = api.control(Method::GET, "/sandbox/invitations", None).await;
    assert_eq!(all.json["items"], json!([]));
    let log = api.control(Method::GET, "/sandbox/requests", None).await;
    assert_eq!(log.json["items"][0]["fault"], "drop_before");
    assert_eq!(log.json["items"][0]["status"], serde_json::Value::Null);
}

#[tokio::test]
async fn drop_after_acts_and_stores_for_idempotency() {
    let api = start().await;
    api.control(
        Method::POST,
        "/sandbox/faults",
        Some(json!({"path": "/v1/invitations", "method": "POST", "fault": {"kind": "drop_after"}})),
    )
    .await;
    let key = api.sandbox.api_key().to_string();
    let headers = [("idempotency-key", "retry-me")];
    let body = json!({"clientName": "Lost answer"});
    let result = api
        .try_call_as(
            &key,
            Method::POST,
            "/v1/invitations",
            Some(body.clone()),
            &headers,
        )
        .await;
    assert!(result.is_err(), "the client sees a connection error");
    let all = api.control(Method::GET, "/sandbox/invitations", None).await;
    assert_eq!(
        all.json["items"].as_array().unwrap().len(),
        1,
        "the invitation exists"
    );
    let retry = api
        .call_as(&key, Method::POST, "/v1/invitations", Some(body), &headers)
        .await;
    assert_eq!(retry.status, StatusCode::OK);
    assert_eq!(retry.header("idempotent-replayed"), Some("true"));
    assert_eq!(retry.json["invitation"]["id"], all.json["items"][0]["id"]);
}

#[tokio::test]
async fn slow_body_trickles_the_answer() {
    let api = start().await;
    api.control(
        Method::POST,
        "/sandbox/faults",
        Some(json!({"path": "/v1/invitations", "fault": {"kind": "slow_body", "bytes_per_second": 100}})),
    )
    .await;
    let started = Instant::now();
    let answer = api.call(Method::GET, "/v1/invitations", None).await;
    // `{"items":[],"nextCursor":null}` is 30 bytes: three 10-byte chunks, 100 ms apart.
    assert!(
        started.elapsed() >= Duration::from_millis(250),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json, json!({"items": [], "nextCursor": null}));
}

#[tokio::test]
async fn random_faults_follow_the_seed_and_turn_off() {
    let api = start().await;
    let on = api
        .control(
            Method::POST,
            "/sandbox/random-faults",
            Some(json!({"probability": 1.0, "seed": 7, "kinds": ["status_429"]})),
        )
        .await;
    assert_eq!(on.status, StatusCode::OK);
    let answer = api.call(Method::GET, "/v1/invitations", None).await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(answer.header("retry-after"), Some("1"));

    let settings = json!({"probability": 0.5, "seed": 42, "kinds": ["status_503", "status_500"]});
    api.control(
        Method::POST,
        "/sandbox/random-faults",
        Some(settings.clone()),
    )
    .await;
    let first = sample(&api).await;
    api.control(Method::POST, "/sandbox/random-faults", Some(settings))
        .await;
    let second = sample(&api).await;
    assert_eq!(first, second, "the same seed gives the same faults");
    assert!(
        first.contains(&200) && first.iter().any(|s| *s >= 500),
        "{first:?}"
    );

    api.control(
        Method::POST,
        "/sandbox/random-faults",
        Some(json!({"probability": 0})),
    )
    .await;
    let calm = sample(&api).await;
    assert!(calm.iter().all(|s| *s == 200));
}

#[tokio::test]
async fn bad_fault_rules_are_refused() {
    let api = start().await;
    for body in [
        json!({"path": "/v1/invitations", "fault": {"kind": "teleport"}}),
        json!({"path": "/v1/invitations", "fault": {"kind": "status", "status": 42}}),
        json!({"fault": {"kind": "drop_before"}}),
    ] {
        let answer = api
            .control(Method::POST, "/sandbox/faults", Some(body.clone()))
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(answer.json["code"], "invalid_request");
    }
}

#[tokio::test]
async fn request_log_records_client_headers() {
    let api = start().await;
    let key = api.sandbox.api_key().to_string();
    api.call_as(
        &key,
        Method::POST,
        "/v1/invitations",
        Some(json!({})),
        &[
            ("idempotency-key", "abc"),
            ("x-zavu-retry-count", "2"),
            ("user-agent", "zavu-test/1"),
        ],
    )
    .await;
    api.call(Method::GET, "/v1/invitations?limit=5", None).await;
    let log = api
        .control(Method::GET, "/sandbox/requests?limit=2", None)
        .await;
    let items = log.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["idempotencyKey"], "abc");
    assert_eq!(items[0]["retryCount"], 2);
    assert_eq!(items[0]["userAgent"], "zavu-test/1");
    assert_eq!(items[0]["status"], 200);
    assert_eq!(items[1]["query"], "limit=5");
    assert_eq!(items[1]["method"], "GET");
}

async fn sample(api: &common::Api) -> Vec<u16> {
    let mut statuses = Vec::new();
    for _ in 0..20 {
        statuses.push(
            api.call(Method::GET, "/v1/senders", None)
                .await
                .status
                .as_u16(),
        );
    }
    statuses
}
