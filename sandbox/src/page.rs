//! The invitation page at an invitation's `url`: what the client would open. Plain HTML forms
//! drive the lifecycle, so it works in any browser, with curl, and without JavaScript.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use zavu_core::models::{FailureReason, Invitation};

use crate::api::PathParam;
use crate::control::{failure_reason, transition};
use crate::state::{AppState, lock};
use crate::store::Transition;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1{font-size:1.4rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}\
.status{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;background:#eef}\
.error{background:#fee;border:1px solid #c66;padding:.5rem;border-radius:.3rem}\
form{display:inline-block;margin:.3rem .5rem .3rem 0}button{font-size:1rem;padding:.4rem .9rem}\
footer{margin-top:2rem;font-size:.85rem;color:#666}";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>{body}\
         <footer>Zavu sandbox: a local stand-in for the real onboarding flow.</footer></body></html>\n",
        escape(title)
    )
}

fn not_found() -> Response {
    let body = page(
        "Invitation not found",
        "<h1>Invitation not found</h1><p>This invitation link is not known to this sandbox.</p>",
    );
    (StatusCode::NOT_FOUND, Html(body)).into_response()
}

fn render(invitation: &Invitation, assigned_number: Option<String>, error: Option<&str>) -> String {
    let name = invitation
        .client_name
        .as_deref()
        .unwrap_or("(no client name)");
    let status = invitation.status.as_str();
    let token = escape(&invitation.token);
    let mut html = format!(
        "<h1>Connect your account</h1><p>Invitation for <strong>{}</strong></p>",
        escape(name)
    );
    if let Some(error) = error {
        html.push_str(&format!(
            "<p class=\"error\" id=\"error\">{}</p>",
            escape(error)
        ));
    }
    html.push_str("<dl>");
    html.push_str(&format!(
        "<dt>Status</dt><dd><span class=\"status\" id=\"status\">{}</span></dd>",
        escape(status)
    ));
    if let Some(connection) = &invitation.connection_type {
        html.push_str(&format!(
            "<dt>Channel</dt><dd>{}</dd>",
            escape(connection.as_str())
        ));
    }
    if let Some(number) = assigned_number {
        html.push_str(&format!(
            "<dt>Pre-assigned number</dt><dd id=\"phone-number\">{}</dd>",
            escape(&number)
        ));
    }
    let expires = invitation
        .expires_at
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    html.push_str(&format!("<dt>Expires</dt><dd>{expires}</dd>"));
    if let Some(reason) = &invitation.failure_reason {
        html.push_str(&format!(
            "<dt>Failure</dt><dd>{}</dd>",
            escape(reason.as_str())
        ));
    }
    if let Some(sender) = &invitation.sender_id {
        html.push_str(&format!("<dt>Sender</dt><dd>{}</dd>", escape(sender)));
    }
    html.push_str("</dl>");
    let reasons: String = FailureReason::KNOWN
        .iter()
        .filter(|r| **r != "signup_abandoned")
        .map(|r| format!("<option value=\"{r}\">{r}</option>"))
        .collect();
    let options = format!(
        "<select name=\"reason\" aria-label=\"Failure reason\"><option value=\"signup_abandoned\" selected>signup_abandoned</option>{reasons}</select>"
    );
    if invitation.status.is_final() {
        // Nothing is left to do on a final invitation; the API refuses every transition.
        html.push_str(&format!(
            "<p id=\"final\">This invitation is {}; there is nothing left to do here.</p>",
            escape(status)
        ));
    } else {
        html.push_str(&format!(
            "<div><form method=\"post\" action=\"/invite/{token}/start\"><button id=\"start\" type=\"submit\">Start setup</button></form>\
             <form method=\"post\" action=\"/invite/{token}/finish\"><button id=\"finish\" type=\"submit\">Finish setup</button></form>\
             <form method=\"post\" action=\"/invite/{token}/fail\">{options} <button id=\"fail\" type=\"submit\">Report a failure</button></form></div>"
        ));
    }
    page(&format!("Invitation for {name}"), &html)
}

pub(crate) async fn show(
    State(state): State<Arc<AppState>>,
    PathParam(token): PathParam<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let error = query.and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "error")
            .map(|(_, v)| v.into_owned())
    });
    let Some(position) = lock(&state.store).position_of_token(&token) else {
        return not_found();
    };
    let invitation = match transition(&state, position, Transition::View) {
        Ok(invitation) => invitation,
        Err(_) => return not_found(),
    };
    let assigned = invitation
        .phone_number_id
        .as_ref()
        .and_then(|id| lock(&state.store).phone_number_e164(id));
    let mut response = Html(render(&invitation, assigned, error.as_deref())).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    response
}

/// The form posts: do the step, then send the browser back to the page (303, so a reload does
/// not post again), with the refusal shown there when the step was not allowed.
pub(crate) async fn act(
    State(state): State<Arc<AppState>>,
    PathParam((token, action)): PathParam<(String, String)>,
    body: Bytes,
) -> Response {
    let Some(position) = lock(&state.store).position_of_token(&token) else {
        return not_found();
    };
    let step = match action.as_str() {
        "start" => Ok(Transition::Start),
        "finish" => Ok(Transition::Complete),
        "fail" => {
            let reason = url::form_urlencoded::parse(&body)
                .find(|(k, _)| k == "reason")
                .map(|(_, v)| v.into_owned());
            failure_reason(reason).map(Transition::Fail)
        }
        _ => return not_found(),
    };
    let page_url = format!("/invite/{}", encode(&token));
    match step.and_then(|step| transition(&state, position, step)) {
        Ok(_) => Redirect::to(&page_url).into_response(),
        Err(error) => {
            Redirect::to(&format!("{page_url}?error={}", encode(&error.message))).into_response()
        }
    }
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
