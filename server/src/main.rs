//! Entry point of the shop server: read configuration, set up logs, serve
//! until Ctrl-C or SIGTERM.

use clap::Parser;
use shop_server::config::Config;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    shop_server::logging::init(&config.log_level, config.log_format);
    match shop_server::run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "shop server stopped on an error");
            ExitCode::FAILURE
        }
    }
}
