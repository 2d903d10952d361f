//! `zavu demo`: the guide's whole onboarding flow, end to end, against an embedded sandbox,
//! with a local webhook receiver. Each step prints one numbered line; the demo exits 0 only
//! when every step did what the guide says it does.

use std::io::Write;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use clap::Args;
use tokio::sync::{mpsc, oneshot};
use zavu_core::webhooks::{self, EventData, WebhookEvent};
use zavu_core::{
    Client, ClientOptions, CreateInvitationParams, CreateWebhookParams, Invitation,
    InvitationStatus, ListInvitationsParams, PhoneNumberRequirementsParams, PhoneNumberType,
    PurchasePhoneNumberParams, SearchAvailablePhoneNumbersParams, WaitOptions,
};
use zavu_sandbox::{Sandbox, SandboxConfig};

use crate::duration::parse_duration;
use crate::output::{self, CliResult, INVITATION_HEADERS, invitation_row, local_error, rfc3339};

const STEPS: usize = 14;
const CLIENT_NAME: &str = "Acme Corp";
const CLIENT_EMAIL: &str = "contact@acme.com";
/// How long the scripted client may take to reach `completed`, and the webhook to arrive.
const SCRIPTED_WAIT: Duration = Duration::from_secs(30);
const WEBHOOK_WAIT: Duration = Duration::from_secs(30);
const DEFAULT_INTERACTIVE_WAIT: Duration = Duration::from_secs(15 * 60);

#[derive(Args)]
pub struct DemoArgs {
    /// Leave the client's part to you: open the printed URL in a browser and press its
    /// buttons while the demo waits.
    #[arg(long)]
    interactive: bool,
    /// Port of the embedded sandbox (0 picks a free one); handy with --interactive.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// How long --interactive waits for you to finish, e.g. 30m [default: 15m].
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    timeout: Option<Duration>,
}

/// Numbers and prints the steps.
struct Narrator {
    done: usize,
}

impl Narrator {
    fn say(&mut self, line: impl AsRef<str>) -> CliResult {
        self.done += 1;
        let mut out = std::io::stdout().lock();
        writeln!(out, "[{}/{STEPS}] {}", self.done, line.as_ref())?;
        out.flush()?;
        Ok(())
    }
}

pub async fn run(args: DemoArgs) -> CliResult {
    // reqwest is built with rustls but no default crypto provider; choose ring, as core does,
    // before the demo's own HTTP client (the browser stand-in) is built. Another caller may
    // have installed one already, which is just as good.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut narrator = Narrator { done: 0 };
    let result = walk(&args, &mut narrator).await;
    if result.is_err() {
        eprintln!("demo stopped at step {}/{STEPS}", narrator.done + 1);
    }
    result?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "Demo complete: all {STEPS} steps succeeded.")?;
    Ok(())
}

async fn walk(args: &DemoArgs, n: &mut Narrator) -> CliResult {
    let sandbox = Sandbox::start_with(SandboxConfig {
        port: args.port,
        ..SandboxConfig::default()
    })
    .await
    .map_err(|e| local_error("sandbox_error", format!("cannot start the sandbox: {e}")))?;
    n.say(format!(
        "Started a sandbox Zavu API at {} (API key {})",
        sandbox.base_url(),
        sandbox.api_key()
    ))?;

    let mut receiver = Receiver::start().await?;
    n.say(format!("Started a webhook receiver at {}", receiver.url))?;

    let client = Client::new(ClientOptions {
        api_key: Some(sandbox.api_key().to_string()),
        base_url: Some(sandbox.base_url().to_string()),
        binding: Some(format!("zavu-cli/{} demo", env!("CARGO_PKG_VERSION"))),
        ..ClientOptions::default()
    })?;
    let invitations = client.invitations();

    let webhook = invitations
        .create_webhook(&CreateWebhookParams::new(receiver.url.clone()))
        .await?;
    let secret = webhook.secret.clone().ok_or_else(|| {
        local_error(
            "invalid_response",
            "the webhook was created without a signing secret",
        )
    })?;
    // Only the receiver holds the secret; it is never printed.
    receiver.set_secret(secret);
    n.say(format!(
        "Configured the project webhook: {} receives {} (signing secret kept in memory)",
        webhook.url,
        webhook.events.join(", ")
    ))?;

    // Before buying, find a number: search the country, then check what buying it needs.
    let offered = client
        .phone_numbers()
        .search_available(&SearchAvailablePhoneNumbersParams {
            country_code: "US".into(),
            capabilities: Some("sms,voice".into()),
            number_type: Some(PhoneNumberType::Local),
            limit: Some(5),
            ..Default::default()
        })
        .await?;
    let pick = offered
        .first()
        .ok_or_else(|| local_error("demo_failed", "the search found no number to buy in the US"))?;
    let requirements = client
        .phone_numbers()
        .requirements(&PhoneNumberRequirementsParams {
            phone_number: Some(pick.phone_number.clone()),
            ..Default::default()
        })
        .await?;
    n.say(format!(
        "Searched US local numbers: {} offered; picked {} at {:.2} per month ({})",
        offered.len(),
        pick.phone_number,
        pick.pricing.monthly_price.unwrap_or_default(),
        if requirements.is_empty() {
            "no regulatory information needed".to_string()
        } else {
            format!("{} requirement groups", requirements.len())
        }
    ))?;

    let number = client
        .phone_numbers()
        .purchase(&PurchasePhoneNumberParams {
            phone_number: pick.phone_number.clone(),
            name: Some(format!("Client: {CLIENT_NAME}")),
        })
        .await?;
    n.say(format!(
        "Purchased {} as {} (\"{}\")",
        number.phone_number,
        number.id,
        number.name.as_deref().unwrap_or("")
    ))?;

    let invitation = invitations
        .create(&CreateInvitationParams {
            client_name: Some(CLIENT_NAME.into()),
            client_email: Some(CLIENT_EMAIL.into()),
            phone_number_id: Some(number.id.clone()),
            expires_in_days: Some(14),
            ..CreateInvitationParams::default()
        })
        .await?;
    n.say(format!(
        "Created invitation {} for {CLIENT_NAME} with {} pre-assigned, expires {} ({})",
        invitation.id,
        number.phone_number,
        rfc3339(invitation.expires_at),
        invitation.status
    ))?;
    n.say(format!("Invitation URL: {}", invitation.url))?;

    let completed = if args.interactive {
        n.say(format!(
            "Your turn: open {} in a browser, press \"Start setup\", then \"Finish setup\"",
            invitation.url
        ))?;
        let spinner = output::spinner("waiting for you to finish the setup in the browser");
        let result = invitations
            .wait_for_completion(
                &invitation.id,
                WaitOptions {
                    timeout: args.timeout.unwrap_or(DEFAULT_INTERACTIVE_WAIT),
                    poll_interval: Duration::from_millis(500),
                    max_poll_interval: Duration::from_secs(2),
                },
            )
            .await;
        if let Some(spinner) = spinner {
            spinner.finish_and_clear();
        }
        result?
    } else {
        play_client(&invitation).await?;
        n.say(
            "Played the client: opened the invitation page, pressed \"Start setup\", then \
             \"Finish setup\"",
        )?;
        invitations
            .wait_for_completion(
                &invitation.id,
                WaitOptions {
                    timeout: SCRIPTED_WAIT,
                    poll_interval: Duration::from_millis(100),
                    max_poll_interval: Duration::from_millis(500),
                },
            )
            .await?
    };
    if completed.status != InvitationStatus::Completed {
        return Err(local_error(
            "demo_failed",
            format!(
                "invitation {} ended {}, not completed",
                completed.id, completed.status
            ),
        ));
    }
    n.say(format!(
        "Invitation {} is {} (completed at {})",
        completed.id,
        completed.status,
        completed
            .completed_at
            .map(rfc3339)
            .as_deref()
            .unwrap_or("?")
    ))?;

    let event = receiver.completed_event(&completed.id).await?;
    let previous = match &event.data {
        EventData::InvitationStatusChanged(data) => data
            .previous_status
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_else(|| "?".into()),
        _ => "?".into(),
    };
    n.say(format!(
        "Received webhook {} {}: {previous} -> completed, signature verified",
        event.event_type, event.id
    ))?;

    let sender_id = completed
        .sender_id
        .clone()
        .ok_or_else(|| local_error("demo_failed", "the completed invitation has no sender id"))?;
    let sender = client.senders().get(&sender_id).await?;
    n.say(format!(
        "Sender {} is ready: {} (\"{}\")",
        sender.id, sender.phone_number, sender.name
    ))?;

    let page = invitations.list(&ListInvitationsParams::default()).await?;
    n.say(format!("Listed the invitations ({}):", page.items.len()))?;
    let rows: Vec<Vec<String>> = page.items.iter().map(invitation_row).collect();
    let mut table = Vec::new();
    output::write_table(&mut table, &INVITATION_HEADERS, &rows)?;
    {
        let mut out = std::io::stdout().lock();
        for line in String::from_utf8_lossy(&table).lines() {
            writeln!(out, "      {line}")?;
        }
    }

    let second = invitations
        .create(&CreateInvitationParams {
            client_name: Some("Globex Inc".into()),
            client_email: Some("it@globex.example".into()),
            ..CreateInvitationParams::default()
        })
        .await?;
    let cancelled = invitations.cancel(&second.id).await?;
    if cancelled.status != InvitationStatus::Cancelled {
        return Err(local_error(
            "demo_failed",
            format!(
                "invitation {} is {} after cancel",
                cancelled.id, cancelled.status
            ),
        ));
    }
    n.say(format!(
        "Created invitation {} for Globex Inc and cancelled it ({})",
        cancelled.id, cancelled.status
    ))?;

    let missing = "inv_does_not_exist";
    match invitations.get(missing).await {
        Err(e) if e.code() == zavu_core::codes::NOT_FOUND => n.say(format!(
            "Getting {missing} is refused as the guide says: error[{}]: {}{}",
            e.code(),
            e.message(),
            e.status()
                .map(|s| format!(" (HTTP {s})"))
                .unwrap_or_default()
        ))?,
        Err(e) => return Err(e.into()),
        Ok(_) => {
            return Err(local_error(
                "demo_failed",
                format!("{missing} was found, expected not_found"),
            ));
        }
    }

    receiver.stop();
    sandbox.shutdown().await;
    Ok(())
}

/// Plays the client in place of a browser: loads the invitation page, then submits the page's
/// own "start" and "finish" forms, so the demo goes through exactly what a person would click.
async fn play_client(invitation: &Invitation) -> CliResult {
    let http = reqwest::Client::builder()
        .build()
        .map_err(|e| local_error("connection_error", format!("cannot build a client: {e}")))?;
    let page_url = reqwest::Url::parse(&invitation.url).map_err(|e| {
        local_error(
            "invalid_response",
            format!("the invitation url is not a URL: {e}"),
        )
    })?;
    let fetch_failed =
        |e: reqwest::Error| local_error("connection_error", format!("invitation page: {e}"));
    let page = http
        .get(page_url.clone())
        .send()
        .await
        .map_err(fetch_failed)?;
    if !page.status().is_success() {
        return Err(local_error(
            "demo_failed",
            format!("the invitation page answered {}", page.status()),
        ));
    }
    let html = page.text().await.map_err(fetch_failed)?;
    let actions = form_actions(&html);
    for button in ["start", "finish"] {
        let action = actions
            .iter()
            .find(|a| a.trim_end_matches('/').ends_with(&format!("/{button}")))
            .ok_or_else(|| {
                local_error(
                    "demo_failed",
                    format!("the invitation page has no \"{button}\" form"),
                )
            })?;
        let target = page_url
            .join(action)
            .map_err(|e| local_error("demo_failed", format!("bad form action {action:?}: {e}")))?;
        // An empty urlencoded body is what a browser sends for a form with only a button.
        let response = http
            .post(target)
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body("")
            .send()
            .await
            .map_err(fetch_failed)?;
        if !response.status().is_success() {
            return Err(local_error(
                "demo_failed",
                format!(
                    "pressing \"{button}\" on the invitation page answered {}",
                    response.status()
                ),
            ));
        }
        // The page sends a refused step back to itself with the reason in `?error=`.
        if let Some((_, why)) = response.url().query_pairs().find(|(k, _)| k == "error") {
            return Err(local_error(
                "demo_failed",
                format!("the invitation page refused \"{button}\": {why}"),
            ));
        }
    }
    Ok(())
}

/// The `action` attributes of the page's forms, in page order.
fn form_actions(html: &str) -> Vec<String> {
    let mut actions = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("action=") {
        rest = &rest[at + "action=".len()..];
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        rest = &rest[1..];
        if let Some(end) = rest.find(quote) {
            actions.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    actions
}

type Delivery = zavu_core::Result<WebhookEvent>;

#[derive(Clone)]
struct ReceiverState {
    secret: Arc<OnceLock<String>>,
    deliveries: mpsc::UnboundedSender<Delivery>,
}

/// A tiny webhook endpoint on 127.0.0.1 that verifies each delivery with core's
/// `webhooks::unwrap`, as a partner's server would, and hands the result to the demo.
struct Receiver {
    url: String,
    secret: Arc<OnceLock<String>>,
    deliveries: mpsc::UnboundedReceiver<Delivery>,
    stop: Option<oneshot::Sender<()>>,
}

impl Receiver {
    async fn start() -> CliResult<Receiver> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let (sender, deliveries) = mpsc::unbounded_channel();
        let secret = Arc::new(OnceLock::new());
        let state = ReceiverState {
            secret: Arc::clone(&secret),
            deliveries: sender,
        };
        let app = Router::new()
            .route("/webhooks/zavu", post(receive))
            .with_state(state);
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Receiver {
            url: format!("http://{address}/webhooks/zavu"),
            secret,
            deliveries,
            stop: Some(stop),
        })
    }

    fn set_secret(&self, secret: String) {
        let _ = self.secret.set(secret);
    }

    /// The verified `invitation.status_changed` event saying `invitation_id` completed. Events
    /// before it (the `in_progress` one) are verified too; any refused delivery fails the demo.
    async fn completed_event(&mut self, invitation_id: &str) -> CliResult<WebhookEvent> {
        let deadline = tokio::time::Instant::now() + WEBHOOK_WAIT;
        loop {
            let delivery = tokio::time::timeout_at(deadline, self.deliveries.recv())
                .await
                .map_err(|_| {
                    local_error(
                        "demo_failed",
                        format!(
                            "no completed webhook for {invitation_id} within {} s",
                            WEBHOOK_WAIT.as_secs()
                        ),
                    )
                })?
                .ok_or_else(|| local_error("demo_failed", "the webhook receiver stopped"))?;
            let event = delivery?;
            if let EventData::InvitationStatusChanged(data) = &event.data
                && data.invitation_id == invitation_id
                && data.current_status == InvitationStatus::Completed
            {
                return Ok(event);
            }
        }
    }

    fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn receive(
    State(state): State<ReceiverState>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let Some(secret) = state.secret.get() else {
        // No webhook configured yet: ask the sender to retry later.
        return StatusCode::SERVICE_UNAVAILABLE;
    };
    let signature = headers
        .get("x-zavu-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let result = webhooks::unwrap(&body, signature, secret);
    let status = if result.is_ok() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let _ = state.deliveries.send(result);
    status
}

#[cfg(test)]
mod tests {
    use super::form_actions;

    #[test]
    fn finds_form_actions() {
        let html = r#"<form method="post" action="/invite/abc/start"><button id="start">Start</button></form>
            <form action='/invite/abc/finish' method=post></form><p>action=none</p>"#;
        assert_eq!(
            form_actions(html),
            vec!["/invite/abc/start".to_string(), "/invite/abc/finish".into()]
        );
    }
}
