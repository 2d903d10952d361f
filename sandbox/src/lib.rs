#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod api;
mod config;
mod control;
mod delivery_log;
mod error;
mod faults;
#[doc(hidden)]
pub mod fuzzing;
mod idempotency;
mod inventory;
mod openapi;
mod page;
mod pipeline;
mod rate_limit;
mod request_log;
mod server;
mod state;
mod store;
mod webhooks;

use std::io::Write;
use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

pub use config::{
    DEFAULT_KEYS, DEFAULT_WEBHOOK_RETRY_DELAYS, SandboxArgs, SandboxConfig, config_from_args,
};
/// The OpenAPI 3.1 document the sandbox serves at `GET /openapi.json`.
pub use openapi::DOCUMENT as OPENAPI_DOCUMENT;

use state::AppState;

/// A running sandbox. It serves until [`Sandbox::shutdown`] or until it is dropped.
pub struct Sandbox {
    base_url: String,
    api_keys: Vec<String>,
    port: u16,
    shutdown: watch::Sender<bool>,
    server: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Sandbox {
    // Keys are test keys, but they are still keys: keep them out of debug output.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox")
            .field("base_url", &self.base_url)
            .field("teams", &self.api_keys.len())
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Starts a sandbox on 127.0.0.1 and a free port, with the default keys.
    pub async fn start() -> std::io::Result<Sandbox> {
        Sandbox::start_with(SandboxConfig::default()).await
    }

    /// Starts a sandbox with `config`.
    pub async fn start_with(config: SandboxConfig) -> std::io::Result<Sandbox> {
        let listener = tokio::net::TcpListener::bind((config.host, config.port)).await?;
        let address = listener.local_addr()?;
        let base_url = format!("http://{address}");
        let (shutdown_tx, shutdown_rx) = watch::channel(false);
        let (delivery_tx, delivery_rx) = mpsc::unbounded_channel();
        let state = Arc::new(AppState::new(
            &config,
            base_url.clone(),
            webhook_client()?,
            delivery_tx,
            shutdown_rx.clone(),
        ));
        let api_keys = state.teams.iter().map(|t| t.key.clone()).collect();
        tokio::spawn(webhooks::run_worker(state.clone(), delivery_rx));
        let app = router(state);
        let server = tokio::spawn(server::serve(
            listener,
            app,
            config.idle_timeout,
            shutdown_rx,
        ));
        Ok(Sandbox {
            base_url,
            api_keys,
            port: address.port(),
            shutdown: shutdown_tx,
            server: Some(server),
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The default team's key.
    pub fn api_key(&self) -> &str {
        self.api_keys
            .first()
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// Every key, the default team's first.
    pub fn api_keys(&self) -> &[String] {
        &self.api_keys
    }

    /// The port it listens on (the free one picked when asked for port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Stops accepting, closes open connections and stops webhook retries.
    pub async fn shutdown(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}

/// Starts a sandbox, prints its address and keys, and serves until Ctrl-C. This is what the
/// `zavu-sandbox` binary and `zavu sandbox` run.
pub async fn run_until_ctrl_c(config: SandboxConfig) -> std::io::Result<()> {
    let sandbox = Sandbox::start_with(config).await?;
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening on {}", sandbox.base_url())?;
        for (index, key) in sandbox.api_keys().iter().enumerate() {
            writeln!(out, "api key: {key} (team {})", config::team_name(index))?;
        }
        out.flush()?;
    }
    tokio::signal::ctrl_c().await?;
    sandbox.shutdown().await;
    Ok(())
}

/// The HTTP client that delivers webhooks. TLS needs a process-wide crypto provider; ring is the
/// one the workspace builds, and installing it twice is harmless.
fn webhook_client() -> std::io::Result<reqwest::Client> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .user_agent(concat!("zavu-sandbox/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(std::time::Duration::from_secs(5))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(std::io::Error::other)
}

fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route(
            "/v1/invitations",
            post(api::create_invitation).get(api::list_invitations),
        )
        .route(
            "/v1/invitations/webhook",
            post(api::create_webhook)
                .get(api::get_webhook)
                .patch(api::update_webhook)
                .delete(api::delete_webhook),
        )
        .route("/v1/invitations/{id}", get(api::get_invitation))
        .route("/v1/invitations/{id}/cancel", post(api::cancel_invitation))
        .route(
            "/v1/phone-numbers",
            post(api::purchase_phone_number).get(api::list_phone_numbers),
        )
        .route(
            "/v1/phone-numbers/available",
            get(api::search_available_phone_numbers),
        )
        .route(
            "/v1/phone-numbers/requirements",
            get(api::phone_number_requirements),
        )
        .route(
            "/v1/phone-numbers/{id}",
            get(api::get_phone_number)
                .patch(api::update_phone_number)
                .delete(api::release_phone_number),
        )
        .route("/v1/senders", get(api::list_senders))
        .route("/v1/senders/{id}", get(api::get_sender))
        .route("/v1", axum::routing::any(api::unknown_route))
        .route("/v1/{*rest}", axum::routing::any(api::unknown_route));

    let control = Router::new()
        .route("/sandbox/invitations", get(control::all_invitations))
        .route("/sandbox/invitations/seed", post(control::seed))
        .route(
            "/sandbox/invitations/{id}/{action}",
            post(control::invitation_action),
        )
        .route("/sandbox/clock", get(control::clock))
        .route("/sandbox/clock/advance", post(control::advance_clock))
        .route(
            "/sandbox/faults",
            post(control::add_fault)
                .get(control::list_faults)
                .delete(control::clear_faults),
        )
        .route("/sandbox/random-faults", post(control::random_faults))
        .route("/sandbox/requests", get(control::requests))
        .route("/sandbox/stats", get(control::stats))
        .route(
            "/sandbox/settings",
            post(control::update_settings).get(control::get_settings),
        )
        .route("/sandbox/teams/plan", post(control::set_plan))
        .route("/sandbox/webhooks/deliveries", get(control::deliveries))
        .route("/sandbox/reset", post(control::reset))
        .route(
            "/sandbox/{*rest}",
            axum::routing::any(control::unknown_control_route),
        );

    let pages = Router::new()
        .route("/invite/{token}", get(page::show))
        .route("/invite/{token}/{action}", post(page::act));

    api.merge(control)
        .merge(pages)
        .route("/openapi.json", get(openapi::document))
        .method_not_allowed_fallback(api::unknown_route)
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(
            state,
            pipeline::v1_pipeline,
        ))
}
