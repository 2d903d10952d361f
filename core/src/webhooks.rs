//! Webhook signatures (`X-Zavu-Signature`) and typed events.
//!
//! `v2 = hex(HMAC-SHA256(secret, "<t>.<body>"))` is verified when present, else the legacy
//! `v1 = hex(HMAC-SHA256(secret, body))`; comparisons are constant time, and a timestamp more than
//! 300 s old or 60 s in the future is refused.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::Sha256;
use std::time::Duration;
use time::OffsetDateTime;

use crate::error::{Error, Result, codes};
use crate::models::{
    ConnectedAccount, ConnectionType, Extra, FailureReason, INVITATION_STATUS_CHANGED,
    InvitationStatus, SENDER_CREATED, Sender,
};

/// The header carrying the signature.
pub const SIGNATURE_HEADER: &str = "X-Zavu-Signature";
/// The header naming the event type.
pub const EVENT_HEADER: &str = "X-Zavu-Event";
/// How old a signed timestamp may be.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);
/// How far in the future a signed timestamp may be (clock skew).
pub const DEFAULT_FUTURE_TOLERANCE: Duration = Duration::from_secs(60);

type HmacSha256 = Hmac<Sha256>;

/// The parts of an `X-Zavu-Signature` header: `t=<unix seconds>,v1=<hex>,v2=<hex>`, in any order,
/// either signature optional, unknown parts ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SignatureHeader {
    /// `t`: when the delivery was signed, unix seconds.
    pub timestamp: Option<i64>,
    /// Every `v1` signature (HMAC of the body), decoded from hex.
    pub v1: Vec<Vec<u8>>,
    /// Every `v2` signature (HMAC of `<t>.<body>`), decoded from hex.
    pub v2: Vec<Vec<u8>>,
}

/// Parses a signature header. Malformed parts are skipped (a signature that is not hex cannot
/// match anyway); a header with no timestamp or no signature at all is refused.
pub fn parse_signature_header(header: &str) -> Result<SignatureHeader> {
    let mut parsed = SignatureHeader::default();
    for part in header.split(',') {
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        match key {
            "t" => parsed.timestamp = value.parse::<i64>().ok().or(parsed.timestamp),
            "v1" => parsed.v1.extend(hex::decode(value).ok()),
            "v2" => parsed.v2.extend(hex::decode(value).ok()),
            _ => {}
        }
    }
    if parsed.timestamp.is_none() {
        return Err(Error::new(
            codes::INVALID_SIGNATURE,
            "X-Zavu-Signature has no valid timestamp (t=...)",
        ));
    }
    if parsed.v1.is_empty() && parsed.v2.is_empty() {
        return Err(Error::new(
            codes::INVALID_SIGNATURE,
            "X-Zavu-Signature has no v1 or v2 signature",
        ));
    }
    Ok(parsed)
}

/// Options of [`verify_with`]: the accepted time window and the current time.
#[derive(Debug, Clone, Copy)]
pub struct VerifyOptions {
    /// How old a signature may be (300 s by default).
    pub tolerance: Duration,
    /// How far in the future a signature may be dated (60 s by default).
    pub future_tolerance: Duration,
    /// The time to check against; the system clock when `None`.
    pub now: Option<OffsetDateTime>,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            tolerance: DEFAULT_TOLERANCE,
            future_tolerance: DEFAULT_FUTURE_TOLERANCE,
            now: None,
        }
    }
}

fn mac(secret: &str) -> HmacSha256 {
    // HMAC accepts keys of any length, so this cannot fail.
    HmacSha256::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length")
}

fn v1_mac(secret: &str, payload: &[u8]) -> HmacSha256 {
    let mut m = mac(secret);
    m.update(payload);
    m
}

fn v2_mac(secret: &str, timestamp: i64, payload: &[u8]) -> HmacSha256 {
    let mut m = mac(secret);
    m.update(timestamp.to_string().as_bytes());
    m.update(b".");
    m.update(payload);
    m
}

/// Verifies `payload` (the raw body, exactly as received) against a signature header, now.
pub fn verify(payload: &[u8], signature_header: &str, secret: &str) -> Result<()> {
    verify_with(payload, signature_header, secret, VerifyOptions::default())
}

/// Verifies with an explicit window and clock; see [`verify`].
pub fn verify_with(
    payload: &[u8],
    signature_header: &str,
    secret: &str,
    options: VerifyOptions,
) -> Result<()> {
    if secret.is_empty() {
        return Err(Error::invalid_param(
            "secret",
            "the webhook secret must not be empty",
        ));
    }
    let header = parse_signature_header(signature_header)?;
    let timestamp = header.timestamp.unwrap_or_default();
    let valid = if !header.v2.is_empty() {
        header
            .v2
            .iter()
            .any(|sig| v2_mac(secret, timestamp, payload).verify_slice(sig).is_ok())
    } else {
        header
            .v1
            .iter()
            .any(|sig| v1_mac(secret, payload).verify_slice(sig).is_ok())
    };
    if !valid {
        return Err(Error::new(
            codes::INVALID_SIGNATURE,
            "the webhook signature does not match the payload and secret",
        ));
    }
    let now = options
        .now
        .unwrap_or_else(OffsetDateTime::now_utc)
        .unix_timestamp();
    let age = now.saturating_sub(timestamp);
    if age > options.tolerance.as_secs() as i64 {
        return Err(Error::new(
            codes::STALE_SIGNATURE,
            format!(
                "the webhook timestamp is {age} s old, more than the {} s allowed",
                options.tolerance.as_secs()
            ),
        ));
    }
    if -age > options.future_tolerance.as_secs() as i64 {
        return Err(Error::new(
            codes::STALE_SIGNATURE,
            format!(
                "the webhook timestamp is {} s in the future, more than the {} s allowed",
                -age,
                options.future_tolerance.as_secs()
            ),
        ));
    }
    Ok(())
}

/// Which signatures [`sign_with`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureScheme {
    /// Only the legacy `v1` (the body alone).
    V1,
    /// Only `v2` (the timestamp and the body).
    V2,
    /// Both, as Zavu sends them.
    Both,
}

/// Signs `payload` the way Zavu does (both v1 and v2), for tests and local tools.
pub fn sign(payload: &[u8], secret: &str, timestamp: i64) -> String {
    sign_with(payload, secret, timestamp, SignatureScheme::Both)
}

/// Signs with the chosen scheme; the header always carries `t`.
pub fn sign_with(payload: &[u8], secret: &str, timestamp: i64, scheme: SignatureScheme) -> String {
    let mut header = format!("t={timestamp}");
    if matches!(scheme, SignatureScheme::V1 | SignatureScheme::Both) {
        let sig = hex::encode(v1_mac(secret, payload).finalize().into_bytes());
        header.push_str(&format!(",v1={sig}"));
    }
    if matches!(scheme, SignatureScheme::V2 | SignatureScheme::Both) {
        let sig = hex::encode(v2_mac(secret, timestamp, payload).finalize().into_bytes());
        header.push_str(&format!(",v2={sig}"));
    }
    header
}

/// Finds `X-Zavu-Signature` among headers, whatever their case.
pub fn signature_from_headers<'a, I, K, V>(headers: I) -> Option<&'a str>
where
    I: IntoIterator<Item = (&'a K, &'a V)>,
    K: AsRef<str> + ?Sized + 'a,
    V: AsRef<str> + ?Sized + 'a,
{
    headers
        .into_iter()
        .find(|(name, _)| name.as_ref().eq_ignore_ascii_case(SIGNATURE_HEADER))
        .map(|(_, value)| value.as_ref())
}

/// `data` of `invitation.status_changed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitationStatusChangedData {
    /// The invitation whose status changed.
    pub invitation_id: String,
    /// The client's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_name: Option<String>,
    /// The client's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_email: Option<String>,
    /// `whatsapp_waba` or `messenger`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_type: Option<ConnectionType>,
    /// The status before the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_status: Option<InvitationStatus>,
    /// The status after the change.
    pub current_status: InvitationStatus,
    /// The sender created on completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_id: Option<String>,
    /// The account the client connected, on completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connected_account: Option<ConnectedAccount>,
    /// The WhatsApp Business Account id, on a WhatsApp completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waba_account_id: Option<String>,
    /// Why the connection failed, on failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<FailureReason>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The typed `data` of an event; types this version does not know keep their raw JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum EventData {
    /// `invitation.status_changed`.
    InvitationStatusChanged(Box<InvitationStatusChangedData>),
    /// `sender.created`: the new sender.
    SenderCreated(Box<Sender>),
    /// Any other type: its `data` as sent.
    Other(Value),
}

/// A webhook event, as delivered by Zavu.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookEvent {
    /// The event's id (`evt_...`).
    pub id: String,
    /// The event type, for example `invitation.status_changed`.
    pub event_type: String,
    /// When the event happened, unix milliseconds as sent.
    pub timestamp: i64,
    /// The project the event belongs to.
    pub project_id: Option<String>,
    /// The sender the event concerns, when there is one.
    pub sender_id: Option<String>,
    /// `data`, parsed for the types this version knows.
    pub data: EventData,
    /// The `data` object exactly as sent.
    pub raw_data: Value,
    /// Top-level fields this version does not name.
    pub extra: Extra,
}

impl WebhookEvent {
    /// The event time as a timestamp (`timestamp` is unix milliseconds).
    pub fn occurred_at(&self) -> Option<OffsetDateTime> {
        OffsetDateTime::from_unix_timestamp_nanos(self.timestamp as i128 * 1_000_000).ok()
    }

    /// The event as it goes over the wire.
    pub fn to_json(&self) -> Value {
        let mut object = self.extra.clone();
        object.insert("id".into(), Value::from(self.id.clone()));
        object.insert("type".into(), Value::from(self.event_type.clone()));
        object.insert("timestamp".into(), Value::from(self.timestamp));
        if let Some(project_id) = &self.project_id {
            object.insert("projectId".into(), Value::from(project_id.clone()));
        }
        if let Some(sender_id) = &self.sender_id {
            object.insert("senderId".into(), Value::from(sender_id.clone()));
        }
        object.insert("data".into(), self.raw_data.clone());
        Value::Object(object)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawEvent {
    id: String,
    #[serde(rename = "type")]
    event_type: String,
    timestamp: i64,
    #[serde(default)]
    project_id: Option<String>,
    #[serde(default)]
    sender_id: Option<String>,
    #[serde(default)]
    data: Value,
    #[serde(flatten)]
    extra: Extra,
}

/// Parses an event body without checking its signature. Prefer [`unwrap`].
pub fn parse_event(payload: &[u8]) -> Result<WebhookEvent> {
    let invalid = |e: serde_json::Error| {
        Error::new(
            codes::INVALID_PAYLOAD,
            format!("the webhook payload is not a valid event: {e}"),
        )
    };
    let raw: RawEvent = serde_json::from_slice(payload).map_err(invalid)?;
    let data = match raw.event_type.as_str() {
        INVITATION_STATUS_CHANGED => EventData::InvitationStatusChanged(Box::new(
            serde_json::from_value(raw.data.clone()).map_err(invalid)?,
        )),
        SENDER_CREATED => EventData::SenderCreated(Box::new(
            serde_json::from_value(raw.data.clone()).map_err(invalid)?,
        )),
        _ => EventData::Other(raw.data.clone()),
    };
    Ok(WebhookEvent {
        id: raw.id,
        event_type: raw.event_type,
        timestamp: raw.timestamp,
        project_id: raw.project_id,
        sender_id: raw.sender_id,
        data,
        raw_data: raw.data,
        extra: raw.extra,
    })
}

/// Verifies the signature, then parses the event: the one call a webhook handler needs.
pub fn unwrap(payload: &[u8], signature_header: &str, secret: &str) -> Result<WebhookEvent> {
    unwrap_with(payload, signature_header, secret, VerifyOptions::default())
}

/// [`unwrap`] with an explicit window and clock.
pub fn unwrap_with(
    payload: &[u8],
    signature_header: &str,
    secret: &str,
    options: VerifyOptions,
) -> Result<WebhookEvent> {
    verify_with(payload, signature_header, secret, options)?;
    parse_event(payload)
}

/// [`unwrap`] taking the request's headers (any case) instead of the one header.
pub fn unwrap_headers<'a, I, K, V>(payload: &[u8], headers: I, secret: &str) -> Result<WebhookEvent>
where
    I: IntoIterator<Item = (&'a K, &'a V)>,
    K: AsRef<str> + ?Sized + 'a,
    V: AsRef<str> + ?Sized + 'a,
{
    let header = signature_from_headers(headers).ok_or_else(|| {
        Error::new(
            codes::INVALID_SIGNATURE,
            "the request has no X-Zavu-Signature header",
        )
    })?;
    unwrap(payload, header, secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test_secret";
    const BODY: &[u8] = br#"{"id":"evt_1","type":"invitation.status_changed","timestamp":1700000000000,"projectId":"prj_1","data":{"invitationId":"inv_1","previousStatus":"in_progress","currentStatus":"completed","senderId":"snd_1"}}"#;

    fn at(t: i64) -> VerifyOptions {
        VerifyOptions {
            now: Some(OffsetDateTime::from_unix_timestamp(t).unwrap()),
            ..Default::default()
        }
    }

    #[test]
    fn v1_v2_and_both_verify() {
        let t = 1_700_000_000;
        for scheme in [
            SignatureScheme::V1,
            SignatureScheme::V2,
            SignatureScheme::Both,
        ] {
            let header = sign_with(BODY, SECRET, t, scheme);
            verify_with(BODY, &header, SECRET, at(t + 10)).unwrap();
        }
    }

    #[test]
    fn parts_in_any_order_with_unknown_ones() {
        let t = 1_700_000_000;
        let header = sign(BODY, SECRET, t);
        let mut parts: Vec<&str> = header.split(',').collect();
        parts.reverse();
        let shuffled = format!("v9=zz, {} ,x", parts.join(" , "));
        verify_with(BODY, &shuffled, SECRET, at(t)).unwrap();
    }

    #[test]
    fn tampered_stale_and_future_are_refused() {
        let t = 1_700_000_000;
        let header = sign(BODY, SECRET, t);
        let mut tampered = BODY.to_vec();
        tampered[10] ^= 1;
        assert_eq!(
            verify_with(&tampered, &header, SECRET, at(t))
                .unwrap_err()
                .code(),
            "invalid_signature"
        );
        assert_eq!(
            verify_with(BODY, &header, "whsec_other", at(t))
                .unwrap_err()
                .code(),
            "invalid_signature"
        );
        assert_eq!(
            verify_with(BODY, &header, SECRET, at(t + 301))
                .unwrap_err()
                .code(),
            "stale_signature"
        );
        verify_with(BODY, &header, SECRET, at(t + 300)).unwrap();
        assert_eq!(
            verify_with(BODY, &header, SECRET, at(t - 61))
                .unwrap_err()
                .code(),
            "stale_signature"
        );
        verify_with(BODY, &header, SECRET, at(t - 60)).unwrap();
    }

    #[test]
    fn v2_wins_over_a_valid_v1() {
        let t = 1_700_000_000;
        let v1 = sign_with(BODY, SECRET, t, SignatureScheme::V1);
        let header = format!("{v1},v2={}", "00".repeat(32));
        assert_eq!(
            verify_with(BODY, &header, SECRET, at(t))
                .unwrap_err()
                .code(),
            "invalid_signature"
        );
    }

    #[test]
    fn v2_covers_the_timestamp() {
        let t = 1_700_000_000;
        let header = sign_with(BODY, SECRET, t, SignatureScheme::V2)
            .replace(&format!("t={t}"), &format!("t={}", t + 5));
        assert_eq!(
            verify_with(BODY, &header, SECRET, at(t))
                .unwrap_err()
                .code(),
            "invalid_signature"
        );
    }

    #[test]
    fn malformed_headers() {
        for header in ["", "garbage", "v1=abcd", "t=12", "t=abc,v1=00"] {
            assert_eq!(
                parse_signature_header(header)
                    .map(|_| ())
                    .unwrap_err()
                    .code(),
                "invalid_signature",
                "{header}"
            );
        }
    }

    #[test]
    fn unwrap_types_events() {
        let t = OffsetDateTime::now_utc().unix_timestamp();
        let event = unwrap(BODY, &sign(BODY, SECRET, t), SECRET).unwrap();
        match &event.data {
            EventData::InvitationStatusChanged(data) => {
                assert_eq!(data.current_status, InvitationStatus::Completed);
                assert_eq!(data.sender_id.as_deref(), Some("snd_1"));
            }
            other => panic!("{other:?}"),
        }
        let other = br#"{"id":"evt_2","type":"message.sent","timestamp":1,"data":{"x":1}}"#;
        let event = unwrap(other, &sign(other, SECRET, t), SECRET).unwrap();
        assert_eq!(event.data, EventData::Other(serde_json::json!({"x": 1})));
        let headers = [("x-zavu-signature".to_string(), sign(other, SECRET, t))];
        unwrap_headers(other, headers.iter().map(|(k, v)| (k, v)), SECRET).unwrap();
    }
}
