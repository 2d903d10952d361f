//! The invitation lifecycle through the page forms and the control endpoints, and the signed
//! webhook deliveries it fires, including a retry after a failed delivery.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use axum::routing::post;
use common::{Api, start, start_with};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use zavu_core::webhooks::{EventData, unwrap};
use zavu_sandbox::SandboxConfig;

fn page_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn status_on_page(html: &str) -> String {
    let marker = "id=\"status\">";
    let start = html.find(marker).expect("status element") + marker.len();
    let end = html[start..].find('<').unwrap() + start;
    html[start..end].to_string()
}

#[tokio::test]
async fn the_page_drives_the_lifecycle() {
    let api = start().await;
    let invitation = api.create(json!({"clientName": "Acme <Corp>"})).await;
    let url = invitation["url"].as_str().unwrap().to_string();
    let id = invitation["id"].as_str().unwrap().to_string();
    let client = page_client();

    let page = client.get(&url).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Acme &lt;Corp&gt;"), "names are escaped");
    for id in ["id=\"start\"", "id=\"finish\"", "id=\"fail\""] {
        assert!(html.contains(id), "{id}");
    }
    assert_eq!(status_on_page(&html), "pending");
    let viewed = api
        .call(Method::GET, &format!("/v1/invitations/{id}"), None)
        .await;
    let viewed_at = viewed.json["invitation"]["viewedAt"].clone();
    assert!(viewed_at.is_string());
    client.get(&url).send().await.unwrap();
    let again = api
        .call(Method::GET, &format!("/v1/invitations/{id}"), None)
        .await;
    assert_eq!(
        again.json["invitation"]["viewedAt"], viewed_at,
        "first view only"
    );

    // Finishing before starting is refused and the page says so.
    let refused = client.post(format!("{url}/finish")).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::SEE_OTHER);
    let location = refused.headers()["location"].to_str().unwrap().to_string();
    let shown = client
        .get(format!("{}{location}", api.sandbox.base_url()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(shown.contains("id=\"error\""), "{shown}");

    let started = client.post(format!("{url}/start")).send().await.unwrap();
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let failed = client
        .post(format!("{url}/fail"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("reason=fb_cancelled")
        .send()
        .await
        .unwrap();
    assert_eq!(failed.status(), StatusCode::SEE_OTHER);
    let state = api
        .call(Method::GET, &format!("/v1/invitations/{id}"), None)
        .await;
    assert_eq!(state.json["invitation"]["status"], "failed");
    assert_eq!(state.json["invitation"]["failureReason"], "fb_cancelled");

    // A failed link can be retried, then finished.
    client.post(format!("{url}/start")).send().await.unwrap();
    client.post(format!("{url}/finish")).send().await.unwrap();
    let html = client.get(&url).send().await.unwrap().text().await.unwrap();
    assert_eq!(status_on_page(&html), "completed");
    let done = api
        .call(Method::GET, &format!("/v1/invitations/{id}"), None)
        .await;
    let done = &done.json["invitation"];
    assert!(done["senderId"].as_str().unwrap().starts_with("snd_"));
    assert!(
        done["connectedAccount"]["id"]
            .as_str()
            .unwrap()
            .starts_with("waba_")
    );
    assert_eq!(done["connectedAccount"]["channel"], "whatsapp");
    assert!(done["completedAt"].is_string() && done["startedAt"].is_string());

    let unknown = client
        .get(format!("{}/invite/nope", api.sandbox.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert!(unknown.text().await.unwrap().contains("<html"));
}

async fn step(api: &Api, id: &str, action: &str, body: Option<Value>) -> common::Answer {
    api.control(
        Method::POST,
        &format!("/sandbox/invitations/{id}/{action}"),
        body,
    )
    .await
}

#[tokio::test]
async fn control_endpoints_drive_the_lifecycle() {
    let api = start().await;
    let invitation = api
        .create(json!({"connectionType": "messenger", "clientName": "Page Co"}))
        .await;
    let id = invitation["id"].as_str().unwrap();

    assert_eq!(
        step(&api, id, "complete", None).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        step(&api, id, "fail", None).await.status,
        StatusCode::CONFLICT
    );
    let viewed = step(&api, id, "view", None).await;
    assert!(viewed.json["invitation"]["viewedAt"].is_string());
    let started = step(&api, id, "start", None).await;
    assert_eq!(started.json["invitation"]["status"], "in_progress");
    let failed = step(&api, id, "fail", None).await;
    assert_eq!(
        failed.json["invitation"]["failureReason"],
        "signup_abandoned"
    );
    step(&api, id, "start", None).await;
    let done = step(&api, id, "complete", None).await;
    assert_eq!(done.status, StatusCode::OK);
    let done = &done.json["invitation"];
    assert_eq!(done["status"], "completed");
    assert!(
        done["connectedAccount"]["id"]
            .as_str()
            .unwrap()
            .starts_with("page_")
    );
    assert_eq!(done["connectedAccount"]["name"], "Page Co");

    let cancel = api
        .call(Method::POST, &format!("/v1/invitations/{id}/cancel"), None)
        .await;
    assert_eq!(cancel.status, StatusCode::CONFLICT);
    assert_eq!(cancel.json["code"], "already_completed");
    assert_eq!(
        step(&api, "inv_nope", "start", None).await.status,
        StatusCode::NOT_FOUND
    );

    let sender = api
        .call(
            Method::GET,
            &format!("/v1/senders/{}", done["senderId"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(sender.json["channels"], json!(["messenger"]));
    assert!(
        sender.json["phoneNumber"]
            .as_str()
            .unwrap()
            .starts_with("+1555")
    );
}

/// A webhook receiver that refuses the first `failures` deliveries with a 500.
#[derive(Clone, Default)]
struct Receiver {
    seen: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
    failures: Arc<Mutex<usize>>,
}

async fn start_receiver(failures: usize) -> (String, Receiver) {
    let receiver = Receiver::default();
    *receiver.failures.lock().unwrap() = failures;
    let shared = receiver.clone();
    let app = axum::Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: Bytes| {
            let shared = shared.clone();
            async move {
                shared.seen.lock().unwrap().push((headers, body));
                let mut failures = shared.failures.lock().unwrap();
                if *failures > 0 {
                    *failures -= 1;
                    AxumStatus::INTERNAL_SERVER_ERROR
                } else {
                    AxumStatus::OK
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, receiver)
}

async fn wait_for_deliveries(api: &Api, count: usize, delivered: bool) -> Vec<Value> {
    for _ in 0..100 {
        let answer = api
            .control(Method::GET, "/sandbox/webhooks/deliveries", None)
            .await;
        let items = answer.json["items"].as_array().cloned().unwrap_or_default();
        if items.len() >= count && items.iter().all(|d| d["delivered"] == delivered) {
            return items;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    panic!("deliveries did not arrive");
}

#[tokio::test]
async fn status_changes_are_delivered_signed_and_in_order() {
    let api = start().await;
    let (url, receiver) = start_receiver(0).await;
    let created = api
        .call(
            Method::POST,
            "/v1/invitations/webhook",
            Some(json!({"url": url, "events": ["invitation.status_changed", "sender.created"]})),
        )
        .await;
    let secret = created.json["webhook"]["secret"]
        .as_str()
        .unwrap()
        .to_string();
    let invitation = api
        .create(json!({"clientName": "Acme", "clientEmail": "a@acme.com"}))
        .await;
    let id = invitation["id"].as_str().unwrap();
    step(&api, id, "view", None).await;
    step(&api, id, "start", None).await;
    step(&api, id, "complete", None).await;

    let deliveries = wait_for_deliveries(&api, 3, true).await;
    assert_eq!(deliveries.len(), 3, "view fires nothing: {deliveries:?}");
    let seen = receiver.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 3);
    let mut statuses = Vec::new();
    for (headers, body) in &seen {
        assert_eq!(headers["content-type"], "application/json");
        let signature = headers["x-zavu-signature"].to_str().unwrap();
        let event = unwrap(body, signature, &secret).expect("signature verifies");
        assert_eq!(headers["x-zavu-event"].to_str().unwrap(), event.event_type);
        assert_eq!(event.project_id.as_deref(), Some("prj_team_default"));
        assert!(event.id.starts_with("evt_"));
        match event.data {
            EventData::InvitationStatusChanged(data) => {
                assert_eq!(data.invitation_id, id);
                assert_eq!(data.client_email.as_deref(), Some("a@acme.com"));
                statuses.push(format!(
                    "{}->{}",
                    data.previous_status.unwrap(),
                    data.current_status
                ));
                if data.current_status.as_str() == "completed" {
                    assert!(data.sender_id.is_some());
                    assert!(data.connected_account.is_some());
                    assert!(data.waba_account_id.is_some());
                    assert_eq!(event.sender_id, data.sender_id);
                }
            }
            EventData::SenderCreated(sender) => statuses.push(format!("sender {}", sender.name)),
            EventData::Other(other) => panic!("unexpected event {other}"),
        }
    }
    assert_eq!(
        statuses,
        [
            "pending->in_progress",
            "in_progress->completed",
            "sender Acme"
        ]
    );
    let stats = api.control(Method::GET, "/sandbox/stats", None).await;
    assert_eq!(stats.json["webhookDeliveries"], 3);
}

#[tokio::test]
async fn a_failed_delivery_is_retried_after_the_configured_delay() {
    let api = start_with(SandboxConfig {
        webhook_retry_delays: vec![Duration::from_millis(100), Duration::from_millis(100)],
        ..SandboxConfig::default()
    })
    .await;
    let (url, receiver) = start_receiver(1).await;
    let created = api
        .call(
            Method::POST,
            "/v1/invitations/webhook",
            Some(json!({"url": url})),
        )
        .await;
    let secret = created.json["webhook"]["secret"]
        .as_str()
        .unwrap()
        .to_string();
    let invitation = api.create(json!({})).await;
    let id = invitation["id"].as_str().unwrap();
    let cancelled = api
        .call(Method::POST, &format!("/v1/invitations/{id}/cancel"), None)
        .await;
    assert_eq!(cancelled.status, StatusCode::OK);

    let deliveries = wait_for_deliveries(&api, 1, true).await;
    assert_eq!(deliveries[0]["attempts"], 2);
    assert_eq!(deliveries[0]["lastStatus"], 200);
    assert_eq!(deliveries[0]["type"], "invitation.status_changed");
    assert_eq!(
        deliveries[0]["payload"]["data"]["currentStatus"],
        "cancelled"
    );
    let seen = receiver.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].1, seen[1].1, "a retry sends the same event");
    let signature = seen[1].0["x-zavu-signature"].to_str().unwrap();
    zavu_core::webhooks::verify(&seen[1].1, signature, &secret).expect("retry is signed");
}

#[tokio::test]
async fn an_unreachable_webhook_gives_up_after_the_last_delay() {
    let api = start().await;
    api.control(
        Method::POST,
        "/sandbox/settings",
        Some(json!({"webhookRetryDelaysMs": [20]})),
    )
    .await;
    // Port 9 (discard) is closed on test machines: every attempt is a connection error.
    api.call(
        Method::POST,
        "/v1/invitations/webhook",
        Some(json!({"url": "http://127.0.0.1:9/hook"})),
    )
    .await;
    let invitation = api.create(json!({})).await;
    step(&api, invitation["id"].as_str().unwrap(), "start", None).await;
    for _ in 0..100 {
        let answer = api
            .control(Method::GET, "/sandbox/webhooks/deliveries", None)
            .await;
        if answer.json["items"][0]["attempts"] == 2 {
            assert_eq!(answer.json["items"][0]["delivered"], false);
            assert_eq!(answer.json["items"][0]["lastStatus"], Value::Null);
            return;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    panic!("the delivery was not retried");
}
