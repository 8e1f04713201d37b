//! 1,000 wrong passwords on one account from 50 addresses (20 each, each
//! address as fast as it is answered), then the owner signs in with the
//! right one from an address of their own, in the browser they signed up
//! from (its known-device cookie), and a new browser tries the right
//! password too. A `401` is a failure the server processed (a hash checked,
//! counted against the account and the address); a `429` was refused
//! unprocessed by the throttle.

use super::abuse::{self, Shop};
use super::watch;
use crate::error::XtaskError;
use std::time::{Duration, Instant};

const ADDRESSES: usize = 50;
const ATTEMPTS_PER_ADDRESS: usize = 20;
const OWNER: &str = "proprietaire@exemple.fr";
const OWNER_ADDRESS: &str = "10.9.0.1";
/// The right password, from a browser that never signed in.
const NEW_BROWSER_ADDRESS: &str = "10.9.0.2";
/// The goal of issue #13: processed failures on one account in an hour.
const PROCESSED_GOAL: usize = 100;
/// The owner tries again once after `Retry-After` if it is this short.
const OWNER_WAITS_AT_MOST: Duration = Duration::from_secs(60);

pub struct Figures {
    pub attempts: usize,
    /// `401`: processed failures.
    pub processed: usize,
    /// `429`: refused by the throttle, unprocessed.
    pub throttled: usize,
    /// `503 server_busy`: no hashing slot in time (unprocessed).
    pub busy: usize,
    pub other: Vec<u16>,
    pub failed: usize,
    pub took: Duration,
    /// The longest `Retry-After` an attacker was told.
    pub longest_retry_after: Option<u64>,
    /// The owner's sign-in right after, then after waiting if told to.
    pub owner: Vec<OwnerTry>,
    /// The right password from a browser the account never used.
    pub new_browser: OwnerTry,
}

pub struct OwnerTry {
    pub after: Duration,
    pub status: u16,
    pub retry_after: Option<u64>,
}

pub async fn run(shop: &Shop) -> Result<Figures, XtaskError> {
    let signed_up = abuse::expect(
        "the owner's sign-up",
        shop.sign_up(OWNER, Some(OWNER_ADDRESS)).await,
        201,
    )?;
    // The browser the owner signed up in is known from then on.
    let device = signed_up
        .head
        .headers("set-cookie")
        .filter_map(|value| value.split(';').next())
        .find(|pair| pair.starts_with("sp_device="))
        .map(str::to_owned)
        .ok_or_else(|| XtaskError::Setup("no known-device cookie at sign-up".into()))?;
    let started = Instant::now();
    let attackers: Vec<_> = (0..ADDRESSES)
        .map(|address| {
            let shop = shop.clone();
            tokio::spawn(async move {
                let client = format!("10.8.0.{}", address + 1);
                let mut answers = Vec::with_capacity(ATTEMPTS_PER_ADDRESS);
                for attempt in 0..ATTEMPTS_PER_ADDRESS {
                    let password = format!("mauvais-{address}-{attempt}-Zq8!");
                    answers.push(shop.sign_in(OWNER, &password, Some(&client)).await);
                }
                answers
            })
        })
        .collect();
    let mut figures = Figures {
        attempts: ADDRESSES * ATTEMPTS_PER_ADDRESS,
        processed: 0,
        throttled: 0,
        busy: 0,
        other: Vec::new(),
        failed: 0,
        took: Duration::ZERO,
        longest_retry_after: None,
        owner: Vec::new(),
        new_browser: OwnerTry {
            after: Duration::ZERO,
            status: 0,
            retry_after: None,
        },
    };
    for attacker in attackers {
        let Ok(answers) = attacker.await else {
            figures.failed += ATTEMPTS_PER_ADDRESS;
            continue;
        };
        for answer in answers {
            let Ok(answer) = answer else {
                figures.failed += 1;
                continue;
            };
            match answer.head.status {
                401 => figures.processed += 1,
                429 => {
                    figures.throttled += 1;
                    let wait = retry_after(&answer);
                    figures.longest_retry_after = figures.longest_retry_after.max(wait);
                }
                503 if answer.code().as_deref() == Some("server_busy") => figures.busy += 1,
                status => figures.other.push(status),
            }
        }
    }
    figures.took = started.elapsed();
    let new_browser = shop
        .sign_in(OWNER, abuse::PASSWORD, Some(NEW_BROWSER_ADDRESS))
        .await
        .map_err(|error| XtaskError::Setup(format!("the new browser's sign-in: {error}")))?;
    figures.new_browser = OwnerTry {
        after: Duration::ZERO,
        status: new_browser.head.status,
        retry_after: retry_after(&new_browser),
    };
    let owner_started = Instant::now();
    loop {
        let answer = shop
            .sign_in_from(OWNER, abuse::PASSWORD, OWNER_ADDRESS, &device)
            .await
            .map_err(|error| XtaskError::Setup(format!("the owner's sign-in: {error}")))?;
        let wait = retry_after(&answer);
        figures.owner.push(OwnerTry {
            after: owner_started.elapsed(),
            status: answer.head.status,
            retry_after: wait,
        });
        match wait.map(Duration::from_secs) {
            Some(wait) if figures.owner.len() == 1 && wait <= OWNER_WAITS_AT_MOST => {
                tokio::time::sleep(wait).await;
            }
            _ => break,
        }
    }
    Ok(figures)
}

fn retry_after(answer: &super::http::Answer) -> Option<u64> {
    answer.head.header("retry-after")?.trim().parse().ok()
}

pub fn print(figures: &Figures) {
    println!(
        "{} wrong passwords on one account from {ADDRESSES} addresses ({ATTEMPTS_PER_ADDRESS} each, \
         as fast as answered), in {:.1} s",
        figures.attempts,
        figures.took.as_secs_f64()
    );
    let mut answers = format!(
        "  {} × 401 processed (goal ≤ {PROCESSED_GOAL} an hour{}), {} × 429 throttled (longest Retry-After {} s), \
         {} × 503 server_busy",
        figures.processed,
        if figures.processed <= PROCESSED_GOAL {
            ""
        } else {
            ": missed!"
        },
        figures.throttled,
        figures
            .longest_retry_after
            .map_or_else(|| "-".into(), |s| s.to_string()),
        figures.busy,
    );
    if !figures.other.is_empty() {
        answers.push_str(&format!(", other: {}!", watch::tally(&figures.other)));
    }
    if figures.failed > 0 {
        answers.push_str(&format!(", {} without an answer!", figures.failed));
    }
    println!("{answers}");
    println!(
        "  the right password from a new browser ({NEW_BROWSER_ADDRESS}), at once: {} {} \
         (the account waits for strangers)",
        figures.new_browser.status,
        verdict(&figures.new_browser)
    );
    for (index, owner) in figures.owner.iter().enumerate() {
        let verdict = verdict(owner);
        println!(
            "  the owner, in their own browser from {OWNER_ADDRESS}, {}: {} {verdict}{}",
            if index == 0 {
                "at once".to_owned()
            } else {
                format!("{:.0} s later", owner.after.as_secs_f64())
            },
            owner.status,
            if owner.status == 200 { "" } else { "!" },
        );
    }
}

fn verdict(attempt: &OwnerTry) -> String {
    match attempt.status {
        200 => "signed in".to_owned(),
        429 => format!(
            "throttled, Retry-After {} s",
            attempt
                .retry_after
                .map_or_else(|| "?".into(), |s| s.to_string())
        ),
        status => format!("refused ({status})"),
    }
}
