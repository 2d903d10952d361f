//! Load: the sandbox holds 64 concurrent clients with no error of its own, and one client with
//! 1,000 calls in flight on one connection pool completes them all. Bounded in count and time.

use std::time::{Duration, Instant};

use serde_json::json;
use zavu_core::{Client, ClientOptions, CreateInvitationParams};
use zavu_sandbox::Sandbox;

mod support;
use support::control;

fn load_client(sandbox: &Sandbox) -> Client {
    Client::new(ClientOptions {
        api_key: Some(sandbox.api_key().into()),
        base_url: Some(sandbox.base_url().into()),
        timeout: Some(Duration::from_secs(30)),
        // Any failure must show, not be hidden by a retry.
        max_retries: Some(0),
        ..Default::default()
    })
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_clients_at_once() {
    let sandbox = Sandbox::start().await.unwrap();
    control(
        &sandbox,
        "POST",
        "/sandbox/settings",
        json!({"rateLimits": false}),
    )
    .await;
    let started = Instant::now();
    let workers = (0..64).map(|n| {
        let zavu = load_client(&sandbox);
        tokio::spawn(async move {
            let mut calls = 0u32;
            for i in 0..15 {
                let inv = zavu
                    .invitations()
                    .create(&CreateInvitationParams {
                        client_name: Some(format!("load-{n}-{i}")),
                        ..Default::default()
                    })
                    .await?;
                zavu.invitations().get(&inv.id).await?;
                calls += 2;
            }
            zavu.invitations().list(&Default::default()).await?;
            Ok::<u32, zavu_core::Error>(calls + 1)
        })
    });
    let mut calls = 0;
    for worker in futures::future::join_all(workers).await {
        calls += worker.unwrap().expect("no call fails under load");
    }
    let stats = control(&sandbox, "GET", "/sandbox/stats", json!(null)).await;
    let all = control(&sandbox, "GET", "/sandbox/invitations", json!(null)).await;
    println!(
        "load: 64 clients, {calls} calls in {:?}, sandbox stats {stats}",
        started.elapsed()
    );
    assert_eq!(all["items"].as_array().unwrap().len(), 64 * 15);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_calls_in_flight_on_one_pool() {
    let sandbox = Sandbox::start().await.unwrap();
    control(
        &sandbox,
        "POST",
        "/sandbox/settings",
        json!({"rateLimits": false}),
    )
    .await;
    let zavu = load_client(&sandbox);
    let inv = zavu
        .invitations()
        .create(&Default::default())
        .await
        .unwrap();
    let started = Instant::now();
    let calls = (0..1000).map(|_| {
        let zavu = zavu.clone();
        let id = inv.id.clone();
        async move { zavu.invitations().get(&id).await }
    });
    let results = futures::future::join_all(calls).await;
    let failures: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    println!(
        "load: 1000 concurrent gets on one client in {:?}",
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} failed, first: {:?}",
        failures.len(),
        failures.first()
    );
}
