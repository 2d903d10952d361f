//! Logging through `tracing`, switched on by `ZAVUDEV_LOG` (`debug`, `info`, `warn`, ...).
//! Nothing logged ever carries the API key or a webhook secret: only endpoints, statuses,
//! codes, attempts and delays are recorded.

use std::sync::Once;

/// Installs a stderr logger at the level of `ZAVUDEV_LOG`, once, when it is set and no other
/// global subscriber exists. Called by `Client::new`; bindings and the CLI may call it earlier.
pub fn init_from_env() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let Some(level) = crate::config::env_nonempty(crate::config::ENV_LOG) else {
            return;
        };
        let level = level.trim().to_ascii_lowercase();
        let directive = match level.as_str() {
            "trace" | "debug" | "info" | "warn" | "error" | "off" => format!("zavu_core={level}"),
            "warning" => "zavu_core=warn".to_string(),
            // Anything else is taken as a full filter, for example `zavu_core=debug,zavu_sandbox=info`.
            _ => level,
        };
        let filter = tracing_subscriber::EnvFilter::try_new(&directive)
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("zavu_core=warn"));
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            // Colours only for a person at a terminal: redirected logs stay plain text.
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_target(true)
            .try_init();
    });
}
