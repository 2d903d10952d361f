//! Records and enums of the API, mirrored from core's models and converted with `From`.
//!
//! Why mirrors and not `derive(uniffi::Record)` on core's types (STYLE.md item 2): core's models
//! keep unknown fields in a `serde_json::Map`, use `time::OffsetDateTime`, and keep unknown enum
//! values in tuple variants (`Other(String)`), none of which uniffi can lower; deriving on core
//! would mean changing core's public types for one binding. The mirrors hold no logic: wire names,
//! defaults, validation and parsing all stay in core. Unknown fields travel as `extra_json` (a JSON
//! object as text), timestamps as `SystemTime` (`java.time.Instant`, Swift `Date`), and unknown
//! enum values as `Other { value }`.

use std::time::SystemTime;

use serde_json::{Map, Value};
use time::OffsetDateTime;
use zavu_core as core;

/// A JSON object as text; `{}` when empty.
pub(crate) fn json_text(map: &Map<String, Value>) -> String {
    serde_json::to_string(map).unwrap_or_else(|_| "{}".to_string())
}

fn value_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string())
}

fn instant(t: OffsetDateTime) -> SystemTime {
    SystemTime::from(t)
}

/// Mirrors one of core's string enums: the same variants plus `Other { value }`, converted both
/// ways. Wire names stay in core: `Display` and the `Other` normalisation go through core's type.
macro_rules! mirror_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
        #[uniffi::export(Display)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version of the SDK does not know, kept verbatim.
            Other { value: String },
        }

        impl From<core::$name> for $name {
            fn from(value: core::$name) -> Self {
                match value {
                    $(core::$name::$variant => $name::$variant,)+
                    core::$name::Other(value) => $name::Other { value },
                }
            }
        }

        impl From<$name> for core::$name {
            fn from(value: $name) -> Self {
                match value {
                    $($name::$variant => core::$name::$variant,)+
                    // Core maps a known wire value given as `Other` back to its variant.
                    $name::Other { value } => core::$name::from(value),
                }
            }
        }

        /// The wire value (`pending`, `whatsapp_waba`, ...), as core writes it.
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(core::$name::from(self.clone()).as_str())
            }
        }
    };
}

mirror_enum! {
    /// Where an invitation is in its lifecycle.
    InvitationStatus {
        /// Created, not yet started by the client.
        Pending,
        /// The client started the connection flow.
        InProgress,
        /// The sender was created (final).
        Completed,
        /// The link ran out of time (final).
        Expired,
        /// Cancelled by the partner (final).
        Cancelled,
        /// The client abandoned or Meta refused; the same link can be retried.
        Failed,
    }
}

#[uniffi::export]
impl InvitationStatus {
    /// `completed`, `expired` and `cancelled` never change again; `failed` can be retried.
    pub fn is_final(&self) -> bool {
        core::InvitationStatus::from(self.clone()).is_final()
    }
}

mirror_enum! {
    /// Which channel the client connects.
    ConnectionType {
        /// WhatsApp Business (embedded signup); the default.
        WhatsappWaba,
        /// Facebook Messenger.
        Messenger,
    }
}

mirror_enum! {
    /// The channel of a connected account.
    Channel {
        Whatsapp,
        Messenger,
    }
}

mirror_enum! {
    /// Why an invitation failed.
    FailureReason {
        FbCancelled,
        FbNotAuthorized,
        SignupAbandoned,
        MetaNoPages,
        InternalError,
    }
}

mirror_enum! {
    /// The state of a purchased phone number.
    PhoneNumberStatus {
        Active,
        Suspended,
        Pending,
    }
}

/// The account a completed invitation connected.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ConnectedAccount {
    pub id: String,
    pub channel: Channel,
    pub name: Option<String>,
    /// Fields this version does not name, as a JSON object.
    pub extra_json: String,
}

impl From<core::ConnectedAccount> for ConnectedAccount {
    fn from(a: core::ConnectedAccount) -> Self {
        ConnectedAccount {
            id: a.id,
            channel: a.channel.into(),
            name: a.name,
            extra_json: json_text(&a.extra),
        }
    }
}

/// A partner invitation: a link a client opens to connect their WhatsApp or Messenger account.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Invitation {
    pub id: String,
    /// The URL token (part of `url`).
    pub token: String,
    /// The link to share with the client.
    pub url: String,
    pub status: InvitationStatus,
    pub created_at: SystemTime,
    pub updated_at: Option<SystemTime>,
    pub expires_at: SystemTime,
    pub client_name: Option<String>,
    pub client_email: Option<String>,
    pub client_phone: Option<String>,
    /// The pre-assigned Zavu phone number, if any.
    pub phone_number_id: Option<String>,
    /// The sender created when the invitation completed.
    pub sender_id: Option<String>,
    pub connection_type: Option<ConnectionType>,
    pub allowed_phone_countries: Option<Vec<String>>,
    /// Set once `completed`.
    pub connected_account: Option<ConnectedAccount>,
    pub viewed_at: Option<SystemTime>,
    pub started_at: Option<SystemTime>,
    pub completed_at: Option<SystemTime>,
    pub failed_at: Option<SystemTime>,
    /// Why it failed, when `failed`.
    pub failure_reason: Option<FailureReason>,
    /// Fields this version does not name, as a JSON object.
    pub extra_json: String,
}

impl From<core::Invitation> for Invitation {
    fn from(i: core::Invitation) -> Self {
        Invitation {
            id: i.id,
            token: i.token,
            url: i.url,
            status: i.status.into(),
            created_at: instant(i.created_at),
            updated_at: i.updated_at.map(instant),
            expires_at: instant(i.expires_at),
            client_name: i.client_name,
            client_email: i.client_email,
            client_phone: i.client_phone,
            phone_number_id: i.phone_number_id,
            sender_id: i.sender_id,
            connection_type: i.connection_type.map(Into::into),
            allowed_phone_countries: i.allowed_phone_countries,
            connected_account: i.connected_account.map(Into::into),
            viewed_at: i.viewed_at.map(instant),
            started_at: i.started_at.map(instant),
            completed_at: i.completed_at.map(instant),
            failed_at: i.failed_at.map(instant),
            failure_reason: i.failure_reason.map(Into::into),
            extra_json: json_text(&i.extra),
        }
    }
}

/// What a phone number costs.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PhoneNumberPricing {
    pub is_free_number: Option<bool>,
    pub monthly_cost: Option<f64>,
    pub monthly_price: Option<f64>,
    pub upfront_cost: Option<f64>,
    /// Fields this version does not name, as a JSON object.
    pub extra_json: String,
}

impl From<core::PhoneNumberPricing> for PhoneNumberPricing {
    fn from(p: core::PhoneNumberPricing) -> Self {
        PhoneNumberPricing {
            is_free_number: p.is_free_number,
            monthly_cost: p.monthly_cost,
            monthly_price: p.monthly_price,
            upfront_cost: p.upfront_cost,
            extra_json: json_text(&p.extra),
        }
    }
}

/// A Zavu phone number owned by the team.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PhoneNumber {
    pub id: String,
    /// The number, E.164.
    pub phone_number: String,
    pub capabilities: Vec<String>,
    pub status: PhoneNumberStatus,
    pub pricing: PhoneNumberPricing,
    pub created_at: SystemTime,
    pub name: Option<String>,
    pub sender_id: Option<String>,
    pub next_renewal_date: Option<SystemTime>,
    pub updated_at: Option<SystemTime>,
    /// Fields this version does not name, as a JSON object.
    pub extra_json: String,
}

impl From<core::PhoneNumber> for PhoneNumber {
    fn from(p: core::PhoneNumber) -> Self {
        PhoneNumber {
            id: p.id,
            phone_number: p.phone_number,
            capabilities: p.capabilities,
            status: p.status.into(),
            pricing: p.pricing.into(),
            created_at: instant(p.created_at),
            name: p.name,
            sender_id: p.sender_id,
            next_renewal_date: p.next_renewal_date.map(instant),
            updated_at: p.updated_at.map(instant),
            extra_json: json_text(&p.extra),
        }
    }
}

/// A sender: a connected WhatsApp or Messenger identity that sends messages.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Sender {
    pub id: String,
    pub name: String,
    /// The sender's number, E.164.
    pub phone_number: String,
    pub channels: Option<Vec<String>>,
    pub created_at: Option<SystemTime>,
    pub updated_at: Option<SystemTime>,
    pub is_default: Option<bool>,
    /// The sender's webhook settings as sent (a JSON value), if any.
    pub webhook_json: Option<String>,
    /// The sender's WhatsApp details as sent (a JSON value), if any.
    pub whatsapp_json: Option<String>,
    /// Fields this version does not name, as a JSON object.
    pub extra_json: String,
}

impl From<core::Sender> for Sender {
    fn from(s: core::Sender) -> Self {
        Sender {
            id: s.id,
            name: s.name,
            phone_number: s.phone_number,
            channels: s.channels,
            created_at: s.created_at.map(instant),
            updated_at: s.updated_at.map(instant),
            is_default: s.is_default,
            webhook_json: s.webhook.as_ref().map(value_text),
            whatsapp_json: s.whatsapp.as_ref().map(value_text),
            extra_json: json_text(&s.extra),
        }
    }
}

/// The project webhook that receives invitation events. `secret` is only returned on create; the
/// record's text (Kotlin `toString()`, Swift `description`) never shows it.
#[derive(Clone, PartialEq, uniffi::Record)]
#[uniffi::export(Display)]
pub struct WebhookConfig {
    pub url: String,
    pub events: Vec<String>,
    /// The signing secret (`whsec_...`); present only in the answer to create.
    pub secret: Option<String>,
    pub active: bool,
    /// Fields this version does not name, as a JSON object.
    pub extra_json: String,
}

impl std::fmt::Debug for WebhookConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The secret never reaches logs, as in core.
        f.debug_struct("WebhookConfig")
            .field("url", &self.url)
            .field("events", &self.events)
            .field("secret", &self.secret.as_ref().map(|_| "[redacted]"))
            .field("active", &self.active)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Display for WebhookConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl From<core::WebhookConfig> for WebhookConfig {
    fn from(w: core::WebhookConfig) -> Self {
        WebhookConfig {
            url: w.url,
            events: w.events,
            secret: w.secret,
            active: w.active,
            extra_json: json_text(&w.extra),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parameters. Every optional field defaults to null/nil in Kotlin and Swift, so callers name only
// what they set: `CreateInvitationParams(clientName = "Acme Corp", expiresInDays = 7)`.

/// Parameters of `invitations().create`. Every field is optional; an empty record is valid.
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct CreateInvitationParams {
    /// Name to identify the client, at most 100 characters.
    #[uniffi(default)]
    pub client_name: Option<String>,
    /// The client's email address.
    #[uniffi(default)]
    pub client_email: Option<String>,
    /// The client's phone number, E.164.
    #[uniffi(default)]
    pub client_phone: Option<String>,
    /// A Zavu phone number of the team to pre-assign (WhatsApp only).
    #[uniffi(default)]
    pub phone_number_id: Option<String>,
    /// Link validity in days, 1 to 30 (the API's default is 7).
    #[uniffi(default)]
    pub expires_in_days: Option<i64>,
    /// `WhatsappWaba` (default) or `Messenger`.
    #[uniffi(default)]
    pub connection_type: Option<ConnectionType>,
    /// ISO 3166 alpha-2 codes the client may pick a number from (WhatsApp only).
    #[uniffi(default)]
    pub allowed_phone_countries: Option<Vec<String>>,
}

impl From<CreateInvitationParams> for core::CreateInvitationParams {
    fn from(p: CreateInvitationParams) -> Self {
        core::CreateInvitationParams {
            client_name: p.client_name,
            client_email: p.client_email,
            client_phone: p.client_phone,
            phone_number_id: p.phone_number_id,
            expires_in_days: p.expires_in_days,
            connection_type: p.connection_type.map(Into::into),
            allowed_phone_countries: p.allowed_phone_countries,
        }
    }
}

/// Parameters of `invitations().list`.
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct ListInvitationsParams {
    /// Only invitations with this status.
    #[uniffi(default)]
    pub status: Option<InvitationStatus>,
    /// Items per page, 1 to 100 (the API's default is 50).
    #[uniffi(default)]
    pub limit: Option<i64>,
    /// Where to start: a `nextCursor` from an earlier page.
    #[uniffi(default)]
    pub cursor: Option<String>,
}

impl From<ListInvitationsParams> for core::ListInvitationsParams {
    fn from(p: ListInvitationsParams) -> Self {
        core::ListInvitationsParams {
            status: p.status.map(Into::into),
            limit: p.limit,
            cursor: p.cursor,
        }
    }
}

/// Parameters of `senders().list`.
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct ListSendersParams {
    /// Items per page, 1 to 100.
    #[uniffi(default)]
    pub limit: Option<i64>,
    /// Where to start: a `nextCursor` from an earlier page.
    #[uniffi(default)]
    pub cursor: Option<String>,
}

impl From<ListSendersParams> for core::ListSendersParams {
    fn from(p: ListSendersParams) -> Self {
        core::ListSendersParams {
            limit: p.limit,
            cursor: p.cursor,
        }
    }
}

/// Parameters of `phoneNumbers().purchase`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PurchasePhoneNumberParams {
    /// The number to buy, E.164.
    pub phone_number: String,
    /// A label for the number.
    #[uniffi(default)]
    pub name: Option<String>,
}

impl From<PurchasePhoneNumberParams> for core::PurchasePhoneNumberParams {
    fn from(p: PurchasePhoneNumberParams) -> Self {
        core::PurchasePhoneNumberParams {
            phone_number: p.phone_number,
            name: p.name,
        }
    }
}

/// Parameters of creating the project webhook for invitations.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CreateWebhookParams {
    /// Where deliveries go: an absolute http(s) URL.
    pub url: String,
    /// Event types to deliver; core's default (`invitation.status_changed`) when null.
    #[uniffi(default)]
    pub events: Option<Vec<String>>,
}

impl From<CreateWebhookParams> for core::CreateWebhookParams {
    fn from(p: CreateWebhookParams) -> Self {
        // Null passes through: core's constructor owns the default events.
        core::CreateWebhookParams::with_events(p.url, p.events)
    }
}

/// Parameters of updating the project webhook; only the given fields change.
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct UpdateWebhookParams {
    #[uniffi(default)]
    pub url: Option<String>,
    #[uniffi(default)]
    pub events: Option<Vec<String>>,
    #[uniffi(default)]
    pub active: Option<bool>,
}

impl From<UpdateWebhookParams> for core::UpdateWebhookParams {
    fn from(p: UpdateWebhookParams) -> Self {
        core::UpdateWebhookParams {
            url: p.url,
            events: p.events,
            active: p.active,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Phone-number onboarding (issue 17): searching, requirements, the team's numbers.

mirror_enum! {
    /// The kind of a phone number.
    PhoneNumberType {
        Local,
        National,
        Mobile,
        TollFree,
    }
}

/// What an available number can do.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PhoneNumberCapabilities {
    pub sms: Option<bool>,
    pub voice: Option<bool>,
    pub mms: Option<bool>,
    /// Fields this version does not name, as a JSON object.
    #[uniffi(default = "{}")]
    pub extra_json: String,
}

impl From<core::PhoneNumberCapabilities> for PhoneNumberCapabilities {
    fn from(c: core::PhoneNumberCapabilities) -> Self {
        PhoneNumberCapabilities {
            sms: c.sms,
            voice: c.voice,
            mms: c.mms,
            extra_json: json_text(&c.extra),
        }
    }
}

/// What an available number would cost.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct AvailablePhoneNumberPricing {
    /// Whether it qualifies as the one number a paid plan includes.
    pub is_free_eligible: Option<bool>,
    /// Monthly price in USD.
    pub monthly_price: Option<f64>,
    /// One-off price in USD.
    pub upfront_price: Option<f64>,
    /// Fields this version does not name, as a JSON object.
    #[uniffi(default = "{}")]
    pub extra_json: String,
}

impl From<core::AvailablePhoneNumberPricing> for AvailablePhoneNumberPricing {
    fn from(p: core::AvailablePhoneNumberPricing) -> Self {
        AvailablePhoneNumberPricing {
            is_free_eligible: p.is_free_eligible,
            monthly_price: p.monthly_price,
            upfront_price: p.upfront_price,
            extra_json: json_text(&p.extra),
        }
    }
}

/// A number the team can buy (`phoneNumbers().searchAvailable`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct AvailablePhoneNumber {
    /// The number, E.164: pass it to `purchase`.
    pub phone_number: String,
    pub capabilities: PhoneNumberCapabilities,
    pub pricing: AvailablePhoneNumberPricing,
    #[uniffi(default)]
    pub friendly_name: Option<String>,
    #[uniffi(default)]
    pub locality: Option<String>,
    #[uniffi(default)]
    pub region: Option<String>,
    /// Fields this version does not name, as a JSON object.
    #[uniffi(default = "{}")]
    pub extra_json: String,
}

impl From<core::AvailablePhoneNumber> for AvailablePhoneNumber {
    fn from(n: core::AvailablePhoneNumber) -> Self {
        AvailablePhoneNumber {
            phone_number: n.phone_number,
            capabilities: n.capabilities.into(),
            pricing: n.pricing.into(),
            friendly_name: n.friendly_name,
            locality: n.locality,
            region: n.region,
            extra_json: json_text(&n.extra),
        }
    }
}

/// One piece of information a purchase needs; send its `id` back as `requirementType`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RequirementType {
    pub id: String,
    pub name: String,
    pub description: String,
    /// The kind of value (the wire's `type`): `textual`, `address`, `document` or `action`.
    pub field_type: String,
    /// What a value must satisfy, as a JSON object (null when not sent).
    #[uniffi(default)]
    pub acceptance_criteria_json: Option<String>,
    #[uniffi(default)]
    pub example: Option<String>,
    /// Fields this version does not name, as a JSON object.
    #[uniffi(default = "{}")]
    pub extra_json: String,
}

impl From<core::RequirementType> for RequirementType {
    fn from(t: core::RequirementType) -> Self {
        RequirementType {
            id: t.id,
            name: t.name,
            description: t.description,
            field_type: t.r#type,
            acceptance_criteria_json: t.acceptance_criteria.as_ref().map(value_text),
            example: t.example,
            extra_json: json_text(&t.extra),
        }
    }
}

/// The regulatory information buying a number needs (`phoneNumbers().requirements`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Requirement {
    pub id: String,
    pub action: String,
    pub country_code: String,
    pub phone_number_type: String,
    pub requirement_types: Vec<RequirementType>,
    /// Fields this version does not name, as a JSON object.
    #[uniffi(default = "{}")]
    pub extra_json: String,
}

impl From<core::Requirement> for Requirement {
    fn from(r: core::Requirement) -> Self {
        Requirement {
            id: r.id,
            action: r.action,
            country_code: r.country_code,
            phone_number_type: r.phone_number_type,
            requirement_types: r.requirement_types.into_iter().map(Into::into).collect(),
            extra_json: json_text(&r.extra),
        }
    }
}

/// Parameters of `phoneNumbers().searchAvailable`.
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct SearchAvailablePhoneNumbersParams {
    /// ISO 3166 alpha-2 country code (required).
    #[uniffi(default)]
    pub country_code: String,
    /// The number type (the wire's `type`).
    #[uniffi(default)]
    pub number_type: Option<PhoneNumberType>,
    /// Digits the number must contain.
    #[uniffi(default)]
    pub contains: Option<String>,
    /// Comma-separated capabilities every result must have: `sms`, `voice`, `mms`.
    #[uniffi(default)]
    pub capabilities: Option<String>,
    /// At most this many results, 1 to 100.
    #[uniffi(default)]
    pub limit: Option<i64>,
}

impl From<SearchAvailablePhoneNumbersParams> for core::SearchAvailablePhoneNumbersParams {
    fn from(p: SearchAvailablePhoneNumbersParams) -> Self {
        core::SearchAvailablePhoneNumbersParams {
            country_code: p.country_code,
            number_type: p.number_type.map(Into::into),
            contains: p.contains,
            capabilities: p.capabilities,
            limit: p.limit,
        }
    }
}

/// Parameters of `phoneNumbers().requirements`: a number (preferred), or a country and type.
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct PhoneNumberRequirementsParams {
    #[uniffi(default)]
    pub phone_number: Option<String>,
    #[uniffi(default)]
    pub country_code: Option<String>,
    #[uniffi(default)]
    pub number_type: Option<PhoneNumberType>,
}

impl From<PhoneNumberRequirementsParams> for core::PhoneNumberRequirementsParams {
    fn from(p: PhoneNumberRequirementsParams) -> Self {
        core::PhoneNumberRequirementsParams {
            country_code: p.country_code,
            phone_number: p.phone_number,
            number_type: p.number_type.map(Into::into),
        }
    }
}

/// Parameters of `phoneNumbers().list`.
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct ListPhoneNumbersParams {
    #[uniffi(default)]
    pub status: Option<PhoneNumberStatus>,
    /// Items per page, 1 to 100.
    #[uniffi(default)]
    pub limit: Option<i64>,
    /// Where to start: a `nextCursor` from an earlier page.
    #[uniffi(default)]
    pub cursor: Option<String>,
}

impl From<ListPhoneNumbersParams> for core::ListPhoneNumbersParams {
    fn from(p: ListPhoneNumbersParams) -> Self {
        core::ListPhoneNumbersParams {
            status: p.status.map(Into::into),
            limit: p.limit,
            cursor: p.cursor,
        }
    }
}

/// Parameters of `phoneNumbers().update`: null fields are left alone; `clearName` and
/// `unassignSender` clear them (Kotlin and Swift cannot tell "null" from "not given").
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct UpdatePhoneNumberParams {
    #[uniffi(default)]
    pub name: Option<String>,
    #[uniffi(default)]
    pub sender_id: Option<String>,
    #[uniffi(default)]
    pub clear_name: bool,
    #[uniffi(default)]
    pub unassign_sender: bool,
}

impl From<UpdatePhoneNumberParams> for core::UpdatePhoneNumberParams {
    fn from(p: UpdatePhoneNumberParams) -> Self {
        core::UpdatePhoneNumberParams {
            name: if p.clear_name {
                Some(None)
            } else {
                p.name.map(Some)
            },
            sender_id: if p.unassign_sender {
                Some(None)
            } else {
                p.sender_id.map(Some)
            },
        }
    }
}
