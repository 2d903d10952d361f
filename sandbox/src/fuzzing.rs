//! For `fuzz/` (cargo-fuzz) and the contract tests: the whole router (every layer, every
//! handler) with fresh state and no socket, to be driven in-process with tower's `oneshot`.
//! Not part of the sandbox's API; hidden from docs.

use std::sync::{Arc, OnceLock};

use tokio::sync::{mpsc, watch};

use crate::config::SandboxConfig;
use crate::state::AppState;

/// A router over fresh state, and what keeps that state's channels open. Webhook deliveries
/// queue up unsent (no worker runs); drop it to let them go.
pub struct InProcess {
    /// Serve requests with `tower::ServiceExt::oneshot(router.clone(), request)`.
    pub router: axum::Router,
    /// The default team's key.
    pub api_key: String,
    _deliveries: mpsc::UnboundedReceiver<crate::delivery_log::DeliveryJob>,
    _shutdown: watch::Sender<bool>,
}

/// A fresh sandbox router with the default configuration; the webhook HTTP client is built once
/// per process, since it is the only costly part.
pub fn in_process() -> std::io::Result<InProcess> {
    static HTTP: OnceLock<reqwest::Client> = OnceLock::new();
    let http = match HTTP.get() {
        Some(http) => http.clone(),
        None => {
            let http = crate::webhook_client()?;
            HTTP.get_or_init(|| http).clone()
        }
    };
    let config = SandboxConfig::default();
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let (delivery_tx, delivery_rx) = mpsc::unbounded_channel();
    let state = Arc::new(AppState::new(
        &config,
        "http://127.0.0.1:9".to_string(),
        http,
        delivery_tx,
        shutdown_rx,
    ));
    let api_key = state
        .default_team()
        .map(|t| t.key.clone())
        .unwrap_or_default();
    Ok(InProcess {
        router: crate::router(state),
        api_key,
        _deliveries: delivery_rx,
        _shutdown: shutdown_tx,
    })
}
