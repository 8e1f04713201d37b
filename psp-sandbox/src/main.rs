//! Entry point of the PSP sandbox: read configuration, serve until Ctrl-C or
//! SIGTERM.

use clap::Parser;
use psp_sandbox::Config;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    psp_sandbox::init_logs(&config.log_level);
    match psp_sandbox::run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "PSP sandbox stopped on an error");
            ExitCode::FAILURE
        }
    }
}
