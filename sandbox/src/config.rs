//! How a sandbox is configured: the library struct and the command-line arguments that build it.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

/// The keys seeded when no key is configured: the first is team `team_default`, the second
/// `team_other`, so tests can check cross-team refusals without any setup.
pub const DEFAULT_KEYS: [&str; 2] = ["zavu_sandbox_key_default", "zavu_sandbox_key_other"];

/// Zavu's own retry schedule for webhook deliveries.
pub const DEFAULT_WEBHOOK_RETRY_DELAYS: [Duration; 5] = [
    Duration::from_secs(60),
    Duration::from_secs(5 * 60),
    Duration::from_secs(15 * 60),
    Duration::from_secs(60 * 60),
    Duration::from_secs(4 * 60 * 60),
];

/// Everything a sandbox needs to start. `Default` is what `Sandbox::start()` uses.
#[derive(Debug, Clone, PartialEq)]
pub struct SandboxConfig {
    /// Address to listen on; 127.0.0.1 by default.
    pub host: IpAddr,
    /// Port to listen on; 0 picks a free one.
    pub port: u16,
    /// API keys, one team each, the first being the default team; empty seeds [`DEFAULT_KEYS`].
    pub api_keys: Vec<String>,
    /// Whether the per-key rate limits of the real API apply.
    pub rate_limits: bool,
    /// Error bodies in the documented nested form `{"error": {code, message}}` instead of flat.
    pub nested_errors: bool,
    /// Length of a rate-limit window (the real API uses one minute).
    pub rate_limit_window: Duration,
    /// Delays between webhook delivery attempts; tests shorten them to milliseconds.
    pub webhook_retry_delays: Vec<Duration>,
    /// Closes a keep-alive connection that waits this long for its next request, as real
    /// servers and load balancers do; `None` keeps idle connections open.
    pub idle_timeout: Option<Duration>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            api_keys: Vec::new(),
            rate_limits: true,
            nested_errors: false,
            rate_limit_window: Duration::from_secs(60),
            webhook_retry_delays: DEFAULT_WEBHOOK_RETRY_DELAYS.to_vec(),
            idle_timeout: None,
        }
    }
}

/// Command-line arguments of the sandbox, shared by the `zavu-sandbox` binary and the
/// `zavu sandbox` subcommand (via `#[command(flatten)]`) so both behave the same.
#[derive(Debug, Clone, clap::Args)]
pub struct SandboxArgs {
    /// Port to listen on (0 picks a free port).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Address to listen on.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub host: IpAddr,
    /// An API key to accept, one team per key (repeatable; the first is the default team).
    /// Without any, the two default sandbox keys are used.
    #[arg(long = "api-key", value_name = "KEY")]
    pub api_keys: Vec<String>,
    /// Turn off the per-key rate limits.
    #[arg(long)]
    pub no_rate_limits: bool,
    /// Close a keep-alive connection after this many milliseconds without a request (real
    /// servers do; clients must not reuse such a connection). Off by default.
    #[arg(long, value_name = "MS")]
    pub idle_timeout_ms: Option<u64>,
}

impl SandboxArgs {
    /// The configuration these arguments describe.
    pub fn to_config(&self) -> SandboxConfig {
        SandboxConfig {
            host: self.host,
            port: self.port,
            api_keys: self.api_keys.clone(),
            rate_limits: !self.no_rate_limits,
            idle_timeout: self.idle_timeout_ms.map(Duration::from_millis),
            ..SandboxConfig::default()
        }
    }
}

/// The configuration that command-line arguments describe; see [`SandboxArgs`].
pub fn config_from_args(args: &SandboxArgs) -> SandboxConfig {
    args.to_config()
}

/// Team name of the key at `index`: the first two have fixed names so tests can rely on them.
pub(crate) fn team_name(index: usize) -> String {
    match index {
        0 => "team_default".to_string(),
        1 => "team_other".to_string(),
        n => format!("team_{}", n + 1),
    }
}
