//! /sandbox/... control endpoints: no auth, JSON in and out. Tests use them to drive the lifecycle,
//! move the clock, inject faults and look inside.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use serde::Deserialize;
use serde_json::{Value, json};
use zavu_core::models::{FailureReason, InvitationStatus};

use crate::api::PathParam;
use crate::error::{ApiError, parse_json};
use crate::faults::{FaultRule, RandomFaultsRequest};
use crate::state::{AppState, Settings, Team, lock};
use crate::store::{Plan, Transition};
use crate::webhooks;

type ControlResult = Result<Json<Value>, ApiError>;

/// Longest rate-limit window a test may set (a day); longer ones only risk clock overflow.
const MAX_WINDOW_SECONDS: u64 = 86_400;

/// Largest number of invitations one seed call may create, so a typo cannot eat all memory.
const MAX_SEED: u64 = 100_000;

#[derive(Deserialize, Default)]
struct FailBody {
    #[serde(default)]
    reason: Option<String>,
}

/// Applies a lifecycle step to the invitation `id` and delivers the events it fires.
pub(crate) fn transition(
    state: &AppState,
    position: usize,
    step: Transition,
) -> Result<zavu_core::models::Invitation, ApiError> {
    let now = state.now();
    let outcome = lock(&state.store).transition_at(position, step, now)?;
    webhooks::dispatch(state, outcome.team, outcome.events);
    Ok(outcome.invitation)
}

pub(crate) async fn invitation_action(
    State(state): State<Arc<AppState>>,
    PathParam((id, action)): PathParam<(String, String)>,
    body: Bytes,
) -> ControlResult {
    let step = match action.as_str() {
        "view" => Transition::View,
        "start" => Transition::Start,
        "complete" => Transition::Complete,
        "fail" => {
            let body: FailBody = parse_json(&body)?;
            Transition::Fail(failure_reason(body.reason)?)
        }
        other => {
            return Err(ApiError::not_found(format!(
                "Unknown action '{other}': use view, start, complete or fail"
            )));
        }
    };
    let position = lock(&state.store)
        .position_of_id(&id)
        .ok_or_else(|| ApiError::not_found("Invitation not found"))?;
    let invitation = transition(&state, position, step)?;
    Ok(Json(json!({ "invitation": invitation })))
}

/// The given reason, or `signup_abandoned`, the most common real one.
pub(crate) fn failure_reason(reason: Option<String>) -> Result<FailureReason, ApiError> {
    match reason.map(|r| r.trim().to_string()) {
        None => Ok(FailureReason::SignupAbandoned),
        Some(r) if r.is_empty() => Ok(FailureReason::SignupAbandoned),
        Some(r) if r.chars().count() > 100 => Err(ApiError::invalid(
            "reason",
            "reason must be at most 100 characters",
        )),
        Some(r) => Ok(FailureReason::from(r)),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SeedBody {
    #[serde(default)]
    api_key: Option<String>,
    count: u64,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    client_name_prefix: Option<String>,
}

fn team_for_key(state: &AppState, key: Option<&str>) -> Result<Team, ApiError> {
    match key {
        Some(key) => state
            .team_by_key(key)
            .cloned()
            .ok_or_else(|| ApiError::invalid("apiKey", "apiKey is not a key of this sandbox")),
        None => state
            .default_team()
            .cloned()
            .ok_or_else(|| ApiError::bad_request("The sandbox has no teams")),
    }
}

pub(crate) async fn seed(State(state): State<Arc<AppState>>, body: Bytes) -> ControlResult {
    let body: SeedBody = parse_json(&body)?;
    let team = team_for_key(&state, body.api_key.as_deref())?;
    if body.count > MAX_SEED {
        return Err(ApiError::invalid(
            "count",
            format!("count must be at most {MAX_SEED}"),
        ));
    }
    let status = match body.status {
        None => InvitationStatus::Pending,
        Some(raw) => {
            let status = InvitationStatus::from(raw);
            if !status.is_known() {
                return Err(ApiError::invalid(
                    "status",
                    format!(
                        "status must be one of {}",
                        InvitationStatus::KNOWN.join(", ")
                    ),
                ));
            }
            status
        }
    };
    let prefix = body
        .client_name_prefix
        .unwrap_or_else(|| "Seeded".to_string());
    let now = state.now();
    let mut store = lock(&state.store);
    for i in 0..body.count {
        store.seed_invitation(
            team.index,
            format!("{prefix} {i}"),
            &status,
            now,
            &state.base_url,
        )?;
    }
    Ok(Json(json!({ "created": body.count })))
}

pub(crate) async fn all_invitations(State(state): State<Arc<AppState>>) -> ControlResult {
    let now = state.now();
    let invitations = lock(&state.store).all_invitations(now);
    let items: Vec<Value> = invitations
        .into_iter()
        .map(|(team, invitation)| {
            let mut value = json!(invitation);
            if let (Value::Object(object), Some(team)) = (&mut value, state.teams.get(team)) {
                object.insert("team".into(), Value::from(team.name.clone()));
            }
            value
        })
        .collect();
    Ok(Json(json!({ "items": items })))
}

fn rfc3339(now: time::OffsetDateTime) -> String {
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

pub(crate) async fn clock(State(state): State<Arc<AppState>>) -> ControlResult {
    Ok(Json(json!({ "now": rfc3339(state.now()) })))
}

#[derive(Deserialize)]
struct AdvanceBody {
    seconds: i64,
}

pub(crate) async fn advance_clock(
    State(state): State<Arc<AppState>>,
    body: Bytes,
) -> ControlResult {
    let body: AdvanceBody = parse_json(&body)?;
    if body.seconds < 0 {
        // Invitations only ever move forward in time; a clock going back would un-expire them.
        return Err(ApiError::invalid("seconds", "seconds must not be negative"));
    }
    let now = state.advance_clock(time::Duration::seconds(body.seconds));
    Ok(Json(json!({ "now": rfc3339(now) })))
}

pub(crate) async fn add_fault(State(state): State<Arc<AppState>>, body: Bytes) -> ControlResult {
    let rule: FaultRule = parse_json(&body)?;
    rule.fault.check()?;
    if !rule.path.starts_with('/') {
        return Err(ApiError::invalid(
            "path",
            "path must start with /, e.g. /v1/invitations",
        ));
    }
    let mut faults = lock(&state.faults);
    faults.add_rule(rule);
    Ok(Json(
        json!({ "rules": faults.rules(), "injected": faults.injected() }),
    ))
}

pub(crate) async fn list_faults(State(state): State<Arc<AppState>>) -> ControlResult {
    let faults = lock(&state.faults);
    Ok(Json(
        json!({ "rules": faults.rules(), "injected": faults.injected() }),
    ))
}

pub(crate) async fn clear_faults(State(state): State<Arc<AppState>>) -> ControlResult {
    let mut faults = lock(&state.faults);
    faults.clear();
    Ok(Json(
        json!({ "rules": faults.rules(), "injected": faults.injected() }),
    ))
}

pub(crate) async fn random_faults(
    State(state): State<Arc<AppState>>,
    body: Bytes,
) -> ControlResult {
    let request: RandomFaultsRequest = parse_json(&body)?;
    let probability = request.probability;
    lock(&state.faults).set_random(request)?;
    Ok(Json(json!({ "probability": probability })))
}

pub(crate) async fn requests(
    State(state): State<Arc<AppState>>,
    RawQuery(query): RawQuery,
) -> ControlResult {
    let mut filter = crate::request_log::RequestFilter::default();
    let mut limit = None;
    if let Some(query) = query {
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "path" if !value.is_empty() => filter.path = Some(value.into_owned()),
                "pathPrefix" if !value.is_empty() => filter.path_prefix = Some(value.into_owned()),
                "limit" => {
                    limit = Some(
                        value
                            .parse::<usize>()
                            .map_err(|_| ApiError::invalid("limit", "limit must be a number"))?,
                    )
                }
                _ => {}
            }
        }
    }
    let items = lock(&state.request_log).query(&filter, limit);
    Ok(Json(json!({ "items": items })))
}

pub(crate) async fn stats(State(state): State<Arc<AppState>>) -> ControlResult {
    let invitations = lock(&state.store).invitation_count();
    let deliveries = lock(&state.deliveries).items().len();
    let counters = &state.counters;
    Ok(Json(json!({
        "requests": counters.requests.load(Ordering::Relaxed),
        "faultsInjected": counters.faults_injected.load(Ordering::Relaxed),
        "idempotentReplays": counters.idempotent_replays.load(Ordering::Relaxed),
        "invitations": invitations,
        "webhookDeliveries": deliveries,
    })))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SettingsBody {
    #[serde(default)]
    rate_limits: Option<bool>,
    #[serde(default)]
    nested_errors: Option<bool>,
    #[serde(default)]
    rate_limit_window_seconds: Option<u64>,
    #[serde(default)]
    webhook_retry_delays_ms: Option<Vec<u64>>,
}

/// Whole seconds as an integer (the usual case), sub-second windows as a fraction.
fn window_seconds(window: Duration) -> Value {
    if window.subsec_nanos() == 0 {
        Value::from(window.as_secs())
    } else {
        Value::from(window.as_secs_f64())
    }
}

fn settings_json(settings: &Settings) -> Value {
    json!({
        "rateLimits": settings.rate_limits,
        "nestedErrors": settings.nested_errors,
        "rateLimitWindowSeconds": window_seconds(settings.rate_limit_window),
        "webhookRetryDelaysMs": settings
            .webhook_retry_delays
            .iter()
            .map(|d| d.as_millis() as u64)
            .collect::<Vec<_>>(),
    })
}

pub(crate) async fn get_settings(State(state): State<Arc<AppState>>) -> ControlResult {
    Ok(Json(settings_json(&state.settings())))
}

pub(crate) async fn update_settings(
    State(state): State<Arc<AppState>>,
    body: Bytes,
) -> ControlResult {
    let body: SettingsBody = parse_json(&body)?;
    if let Some(seconds) = body.rate_limit_window_seconds
        && !(1..=MAX_WINDOW_SECONDS).contains(&seconds)
    {
        return Err(ApiError::invalid(
            "rateLimitWindowSeconds",
            format!("rateLimitWindowSeconds must be between 1 and {MAX_WINDOW_SECONDS}"),
        ));
    }
    let mut settings = lock(&state.settings);
    if let Some(on) = body.rate_limits {
        settings.rate_limits = on;
    }
    if let Some(on) = body.nested_errors {
        settings.nested_errors = on;
    }
    if let Some(seconds) = body.rate_limit_window_seconds {
        settings.rate_limit_window = Duration::from_secs(seconds);
    }
    if let Some(delays) = body.webhook_retry_delays_ms {
        settings.webhook_retry_delays = delays.into_iter().map(Duration::from_millis).collect();
    }
    Ok(Json(settings_json(&settings)))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlanBody {
    api_key: String,
    plan: String,
}

pub(crate) async fn set_plan(State(state): State<Arc<AppState>>, body: Bytes) -> ControlResult {
    let body: PlanBody = parse_json(&body)?;
    let plan = match body.plan.as_str() {
        "free" => Plan::Free,
        "paid" => Plan::Paid,
        _ => return Err(ApiError::invalid("plan", "plan must be free or paid")),
    };
    let team = team_for_key(&state, Some(&body.api_key))?;
    lock(&state.store).set_plan(team.index, plan);
    Ok(Json(json!({ "team": team.name, "plan": body.plan })))
}

pub(crate) async fn deliveries(State(state): State<Arc<AppState>>) -> ControlResult {
    let items = lock(&state.deliveries).items().to_vec();
    Ok(Json(json!({ "items": items })))
}

pub(crate) async fn reset(State(state): State<Arc<AppState>>) -> ControlResult {
    state.reset();
    Ok(Json(json!({ "reset": true })))
}

/// Any other /sandbox route.
pub(crate) async fn unknown_control_route() -> ApiError {
    ApiError::not_found("Unknown sandbox route; see the sandbox README for the control endpoints")
}
