//! `cargo xtask bench`: how fast the shop is as released. Starts the release
//! stack (the storefront Trunk builds, both servers with `--release`) on
//! free ports with a throw-away data folder, loads the API with wrk
//! (`load.rs`: the catalogue and cart totals), then has Lighthouse load four
//! pages as a fresh visitor on a throttled phone (`lighthouse.rs`), times a
//! change of copies in a long cart (`cart.rs`), puts the server under
//! abuse on stacks of its own (`abuse.rs`: slow downloads, sign-ups at
//! once, wrong passwords), and prints the figures with the date.
//!
//! Timings are figures, not tests: nothing here fails on a slow answer, and
//! `cargo xtask test` does not run it. The figures depend on the machine and
//! on what else runs on it, hence the core count and load average printed
//! beside them.

mod abuse;
mod cart;
mod cluster;
mod downloads;
mod http;
mod journeys;
mod lighthouse;
mod load;
mod photo;
mod sign_ups;
mod watch;
mod wrong_passwords;

use crate::error::XtaskError;
use crate::setup::{self, Needs};
use crate::stack::{Logs, Stack, StackOptions};
use crate::storefront;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone, clap::Args)]
pub struct BenchOptions {
    /// Seconds wrk loads each endpoint (after a 2 s warm-up).
    #[arg(long, default_value_t = 10)]
    pub seconds: u32,
    /// Open connections wrk keeps.
    #[arg(long, default_value_t = 64)]
    pub connections: u32,
    /// Only the API load (no Lighthouse, no abuse).
    #[arg(long, conflicts_with = "pages_only")]
    pub load_only: bool,
    /// Only the pages: Lighthouse and the cart (no API load, no abuse).
    #[arg(long)]
    pub pages_only: bool,
    /// Only the cart's change of copies.
    #[arg(long, conflicts_with_all = ["load_only", "pages_only"])]
    pub cart_only: bool,
    /// Only the server under abuse: slow downloads, sign-ups at once,
    /// wrong passwords (no storefront build, no wrk, no browser).
    #[arg(long, conflicts_with_all = ["load_only", "pages_only", "cart_only"])]
    pub abuse_only: bool,
    /// Slow downloads of the 25 MiB photo at once.
    #[arg(long, default_value_t = 1000)]
    pub downloads: usize,
    /// Seconds the slow downloads last.
    #[arg(long, default_value_t = 25)]
    pub download_seconds: u64,
    /// Sign-ups at once, each from its own address.
    #[arg(long, default_value_t = 500)]
    pub sign_ups: usize,
    /// Only the shop beyond one machine: wrk through HAProxy on one shop
    /// process then two (PostgreSQL, SeaweedFS), order journeys at once,
    /// the database's writes per order and the busy season on paper.
    #[arg(long, conflicts_with_all = ["load_only", "pages_only", "cart_only", "abuse_only"])]
    pub cluster: bool,
    /// Shoppers at once in `--cluster`'s order journeys.
    #[arg(long, default_value_t = 50)]
    pub shoppers: usize,
    /// Order journeys in all, in `--cluster`.
    #[arg(long, default_value_t = 200)]
    pub journeys: usize,
}

pub fn run(root: &Path, options: &BenchOptions) -> Result<(), XtaskError> {
    let work = root.join("target").join("bench");
    std::fs::create_dir_all(&work).map_err(XtaskError::io(&work))?;
    if options.cluster {
        let figures = cluster::run(root, &work, options)?;
        println!();
        println!("Figures of {} ({})", today(), machine());
        println!();
        cluster::print(&figures, options);
        return Ok(());
    }
    let (load, pages, cart) = if options.abuse_only {
        (Vec::new(), Vec::new(), Vec::new())
    } else {
        speed(root, &work, options)?
    };
    let abuse =
        if options.abuse_only || !(options.load_only || options.pages_only || options.cart_only) {
            Some(abuse::run(root, &work, options)?)
        } else {
            None
        };
    println!();
    println!("Figures of {} ({})", today(), machine());
    if !load.is_empty() {
        println!();
        load::print(&load, options);
    }
    if !pages.is_empty() {
        println!();
        lighthouse::print(&pages);
        println!();
        println!(
            "Lighthouse reports (JSON): {}",
            work.join("lighthouse").display()
        );
    }
    if !cart.is_empty() {
        println!();
        cart::print(&cart);
    }
    if let Some(abuse) = &abuse {
        println!();
        abuse::print(abuse);
    }
    Ok(())
}

type Speed = (
    Vec<load::Figures>,
    Vec<lighthouse::PageFigures>,
    Vec<cart::CartFigures>,
);

/// The shop as a visitor finds it: wrk on the API, Lighthouse on the
/// pages, the cart's change of copies, on one stack.
fn speed(root: &Path, work: &Path, options: &BenchOptions) -> Result<Speed, XtaskError> {
    setup::ensure(root, Needs::Browser)?;
    setup::ensure_wrk()?;
    storefront::build(root)?;
    let data_dir = work.join("data");
    // A fresh shop each time: figures from the seeded catalogue only. The
    // Lighthouse reports stay: `--cart-only` must not erase the last ones.
    let _ = std::fs::remove_dir_all(&data_dir);
    // Release builds, as a shop runs them: what the figures are for.
    let stack_options = StackOptions::throw_away(data_dir.clone())?;
    let mut stack = Stack::start(
        root,
        &stack_options,
        &data_dir,
        Logs::Folder(work.join("logs")),
    )?;
    println!();
    println!("xtask: bench of {} on {}", stack.shop_url, machine());
    let load = if options.pages_only || options.cart_only {
        Vec::new()
    } else {
        load::run(work, &stack.shop_url, options)?
    };
    let pages = if options.load_only || options.cart_only {
        Vec::new()
    } else {
        lighthouse::run(root, work, &stack.shop_url)?
    };
    let cart = if options.load_only {
        Vec::new()
    } else {
        cart::run(root, &stack.shop_url)?
    };
    stack.stop();
    Ok((load, pages, cart))
}

/// Today in France, `YYYY-MM-DD`, printed with the figures.
fn today() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        });
    shop_api::calendar::Date::in_paris(now).to_string()
}

/// Core count and 1-minute load average: other work on the machine skews
/// every figure.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into());
    format!("{cores} cores, load average {load}")
}
