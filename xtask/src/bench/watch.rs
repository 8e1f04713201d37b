//! What the abuse figures watch while an attack runs: the shop server's
//! memory (from `/proc/<pid>/status`), the kernel's TCP buffers, and how
//! long a visitor waits for the catalogue meanwhile.

use super::http;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often the server's memory is read.
const MEMORY_EVERY: Duration = Duration::from_millis(50);
/// Visitors asking for the catalogue at once, each on a new connection.
const VISITORS: usize = 2;
/// A visitor's pause between two answers: about 80 requests a second in
/// all, enough for a 99th percentile without loading the server.
const VISITOR_PAUSE: Duration = Duration::from_millis(25);
/// What Chromium sends: the catalogue comes precompressed.
const ACCEPT_ENCODING: &str = "gzip, deflate, br, zstd";

/// Set once to end the watchers.
#[derive(Clone, Default)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    pub fn now(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    fn done(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// The server's resident memory, in KiB.
#[derive(Debug, Clone, Copy, Default)]
pub struct Memory {
    /// VmRSS when the watch began.
    pub start_kib: u64,
    /// The highest VmRSS read during the watch.
    pub peak_kib: u64,
    /// VmRSS when the watch ended.
    pub end_kib: u64,
    /// VmHWM at the end: the process's peak since it started, between
    /// samples too (includes the set-up before the watch).
    pub high_water_kib: u64,
    /// The most threads the process had (tokio's blocking pool grows for
    /// file reads and password hashes).
    pub peak_threads: u64,
    /// CPU time (user and system) the process used during the watch.
    pub cpu_seconds: f64,
    /// The most memory the kernel held for TCP buffers, on the whole
    /// machine (both ends of the bench's connections): a slow reader's
    /// unsent bytes wait there, outside the server's RSS.
    pub tcp_peak_kib: u64,
}

/// The kernel's memory for TCP buffers on this machine, in KiB, from
/// `/proc/net/sockstat` (`TCP: … mem N`, in pages).
pub fn tcp_buffers_kib() -> Option<u64> {
    let sockstat = std::fs::read_to_string("/proc/net/sockstat").ok()?;
    let tcp = sockstat.lines().find(|line| line.starts_with("TCP:"))?;
    let mut fields = tcp.split_whitespace();
    fields.find(|field| *field == "mem")?;
    let pages = fields.next()?.parse::<u64>().ok()?;
    // SAFETY: sysconf only reads a constant of the system.
    let page_bytes = u64::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).ok()?;
    Some(pages * page_bytes / 1024)
}

/// CPU time (user and system) a process has used, from `/proc/<pid>/stat`.
pub fn cpu_seconds_of(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the command's name, which may hold spaces: state is field 3,
    // utime and stime fields 14 and 15.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // SAFETY: sysconf only reads a constant of the system.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    (per_second > 0).then(|| ticks as f64 / per_second as f64)
}

/// `VmRSS` and `VmHWM` of a process, in KiB, and its thread count.
pub fn memory_of(pid: u32) -> Option<(u64, u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse::<u64>()
            .ok()
    };
    Some((field("VmRSS:")?, field("VmHWM:")?, field("Threads:")?))
}

/// The soft limit on open files of a process, from `/proc/<pid>/limits`.
pub fn open_files_limit(pid: u32) -> Option<String> {
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).ok()?;
    let line = limits
        .lines()
        .find(|line| line.starts_with("Max open files"))?;
    line.split_whitespace().nth(3).map(str::to_owned)
}

/// Reads the server's memory until `stop`.
pub async fn memory(pid: u32, stop: Stop) -> Memory {
    let (start, _, _) = memory_of(pid).unwrap_or_default();
    let cpu_start = cpu_seconds_of(pid).unwrap_or_default();
    let mut figures = Memory {
        start_kib: start,
        peak_kib: start,
        ..Memory::default()
    };
    loop {
        if let Some((rss, high_water, threads)) = memory_of(pid) {
            figures.peak_kib = figures.peak_kib.max(rss);
            figures.peak_threads = figures.peak_threads.max(threads);
            figures.end_kib = rss;
            figures.high_water_kib = high_water;
        }
        if let Some(tcp) = tcp_buffers_kib() {
            figures.tcp_peak_kib = figures.tcp_peak_kib.max(tcp);
        }
        if stop.done() {
            figures.cpu_seconds = cpu_seconds_of(pid).unwrap_or_default() - cpu_start;
            return figures;
        }
        tokio::time::sleep(MEMORY_EVERY).await;
    }
}

/// Catalogue requests answered meanwhile.
#[derive(Debug, Clone, Default)]
pub struct Latency {
    /// Each `200`'s time, from connecting to the body's last byte.
    pub samples: Vec<Duration>,
    /// Answers other than `200`, by status.
    pub refused: Vec<u16>,
    /// Requests without an answer (connection refused or reset, timeout).
    pub failed: usize,
}

impl Latency {
    /// The `q` quantile (0 < q ≤ 1) of the answered requests, in ms.
    pub fn quantile_ms(&self, q: f64) -> Option<f64> {
        quantile_ms(&self.samples, q)
    }
}

/// The `q` quantile (nearest rank) of `samples`, in ms.
pub fn quantile_ms(samples: &[Duration], q: f64) -> Option<f64> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let rank = (q * sorted.len() as f64).ceil() as usize;
    let index = rank.clamp(1, sorted.len()) - 1;
    Some(sorted[index].as_secs_f64() * 1000.0)
}

/// Visitors asking for `GET /api/v1/catalogue` until `stop`, each request
/// on a new connection (a visitor arriving during the attack).
pub async fn catalogue(addr: SocketAddr, stop: Stop) -> Latency {
    let request = http::request(
        "GET",
        addr,
        "/api/v1/catalogue",
        &[("Accept-Encoding", ACCEPT_ENCODING)],
        b"",
    );
    let request: Arc<[u8]> = request.into();
    let visitors: Vec<_> = (0..VISITORS)
        .map(|_| {
            let (request, stop) = (request.clone(), stop.clone());
            tokio::spawn(async move {
                let mut latency = Latency::default();
                while !stop.done() {
                    let started = Instant::now();
                    match http::exchange(addr, &request).await {
                        Ok(answer) if answer.head.status == 200 => {
                            latency.samples.push(started.elapsed());
                        }
                        Ok(answer) => latency.refused.push(answer.head.status),
                        Err(_) => latency.failed += 1,
                    }
                    tokio::time::sleep(VISITOR_PAUSE).await;
                }
                latency
            })
        })
        .collect();
    let mut all = Latency::default();
    for visitor in visitors {
        if let Ok(latency) = visitor.await {
            all.samples.extend(latency.samples);
            all.refused.extend(latency.refused);
            all.failed += latency.failed;
        }
    }
    all
}

/// `n × status` for each status, most frequent first.
pub fn tally(statuses: &[u16]) -> String {
    let mut counts: Vec<(u16, usize)> = Vec::new();
    for status in statuses {
        match counts.iter_mut().find(|(seen, _)| seen == status) {
            Some((_, count)) => *count += 1,
            None => counts.push((*status, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
        .iter()
        .map(|(status, count)| format!("{count} × {status}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `VmRSS` in MiB, for printing.
pub fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

pub fn print_memory(memory: &Memory, goal_mib: Option<f64>) {
    let peak = mib(memory.peak_kib);
    let goal = goal_mib.map_or_else(String::new, |goal| {
        let missed = if peak < goal { "" } else { ": missed!" };
        format!(" (goal < {goal:.0}{missed})")
    });
    println!(
        "  server RSS: {:.0} MiB before, peak {peak:.0} MiB{goal}, {:.0} MiB at the end; \
         VmHWM {:.0} MiB; up to {} threads; {:.1} s of CPU",
        mib(memory.start_kib),
        mib(memory.end_kib),
        mib(memory.high_water_kib),
        memory.peak_threads,
        memory.cpu_seconds,
    );
    println!(
        "  kernel TCP buffers (the whole machine, both ends): peak {:.0} MiB",
        mib(memory.tcp_peak_kib),
    );
}

pub fn print_catalogue(latency: &Latency, p99_goal_ms: Option<f64>) {
    let p99 = latency.quantile_ms(0.99);
    let mut line = format!(
        "  GET /api/v1/catalogue meanwhile (new connection each): {} answered, p50 {} ms, p99 {} ms",
        latency.samples.len(),
        ms(latency.quantile_ms(0.5)),
        ms(p99),
    );
    if let Some(p99_goal_ms) = p99_goal_ms {
        line.push_str(&format!(" (goal ≤ {p99_goal_ms:.0})"));
        if p99.is_some_and(|p99| p99 > p99_goal_ms) {
            line.push_str(": missed!");
        }
    }
    if !latency.refused.is_empty() {
        line.push_str(&format!("; refused: {}!", tally(&latency.refused)));
    }
    if latency.failed > 0 {
        line.push_str(&format!("; {} without an answer!", latency.failed));
    }
    println!("{line}");
}

pub fn ms(value: Option<f64>) -> String {
    value.map_or_else(|| "-".into(), |ms| format!("{ms:.1}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_by_nearest_rank() {
        let samples: Vec<_> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(quantile_ms(&samples, 0.5), Some(50.0));
        assert_eq!(quantile_ms(&samples, 0.99), Some(99.0));
        assert_eq!(quantile_ms(&samples, 1.0), Some(100.0));
        assert_eq!(quantile_ms(&[], 0.5), None);
    }

    #[test]
    fn reads_its_own_memory() {
        let (rss, high_water, threads) = memory_of(std::process::id()).unwrap();
        assert!(rss > 0 && high_water >= rss && threads > 0);
        assert!(open_files_limit(std::process::id()).is_some());
        assert!(cpu_seconds_of(std::process::id()).is_some_and(|cpu| cpu >= 0.0));
    }

    #[test]
    fn tallies_statuses() {
        assert_eq!(tally(&[503, 201, 201, 429]), "2 × 201, 1 × 429, 1 × 503");
        assert_eq!(tally(&[]), "");
    }
}
