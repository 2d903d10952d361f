//! Fault soak: many tasks create, get, list and cancel through one client while the sandbox
//! injects random faults (503, 500, 429 with Retry-After, delays past the timeout, connections
//! dropped before and after the server acted). Afterwards the client's record is compared with
//! the sandbox's state: no duplicate, nothing lost, no call hung.
//!
//! Bounded by `ZAVU_SOAK_SECONDS` (default 40).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::json;
use zavu_core::{Client, ClientOptions, CreateInvitationParams, ListInvitationsParams};
use zavu_sandbox::Sandbox;

mod support;
use support::control;

const TASKS: usize = 16;
const ATTEMPT_TIMEOUT: Duration = Duration::from_millis(800);
const MAX_RETRIES: u32 = 4;

#[derive(Default)]
struct Record {
    calls: u64,
    errors: HashMap<String, u64>,
    /// clientName → id of every create that returned success.
    created: HashMap<String, String>,
    /// clientName of every create that returned an error.
    failed_creates: Vec<String>,
    hangs: u64,
    slowest: Duration,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_soak_loses_and_duplicates_nothing() {
    let seconds: u64 = std::env::var("ZAVU_SOAK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let sandbox = Sandbox::start().await.unwrap();
    control(
        &sandbox,
        "POST",
        "/sandbox/settings",
        json!({"rateLimits": false}),
    )
    .await;
    // The fault mix every binding's soak uses too (tests/soak/spec.json), so they cannot drift.
    let spec: serde_json::Value =
        serde_json::from_str(include_str!("../../tests/soak/spec.json")).unwrap();
    let spec = &spec["soak"];
    assert_eq!(
        spec["client"],
        json!({"timeoutMs": ATTEMPT_TIMEOUT.as_millis() as u64, "maxRetries": MAX_RETRIES})
    );
    control(
        &sandbox,
        "POST",
        "/sandbox/random-faults",
        spec["faults"].clone(),
    )
    .await;
    let zavu = Client::new(ClientOptions {
        api_key: Some(sandbox.api_key().into()),
        base_url: Some(sandbox.base_url().into()),
        timeout: Some(ATTEMPT_TIMEOUT),
        max_retries: Some(MAX_RETRIES),
        ..Default::default()
    })
    .unwrap();
    // The longest a call may take: every attempt times out, then waits the longest backoff or
    // Retry-After (1 s here) before the next.
    let bound = ATTEMPT_TIMEOUT * (MAX_RETRIES + 1) + Duration::from_secs(8) * MAX_RETRIES;
    let record = Arc::new(Mutex::new(Record::default()));
    let deadline = Instant::now() + Duration::from_secs(seconds);

    let tasks = (0..TASKS).map(|task| {
        let zavu = zavu.clone();
        let record = Arc::clone(&record);
        tokio::spawn(async move {
            let mut mine: Vec<String> = Vec::new();
            let mut i = 0u64;
            while Instant::now() < deadline {
                i += 1;
                let started = Instant::now();
                let op = i % 4;
                let name = format!("soak-{task}-{i}");
                let outcome = tokio::time::timeout(bound, async {
                    match op {
                        0 | 1 => zavu
                            .invitations()
                            .create(&CreateInvitationParams {
                                client_name: Some(name.clone()),
                                ..Default::default()
                            })
                            .await
                            .map(|inv| Some(inv.id)),
                        2 => match mine.last() {
                            Some(id) => zavu.invitations().get(id).await.map(|_| None),
                            None => zavu
                                .invitations()
                                .list(&ListInvitationsParams {
                                    limit: Some(20),
                                    ..Default::default()
                                })
                                .await
                                .map(|_| None),
                        },
                        _ => match mine.pop() {
                            Some(id) => zavu.invitations().cancel(&id).await.map(|_| None),
                            None => Ok(None),
                        },
                    }
                })
                .await;
                let elapsed = started.elapsed();
                let mut r = record.lock().unwrap();
                r.calls += 1;
                r.slowest = r.slowest.max(elapsed);
                match outcome {
                    Err(_) => r.hangs += 1,
                    Ok(Ok(Some(id))) => {
                        mine.push(id.clone());
                        r.created.insert(name, id);
                    }
                    Ok(Ok(None)) => {}
                    Ok(Err(e)) => {
                        *r.errors.entry(e.code().to_string()).or_default() += 1;
                        if op <= 1 {
                            r.failed_creates.push(name);
                        }
                    }
                }
            }
        })
    });
    for task in futures::future::join_all(tasks).await {
        task.unwrap();
    }
    control(
        &sandbox,
        "POST",
        "/sandbox/random-faults",
        json!({"probability": 0.0}),
    )
    .await;

    let stats = control(&sandbox, "GET", "/sandbox/stats", json!(null)).await;
    let all = control(&sandbox, "GET", "/sandbox/invitations", json!(null)).await;
    let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
    for inv in all["items"].as_array().unwrap() {
        if let Some(name) = inv["clientName"].as_str() {
            by_name
                .entry(name.to_string())
                .or_default()
                .push(inv["id"].as_str().unwrap_or_default().to_string());
        }
    }
    let r = record.lock().unwrap();
    let duplicates = by_name.values().filter(|ids| ids.len() > 1).count();
    let lost = r
        .created
        .iter()
        .filter(|(name, id)| {
            by_name
                .get(*name)
                .is_none_or(|ids| ids != &vec![(*id).clone()])
        })
        .count();
    let failed_but_created = r
        .failed_creates
        .iter()
        .filter(|name| by_name.contains_key(*name))
        .count();
    let client_stats = zavu.stats();
    println!(
        "soak: {seconds} s, {TASKS} tasks, calls = {}, http attempts = {}, retries = {}, faults injected = {}, \
         creates ok = {}, creates failed = {} (of which the server kept {}), errors = {:?}, \
         duplicates = {duplicates}, lost = {lost}, hangs = {}, slowest call = {:?} (bound {:?})",
        r.calls,
        client_stats.requests,
        client_stats.retries,
        stats["faultsInjected"],
        r.created.len(),
        r.failed_creates.len(),
        failed_but_created,
        r.errors,
        r.hangs,
        r.slowest,
        bound,
    );
    assert!(
        r.calls > 100,
        "the soak made too few calls to mean anything"
    );
    assert!(
        stats["faultsInjected"].as_u64().unwrap_or(0) > 20,
        "too few faults injected"
    );
    assert_eq!(duplicates, 0, "a create was duplicated");
    assert_eq!(lost, 0, "a successful create is missing or differs");
    assert_eq!(r.hangs, 0, "a call outlived its bound");
}
