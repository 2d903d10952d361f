//! `zavu-sandbox`: the local Zavu API as a standalone program.

use clap::Parser;
use zavu_sandbox::{SandboxArgs, run_until_ctrl_c};

/// A local, in-memory Zavu API for tests and demos.
#[derive(Debug, Parser)]
#[command(name = "zavu-sandbox", version, about)]
struct Cli {
    #[command(flatten)]
    sandbox: SandboxArgs,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match run_until_ctrl_c(cli.sandbox.to_config()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("zavu-sandbox: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
