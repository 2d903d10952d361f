//! The /v1 API: auth, every endpoint, validation bodies, pagination, idempotency, rate limits,
//! expiry and the nested error form.

mod common;

use std::time::Duration;

use common::{Api, start, start_with};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use zavu_core::models::{Invitation, PhoneNumber, Sender};
use zavu_sandbox::{DEFAULT_KEYS, SandboxConfig};

#[tokio::test]
async fn missing_or_unknown_key_is_401_with_a_request_id() {
    let api = start().await;
    let response = api
        .http
        .get(api.url("/v1/invitations"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(request_id.starts_with("req_"), "{request_id}");
    let body: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"code": "unauthorized", "message": "Invalid API key"})
    );

    let wrong = api
        .call_as("nope", Method::GET, "/v1/invitations", None, &[])
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json["code"], "unauthorized");
}

#[tokio::test]
async fn defaults_expose_both_keys() {
    let api = start().await;
    assert_eq!(api.sandbox.api_key(), DEFAULT_KEYS[0]);
    assert_eq!(api.sandbox.api_keys(), &DEFAULT_KEYS.map(String::from));
    assert!(api.sandbox.base_url().starts_with("http://127.0.0.1:"));
    assert!(!api.sandbox.base_url().ends_with('/'));
    assert_eq!(
        api.sandbox.base_url(),
        format!("http://127.0.0.1:{}", api.sandbox.port())
    );
}

#[tokio::test]
async fn create_get_list_and_cancel_an_invitation() {
    let api = start().await;
    for body in [None, Some(json!({}))] {
        let answer = api.call(Method::POST, "/v1/invitations", body).await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json);
    }
    let created = api
        .create(json!({"clientName": "Acme Corp", "clientEmail": "contact@acme.com", "expiresInDays": 3}))
        .await;
    let invitation: Invitation = serde_json::from_value(created.clone()).unwrap();
    assert!(invitation.id.starts_with("inv_"));
    assert!(invitation.token.len() >= 20);
    assert_eq!(
        invitation.url,
        format!("{}/invite/{}", api.sandbox.base_url(), invitation.token)
    );
    assert_eq!(created["status"], "pending");
    assert_eq!(created["connectionType"], "whatsapp_waba");
    assert_eq!(
        invitation.expires_at - invitation.created_at,
        time::Duration::days(3)
    );

    let got = api
        .call(
            Method::GET,
            &format!("/v1/invitations/{}", invitation.id),
            None,
        )
        .await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.json["invitation"], created);

    let list = api.call(Method::GET, "/v1/invitations", None).await;
    assert_eq!(list.json["items"].as_array().unwrap().len(), 3);
    assert_eq!(list.json["items"][0]["id"], created["id"], "newest first");
    assert_eq!(list.json["nextCursor"], Value::Null);

    let cancel_path = format!("/v1/invitations/{}/cancel", invitation.id);
    let cancelled = api.call(Method::POST, &cancel_path, None).await;
    assert_eq!(cancelled.status, StatusCode::OK);
    assert_eq!(cancelled.json["invitation"]["status"], "cancelled");
    let again = api.call(Method::POST, &cancel_path, None).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json["code"], "conflict");

    let pending = api
        .call(Method::GET, "/v1/invitations?status=cancelled", None)
        .await;
    assert_eq!(pending.json["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn other_teams_and_unknown_ids_are_not_found() {
    let api = start().await;
    let created = api.create(json!({})).await;
    let path = format!("/v1/invitations/{}", created["id"].as_str().unwrap());
    let other = api.sandbox.api_keys()[1].clone();
    for answer in [
        api.call_as(&other, Method::GET, &path, None, &[]).await,
        api.call(Method::GET, "/v1/invitations/inv_unknown", None)
            .await,
    ] {
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
        assert_eq!(
            answer.json,
            json!({"code": "not_found", "message": "Invitation not found"})
        );
    }
    let list = api
        .call_as(&other, Method::GET, "/v1/invitations", None, &[])
        .await;
    assert_eq!(list.json["items"], json!([]));
    let unknown = api.call(Method::GET, "/v1/nothing/here", None).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.json["code"], "not_found");
}

#[tokio::test]
async fn validation_errors_name_the_parameter() {
    let api = start().await;
    let cases = [
        (json!({"clientName": "x".repeat(101)}), "clientName"),
        (json!({"clientEmail": "nope"}), "clientEmail"),
        (json!({"clientPhone": "555"}), "clientPhone"),
        (json!({"expiresInDays": 31}), "expiresInDays"),
        (json!({"expiresInDays": "seven"}), "expiresInDays"),
        (json!({"connectionType": "sms"}), "connectionType"),
        (
            json!({"allowedPhoneCountries": ["XX"]}),
            "allowedPhoneCountries",
        ),
        (
            json!({"connectionType": "messenger", "phoneNumberId": "pn_1"}),
            "phoneNumberId",
        ),
    ];
    for (body, param) in cases {
        let answer = api
            .call(Method::POST, "/v1/invitations", Some(body.clone()))
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(answer.json["code"], "invalid_request", "{body}");
        assert_eq!(answer.json["param"], param, "{body}");
    }
    // Same words as the client-side check.
    let answer = api
        .call(
            Method::POST,
            "/v1/invitations",
            Some(json!({"expiresInDays": 0})),
        )
        .await;
    assert_eq!(
        answer.json["message"],
        "expiresInDays must be between 1 and 30"
    );

    let raw = api
        .http
        .post(api.url("/v1/invitations"))
        .header("authorization", format!("Bearer {}", api.sandbox.api_key()))
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), StatusCode::BAD_REQUEST);
    let body: Value = serde_json::from_str(&raw.text().await.unwrap()).unwrap();
    assert_eq!(body["code"], "invalid_request");

    for query in [
        "limit=0",
        "limit=101",
        "limit=abc",
        "status=paused",
        "cursor=nope",
    ] {
        let answer = api
            .call(Method::GET, &format!("/v1/invitations?{query}"), None)
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(answer.json["code"], "invalid_request", "{query}");
        let param = query.split('=').next().unwrap();
        assert_eq!(answer.json["param"], param, "{query}");
    }
}

#[tokio::test]
async fn nested_errors_when_configured_or_set() {
    let api = start_with(SandboxConfig {
        nested_errors: true,
        ..SandboxConfig::default()
    })
    .await;
    let answer = api.call(Method::GET, "/v1/invitations/inv_x", None).await;
    assert_eq!(
        answer.json,
        json!({"error": {"code": "not_found", "message": "Invitation not found"}})
    );
    let settings = api
        .control(
            Method::POST,
            "/sandbox/settings",
            Some(json!({"nestedErrors": false})),
        )
        .await;
    assert_eq!(settings.json["nestedErrors"], false);
    let answer = api.call(Method::GET, "/v1/invitations/inv_x", None).await;
    assert_eq!(answer.json["code"], "not_found");
}

#[tokio::test]
async fn pagination_walks_seeded_invitations_newest_first() {
    let api = start().await;
    let seeded = api
        .control(
            Method::POST,
            "/sandbox/invitations/seed",
            Some(json!({"count": 7, "clientNamePrefix": "Client"})),
        )
        .await;
    assert_eq!(seeded.json, json!({"created": 7}));
    let mut names = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(cursor) => format!("/v1/invitations?limit=3&cursor={cursor}"),
            None => "/v1/invitations?limit=3".to_string(),
        };
        let page = api.call(Method::GET, &path, None).await;
        assert_eq!(page.status, StatusCode::OK, "{:?}", page.json);
        pages += 1;
        for item in page.json["items"].as_array().unwrap() {
            names.push(item["clientName"].as_str().unwrap().to_string());
        }
        match page.json["nextCursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let expected: Vec<String> = (0..7).rev().map(|i| format!("Client {i}")).collect();
    assert_eq!(names, expected);

    let completed = api
        .control(
            Method::POST,
            "/sandbox/invitations/seed",
            Some(json!({"count": 2, "status": "completed", "apiKey": api.sandbox.api_keys()[1]})),
        )
        .await;
    assert_eq!(completed.status, StatusCode::OK);
    let other = api.sandbox.api_keys()[1].clone();
    let list = api
        .call_as(
            &other,
            Method::GET,
            "/v1/invitations?status=completed",
            None,
            &[],
        )
        .await;
    assert_eq!(list.json["items"].as_array().unwrap().len(), 2);
    let senders = api
        .call_as(&other, Method::GET, "/v1/senders?limit=1", None, &[])
        .await;
    assert_eq!(senders.json["items"].as_array().unwrap().len(), 1);
    assert!(senders.json["nextCursor"].is_string());
}

#[tokio::test]
async fn idempotent_replay_and_conflict() {
    let api = start().await;
    let key = api.sandbox.api_key().to_string();
    let body = json!({"clientName": "Once"});
    let first = api
        .call_as(
            &key,
            Method::POST,
            "/v1/invitations",
            Some(body.clone()),
            &[("idempotency-key", "k1")],
        )
        .await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.header("idempotent-replayed"), None);
    let replay = api
        .call_as(
            &key,
            Method::POST,
            "/v1/invitations",
            Some(body.clone()),
            &[("idempotency-key", "k1")],
        )
        .await;
    assert_eq!(replay.status, StatusCode::OK);
    assert_eq!(replay.header("idempotent-replayed"), Some("true"));
    assert_eq!(replay.json, first.json);
    let list = api.call(Method::GET, "/v1/invitations", None).await;
    assert_eq!(
        list.json["items"].as_array().unwrap().len(),
        1,
        "created once"
    );

    let other_body = api
        .call_as(
            &key,
            Method::POST,
            "/v1/invitations",
            Some(json!({"clientName": "Twice"})),
            &[("idempotency-key", "k1")],
        )
        .await;
    assert_eq!(other_body.status, StatusCode::CONFLICT);
    assert_eq!(other_body.json["code"], "conflict");

    // A 4xx is stored and replayed too.
    let bad = json!({"expiresInDays": 99});
    let refused = api
        .call_as(
            &key,
            Method::POST,
            "/v1/invitations",
            Some(bad.clone()),
            &[("idempotency-key", "k2")],
        )
        .await;
    let refused_again = api
        .call_as(
            &key,
            Method::POST,
            "/v1/invitations",
            Some(bad),
            &[("idempotency-key", "k2")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused_again.header("idempotent-replayed"), Some("true"));
    assert_eq!(refused_again.json, refused.json);

    // Keys are per API key: the other team's "k1" is a new request.
    let other = api.sandbox.api_keys()[1].clone();
    let theirs = api
        .call_as(
            &other,
            Method::POST,
            "/v1/invitations",
            Some(body),
            &[("idempotency-key", "k1")],
        )
        .await;
    assert_eq!(theirs.header("idempotent-replayed"), None);

    let stats = api.control(Method::GET, "/sandbox/stats", None).await;
    assert_eq!(stats.json["idempotentReplays"], 2);
}

#[tokio::test]
async fn a_key_still_in_flight_is_a_retryable_conflict() {
    let api = start().await;
    // The delay holds the first request inside its handler, with the key taken.
    api.control(
        Method::POST,
        "/sandbox/faults",
        Some(json!({"path": "/v1/invitations", "fault": {"kind": "delay", "ms": 600}})),
    )
    .await;
    let key = api.sandbox.api_key().to_string();
    let headers = [("idempotency-key", "same")];
    let slow = api.call_as(
        &key,
        Method::POST,
        "/v1/invitations",
        Some(json!({})),
        &headers,
    );
    let second = async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        api.call_as(
            &key,
            Method::POST,
            "/v1/invitations",
            Some(json!({})),
            &headers,
        )
        .await
    };
    let (first, second) = tokio::join!(slow, second);
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert_eq!(second.json["code"], "conflict");
    assert_eq!(second.header("x-should-retry"), Some("true"));
    let third = api
        .call_as(
            &key,
            Method::POST,
            "/v1/invitations",
            Some(json!({})),
            &headers,
        )
        .await;
    assert_eq!(third.header("idempotent-replayed"), Some("true"));
    assert_eq!(third.json, first.json);
    let list = api.call(Method::GET, "/v1/invitations", None).await;
    assert_eq!(list.json["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn rate_limits_count_down_then_refuse() {
    let api = start_with(SandboxConfig {
        rate_limit_window: Duration::from_secs(2),
        ..SandboxConfig::default()
    })
    .await;
    let first = api.call(Method::GET, "/v1/invitations/inv_x", None).await;
    assert_eq!(first.header("x-ratelimit-limit"), Some("200"));
    assert_eq!(first.header("x-ratelimit-remaining"), Some("199"));
    let reset: u64 = first.header("x-ratelimit-reset").unwrap().parse().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(reset >= now && reset <= now + 3, "{reset} vs {now}");

    let mut last = None;
    for _ in 0..100 {
        last = Some(
            api.call(Method::POST, "/v1/invitations", Some(json!({})))
                .await,
        );
    }
    assert_eq!(last.unwrap().header("x-ratelimit-remaining"), Some("0"));
    let refused = api
        .call(Method::POST, "/v1/invitations", Some(json!({})))
        .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.json["code"], "rate_limited");
    let retry_after: u64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=2).contains(&retry_after));
    assert!(refused.header("retry-after-ms").is_some());
    // Other endpoints and other keys are counted apart; senders are not limited.
    let senders = api.call(Method::GET, "/v1/senders", None).await;
    assert_eq!(senders.header("x-ratelimit-limit"), None);

    tokio::time::sleep(Duration::from_millis(retry_after * 1000 + 100)).await;
    let after = api
        .call(Method::POST, "/v1/invitations", Some(json!({})))
        .await;
    assert_eq!(after.status, StatusCode::OK);

    api.control(
        Method::POST,
        "/sandbox/settings",
        Some(json!({"rateLimits": false})),
    )
    .await;
    let off = api
        .call(Method::POST, "/v1/invitations", Some(json!({})))
        .await;
    assert_eq!(off.header("x-ratelimit-limit"), None);
}

#[tokio::test]
async fn clock_advance_expires_open_invitations() {
    let api = start().await;
    let invitation = api.create(json!({"expiresInDays": 1})).await;
    let id = invitation["id"].as_str().unwrap().to_string();
    let clock = api.control(Method::GET, "/sandbox/clock", None).await;
    let before = time::OffsetDateTime::parse(
        clock.json["now"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    let advanced = api
        .control(
            Method::POST,
            "/sandbox/clock/advance",
            Some(json!({"seconds": 86400})),
        )
        .await;
    let after = time::OffsetDateTime::parse(
        advanced.json["now"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    assert!(after - before >= time::Duration::days(1));
    let got = api
        .call(Method::GET, &format!("/v1/invitations/{id}"), None)
        .await;
    assert_eq!(got.json["invitation"]["status"], "expired");
    let cancel = api
        .call(Method::POST, &format!("/v1/invitations/{id}/cancel"), None)
        .await;
    assert_eq!(cancel.status, StatusCode::CONFLICT);
    assert_eq!(cancel.json["code"], "conflict");
    let start = api
        .control(
            Method::POST,
            &format!("/sandbox/invitations/{id}/start"),
            None,
        )
        .await;
    assert_eq!(start.status, StatusCode::CONFLICT);
    // New invitations are dated by the moved clock.
    let fresh = api.create(json!({})).await;
    let created: Invitation = serde_json::from_value(fresh).unwrap();
    assert!(created.created_at >= after - time::Duration::seconds(1));
}

async fn purchase(api: &Api, key: &str, number: &str) -> common::Answer {
    api.call_as(
        key,
        Method::POST,
        "/v1/phone-numbers",
        Some(json!({"phoneNumber": number, "name": "Support"})),
        &[],
    )
    .await
}

#[tokio::test]
async fn phone_numbers_plans_and_teams() {
    let api = start().await;
    let keys = api.sandbox.api_keys().to_vec();
    let bought = purchase(&api, &keys[0], "+14155550100").await;
    assert_eq!(bought.status, StatusCode::OK, "{:?}", bought.json);
    let number: PhoneNumber = serde_json::from_value(bought.json["phoneNumber"].clone()).unwrap();
    assert!(number.id.starts_with("pn_"));
    assert_eq!(number.capabilities, ["sms", "voice", "whatsapp"]);
    assert_eq!(bought.json["phoneNumber"]["status"], "active");
    assert_eq!(bought.json["phoneNumber"]["pricing"]["monthlyPrice"], 2.0);

    let twice = purchase(&api, &keys[1], "+14155550100").await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let invalid = purchase(&api, &keys[0], "4155550100").await;
    assert_eq!(invalid.json["param"], "phoneNumber");

    let plan = api
        .control(
            Method::POST,
            "/sandbox/teams/plan",
            Some(json!({"apiKey": keys[1], "plan": "free"})),
        )
        .await;
    assert_eq!(plan.status, StatusCode::OK);
    let free = purchase(&api, &keys[1], "+14155550199").await;
    assert_eq!(free.status, StatusCode::PAYMENT_REQUIRED);
    assert_eq!(free.json["code"], "paid_plan_required");

    let wrong_team = api
        .call_as(
            &keys[1],
            Method::POST,
            "/v1/invitations",
            Some(json!({"phoneNumberId": number.id})),
            &[],
        )
        .await;
    assert_eq!(wrong_team.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong_team.json["code"], "phone_number_wrong_team");
    let unknown = api
        .call(
            Method::POST,
            "/v1/invitations",
            Some(json!({"phoneNumberId": "pn_nope"})),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.json["message"], "Phone number not found");

    // A pre-assigned number becomes the sender's number on completion.
    let invitation = api
        .create(json!({"phoneNumberId": number.id, "clientName": "Acme"}))
        .await;
    let id = invitation["id"].as_str().unwrap();
    api.control(
        Method::POST,
        &format!("/sandbox/invitations/{id}/start"),
        None,
    )
    .await;
    let done = api
        .control(
            Method::POST,
            &format!("/sandbox/invitations/{id}/complete"),
            None,
        )
        .await;
    let sender_id = done.json["invitation"]["senderId"].as_str().unwrap();
    let sender = api
        .call(Method::GET, &format!("/v1/senders/{sender_id}"), None)
        .await;
    let sender: Sender = serde_json::from_value(sender.json).unwrap();
    assert_eq!(sender.phone_number, "+14155550100");
    assert_eq!(sender.name, "Acme");
    assert_eq!(sender.channels, Some(vec!["whatsapp".to_string()]));
    let missing = api.call(Method::GET, "/v1/senders/snd_nope", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn webhook_config_crud() {
    let api = start().await;
    let path = "/v1/invitations/webhook";
    let none = api.call(Method::GET, path, None).await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    let bad = api
        .call(Method::POST, path, Some(json!({"url": "not a url"})))
        .await;
    assert_eq!(bad.json["param"], "url");
    let created = api
        .call(
            Method::POST,
            path,
            Some(json!({"url": "http://127.0.0.1:9/hook"})),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK);
    let webhook = &created.json["webhook"];
    assert!(webhook["secret"].as_str().unwrap().starts_with("whsec_"));
    assert_eq!(webhook["events"], json!(["invitation.status_changed"]));
    assert_eq!(webhook["active"], true);
    let twice = api
        .call(
            Method::POST,
            path,
            Some(json!({"url": "http://127.0.0.1:9/hook"})),
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let got = api.call(Method::GET, path, None).await;
    assert_eq!(got.json["webhook"]["url"], "http://127.0.0.1:9/hook");
    assert!(got.json["webhook"].get("secret").is_none());
    let patched = api
        .call(Method::PATCH, path, Some(json!({"active": false})))
        .await;
    assert_eq!(patched.json["webhook"]["active"], false);
    let deleted = api.call(Method::DELETE, path, None).await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert!(deleted.json["webhook"].get("secret").is_none());
    let gone = api.call(Method::DELETE, path, None).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn reset_forgets_data_but_keeps_keys() {
    let api = start().await;
    api.create(json!({})).await;
    let reset = api.control(Method::POST, "/sandbox/reset", None).await;
    assert_eq!(reset.status, StatusCode::OK);
    let all = api.control(Method::GET, "/sandbox/invitations", None).await;
    assert_eq!(all.json["items"], json!([]));
    let list = api.call(Method::GET, "/v1/invitations", None).await;
    assert_eq!(list.status, StatusCode::OK);
    let stats = api.control(Method::GET, "/sandbox/stats", None).await;
    assert_eq!(stats.json["invitations"], 0);
    assert_eq!(stats.json["requests"], 1);
}

#[tokio::test]
async fn custom_keys_make_numbered_teams() {
    let api = start_with(SandboxConfig {
        api_keys: vec!["a".into(), "b".into(), "c".into()],
        ..SandboxConfig::default()
    })
    .await;
    assert_eq!(api.sandbox.api_key(), "a");
    api.call_as("c", Method::POST, "/v1/invitations", Some(json!({})), &[])
        .await;
    let all = api.control(Method::GET, "/sandbox/invitations", None).await;
    assert_eq!(all.json["items"][0]["team"], "team_3");
}

#[tokio::test]
async fn shutdown_stops_serving() {
    let api = start().await;
    let url = api.url("/sandbox/stats");
    assert!(api.http.get(&url).send().await.is_ok());
    let common::Api { sandbox, http } = api;
    sandbox.shutdown().await;
    assert!(http.get(&url).send().await.is_err());
}
