//! `cargo xtask fuzz [--cases N]`: the fuzz properties of every parser
//! that reads outside input, with many cases — the shop server's pure
//! parsers (image sniffer, webhook signature and body, cookie,
//! `X-Forwarded-For`, e-mail), the PSP sandbox's card fields (and its card
//! page's post), and the API through the router in process (every JSON
//! body, webhooks, `Origin`, cookie, path parameters, photo bytes). `cargo test` runs the same
//! properties with a short default (`FUZZ_CASES` unset), so CI keeps them.
//!
//! Each property prints `fuzz: <name>: <n> cases` once it passed; the
//! table and total below are those lines added up, not a computed promise.

use crate::error::XtaskError;
use crate::process::{self, command};
use std::path::Path;
use std::time::Instant;

/// Cases per pure-parser property; the API's properties run half of it,
/// the card page (two requests a case) a tenth, sign-in (a password hash
/// per case) a fortieth. Seven pure-parser properties, six of the API and
/// the card page's: just over a million in all.
pub const DEFAULT_CASES: u32 = 100_000;

#[derive(Debug, clap::Args)]
pub struct FuzzOptions {
    /// Cases per pure-parser property.
    #[arg(long, default_value_t = DEFAULT_CASES)]
    cases: u32,
}

pub fn run(root: &Path, options: &FuzzOptions) -> Result<(), XtaskError> {
    let started = Instant::now();
    // Debug builds: overflow checks are on, so an arithmetic overflow on
    // outside input is found as the panic it is there.
    let targets: [&[&str]; 4] = [
        &["--package", "shop-server", "--lib"],
        &["--package", "psp-sandbox", "--lib"],
        &["--package", "shop-server", "--test", "fuzz_api"],
        &["--package", "psp-sandbox", "--test", "fuzz_card_page"],
    ];
    let mut found = Vec::new();
    let mut ok = true;
    for target in targets {
        let mut cargo = command(root, "cargo");
        cargo
            .arg("test")
            .args(target)
            .args(["fuzz_", "--", "--nocapture"])
            .env("FUZZ_CASES", options.cases.to_string());
        ok &= process::run_streaming(&mut cargo, |line| {
            if let Some(count) = parse_count(line) {
                found.push(count);
            }
        })?;
    }
    println!();
    let mut total = 0;
    for (name, cases) in &found {
        println!("  {cases:>9}  {name}");
        total += cases;
    }
    let verdict = if ok {
        "all passed (no panic, no 5xx, every refusal typed)"
    } else {
        "SOME FAILED (see above)"
    };
    println!(
        "fuzz: {} properties, {total} cases in {:.0} s: {verdict}",
        found.len(),
        started.elapsed().as_secs_f64(),
    );
    if ok {
        Ok(())
    } else {
        Err(XtaskError::TestsFailed)
    }
}

/// Reads `fuzz: <name>: <n> cases`.
fn parse_count(line: &str) -> Option<(String, u64)> {
    let rest = line.trim().strip_prefix("fuzz: ")?;
    let (name, count) = rest.rsplit_once(": ")?;
    let count = count.strip_suffix(" cases")?.parse().ok()?;
    Some((name.to_owned(), count))
}

#[cfg(test)]
mod tests {
    use super::parse_count;

    #[test]
    fn reads_the_count_lines_only() {
        assert_eq!(
            parse_count("fuzz: e-mail address (accounts::email::Email::parse): 1000 cases"),
            Some((
                "e-mail address (accounts::email::Email::parse)".into(),
                1000
            ))
        );
        assert_eq!(parse_count("test fuzz_x ... ok"), None);
        assert_eq!(parse_count("fuzz: name: many cases"), None);
    }
}
