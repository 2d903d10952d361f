//! Client behaviour against a real sandbox: headers, rate-limit waits, body caps, concurrency.

use std::time::Duration;

use serde_json::json;
use zavu_core::{CreateInvitationParams, ListInvitationsParams};
use zavu_sandbox::Sandbox;

mod support;
use support::{client, control};

#[tokio::test]
async fn sends_user_agent_default_headers_and_no_key_in_errors() {
    let sandbox = Sandbox::start().await.unwrap();
    let zavu = client(&sandbox, |o| {
        o.default_headers = vec![("X-Team-Trace".into(), "abc".into())];
    });
    zavu.invitations().list(&Default::default()).await.unwrap();
    let log = control(
        &sandbox,
        "GET",
        "/sandbox/requests?path=/v1/invitations",
        json!(null),
    )
    .await;
    let user_agent = log["items"][0]["userAgent"].as_str().unwrap();
    assert!(
        user_agent.starts_with(&format!("zavu-sdk/{}", zavu_core::VERSION)),
        "{user_agent}"
    );
    assert!(user_agent.contains("rust-test"), "{user_agent}");

    let bad = client(&sandbox, |o| {
        o.api_key = Some("zk_live_do_not_leak_me".into())
    });
    let error = bad.invitations().get("inv_1").await.unwrap_err();
    assert_eq!(error.code(), "unauthorized");
    for text in [error.to_string(), format!("{error:?}"), format!("{bad:?}")] {
        assert!(!text.contains("do_not_leak_me"), "{text}");
    }
}

#[tokio::test]
async fn waits_for_an_exhausted_rate_limit_window_instead_of_hitting_429() {
    let sandbox = Sandbox::start().await.unwrap();
    control(
        &sandbox,
        "POST",
        "/sandbox/settings",
        json!({"rateLimitWindowSeconds": 2}),
    )
    .await;
    let zavu = client(&sandbox, |o| o.max_retries = Some(0));
    // The create limit is 100 per window: the 101st call must wait for the next window.
    for i in 0..105 {
        zavu.invitations()
            .create(&CreateInvitationParams {
                client_name: Some(format!("Client {i}")),
                ..Default::default()
            })
            .await
            .unwrap_or_else(|e| panic!("create {i}: {e}"));
    }
    let log = control(
        &sandbox,
        "GET",
        "/sandbox/requests?path=/v1/invitations",
        json!(null),
    )
    .await;
    let statuses: Vec<u64> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(statuses.len(), 105);
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
}

#[tokio::test]
async fn caps_the_response_body() {
    let sandbox = Sandbox::start().await.unwrap();
    let big = "x".repeat(64 * 1024);
    control(
        &sandbox,
        "POST",
        "/sandbox/faults",
        json!({"path": "/v1/invitations", "method": "GET", "count": 1,
               "fault": {"kind": "status", "status": 200, "body": {"items": [], "padding": big}}}),
    )
    .await;
    let zavu = client(&sandbox, |o| o.max_response_bytes = Some(16 * 1024));
    let error = zavu
        .invitations()
        .list(&Default::default())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "invalid_response");
}

#[tokio::test]
async fn one_client_serves_many_concurrent_calls() {
    let sandbox = Sandbox::start().await.unwrap();
    control(
        &sandbox,
        "POST",
        "/sandbox/settings",
        json!({"rateLimits": false}),
    )
    .await;
    let zavu = client(&sandbox, |_| {});
    let created = zavu
        .invitations()
        .create(&Default::default())
        .await
        .unwrap();
    let calls = (0..300).map(|_| {
        let zavu = zavu.clone();
        let id = created.id.clone();
        tokio::spawn(async move { zavu.invitations().get(&id).await })
    });
    for call in futures::future::join_all(calls).await {
        assert_eq!(call.unwrap().unwrap().id, created.id);
    }
}

#[tokio::test]
async fn the_stream_walks_every_page_lazily() {
    use futures::StreamExt;
    let sandbox = Sandbox::start().await.unwrap();
    control(
        &sandbox,
        "POST",
        "/sandbox/invitations/seed",
        json!({"count": 120}),
    )
    .await;
    let zavu = client(&sandbox, |_| {});
    let page = zavu
        .invitations()
        .list(&ListInvitationsParams {
            limit: Some(50),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(page.has_next_page());
    let before = zavu.stats().requests;
    let mut stream = Box::pin(page.into_stream());
    let mut seen = 0;
    while let Some(item) = stream.next().await {
        item.unwrap();
        seen += 1;
        if seen == 50 {
            // The first page is used up and nothing more was fetched yet.
            assert_eq!(zavu.stats().requests, before);
        }
    }
    assert_eq!(seen, 120);
    assert_eq!(zavu.stats().requests, before + 2);
}

#[tokio::test]
async fn wait_for_completion_sees_a_completion_that_happens_while_waiting() {
    let sandbox = Sandbox::start().await.unwrap();
    let zavu = client(&sandbox, |_| {});
    let invitation = zavu
        .invitations()
        .create(&Default::default())
        .await
        .unwrap();
    let base = sandbox.base_url().to_string();
    let id = invitation.id.clone();
    let client_side = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let http = reqwest::Client::new();
        for step in ["start", "complete"] {
            http.post(format!("{base}/sandbox/invitations/{id}/{step}"))
                .send()
                .await
                .unwrap();
        }
    });
    let done = zavu
        .invitations()
        .wait_for_completion(
            &invitation.id,
            zavu_core::WaitOptions {
                timeout: Duration::from_secs(10),
                poll_interval: Duration::from_millis(50),
                max_poll_interval: Duration::from_millis(200),
            },
        )
        .await
        .unwrap();
    client_side.await.unwrap();
    assert_eq!(done.status, zavu_core::InvitationStatus::Completed);
    assert!(done.sender_id.is_some());
}

#[tokio::test]
async fn a_closed_client_refuses_calls_with_a_stable_code() {
    let sandbox = Sandbox::start().await.unwrap();
    let zavu = client(&sandbox, |_| {});
    let derived = zavu.with_options(&Default::default());
    zavu.invitations().list(&Default::default()).await.unwrap();
    let before = zavu.stats().requests;
    zavu.close();
    assert!(derived.is_closed());
    for client in [&zavu, &derived] {
        let error = client
            .invitations()
            .list(&Default::default())
            .await
            .unwrap_err();
        assert_eq!(error.code(), "client_closed");
        assert_eq!(error.kind(), zavu_core::ErrorKind::ClientClosed);
    }
    assert_eq!(zavu.stats().requests, before, "nothing is sent after close");
}

/// The request line of the first request a one-shot server receives; it answers 404.
async fn first_request_line(base_path: &str, call: impl AsyncFnOnce(zavu_core::Client)) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}{base_path}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut head = Vec::new();
        let mut buf = [0u8; 1024];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = stream.read(&mut buf).await.unwrap();
            assert!(n > 0, "the client closed before a whole request head");
            head.extend_from_slice(&buf[..n]);
        }
        let body = r#"{"error":{"code":"not_found","message":"no"}}"#;
        let answer = format!(
            "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(answer.as_bytes()).await.unwrap();
        let head = String::from_utf8(head).unwrap();
        head.lines().next().unwrap().to_string()
    });
    let zavu = zavu_core::Client::new(zavu_core::ClientOptions {
        api_key: Some("zk_test".into()),
        base_url: Some(base),
        max_retries: Some(0),
        ..Default::default()
    })
    .unwrap();
    call(zavu).await;
    server.await.unwrap()
}

#[tokio::test]
async fn a_base_url_with_a_path_keeps_it_with_or_without_a_trailing_slash() {
    for base_path in ["/zavu", "/zavu/"] {
        let line = first_request_line(base_path, async |zavu| {
            zavu.invitations().get("inv_1").await.unwrap_err();
        })
        .await;
        assert_eq!(
            line, "GET /zavu/v1/invitations/inv_1 HTTP/1.1",
            "{base_path}"
        );
    }
    let line = first_request_line("", async |zavu| {
        let params = ListInvitationsParams {
            limit: Some(5),
            cursor: Some("a b&c".into()),
            ..Default::default()
        };
        zavu.invitations().list(&params).await.unwrap_err();
    })
    .await;
    assert!(line.starts_with("GET /v1/invitations?"), "{line}");
    assert!(line.contains("limit=5"), "{line}");
    assert!(line.contains("cursor=a+b%26c"), "{line}");
}

#[tokio::test]
async fn a_walk_survives_a_failed_or_cancelled_page_fetch_and_resumes_where_it_was() {
    let sandbox = Sandbox::start().await.unwrap();
    control(
        &sandbox,
        "POST",
        "/sandbox/invitations/seed",
        json!({"count": 120}),
    )
    .await;
    let zavu = client(&sandbox, |o| o.max_retries = Some(0));
    let params = ListInvitationsParams {
        limit: Some(50),
        ..Default::default()
    };
    let mut pager = zavu.invitations().list(&params).await.unwrap().into_items();
    let mut ids = std::collections::HashSet::new();
    for _ in 0..50 {
        ids.insert(pager.next_item().await.unwrap().unwrap().id);
    }

    // The second page's fetch fails: the error surfaces, and the walk stays where it was.
    control(
        &sandbox,
        "POST",
        "/sandbox/faults",
        json!({"method": "GET", "path": "/v1/invitations", "fault": {"kind": "status", "status": 503}}),
    )
    .await;
    let error = pager.next_item().await.unwrap_err();
    assert_eq!(error.kind(), zavu_core::ErrorKind::Server, "{error}");

    // The next try is cancelled mid-fetch (its future dropped while the sandbox stalls).
    control(
        &sandbox,
        "POST",
        "/sandbox/faults",
        json!({"method": "GET", "path": "/v1/invitations", "fault": {"kind": "delay", "ms": 2000}}),
    )
    .await;
    let cancelled = tokio::time::timeout(Duration::from_millis(200), pager.next_item()).await;
    assert!(
        cancelled.is_err(),
        "the stalled fetch should still be pending"
    );

    // Then the walk resumes at item 51 and reaches the end, with no item lost or repeated.
    while let Some(item) = pager.next_item().await.unwrap() {
        assert!(ids.insert(item.id.clone()), "{} came twice", item.id);
    }
    assert_eq!(ids.len(), 120);
}

#[tokio::test]
async fn a_lazy_walk_sends_nothing_until_asked_and_retries_a_failed_first_page() {
    let sandbox = Sandbox::start().await.unwrap();
    control(
        &sandbox,
        "POST",
        "/sandbox/invitations/seed",
        json!({"count": 7}),
    )
    .await;
    let zavu = client(&sandbox, |o| o.max_retries = Some(0));
    let params = ListInvitationsParams {
        limit: Some(3),
        ..Default::default()
    };
    let mut pager = zavu.invitations().walk(&params);
    assert_eq!(
        zavu.stats().requests,
        0,
        "a walk fetches nothing before it is used"
    );
    control(
        &sandbox,
        "POST",
        "/sandbox/faults",
        json!({"method": "GET", "path": "/v1/invitations", "fault": {"kind": "status", "status": 500}}),
    )
    .await;
    let error = pager.next_batch().await.unwrap_err();
    assert_eq!(error.kind(), zavu_core::ErrorKind::Server, "{error}");
    let mut count = 0;
    while let Some(batch) = pager.next_batch().await.unwrap() {
        assert!(batch.len() <= 3);
        count += batch.len();
    }
    assert_eq!(count, 7);
    // Bad parameters surface on the first step, as any failed fetch.
    let mut bad = zavu.invitations().walk(&ListInvitationsParams {
        limit: Some(0),
        ..Default::default()
    });
    assert_eq!(bad.next_item().await.unwrap_err().param(), Some("limit"));
}
