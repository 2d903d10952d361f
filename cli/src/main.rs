//! `zavu`: the command line client of the Zavu Partner Invitations API, built on `zavu-core`.
//!
//! Every API call goes through core (validation, retries, errors); this crate only turns
//! arguments into core calls and results into tables or JSON.

mod demo;
mod duration;
mod invitations;
mod output;
mod phone_numbers;
mod webhooks;

use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, CommandFactory, Parser, Subcommand};
use zavu_core::{Client, ClientOptions};
use zavu_sandbox::SandboxArgs;

use crate::duration::parse_duration;
use crate::output::{CliResult, Failure, local_error, print_error};

/// Command line client of the Zavu Partner Invitations API.
///
/// Exit codes: 0 success, 1 API, network or validation error, 2 usage error.
#[derive(Parser)]
#[command(name = "zavu", version, propagate_version = true)]
struct Cli {
    /// Print JSON for scripts instead of tables (errors too, on stderr).
    #[arg(long, global = true)]
    json: bool,

    #[command(flatten)]
    connection: TopConnection,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Partner invitations: create, list, get, cancel, wait.
    Invitations(invitations::InvitationsCommand),
    /// Phone numbers: search, requirements, purchase, list, get, update, release.
    PhoneNumbers(phone_numbers::PhoneNumbersCommand),
    /// Webhooks: check a delivery's signature.
    Webhooks(webhooks::WebhooksCommand),
    /// Run the local sandbox API (in memory, no account needed) until Ctrl-C.
    Sandbox(SandboxArgs),
    /// Walk the whole onboarding flow of the guide against an embedded sandbox.
    Demo(demo::DemoArgs),
}

/// How to reach the API; accepted after `invitations` and `phone-numbers` (and their
/// subcommands). Unset values fall back to the environment inside core.
#[derive(Args, Clone, Debug, Default)]
pub struct Connection {
    /// API key [default: $ZAVUDEV_API_KEY].
    #[arg(long, global = true, value_name = "KEY", help_heading = "Connection")]
    api_key: Option<String>,
    /// API base URL [default: $ZAVUDEV_BASE_URL, then https://api.zavu.dev].
    #[arg(long, global = true, value_name = "URL", help_heading = "Connection")]
    base_url: Option<String>,
    /// Timeout of each request, e.g. 30s or 2m (for `wait`: of the whole wait) [default: 60s].
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration, help_heading = "Connection")]
    pub timeout: Option<Duration>,
    /// Retries of a failed request [default: 2].
    #[arg(long, global = true, value_name = "N", help_heading = "Connection")]
    max_retries: Option<u32>,
}

/// The same options given before the subcommand (`zavu --api-key KEY invitations list`). They
/// have their own ids because `zavu sandbox` has an `--api-key` of its own meaning.
#[derive(Args, Clone, Debug, Default)]
struct TopConnection {
    /// API key [default: $ZAVUDEV_API_KEY].
    #[arg(long = "api-key", value_name = "KEY", help_heading = "Connection")]
    top_api_key: Option<String>,
    /// API base URL [default: $ZAVUDEV_BASE_URL, then https://api.zavu.dev].
    #[arg(long = "base-url", value_name = "URL", help_heading = "Connection")]
    top_base_url: Option<String>,
    /// Timeout of each request, e.g. 30s or 2m [default: 60s].
    #[arg(long = "timeout", value_name = "DURATION", value_parser = parse_duration, help_heading = "Connection")]
    top_timeout: Option<Duration>,
    /// Retries of a failed request [default: 2].
    #[arg(long = "max-retries", value_name = "N", help_heading = "Connection")]
    top_max_retries: Option<u32>,
}

impl TopConnection {
    fn is_empty(&self) -> bool {
        self.top_api_key.is_none()
            && self.top_base_url.is_none()
            && self.top_timeout.is_none()
            && self.top_max_retries.is_none()
    }
}

impl Connection {
    /// Options after the subcommand win over those before it.
    fn merged_with(self, top: TopConnection) -> Connection {
        Connection {
            api_key: self.api_key.or(top.top_api_key),
            base_url: self.base_url.or(top.top_base_url),
            timeout: self.timeout.or(top.top_timeout),
            max_retries: self.max_retries.or(top.top_max_retries),
        }
    }

    /// A core client; a missing key or bad URL comes back as core's own error.
    pub fn client(&self) -> CliResult<Client> {
        Ok(Client::new(ClientOptions {
            api_key: self.api_key.clone(),
            base_url: self.base_url.clone(),
            timeout: self.timeout,
            max_retries: self.max_retries,
            binding: Some(format!("zavu-cli/{}", env!("CARGO_PKG_VERSION"))),
            ..ClientOptions::default()
        })?)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    let uses_connection = matches!(
        cli.command,
        Command::Invitations(_) | Command::PhoneNumbers(_)
    );
    if !uses_connection && !cli.connection.is_empty() {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--api-key, --base-url, --timeout and --max-retries before the subcommand only \
                 apply to `invitations` and `phone-numbers`; give this subcommand its own options",
            )
            .exit();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            print_error(
                &zavu_core::Error::new("io_error", format!("cannot start the runtime: {e}")),
                json,
            );
            return ExitCode::from(1);
        }
    };
    let result = runtime.block_on(run(cli));
    // The sandbox and webhook receiver may still hold tasks; do not wait for them on the way out.
    runtime.shutdown_background();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that went away (`zavu invitations list | head`) is not an error of ours.
        Err(Failure::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            print_error(&zavu_core::Error::new("io_error", e.to_string()), json);
            ExitCode::from(1)
        }
        Err(Failure::Api(e)) => {
            print_error(&e, json);
            ExitCode::from(1)
        }
    }
}

async fn run(cli: Cli) -> CliResult {
    let json = cli.json;
    match cli.command {
        Command::Invitations(command) => {
            let connection = command.connection.clone().merged_with(cli.connection);
            invitations::run(command.action, &connection, json).await
        }
        Command::PhoneNumbers(command) => {
            let connection = command.connection.clone().merged_with(cli.connection);
            phone_numbers::run(command.action, &connection, json).await
        }
        Command::Webhooks(command) => webhooks::run(command.action, json),
        Command::Sandbox(args) => zavu_sandbox::run_until_ctrl_c(args.to_config())
            .await
            .map_err(|e| local_error("sandbox_error", format!("the sandbox stopped: {e}"))),
        Command::Demo(args) => demo::run(args).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
