//! Signed webhook deliveries with Zavu's retry schedule, in the background: a delivery never
//! delays the API response that caused it.
//!
//! This module sits above the state: handlers call [`dispatch`], which records the delivery in
//! the state's `DeliveryLog` and queues a `DeliveryJob` for [`run_worker`]. The state only holds
//! those two plain types (`delivery_log`) and never calls in here.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Map, Value};
use time::OffsetDateTime;
use tokio::sync::mpsc;
use zavu_core::webhooks::{EVENT_HEADER, SIGNATURE_HEADER};

use crate::delivery_log::{Delivery, DeliveryJob};
use crate::state::{AppState, lock};
use crate::store::{PendingEvent, random_id, random_token};

/// How long one delivery attempt may take before it counts as failed.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(5);

/// Queues the events of one status change for the team's webhook, if it wants them.
pub(crate) fn dispatch(state: &AppState, team: usize, events: Vec<PendingEvent>) {
    if events.is_empty() {
        return;
    }
    let webhook = {
        let store = lock(&state.store);
        store.webhook(team).cloned()
    };
    let Some(webhook) = webhook.filter(|w| w.active) else {
        return;
    };
    let Some(secret) = webhook.secret.clone() else {
        return;
    };
    let project_id = state.teams.get(team).map(|t| t.project_id());
    let timestamp_ms = (state.now().unix_timestamp_nanos() / 1_000_000) as i64;
    for event in events {
        if !webhook.events.iter().any(|e| e == event.event_type) {
            continue;
        }
        let event_id = random_id("evt");
        let mut payload = Map::new();
        payload.insert("id".into(), Value::from(event_id.clone()));
        payload.insert("type".into(), Value::from(event.event_type));
        payload.insert("timestamp".into(), Value::from(timestamp_ms));
        if let Some(project_id) = &project_id {
            payload.insert("projectId".into(), Value::from(project_id.clone()));
        }
        if let Some(sender_id) = event.sender_id {
            payload.insert("senderId".into(), Value::from(sender_id));
        }
        payload.insert("data".into(), event.data);
        let payload = Value::Object(payload);
        let body = serde_json::to_vec(&payload).unwrap_or_default();
        let generation = lock(&state.deliveries).push(Delivery {
            event_id: event_id.clone(),
            event_type: event.event_type.to_string(),
            url: webhook.url.clone(),
            attempts: 0,
            delivered: false,
            last_status: None,
            payload,
        });
        // The worker only ends at shutdown, when losing the event is what we want anyway.
        let _ = state.delivery_queue.send(DeliveryJob {
            event_id,
            event_type: event.event_type,
            url: webhook.url.clone(),
            secret: secret.clone(),
            body,
            generation,
        });
    }
}

/// A fresh webhook signing secret.
pub(crate) fn new_secret() -> String {
    format!("whsec_{}", random_token(32))
}

/// Makes first attempts one at a time, in the order events happened; a failed delivery goes on
/// retrying in its own task so it does not hold up later events.
pub(crate) async fn run_worker(
    state: Arc<AppState>,
    mut jobs: mpsc::UnboundedReceiver<DeliveryJob>,
) {
    let mut shutdown = state.shutdown.clone();
    loop {
        let job = tokio::select! {
            job = jobs.recv() => job,
            _ = shutdown.changed() => None,
        };
        let Some(job) = job else { return };
        if attempt(&state, &job).await {
            continue;
        }
        let state = state.clone();
        tokio::spawn(async move { retry(state, job).await });
    }
}

async fn retry(state: Arc<AppState>, job: DeliveryJob) {
    let mut shutdown = state.shutdown.clone();
    let mut done_retries = 0;
    loop {
        let delays = state.settings().webhook_retry_delays;
        let Some(delay) = delays.get(done_retries).copied() else {
            return;
        };
        tokio::select! {
            _ = tokio::time::sleep(delay) => {}
            _ = shutdown.changed() => return,
        }
        if attempt(&state, &job).await {
            return;
        }
        done_retries += 1;
    }
}

/// One signed POST; true when there is nothing more to do (2xx, or the sandbox was reset).
async fn attempt(state: &AppState, job: &DeliveryJob) -> bool {
    if lock(&state.deliveries).generation() != job.generation {
        return true;
    }
    // Signed at send time with real time, as receivers check the age of the signature.
    let timestamp = OffsetDateTime::now_utc().unix_timestamp();
    let signature = zavu_core::webhooks::sign(&job.body, &job.secret, timestamp);
    let sent = state
        .http
        .post(&job.url)
        .header("content-type", "application/json")
        .header(EVENT_HEADER, job.event_type)
        .header(SIGNATURE_HEADER, signature)
        .timeout(ATTEMPT_TIMEOUT)
        .body(job.body.clone())
        .send()
        .await;
    let status = match sent {
        Ok(response) => Some(response.status().as_u16()),
        Err(error) => {
            tracing::debug!(url = %job.url, %error, "webhook delivery failed");
            None
        }
    };
    lock(&state.deliveries).record_attempt(job.generation, &job.event_id, status);
    status.is_some_and(|s| (200..300).contains(&s))
}
