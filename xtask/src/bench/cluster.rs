//! `cargo xtask bench --cluster`: the shop beyond one machine, measured on
//! this one. The cluster `cargo xtask cluster` starts (release builds,
//! PostgreSQL flushing every commit, SeaweedFS, HAProxy), first with one
//! shop process and then with two: wrk on the catalogue and the cart
//! totals through the balancer each time (`load.rs`), then, on two
//! processes, shoppers' whole order journeys at once (`journeys.rs`) and
//! what the database wrote for them, read from PostgreSQL's own counters,
//! which the paper figures for the busy season extrapolate.

use super::{BenchOptions, journeys, load};
use crate::cluster::{Cluster, ClusterOptions};
use crate::error::XtaskError;
use crate::postgres;
use crate::setup::{self, Needs};
use crate::stack::{Logs, StackOptions};
use crate::storefront;
use std::path::Path;

pub struct Figures {
    /// wrk's figures per number of shop processes.
    pub load: Vec<(u16, Vec<load::Figures>)>,
    pub journeys: journeys::Figures,
    pub writes: Writes,
}

/// What the database did for the journeys' orders: the difference of its
/// counters before and after them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Writes {
    pub orders: u64,
    pub transactions: u64,
    pub rows_written: u64,
    pub wal_bytes: u64,
    pub database_bytes: u64,
    pub database_growth_bytes: i64,
}

impl Writes {
    fn between(before: Counters, after: Counters, orders: u64) -> Self {
        let signed = |bytes: u64| i64::try_from(bytes).unwrap_or(i64::MAX);
        Self {
            orders,
            transactions: after.transactions.saturating_sub(before.transactions),
            rows_written: after.rows_written.saturating_sub(before.rows_written),
            wal_bytes: after.wal_bytes.saturating_sub(before.wal_bytes),
            database_bytes: after.database_bytes,
            database_growth_bytes: signed(after.database_bytes) - signed(before.database_bytes),
        }
    }
}

/// PostgreSQL's counters of the shop's database at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Counters {
    transactions: u64,
    rows_written: u64,
    wal_bytes: u64,
    database_bytes: u64,
}

pub fn run(root: &Path, work: &Path, options: &BenchOptions) -> Result<Figures, XtaskError> {
    setup::ensure(root, Needs::Build)?;
    setup::ensure_wrk()?;
    setup::ensure_haproxy()?;
    storefront::build(root)?;
    let work = work.join("cluster");
    let mut load = Vec::new();
    for processes in [1, 2] {
        let cluster = start(root, &work, processes)?;
        println!(
            "xtask: bench of {processes} shop process(es) behind HAProxy at {}",
            cluster.stack.shop_url
        );
        let figures = load::run(&work, &cluster.stack.shop_url, options);
        stop(cluster);
        load.push((processes, figures?));
    }
    // A fresh cluster: the journeys' writes, not the load's.
    let cluster = start(root, &work, 2)?;
    let before = counters(cluster.database())?;
    let journeys = journeys::run(&cluster.stack, options);
    // PostgreSQL publishes a backend's counters within a second of its
    // last transaction.
    std::thread::sleep(std::time::Duration::from_secs(2));
    let after = counters(cluster.database());
    stop(cluster);
    let journeys = journeys?;
    let writes = Writes::between(before, after?, journeys.confirmed);
    Ok(Figures {
        load,
        journeys,
        writes,
    })
}

fn start(root: &Path, work: &Path, processes: u16) -> Result<Cluster, XtaskError> {
    let folder = work.join(format!("{processes}-processes"));
    let _ = std::fs::remove_dir_all(&folder);
    let options = ClusterOptions {
        processes,
        drain_seconds: 1,
        durable_database: true,
        // Release builds, as a shop runs them; no mail catcher: mail waits
        // in the outbox, MailDev's CPU is not the shop's.
        stack: StackOptions::throw_away(folder.join("data"))?,
    };
    Cluster::start(root, &options, &folder, Logs::Folder(folder.join("logs")))
}

fn stop(mut cluster: Cluster) {
    cluster.stack.stop();
}

/// PostgreSQL's counters of the shop's database: committed transactions,
/// rows inserted, updated or deleted, WAL written, and its size.
fn counters(database: &postgres::Cluster) -> Result<Counters, XtaskError> {
    let answer = database.query(
        "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted, \
         pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, \
         pg_database_size(current_database()) \
         FROM pg_stat_database WHERE datname = current_database()",
    )?;
    parse_counters(&answer)
        .ok_or_else(|| XtaskError::Setup(format!("PostgreSQL's counters: {answer:?}")))
}

fn parse_counters(answer: &str) -> Option<Counters> {
    let mut numbers = answer.trim().split('|').map(|n| n.trim().parse::<u64>());
    let mut next = || numbers.next()?.ok();
    Some(Counters {
        transactions: next()?,
        rows_written: next()?,
        wal_bytes: next()?,
        database_bytes: next()?,
    })
}

/// The busy season on paper: 10,000 orders a day.
const ORDERS_A_DAY: f64 = 10_000.0;
/// The share of a day's orders in its busiest hour (evenings in December).
const BUSIEST_HOUR_SHARE: f64 = 0.15;
/// Days of the season (November and December).
const SEASON_DAYS: f64 = 61.0;
/// A season order's photos (a calendar has 13, a book 24 to 100; prints
/// come by the dozen) and a phone photo's bytes.
const PHOTOS_PER_ORDER: f64 = 25.0;
const PHOTO_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

pub fn print(figures: &Figures, options: &BenchOptions) {
    println!(
        "Through HAProxy, on PostgreSQL (commits flushed) and SeaweedFS, release builds \
         (wrk, {} connections, 2 threads, {} s)",
        options.connections, options.seconds
    );
    println!(
        "{:<10} {:<26} {:>10} {:>10}",
        "processes", "endpoint", "req/s", "p99 ms"
    );
    for (processes, load) in &figures.load {
        for figure in load {
            println!(
                "{:<10} {:<26} {:>10.0} {:>10.2}  {}",
                processes,
                figure.endpoint,
                figure.requests_per_second,
                figure.p99_ms,
                load::notes(figure)
            );
        }
    }
    println!();
    journeys::print(&figures.journeys);
    let writes = &figures.writes;
    if writes.orders == 0 {
        return;
    }
    let per_order = |value: f64| value / writes.orders as f64;
    let transactions = per_order(writes.transactions as f64);
    let rows = per_order(writes.rows_written as f64);
    let wal = per_order(writes.wal_bytes as f64);
    let growth = per_order(writes.database_growth_bytes as f64);
    println!();
    println!(
        "The database for those {} orders (PostgreSQL's counters, background tasks included)",
        writes.orders
    );
    println!("  transactions per order (reads included): {transactions:.0}");
    println!("  rows inserted, updated or deleted per order: {rows:.0}");
    println!("  WAL written per order: {:.0} KiB", wal / 1024.0);
    println!(
        "  database growth per order: {:.1} KiB ({} MiB after them)",
        growth / 1024.0,
        writes.database_bytes / (1024 * 1024)
    );
    let journey_seconds = figures.journeys.throughput_per_second();
    let peak = ORDERS_A_DAY * BUSIEST_HOUR_SHARE / 3600.0;
    println!();
    println!(
        "On paper, {ORDERS_A_DAY:.0} orders a day, {:.0}% of them in the busiest hour \
         ({peak:.2} orders/s):",
        BUSIEST_HOUR_SHARE * 100.0
    );
    println!(
        "  database: {:.0} transactions/s and {:.0} KiB/s of WAL at the peak; \
         {:.1} GiB more over a {SEASON_DAYS:.0}-day season",
        peak * transactions,
        peak * wal / 1024.0,
        growth * ORDERS_A_DAY * SEASON_DAYS / f64::from(1u32 << 30)
    );
    println!(
        "  photos: {PHOTOS_PER_ORDER:.0} photos of {:.0} MiB an order: {:.0} GiB a day, \
         {:.1} TiB a season in the bucket, {:.0} Mbit/s of uploads at the peak",
        PHOTO_BYTES / 1_048_576.0,
        ORDERS_A_DAY * PHOTOS_PER_ORDER * PHOTO_BYTES / f64::from(1u32 << 30),
        ORDERS_A_DAY * SEASON_DAYS * PHOTOS_PER_ORDER * PHOTO_BYTES / 1024f64.powi(4),
        peak * PHOTOS_PER_ORDER * PHOTO_BYTES * 8.0 / 1e6
    );
    if journey_seconds > 0.0 {
        let per_process = journey_seconds / 2.0;
        let needed = (peak / per_process).ceil().max(1.0) as u64;
        println!(
            "  shop processes: {journey_seconds:.2} journeys/s here on 2 processes \
             ({per_process:.2} each, sharing 2 cores with everything else): \
             {needed} carry the peak, {} keep it through the loss of one",
            needed + 1
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_postgresql_s_counters() {
        assert_eq!(
            parse_counters("1520|8311|25165824|9142831\n"),
            Some(Counters {
                transactions: 1520,
                rows_written: 8311,
                wal_bytes: 25_165_824,
                database_bytes: 9_142_831,
            })
        );
        assert_eq!(parse_counters(""), None);
        assert_eq!(parse_counters("1|2|x|4"), None);
    }
}
