//! 500 sign-ups at once, each from its own address (through the trusted
//! proxy, so that no per-client limit is what refuses them): how many
//! accounts are made, how many are told the shop is busy (Argon2 runs one
//! hash per core, a request waits 5 s at most), how many are throttled;
//! the server's memory and the catalogue's answers meanwhile.

use super::BenchOptions;
use super::abuse::Shop;
use super::watch::{self, Latency, Memory, Stop};
use crate::error::XtaskError;
use std::time::{Duration, Instant};

pub struct Figures {
    pub attempts: usize,
    /// `201`: accounts made.
    pub created: usize,
    /// `503 server_busy`: no hashing slot within the queue's deadline.
    pub busy: usize,
    /// `429`: throttled.
    pub throttled: usize,
    /// Any other answer, by status.
    pub other: Vec<u16>,
    /// No answer at all.
    pub failed: usize,
    /// How long each `201` took, and each `503`.
    pub created_times: Vec<Duration>,
    pub busy_times: Vec<Duration>,
    /// From the first request to the last answer.
    pub took: Duration,
    pub memory: Memory,
    pub catalogue: Latency,
}

pub async fn run(shop: &Shop, options: &BenchOptions) -> Result<Figures, XtaskError> {
    let stop = Stop::default();
    let memory = tokio::spawn(watch::memory(shop.pid, stop.clone()));
    let catalogue = tokio::spawn(watch::catalogue(shop.addr, stop.clone()));
    let started = Instant::now();
    let attempts: Vec<_> = (0..options.sign_ups)
        .map(|index| {
            let shop = shop.clone();
            tokio::spawn(async move {
                let client = client_address(index);
                let email = format!("inscription-{index}@exemple.fr");
                let asked = Instant::now();
                let answer = shop.sign_up(&email, Some(&client)).await;
                (answer, asked.elapsed())
            })
        })
        .collect();
    let mut figures = Figures {
        attempts: options.sign_ups,
        created: 0,
        busy: 0,
        throttled: 0,
        other: Vec::new(),
        failed: 0,
        created_times: Vec::new(),
        busy_times: Vec::new(),
        took: Duration::ZERO,
        memory: Memory::default(),
        catalogue: Latency::default(),
    };
    for attempt in attempts {
        match attempt.await {
            Ok((Ok(answer), time)) => match answer.head.status {
                201 => {
                    figures.created += 1;
                    figures.created_times.push(time);
                }
                503 if answer.code().as_deref() == Some("server_busy") => {
                    figures.busy += 1;
                    figures.busy_times.push(time);
                }
                429 => figures.throttled += 1,
                status => figures.other.push(status),
            },
            Ok((Err(_), _)) | Err(_) => figures.failed += 1,
        }
    }
    figures.took = started.elapsed();
    stop.now();
    figures.memory = memory.await.unwrap_or_default();
    figures.catalogue = catalogue.await.unwrap_or_default();
    Ok(figures)
}

/// A distinct address per sign-up: 10.1.0.1, 10.1.0.2, …
fn client_address(index: usize) -> String {
    let n = index + 1;
    format!("10.1.{}.{}", n / 250, n % 250 + 1)
}

pub fn print(figures: &Figures) {
    println!(
        "{} sign-ups at once, each from its own address (X-Forwarded-For), in {:.1} s",
        figures.attempts,
        figures.took.as_secs_f64()
    );
    let mut answers = format!(
        "  {} × 201 created (p50 {} ms, max {} ms), {} × 503 server_busy (p50 {} ms), {} × 429",
        figures.created,
        watch::ms(watch::quantile_ms(&figures.created_times, 0.5)),
        watch::ms(watch::quantile_ms(&figures.created_times, 1.0)),
        figures.busy,
        watch::ms(watch::quantile_ms(&figures.busy_times, 0.5)),
        figures.throttled,
    );
    if !figures.other.is_empty() {
        answers.push_str(&format!(", other: {}!", watch::tally(&figures.other)));
    }
    if figures.failed > 0 {
        answers.push_str(&format!(", {} without an answer!", figures.failed));
    }
    println!("{answers}");
    watch::print_memory(&figures.memory, None);
    watch::print_catalogue(&figures.catalogue, None);
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_sign_up_has_its_own_address() {
        let addresses: std::collections::HashSet<_> =
            (0..1000).map(super::client_address).collect();
        assert_eq!(addresses.len(), 1000);
        assert_eq!(super::client_address(0), "10.1.0.2");
    }
}
