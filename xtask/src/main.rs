//! `cargo xtask`: the project's developer tasks. `dev` runs the whole shop,
//! `test` runs every check and test, `size` prints the storefront's
//! critical-path bytes, `bench` its speed as released (API under load,
//! Lighthouse, the server under abuse), `fuzz` the parsers' fuzz
//! properties with a million cases. Each installs the tools it needs first.

mod bench;
mod cluster;
mod compress;
mod error;
mod fuzz;
mod postgres;
mod process;
mod seaweedfs;
mod setup;
mod size;
mod stack;
mod storefront;
mod test;

use clap::{Parser, Subcommand};
use error::XtaskError;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Developer tasks of the photo shop")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install what is missing, build the storefront, run the shop server
    /// and the PSP sandbox until Ctrl-C.
    Dev(stack::StackOptions),
    /// Install what is missing, then format check, clippy, unit tests,
    /// browser tests, server API tests and end-to-end tests.
    Test,
    /// Install what is missing, then run the shop as several processes:
    /// PostgreSQL, the PSP sandbox, MailDev, shop server processes
    /// (`--processes`, 2) and HAProxy in front of them; print the address.
    Cluster(cluster::ClusterOptions),
    /// Print the storefront's critical-path bytes (raw, gzip and brotli).
    Size,
    /// Start the release stack, load the catalogue and cart totals with
    /// wrk, run Lighthouse on four pages, time the cart, put the server
    /// under abuse (slow downloads, sign-ups at once, wrong passwords), and
    /// print the figures with the date. Not part of `test`: timings are
    /// not tests.
    Bench(bench::BenchOptions),
    /// Run the fuzz properties of every parser of outside input (pure
    /// parsers, card fields, the API in process) with many cases, and
    /// print each property's count and the total. `test` runs them short.
    Fuzz(fuzz::FuzzOptions),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = workspace_root();
    let result = match cli.command {
        Command::Dev(options) => stack::dev(&root, &options),
        Command::Test => test::run(&root),
        Command::Cluster(options) => cluster::run(&root, &options),
        Command::Size => size::run(&root),
        Command::Bench(options) => bench::run(&root, &options),
        Command::Fuzz(options) => fuzz::run(&root, &options),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(XtaskError::TestsFailed) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}
