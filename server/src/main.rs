//! Entry point of the shop server: read configuration, set up logs, serve
//! until Ctrl-C or SIGTERM.

use clap::Parser;
use shop_server::config::Config;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    return_large_blocks();
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

/// Argon2 takes 19 MiB per hash. glibc keeps freed blocks of that size in
/// its arenas for reuse, one set per thread that ever hashed, so a burst of
/// 500 sign-ups left 869 MiB held (`cargo xtask bench --abuse-only`).
/// Blocks from 256 KiB up are mapped for their use and unmapped when freed.
fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a setting of the allocator, before any
    // other thread exists; it has no memory-safety precondition.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
}
