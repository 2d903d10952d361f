//! Webhooks: verify and unwrap `X-Zavu-Signature` deliveries, and sign payloads for tests. All
//! of it is core's `webhooks` module; these functions only convert. They are synchronous: HMAC
//! over a request body is fast, and a webhook handler should not need a coroutine to check it.

use std::collections::HashMap;
use std::time::SystemTime;

use time::OffsetDateTime;
use zavu_core as core;
use zavu_core::webhooks as hooks;

use crate::error::ZavuError;
use crate::models::{
    ConnectedAccount, ConnectionType, FailureReason, InvitationStatus, Sender, json_text,
};
use crate::task::run_sync;

/// `data` of `invitation.status_changed`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct InvitationStatusChangedData {
    pub invitation_id: String,
    pub client_name: Option<String>,
    pub client_email: Option<String>,
    pub connection_type: Option<ConnectionType>,
    pub previous_status: Option<InvitationStatus>,
    pub current_status: InvitationStatus,
    /// Set on `completed`.
    pub sender_id: Option<String>,
    /// Set on `completed`.
    pub connected_account: Option<ConnectedAccount>,
    /// The WhatsApp Business account, on `completed`.
    pub waba_account_id: Option<String>,
    /// Set on `failed`.
    pub failure_reason: Option<FailureReason>,
    /// Fields this version does not name, as a JSON object.
    pub extra_json: String,
}

impl From<hooks::InvitationStatusChangedData> for InvitationStatusChangedData {
    fn from(d: hooks::InvitationStatusChangedData) -> Self {
        InvitationStatusChangedData {
            invitation_id: d.invitation_id,
            client_name: d.client_name,
            client_email: d.client_email,
            connection_type: d.connection_type.map(Into::into),
            previous_status: d.previous_status.map(Into::into),
            current_status: d.current_status.into(),
            sender_id: d.sender_id,
            connected_account: d.connected_account.map(Into::into),
            waba_account_id: d.waba_account_id,
            failure_reason: d.failure_reason.map(Into::into),
            extra_json: json_text(&d.extra),
        }
    }
}

/// The typed `data` of an event; types this version does not know are `Other` (read
/// `rawDataJson`).
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum WebhookEventData {
    /// `invitation.status_changed`.
    InvitationStatusChanged { data: InvitationStatusChangedData },
    /// `sender.created` (the guide's example); `data` is the sender.
    SenderCreated { sender: Sender },
    /// Any other event type.
    Other,
}

/// A webhook event, as delivered by Zavu.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WebhookEvent {
    pub id: String,
    /// The event type, for example `invitation.status_changed`.
    pub event_type: String,
    /// When the event happened, unix milliseconds as sent.
    pub timestamp: i64,
    /// `timestamp` as a time, when it is in range.
    pub occurred_at: Option<SystemTime>,
    pub project_id: Option<String>,
    pub sender_id: Option<String>,
    pub data: WebhookEventData,
    /// The `data` object exactly as sent, as JSON.
    pub raw_data_json: String,
    /// Top-level fields this version does not name, as a JSON object.
    pub extra_json: String,
}

impl From<hooks::WebhookEvent> for WebhookEvent {
    fn from(e: hooks::WebhookEvent) -> Self {
        let occurred_at = e.occurred_at().map(SystemTime::from);
        WebhookEvent {
            data: match e.data {
                hooks::EventData::InvitationStatusChanged(data) => {
                    WebhookEventData::InvitationStatusChanged {
                        data: (*data).into(),
                    }
                }
                hooks::EventData::SenderCreated(sender) => WebhookEventData::SenderCreated {
                    sender: (*sender).into(),
                },
                hooks::EventData::Other(_) => WebhookEventData::Other,
            },
            raw_data_json: serde_json::to_string(&e.raw_data)
                .unwrap_or_else(|_| "null".to_string()),
            extra_json: json_text(&e.extra),
            id: e.id,
            event_type: e.event_type,
            timestamp: e.timestamp,
            occurred_at,
            project_id: e.project_id,
            sender_id: e.sender_id,
        }
    }
}

/// A clock override as core takes it (unix seconds); `None` is the system clock.
fn unix_seconds(now: Option<SystemTime>) -> Option<i64> {
    now.map(|t| OffsetDateTime::from(t).unix_timestamp())
}

/// Header pairs as core takes them; the signature header is looked up (in any case) by core.
fn pairs(headers: HashMap<String, String>) -> Vec<(String, String)> {
    headers.into_iter().collect()
}

/// Verifies `payload` (the raw body, exactly as received) against the `X-Zavu-Signature` header
/// value. Fails with `invalid_signature` or `stale_signature`. `now` replaces the system clock
/// (for tests and replays).
#[uniffi::export(default(now))]
pub fn verify_webhook(
    payload: Vec<u8>,
    signature: String,
    secret: String,
    now: Option<SystemTime>,
) -> Result<(), ZavuError> {
    run_sync(|| {
        hooks::verify_with(
            &payload,
            &signature,
            &secret,
            core::ffi::verify_options(unix_seconds(now))?,
        )
    })
}

/// Verifies the signature, then parses the event: the one call a webhook handler needs. Fails
/// with `invalid_signature`, `stale_signature` or `invalid_payload`.
#[uniffi::export(default(now))]
pub fn unwrap_webhook(
    payload: Vec<u8>,
    signature: String,
    secret: String,
    now: Option<SystemTime>,
) -> Result<WebhookEvent, ZavuError> {
    run_sync(|| {
        hooks::unwrap_with(
            &payload,
            &signature,
            &secret,
            core::ffi::verify_options(unix_seconds(now))?,
        )
    })
    .map(Into::into)
}

/// `verifyWebhook` taking the request's headers (names in any case) instead of the one header
/// value; a request without `X-Zavu-Signature` fails with `invalid_signature`.
#[uniffi::export(default(now))]
pub fn verify_webhook_headers(
    payload: Vec<u8>,
    headers: HashMap<String, String>,
    secret: String,
    now: Option<SystemTime>,
) -> Result<(), ZavuError> {
    run_sync(|| core::ffi::verify_headers(&payload, &pairs(headers), &secret, unix_seconds(now)))
}

/// `unwrapWebhook` taking the request's headers (names in any case) instead of the one header
/// value; a request without `X-Zavu-Signature` fails with `invalid_signature`.
#[uniffi::export(default(now))]
pub fn unwrap_webhook_headers(
    payload: Vec<u8>,
    headers: HashMap<String, String>,
    secret: String,
    now: Option<SystemTime>,
) -> Result<WebhookEvent, ZavuError> {
    run_sync(|| core::ffi::unwrap_headers(&payload, &pairs(headers), &secret, unix_seconds(now)))
        .map(Into::into)
}

/// Signs `payload` the way Zavu does, for tests and local tools: the value of an
/// `X-Zavu-Signature` header (`t=...,v1=...,v2=...`). `timestamp` (unix seconds) defaults to now;
/// `scheme` is `"v1"`, `"v2"` or `"both"` (any case), by default both signatures, as Zavu sends
/// them. Core parses the scheme and owns both defaults, as in every language.
#[uniffi::export(default(timestamp = None, scheme = None))]
pub fn sign_webhook(
    payload: Vec<u8>,
    secret: String,
    timestamp: Option<i64>,
    scheme: Option<String>,
) -> Result<String, ZavuError> {
    run_sync(|| {
        let scheme = core::ffi::signature_scheme("scheme", scheme.as_deref())?;
        // i64 to f64 is exact within core's bound on unix seconds; beyond it, refused either way.
        let timestamp = timestamp
            .map(|t| core::ffi::unix_seconds("timestamp", t as f64))
            .transpose()?;
        Ok(hooks::sign_with(
            &payload,
            &secret,
            core::ffi::signing_timestamp(timestamp),
            scheme,
        ))
    })
}

/// The header that carries the signature.
#[uniffi::export]
pub fn webhook_signature_header() -> String {
    core::webhooks::SIGNATURE_HEADER.to_string()
}
