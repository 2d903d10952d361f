//! The in-memory data of the sandbox (invitations, phone numbers, senders, webhooks, plans) and
//! the invitation lifecycle. Everything here is synchronous; callers hold the store lock briefly.

use std::collections::HashMap;

use rand::Rng;
use serde_json::Value;
use time::OffsetDateTime;
use zavu_core::models::{
    Channel, ConnectedAccount, ConnectionType, CreateInvitationParams, Extra, FailureReason,
    INVITATION_STATUS_CHANGED, Invitation, InvitationStatus, PhoneNumber, PhoneNumberPricing,
    PhoneNumberStatus, SENDER_CREATED, Sender, WebhookConfig,
};
use zavu_core::webhooks::InvitationStatusChangedData;

use crate::error::ApiError;

const ID_ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const TOKEN_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn random_from(alphabet: &[u8], len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())]))
        .collect()
}

/// `<prefix>_<20 random characters>`, the shape of the API's ids.
pub(crate) fn random_id(prefix: &str) -> String {
    format!("{prefix}_{}", random_from(ID_ALPHABET, 20))
}

/// A URL-safe secret of `len` characters (tokens, webhook secrets).
pub(crate) fn random_token(len: usize) -> String {
    random_from(TOKEN_ALPHABET, len)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plan {
    Free,
    Paid,
}

/// Something owned by a team.
#[derive(Debug, Clone)]
pub(crate) struct Owned<T> {
    pub team: usize,
    pub item: T,
}

/// A lifecycle step, whoever asks for it (control endpoint, invitation page or cancel).
#[derive(Debug, Clone)]
pub(crate) enum Transition {
    View,
    Start,
    Complete,
    Fail(FailureReason),
    Cancel,
}

/// An event to deliver to the team's webhook once the store lock is released.
#[derive(Debug, Clone)]
pub(crate) struct PendingEvent {
    pub event_type: &'static str,
    pub sender_id: Option<String>,
    pub data: Value,
}

#[derive(Debug)]
pub(crate) struct Outcome {
    pub team: usize,
    pub invitation: Invitation,
    pub events: Vec<PendingEvent>,
}

/// One page of a newest-first list.
pub(crate) struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Store {
    plans: Vec<Plan>,
    /// In creation order, oldest first; lists walk it backwards.
    invitations: Vec<Owned<Invitation>>,
    invitation_index: HashMap<String, usize>,
    token_index: HashMap<String, usize>,
    phone_numbers: Vec<Owned<PhoneNumber>>,
    senders: Vec<Owned<Sender>>,
    /// The project webhook of each team, secret included.
    webhooks: HashMap<usize, WebhookConfig>,
}

impl Store {
    pub fn new(teams: usize) -> Self {
        Store {
            plans: vec![Plan::Paid; teams],
            invitations: Vec::new(),
            invitation_index: HashMap::new(),
            token_index: HashMap::new(),
            phone_numbers: Vec::new(),
            senders: Vec::new(),
            webhooks: HashMap::new(),
        }
    }

    /// Forgets all data; plans stay because they belong to the keys, which stay too.
    pub fn clear(&mut self) {
        let plans = std::mem::take(&mut self.plans);
        *self = Store::new(0);
        self.plans = plans;
    }

    pub fn set_plan(&mut self, team: usize, plan: Plan) {
        if let Some(slot) = self.plans.get_mut(team) {
            *slot = plan;
        }
    }

    pub fn plan(&self, team: usize) -> Plan {
        self.plans.get(team).copied().unwrap_or(Plan::Paid)
    }

    pub fn invitation_count(&self) -> usize {
        self.invitations.len()
    }

    // ---------------------------------------------------------------------------------------
    // Invitations

    pub fn create_invitation(
        &mut self,
        team: usize,
        params: CreateInvitationParams,
        now: OffsetDateTime,
        base_url: &str,
    ) -> Result<Invitation, ApiError> {
        if let Some(phone_number_id) = &params.phone_number_id {
            let number = self
                .phone_numbers
                .iter()
                .find(|n| &n.item.id == phone_number_id)
                .ok_or_else(|| ApiError::not_found("Phone number not found"))?;
            if number.team != team {
                return Err(ApiError::new(
                    axum::http::StatusCode::BAD_REQUEST,
                    zavu_core::codes::PHONE_NUMBER_WRONG_TEAM,
                    "Phone number belongs to another team",
                ));
            }
        }
        let days = params.expires_in_days.unwrap_or(7);
        let token = random_token(24);
        let invitation = Invitation {
            id: random_id("inv"),
            url: format!("{base_url}/invite/{token}"),
            token,
            status: InvitationStatus::Pending,
            created_at: now,
            updated_at: Some(now),
            expires_at: now.saturating_add(time::Duration::days(days)),
            client_name: params.client_name,
            client_email: params.client_email,
            client_phone: params.client_phone,
            phone_number_id: params.phone_number_id,
            sender_id: None,
            connection_type: Some(
                params
                    .connection_type
                    .unwrap_or(ConnectionType::WhatsappWaba),
            ),
            allowed_phone_countries: params.allowed_phone_countries,
            connected_account: None,
            viewed_at: None,
            started_at: None,
            completed_at: None,
            failed_at: None,
            failure_reason: None,
            extra: Extra::new(),
        };
        self.insert_invitation(team, invitation.clone());
        Ok(invitation)
    }

    fn insert_invitation(&mut self, team: usize, invitation: Invitation) {
        let position = self.invitations.len();
        self.invitation_index
            .insert(invitation.id.clone(), position);
        self.token_index.insert(invitation.token.clone(), position);
        self.invitations.push(Owned {
            team,
            item: invitation,
        });
    }

    /// Creates an invitation directly in `status`, as if its lifecycle had run (no events).
    pub fn seed_invitation(
        &mut self,
        team: usize,
        client_name: String,
        status: &InvitationStatus,
        now: OffsetDateTime,
        base_url: &str,
    ) -> Result<(), ApiError> {
        let params = CreateInvitationParams {
            client_name: Some(client_name),
            ..Default::default()
        };
        self.create_invitation(team, params, now, base_url)?;
        let position = self.invitations.len().saturating_sub(1);
        let steps: &[Transition] = match status {
            InvitationStatus::Pending => &[],
            InvitationStatus::InProgress => &[Transition::Start],
            InvitationStatus::Completed => &[Transition::Start, Transition::Complete],
            InvitationStatus::Failed => &[
                Transition::Start,
                Transition::Fail(FailureReason::SignupAbandoned),
            ],
            InvitationStatus::Cancelled => &[Transition::Cancel],
            InvitationStatus::Expired | InvitationStatus::Other(_) => {
                if let Some(record) = self.invitations.get_mut(position) {
                    record.item.status = InvitationStatus::Expired;
                    record.item.expires_at = now;
                }
                &[]
            }
        };
        for step in steps {
            self.transition_at(position, step.clone(), now)?;
        }
        Ok(())
    }

    /// Reads as `expired` once the clock passes `expiresAt`, unless already final.
    fn refresh_expiry(invitation: &mut Invitation, now: OffsetDateTime) {
        let open = matches!(
            invitation.status,
            InvitationStatus::Pending | InvitationStatus::InProgress | InvitationStatus::Failed
        );
        if open && invitation.expires_at <= now {
            invitation.status = InvitationStatus::Expired;
            invitation.updated_at = Some(invitation.expires_at);
        }
    }

    fn position_for_team(&self, team: usize, id: &str) -> Option<usize> {
        let position = *self.invitation_index.get(id)?;
        (self.invitations.get(position)?.team == team).then_some(position)
    }

    pub fn position_of_id(&self, id: &str) -> Option<usize> {
        self.invitation_index.get(id).copied()
    }

    pub fn position_of_token(&self, token: &str) -> Option<usize> {
        self.token_index.get(token).copied()
    }

    /// The invitation at `position` as it reads now, with its team.
    pub fn invitation_at(
        &mut self,
        position: usize,
        now: OffsetDateTime,
    ) -> Option<(usize, Invitation)> {
        let record = self.invitations.get_mut(position)?;
        Self::refresh_expiry(&mut record.item, now);
        Some((record.team, record.item.clone()))
    }

    pub fn get_invitation(
        &mut self,
        team: usize,
        id: &str,
        now: OffsetDateTime,
    ) -> Result<Invitation, ApiError> {
        self.position_for_team(team, id)
            .and_then(|position| self.invitation_at(position, now))
            .map(|(_, invitation)| invitation)
            .ok_or_else(|| ApiError::not_found("Invitation not found"))
    }

    pub fn list_invitations(
        &mut self,
        team: usize,
        status: Option<&InvitationStatus>,
        limit: usize,
        cursor: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Page<Invitation>, ApiError> {
        for record in self.invitations.iter_mut().filter(|r| r.team == team) {
            Self::refresh_expiry(&mut record.item, now);
        }
        let newest_first = self.invitations.iter().rev().filter(|r| r.team == team);
        let records: Vec<&Invitation> = newest_first.map(|r| &r.item).collect();
        page_after(
            &records,
            cursor,
            limit,
            |i| &i.id,
            |i| status.is_none_or(|s| &i.status == s),
        )
    }

    /// Every invitation of every team, oldest first, as it reads now.
    pub fn all_invitations(&mut self, now: OffsetDateTime) -> Vec<(usize, Invitation)> {
        self.invitations
            .iter_mut()
            .map(|record| {
                Self::refresh_expiry(&mut record.item, now);
                (record.team, record.item.clone())
            })
            .collect()
    }

    /// Cancels an invitation of `team` (the API's cancel).
    pub fn cancel_invitation(
        &mut self,
        team: usize,
        id: &str,
        now: OffsetDateTime,
    ) -> Result<Outcome, ApiError> {
        let position = self
            .position_for_team(team, id)
            .ok_or_else(|| ApiError::not_found("Invitation not found"))?;
        self.transition_at(position, Transition::Cancel, now)
    }

    /// Applies one lifecycle step, returning the invitation after it and the events it fires.
    pub fn transition_at(
        &mut self,
        position: usize,
        transition: Transition,
        now: OffsetDateTime,
    ) -> Result<Outcome, ApiError> {
        let Some(record) = self.invitations.get_mut(position) else {
            return Err(ApiError::not_found("Invitation not found"));
        };
        Self::refresh_expiry(&mut record.item, now);
        let team = record.team;
        let previous = record.item.status.clone();
        let refuse = |action: &str| {
            ApiError::conflict(format!("Cannot {action} an invitation that is {previous}"))
        };
        match &transition {
            Transition::View => {
                if record.item.viewed_at.is_none() {
                    record.item.viewed_at = Some(now);
                    record.item.updated_at = Some(now);
                }
                return Ok(Outcome {
                    team,
                    invitation: record.item.clone(),
                    events: Vec::new(),
                });
            }
            Transition::Start => {
                if !matches!(
                    previous,
                    InvitationStatus::Pending | InvitationStatus::Failed
                ) {
                    return Err(refuse("start"));
                }
                let invitation = &mut record.item;
                invitation.status = InvitationStatus::InProgress;
                invitation.started_at = Some(now);
                // A retried link starts over, so the previous failure no longer applies.
                invitation.failure_reason = None;
                invitation.failed_at = None;
            }
            Transition::Complete => {
                if previous != InvitationStatus::InProgress {
                    return Err(refuse("complete"));
                }
            }
            Transition::Fail(reason) => {
                if previous != InvitationStatus::InProgress {
                    return Err(refuse("fail"));
                }
                let invitation = &mut record.item;
                invitation.status = InvitationStatus::Failed;
                invitation.failed_at = Some(now);
                invitation.failure_reason = Some(reason.clone());
            }
            Transition::Cancel => match previous {
                InvitationStatus::Pending
                | InvitationStatus::InProgress
                | InvitationStatus::Failed => {
                    record.item.status = InvitationStatus::Cancelled;
                }
                InvitationStatus::Completed => {
                    return Err(ApiError::new(
                        axum::http::StatusCode::CONFLICT,
                        zavu_core::codes::ALREADY_COMPLETED,
                        "Invitation is already completed",
                    ));
                }
                _ => return Err(refuse("cancel")),
            },
        }
        record.item.updated_at = Some(now);
        let mut created_sender = None;
        if matches!(transition, Transition::Complete) {
            let invitation = record.item.clone();
            created_sender = Some(self.complete(position, team, invitation, now));
        }
        let Some(record) = self.invitations.get(position) else {
            return Err(ApiError::not_found("Invitation not found"));
        };
        let invitation = record.item.clone();
        let mut events = vec![status_changed_event(&invitation, previous)];
        if let Some(sender) = created_sender {
            events.push(PendingEvent {
                event_type: SENDER_CREATED,
                sender_id: Some(sender.id.clone()),
                data: serde_json::to_value(&sender).unwrap_or(Value::Null),
            });
        }
        Ok(Outcome {
            team,
            invitation,
            events,
        })
    }

    /// Marks the invitation at `position` completed and creates the sender it connected.
    fn complete(
        &mut self,
        position: usize,
        team: usize,
        invitation: Invitation,
        now: OffsetDateTime,
    ) -> Sender {
        let messenger = invitation.connection_type == Some(ConnectionType::Messenger);
        let pre_assigned = invitation
            .phone_number_id
            .as_ref()
            .and_then(|id| self.phone_numbers.iter_mut().find(|n| &n.item.id == id));
        let sender_id = random_id("snd");
        let phone = match pre_assigned {
            Some(number) => {
                number.item.sender_id = Some(sender_id.clone());
                number.item.updated_at = Some(now);
                number.item.phone_number.clone()
            }
            None => invitation
                .client_phone
                .clone()
                .unwrap_or_else(|| format!("+1555{}", random_from(b"0123456789", 7))),
        };
        let (channel, account_prefix) = if messenger {
            (Channel::Messenger, "page")
        } else {
            (Channel::Whatsapp, "waba")
        };
        let sender = Sender {
            id: sender_id.clone(),
            name: invitation
                .client_name
                .clone()
                .unwrap_or_else(|| "Sender".to_string()),
            phone_number: phone,
            channels: Some(vec![channel.as_str().to_string()]),
            created_at: Some(now),
            updated_at: Some(now),
            is_default: None,
            webhook: None,
            whatsapp: None,
            extra: Extra::new(),
        };
        self.senders.push(Owned {
            team,
            item: sender.clone(),
        });
        if let Some(record) = self.invitations.get_mut(position) {
            let invitation = &mut record.item;
            invitation.status = InvitationStatus::Completed;
            invitation.completed_at = Some(now);
            invitation.sender_id = Some(sender_id);
            invitation.connected_account = Some(ConnectedAccount {
                id: random_id(account_prefix),
                channel,
                name: invitation.client_name.clone(),
                extra: Extra::new(),
            });
        }
        sender
    }

    // ---------------------------------------------------------------------------------------
    // Phone numbers and senders

    pub fn purchase_phone_number(
        &mut self,
        team: usize,
        phone_number: String,
        name: Option<String>,
        now: OffsetDateTime,
    ) -> Result<PhoneNumber, ApiError> {
        if self.plan(team) == Plan::Free {
            return Err(ApiError::new(
                axum::http::StatusCode::PAYMENT_REQUIRED,
                zavu_core::codes::PAID_PLAN_REQUIRED,
                "Purchasing a phone number requires a paid plan",
            ));
        }
        if self
            .phone_numbers
            .iter()
            .any(|n| n.item.phone_number == phone_number)
        {
            return Err(ApiError::conflict("This phone number is already owned"));
        }
        let number = PhoneNumber {
            id: random_id("pn"),
            phone_number,
            capabilities: vec!["sms".into(), "voice".into(), "whatsapp".into()],
            status: PhoneNumberStatus::Active,
            pricing: PhoneNumberPricing {
                is_free_number: Some(false),
                monthly_cost: Some(1.0),
                monthly_price: Some(2.0),
                upfront_cost: Some(0.0),
                extra: Extra::new(),
            },
            created_at: now,
            name,
            sender_id: None,
            next_renewal_date: Some(now.saturating_add(time::Duration::days(30))),
            updated_at: Some(now),
            extra: Extra::new(),
        };
        self.phone_numbers.push(Owned {
            team,
            item: number.clone(),
        });
        Ok(number)
    }

    /// The team's numbers, newest first, optionally of one status.
    pub fn list_phone_numbers(
        &self,
        team: usize,
        status: Option<&PhoneNumberStatus>,
        limit: usize,
        cursor: Option<&str>,
    ) -> Result<Page<PhoneNumber>, ApiError> {
        let records: Vec<&PhoneNumber> = self
            .phone_numbers
            .iter()
            .rev()
            .filter(|n| n.team == team)
            .map(|n| &n.item)
            .collect();
        page_after(
            &records,
            cursor,
            limit,
            |n| &n.id,
            |n| status.is_none_or(|s| &n.status == s),
        )
    }

    /// One of the team's numbers; another team's number is not found, as an unknown one.
    pub fn get_phone_number(&self, team: usize, id: &str) -> Result<PhoneNumber, ApiError> {
        self.phone_numbers
            .iter()
            .find(|n| n.team == team && n.item.id == id)
            .map(|n| n.item.clone())
            .ok_or_else(phone_number_not_found)
    }

    /// Renames a number and (un)assigns its sender; `None` leaves a field, `Some(None)` clears it.
    pub fn update_phone_number(
        &mut self,
        team: usize,
        id: &str,
        name: Option<Option<String>>,
        sender_id: Option<Option<String>>,
        now: OffsetDateTime,
    ) -> Result<PhoneNumber, ApiError> {
        if let Some(Some(sender)) = &sender_id {
            self.get_sender(team, sender)?;
        }
        let number = self
            .phone_numbers
            .iter_mut()
            .find(|n| n.team == team && n.item.id == id)
            .ok_or_else(phone_number_not_found)?;
        if let Some(name) = name {
            number.item.name = name;
        }
        if let Some(sender_id) = sender_id {
            number.item.sender_id = sender_id;
        }
        number.item.updated_at = Some(now);
        Ok(number.item.clone())
    }

    /// Releases a number: it leaves the team's list and can be bought again.
    pub fn release_phone_number(&mut self, team: usize, id: &str) -> Result<(), ApiError> {
        let position = self
            .phone_numbers
            .iter()
            .position(|n| n.team == team && n.item.id == id)
            .ok_or_else(phone_number_not_found)?;
        if self.phone_numbers[position].item.sender_id.is_some() {
            return Err(ApiError::conflict(
                "The phone number is assigned to a sender; unassign it before releasing it",
            ));
        }
        self.phone_numbers.remove(position);
        Ok(())
    }

    /// Whether any team owns `phone_number` (E.164).
    pub fn is_owned(&self, phone_number: &str) -> bool {
        self.phone_numbers
            .iter()
            .any(|n| n.item.phone_number == phone_number)
    }

    /// The E.164 number of a phone number id, for the invitation page.
    pub fn phone_number_e164(&self, id: &str) -> Option<String> {
        self.phone_numbers
            .iter()
            .find(|n| n.item.id == id)
            .map(|n| n.item.phone_number.clone())
    }

    pub fn get_sender(&self, team: usize, id: &str) -> Result<Sender, ApiError> {
        self.senders
            .iter()
            .find(|s| s.team == team && s.item.id == id)
            .map(|s| s.item.clone())
            .ok_or_else(|| ApiError::not_found("Sender not found"))
    }

    pub fn list_senders(
        &self,
        team: usize,
        limit: usize,
        cursor: Option<&str>,
    ) -> Result<Page<Sender>, ApiError> {
        let records: Vec<&Sender> = self
            .senders
            .iter()
            .rev()
            .filter(|s| s.team == team)
            .map(|s| &s.item)
            .collect();
        page_after(&records, cursor, limit, |s| &s.id, |_| true)
    }

    // ---------------------------------------------------------------------------------------
    // Webhooks

    pub fn webhook(&self, team: usize) -> Option<&WebhookConfig> {
        self.webhooks.get(&team)
    }

    pub fn webhook_mut(&mut self, team: usize) -> Option<&mut WebhookConfig> {
        self.webhooks.get_mut(&team)
    }

    pub fn set_webhook(&mut self, team: usize, webhook: WebhookConfig) {
        self.webhooks.insert(team, webhook);
    }

    pub fn remove_webhook(&mut self, team: usize) -> Option<WebhookConfig> {
        self.webhooks.remove(&team)
    }
}

fn phone_number_not_found() -> ApiError {
    ApiError::not_found("Phone number not found")
}

fn status_changed_event(invitation: &Invitation, previous: InvitationStatus) -> PendingEvent {
    let completed = invitation.status == InvitationStatus::Completed;
    let whatsapp = invitation.connection_type != Some(ConnectionType::Messenger);
    let data = InvitationStatusChangedData {
        invitation_id: invitation.id.clone(),
        client_name: invitation.client_name.clone(),
        client_email: invitation.client_email.clone(),
        connection_type: invitation.connection_type.clone(),
        previous_status: Some(previous),
        current_status: invitation.status.clone(),
        sender_id: invitation.sender_id.clone().filter(|_| completed),
        connected_account: invitation.connected_account.clone().filter(|_| completed),
        waba_account_id: invitation
            .connected_account
            .as_ref()
            .filter(|_| completed && whatsapp)
            .map(|a| a.id.clone()),
        failure_reason: invitation
            .failure_reason
            .clone()
            .filter(|_| invitation.status == InvitationStatus::Failed),
        extra: Extra::new(),
    };
    PendingEvent {
        event_type: INVITATION_STATUS_CHANGED,
        sender_id: invitation.sender_id.clone().filter(|_| completed),
        data: serde_json::to_value(&data).unwrap_or(Value::Null),
    }
}

/// A newest-first page: the items after `cursor` (an item id) that pass `keep`, at most `limit`.
fn page_after<T: Clone>(
    records: &[&T],
    cursor: Option<&str>,
    limit: usize,
    id_of: impl Fn(&T) -> &String,
    keep: impl Fn(&T) -> bool,
) -> Result<Page<T>, ApiError> {
    let start = match cursor {
        None => 0,
        Some(cursor) => {
            records
                .iter()
                .position(|r| id_of(r) == cursor)
                .ok_or_else(|| ApiError::invalid("cursor", "cursor is not a known cursor"))?
                + 1
        }
    };
    let mut matching = records[start..].iter().filter(|r| keep(r));
    let items: Vec<T> = matching
        .by_ref()
        .take(limit)
        .map(|r| (*r).clone())
        .collect();
    let has_more = matching.next().is_some();
    let next_cursor = match (has_more, items.last()) {
        (true, Some(last)) => Some(id_of(last).clone()),
        _ => None,
    };
    Ok(Page { items, next_cursor })
}
