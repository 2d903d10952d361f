//! The /v1 handlers: the Partner Invitations API of `docs/wire.md`. Requests are parsed into
//! core's parameter types and checked with core's validation, and answers are core's models, so
//! the sandbox and the SDK cannot drift apart on names or rules.

use std::sync::Arc;

use axum::Extension;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, RawQuery, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use zavu_core::models::{
    CreateInvitationParams, CreateWebhookParams, InvitationStatus, ListInvitationsParams,
    ListPhoneNumbersParams, ListSendersParams, PhoneNumberRequirementsParams, PhoneNumberStatus,
    PhoneNumberType, PurchasePhoneNumberParams, SearchAvailablePhoneNumbersParams,
    UpdatePhoneNumberParams, UpdateWebhookParams, WebhookConfig,
};
use zavu_core::validation;

use crate::error::{ApiError, parse_json};
use crate::inventory;
use crate::state::{AppState, Team, lock};
use crate::webhooks;

type ApiResult = Result<Json<Value>, ApiError>;

/// A path parameter whose refusal is a JSON error like every other.
pub(crate) struct PathParam<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathParam<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| PathParam(value))
            .map_err(|e| ApiError::bad_request(format!("Invalid path: {e}")))
    }
}

/// The query string as decoded pairs; repeated keys keep the last value.
fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    query
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .unwrap_or_default()
}

fn query_value(pairs: &[(String, String)], key: &str) -> Option<String> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
}

fn query_limit(pairs: &[(String, String)]) -> Result<Option<i64>, ApiError> {
    query_value(pairs, "limit")
        .map(|raw| {
            raw.trim()
                .parse::<i64>()
                .map_err(|_| ApiError::invalid("limit", "limit must be between 1 and 100"))
        })
        .transpose()
}

fn page_limit(limit: Option<i64>) -> usize {
    usize::try_from(limit.unwrap_or(50)).unwrap_or(50)
}

pub(crate) async fn create_invitation(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    body: Bytes,
) -> ApiResult {
    let params: CreateInvitationParams = parse_json(&body)?;
    validation::validate_create_invitation(&params).map_err(ApiError::from_core)?;
    let now = state.now();
    let invitation =
        lock(&state.store).create_invitation(team.index, params, now, &state.base_url)?;
    Ok(Json(json!({ "invitation": invitation })))
}

pub(crate) async fn list_invitations(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let pairs = query_pairs(query.as_deref());
    let params = ListInvitationsParams {
        status: query_value(&pairs, "status").map(InvitationStatus::from),
        limit: query_limit(&pairs)?,
        cursor: query_value(&pairs, "cursor"),
    };
    validation::validate_list_invitations(&params).map_err(ApiError::from_core)?;
    let now = state.now();
    let page = lock(&state.store).list_invitations(
        team.index,
        params.status.as_ref(),
        page_limit(params.limit),
        params.cursor.as_deref(),
        now,
    )?;
    Ok(Json(
        json!({ "items": page.items, "nextCursor": page.next_cursor }),
    ))
}

pub(crate) async fn get_invitation(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    PathParam(id): PathParam<String>,
) -> ApiResult {
    validation::validate_id("invitationId", &id).map_err(ApiError::from_core)?;
    let now = state.now();
    let invitation = lock(&state.store).get_invitation(team.index, &id, now)?;
    Ok(Json(json!({ "invitation": invitation })))
}

pub(crate) async fn cancel_invitation(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    PathParam(id): PathParam<String>,
) -> ApiResult {
    validation::validate_id("invitationId", &id).map_err(ApiError::from_core)?;
    let now = state.now();
    let outcome = lock(&state.store).cancel_invitation(team.index, &id, now)?;
    webhooks::dispatch(&state, outcome.team, outcome.events);
    Ok(Json(json!({ "invitation": outcome.invitation })))
}

pub(crate) async fn purchase_phone_number(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    body: Bytes,
) -> ApiResult {
    let params: PurchasePhoneNumberParams = parse_json(&body)?;
    validation::validate_purchase_phone_number(&params).map_err(ApiError::from_core)?;
    let now = state.now();
    let number = lock(&state.store).purchase_phone_number(
        team.index,
        params.phone_number,
        params.name,
        now,
    )?;
    Ok(Json(json!({ "phoneNumber": number })))
}

pub(crate) async fn search_available_phone_numbers(
    State(state): State<Arc<AppState>>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let pairs = query_pairs(query.as_deref());
    let params = SearchAvailablePhoneNumbersParams {
        country_code: query_value(&pairs, "countryCode").unwrap_or_default(),
        capabilities: query_value(&pairs, "capabilities"),
        contains: query_value(&pairs, "contains"),
        limit: query_limit(&pairs)?,
        number_type: query_value(&pairs, "type").map(PhoneNumberType::from),
    };
    validation::validate_search_available_phone_numbers(&params).map_err(ApiError::from_core)?;
    let search = inventory::Search {
        country: &params.country_code,
        number_type: params.number_type.as_ref(),
        capabilities: params
            .capabilities
            .as_deref()
            .map(|c| c.split(',').map(str::trim).collect())
            .unwrap_or_default(),
        contains: params.contains.as_deref(),
        limit: params
            .limit
            .map(|limit| page_limit(Some(limit)))
            .unwrap_or(inventory::DEFAULT_SEARCH_LIMIT),
    };
    let store = lock(&state.store);
    let items = inventory::search(&search, |number| store.is_owned(number));
    Ok(Json(json!({ "items": items })))
}

pub(crate) async fn phone_number_requirements(RawQuery(query): RawQuery) -> ApiResult {
    let pairs = query_pairs(query.as_deref());
    let params = PhoneNumberRequirementsParams {
        country_code: query_value(&pairs, "countryCode"),
        phone_number: query_value(&pairs, "phoneNumber"),
        number_type: query_value(&pairs, "type").map(PhoneNumberType::from),
    };
    validation::validate_phone_number_requirements(&params).map_err(ApiError::from_core)?;
    // The number's own country wins over `countryCode`, as the API documents.
    let country = params
        .phone_number
        .as_deref()
        .and_then(inventory::country_of)
        .or(params.country_code.as_deref());
    let number_type = params.number_type.unwrap_or(PhoneNumberType::Local);
    let items = country
        .map(|c| inventory::requirements(c, &number_type))
        .unwrap_or_default();
    Ok(Json(json!({ "items": items })))
}

pub(crate) async fn list_phone_numbers(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let pairs = query_pairs(query.as_deref());
    let params = ListPhoneNumbersParams {
        status: query_value(&pairs, "status").map(PhoneNumberStatus::from),
        limit: query_limit(&pairs)?,
        cursor: query_value(&pairs, "cursor"),
    };
    validation::validate_list_phone_numbers(&params).map_err(ApiError::from_core)?;
    let page = lock(&state.store).list_phone_numbers(
        team.index,
        params.status.as_ref(),
        page_limit(params.limit),
        params.cursor.as_deref(),
    )?;
    Ok(Json(
        json!({ "items": page.items, "nextCursor": page.next_cursor }),
    ))
}

pub(crate) async fn get_phone_number(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    PathParam(id): PathParam<String>,
) -> ApiResult {
    validation::validate_id("phoneNumberId", &id).map_err(ApiError::from_core)?;
    let number = lock(&state.store).get_phone_number(team.index, &id)?;
    Ok(Json(json!({ "phoneNumber": number })))
}

pub(crate) async fn update_phone_number(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    PathParam(id): PathParam<String>,
    body: Bytes,
) -> ApiResult {
    validation::validate_id("phoneNumberId", &id).map_err(ApiError::from_core)?;
    let params: UpdatePhoneNumberParams = parse_json(&body)?;
    validation::validate_update_phone_number(&params).map_err(ApiError::from_core)?;
    let now = state.now();
    let number = lock(&state.store).update_phone_number(
        team.index,
        &id,
        params.name,
        params.sender_id,
        now,
    )?;
    Ok(Json(json!({ "phoneNumber": number })))
}

pub(crate) async fn release_phone_number(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    PathParam(id): PathParam<String>,
) -> Result<StatusCode, ApiError> {
    validation::validate_id("phoneNumberId", &id).map_err(ApiError::from_core)?;
    lock(&state.store).release_phone_number(team.index, &id)?;
    Ok(StatusCode::NO_CONTENT)
}

pub(crate) async fn get_sender(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    PathParam(id): PathParam<String>,
) -> ApiResult {
    validation::validate_id("senderId", &id).map_err(ApiError::from_core)?;
    let sender = lock(&state.store).get_sender(team.index, &id)?;
    Ok(Json(json!(sender)))
}

pub(crate) async fn list_senders(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    RawQuery(query): RawQuery,
) -> ApiResult {
    let pairs = query_pairs(query.as_deref());
    let params = ListSendersParams {
        limit: query_limit(&pairs)?,
        cursor: query_value(&pairs, "cursor"),
    };
    validation::validate_list_senders(&params).map_err(ApiError::from_core)?;
    let page = lock(&state.store).list_senders(
        team.index,
        page_limit(params.limit),
        params.cursor.as_deref(),
    )?;
    Ok(Json(
        json!({ "items": page.items, "nextCursor": page.next_cursor }),
    ))
}

fn without_secret(mut webhook: WebhookConfig) -> WebhookConfig {
    webhook.secret = None;
    webhook
}

fn no_webhook() -> ApiError {
    ApiError::not_found("Webhook not found")
}

pub(crate) async fn create_webhook(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    body: Bytes,
) -> ApiResult {
    let params: CreateWebhookParams = parse_json(&body)?;
    validation::validate_create_webhook(&params).map_err(ApiError::from_core)?;
    let mut store = lock(&state.store);
    if store.webhook(team.index).is_some() {
        return Err(ApiError::conflict(
            "A webhook is already configured; update or delete it instead",
        ));
    }
    let webhook = WebhookConfig {
        url: params.url,
        events: params.events,
        secret: Some(webhooks::new_secret()),
        active: true,
        extra: Default::default(),
    };
    store.set_webhook(team.index, webhook.clone());
    Ok(Json(json!({ "webhook": webhook })))
}

pub(crate) async fn get_webhook(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
) -> ApiResult {
    let webhook = lock(&state.store).webhook(team.index).cloned();
    let webhook = webhook.ok_or_else(no_webhook)?;
    Ok(Json(json!({ "webhook": without_secret(webhook) })))
}

pub(crate) async fn update_webhook(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
    body: Bytes,
) -> ApiResult {
    let params: UpdateWebhookParams = parse_json(&body)?;
    validation::validate_update_webhook(&params).map_err(ApiError::from_core)?;
    let mut store = lock(&state.store);
    let webhook = store.webhook_mut(team.index).ok_or_else(no_webhook)?;
    if let Some(url) = params.url {
        webhook.url = url;
    }
    if let Some(events) = params.events {
        webhook.events = events;
    }
    if let Some(active) = params.active {
        webhook.active = active;
    }
    let webhook = without_secret(webhook.clone());
    Ok(Json(json!({ "webhook": webhook })))
}

pub(crate) async fn delete_webhook(
    State(state): State<Arc<AppState>>,
    Extension(team): Extension<Team>,
) -> ApiResult {
    let webhook = lock(&state.store).remove_webhook(team.index);
    let webhook = webhook.ok_or_else(no_webhook)?;
    Ok(Json(json!({ "webhook": without_secret(webhook) })))
}

/// Any other /v1 route, or a known route with another method.
pub(crate) async fn unknown_route() -> ApiError {
    ApiError::not_found("Unknown API route")
}
