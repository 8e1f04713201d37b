//! `cargo xtask test`: every check and test in order, each counted, then one
//! summary line (`summary: N passed, M failed`). A failing step does not
//! hide the others: all run, and the exit code is non-zero if any failed.

use crate::cluster::{Cluster, ClusterOptions};
use crate::error::XtaskError;
use crate::postgres;
use crate::process::{self, command};
use crate::seaweedfs;
use crate::setup::{self, CHROMEDRIVER, CHROMIUM, Needs};
use crate::size;
use crate::stack::{Logs, Stack, StackOptions};
use crate::storefront;
use std::path::Path;
use std::process::Command;

/// The end-to-end tests' operator token (their stack is throw-away).
const E2E_OPERATOR_TOKEN: &str = "e2e-operator-token";

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    passed: u64,
    failed: u64,
}

struct StepResult {
    name: &'static str,
    ok: bool,
    counts: Counts,
}

pub fn run(root: &Path) -> Result<(), XtaskError> {
    setup::ensure(root, Needs::Browser)?;
    let mut results = Vec::new();
    let mut step = |name: &'static str, outcome: Result<(bool, Counts), XtaskError>| {
        let (ok, counts) = outcome.unwrap_or_else(|error| {
            eprintln!("xtask: {name}: {error}");
            (false, Counts::default())
        });
        println!("xtask: {name}: {}", if ok { "ok" } else { "FAILED" });
        results.push(StepResult { name, ok, counts });
    };

    step(
        "format",
        check(command(root, "cargo").args(["fmt", "--all", "--check"])),
    );
    step(
        "clippy (host)",
        check(command(root, "cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])),
    );
    step(
        "clippy (wasm32)",
        check(command(root, "cargo").args([
            "clippy",
            "--package",
            "storefront",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])),
    );
    step(
        "unit tests",
        cargo_tests(command(root, "cargo").args([
            "test",
            "--no-fail-fast",
            "--workspace",
            "--exclude",
            "storefront",
            "--lib",
            "--bins",
        ])),
    );
    step(
        "browser tests (wasm-bindgen-test, Chromium)",
        cargo_tests(
            command(root, "cargo")
                .args([
                    "test",
                    "--no-fail-fast",
                    "--package",
                    "storefront",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--lib",
                    "--test",
                    "*",
                ])
                .env("CHROMEDRIVER", CHROMEDRIVER)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "60"),
        ),
    );
    step(
        "server API tests",
        cargo_tests(command(root, "cargo").args([
            "test",
            "--no-fail-fast",
            "--package",
            "shop-server",
            "--package",
            "psp-sandbox",
            "--test",
            "*",
            // The photo store's own step runs these.
            "--",
            "--skip",
            seaweedfs::TESTS_PREFIX,
        ])),
    );
    step("server API tests on PostgreSQL", postgres_api_tests(root));
    step(
        "photo store on S3 (SeaweedFS)",
        seaweedfs::photo_store_tests(root).and_then(|mut tests| cargo_tests(&mut tests)),
    );
    step(
        "size budgets (each route's first load)",
        size::check(root).map(|ok| (ok, Counts::default())),
    );
    step("end-to-end tests (Playwright, Chromium)", end_to_end(root));
    step(
        "end-to-end through the balancer (cluster)",
        cluster_end_to_end(root),
    );

    println!();
    let mut total = Counts::default();
    for result in &results {
        let mut counts = result.counts;
        // A step that failed before running any test (a compile error, a
        // format difference) still counts as one failure.
        if !result.ok && counts.failed == 0 {
            counts.failed = 1;
        }
        println!(
            "  {:<46} {:>4} passed {:>4} failed",
            result.name, counts.passed, counts.failed
        );
        total.passed += counts.passed;
        total.failed += counts.failed;
    }
    println!("summary: {} passed, {} failed", total.passed, total.failed);
    if results.iter().all(|result| result.ok) {
        Ok(())
    } else {
        Err(XtaskError::TestsFailed)
    }
}

/// The shop server's whole API suite again, each test server on a fresh
/// database of a throw-away PostgreSQL cluster (see `tests/support/database.rs`).
fn postgres_api_tests(root: &Path) -> Result<(bool, Counts), XtaskError> {
    let cluster = postgres::Cluster::start()?;
    cargo_tests(
        command(root, "cargo")
            .args([
                "test",
                "--no-fail-fast",
                "--package",
                "shop-server",
                "--test",
                "*",
            ])
            .env("SHOP_TEST_DATABASE_URL", &cluster.url),
    )
}

/// A check without test counts (fmt, clippy).
fn check(command: &mut Command) -> Result<(bool, Counts), XtaskError> {
    Ok((process::run(command).is_ok(), Counts::default()))
}

/// `cargo test` (or wasm-bindgen-test-runner through it), counting the
/// `test result:` lines of every test binary.
fn cargo_tests(command: &mut Command) -> Result<(bool, Counts), XtaskError> {
    let mut counts = Counts::default();
    let ok = process::run_streaming(command, |line| {
        if let Some(found) = parse_test_result(line) {
            counts.passed += found.passed;
            counts.failed += found.failed;
        }
    })?;
    Ok((ok, counts))
}

/// Reads `test result: ok. 5 passed; 1 failed; …`.
fn parse_test_result(line: &str) -> Option<Counts> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let number_before = |label: &str| -> Option<u64> {
        rest.split(';')
            .map(str::trim)
            .find_map(|part| {
                part.trim_start_matches(|c: char| !c.is_ascii_digit())
                    .strip_suffix(label)
            })
            .and_then(|n| n.trim().parse().ok())
    };
    Some(Counts {
        passed: number_before(" passed")?,
        failed: number_before(" failed")?,
    })
}

/// Builds the storefront, starts the whole stack on free ports with a
/// throw-away data folder, and runs Playwright against it.
fn end_to_end(root: &Path) -> Result<(bool, Counts), XtaskError> {
    storefront::build(root)?;
    let work = root.join("target").join("e2e");
    let data_dir = work.join("data");
    let _ = std::fs::remove_dir_all(&work);
    let options = StackOptions {
        // Journeys move both clocks (authorization expiry, unpaid orders).
        shop_test_clock: true,
        psp_test_clock: true,
        ..end_to_end_options(data_dir.clone())?
    };
    let mut stack = Stack::start(root, &options, &data_dir, Logs::Folder(work.join("logs")))?;
    let mut playwright = playwright(root, &stack, &work);
    // The security journeys search the servers' files and logs for card
    // data.
    playwright
        .env("STACK_DATA_DIR", &data_dir)
        .env("STACK_LOGS_DIR", work.join("logs"));
    let outcome = run_playwright(&mut playwright, &work);
    stack.stop();
    outcome
}

/// The cluster's journey (`tests/e2e/cluster.spec.ts`): two shop processes
/// on PostgreSQL and SeaweedFS behind HAProxy, as `cargo xtask cluster`
/// starts them, one of which the journey kills.
fn cluster_end_to_end(root: &Path) -> Result<(bool, Counts), XtaskError> {
    setup::ensure_haproxy()?;
    let work = root.join("target").join("e2e-cluster");
    let _ = std::fs::remove_dir_all(&work);
    let options = ClusterOptions {
        processes: 2,
        drain_seconds: 1,
        durable_database: false,
        stack: end_to_end_options(work.join("data"))?,
    };
    let mut cluster = Cluster::start(root, &options, &work, Logs::Folder(work.join("logs")))?;
    let pids: Vec<String> = cluster.shop_pids.iter().map(u32::to_string).collect();
    let mut playwright = playwright(root, &cluster.stack, &work);
    // Its presence also narrows Playwright to the cluster's journey.
    playwright.env("CLUSTER_SHOP_PIDS", pids.join(","));
    let outcome = run_playwright(&mut playwright, &work);
    cluster.stack.stop();
    outcome
}

/// The journeys' servers: the operator's token, MailDev for the mail
/// journeys, and debug builds: the journeys check behaviour, not speed,
/// and the server API tests made those builds already.
fn end_to_end_options(data_dir: std::path::PathBuf) -> Result<StackOptions, XtaskError> {
    Ok(StackOptions {
        operator_token: Some(E2E_OPERATOR_TOKEN.into()),
        debug: true,
        mail_catcher: true,
        ..StackOptions::throw_away(data_dir)?
    })
}

/// Playwright against a running stack, its JSON report in `work`.
fn playwright(root: &Path, stack: &Stack, work: &Path) -> Command {
    let mut playwright = command(root, "playwright");
    playwright
        .args(["test", "--reporter=list,json"])
        .env("BASE_URL", &stack.shop_url)
        .env("PSP_URL", &stack.psp_url)
        .env("OPERATOR_TOKEN", E2E_OPERATOR_TOKEN)
        // The mail journeys read what the shop sent through MailDev's
        // REST API.
        .env("MAILDEV_URL", stack.mail_url.as_deref().unwrap_or_default())
        .env("CHROMIUM_PATH", CHROMIUM)
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", work.join("results.json"));
    playwright
}

fn run_playwright(playwright: &mut Command, work: &Path) -> Result<(bool, Counts), XtaskError> {
    let ok = process::run(playwright).is_ok();
    if !ok {
        println!("xtask: server logs are in {}", work.join("logs").display());
    }
    let counts = std::fs::read_to_string(work.join("results.json"))
        .ok()
        .and_then(|json| playwright_counts(&json))
        .unwrap_or_default();
    Ok((ok, counts))
}

fn playwright_counts(json: &str) -> Option<Counts> {
    let report: serde_json::Value = serde_json::from_str(json).ok()?;
    let stats = report.get("stats")?;
    let number = |key: &str| {
        stats
            .get(key)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    };
    Some(Counts {
        passed: number("expected") + number("flaky"),
        failed: number("unexpected"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cargo_and_wasm_bindgen_test_result_lines() {
        assert_eq!(
            parse_test_result(
                "test result: ok. 5 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.09s"
            ),
            Some(Counts {
                passed: 5,
                failed: 0
            })
        );
        assert_eq!(
            parse_test_result(
                "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 filtered out; finished in 1.2s"
            ),
            Some(Counts {
                passed: 3,
                failed: 2
            })
        );
        assert_eq!(parse_test_result("running 5 tests"), None);
    }

    #[test]
    fn reads_playwright_json_stats() {
        let json = r#"{"stats":{"expected":7,"unexpected":1,"flaky":2,"skipped":0}}"#;
        assert_eq!(
            playwright_counts(json),
            Some(Counts {
                passed: 9,
                failed: 1
            })
        );
        assert_eq!(playwright_counts("not json"), None);
    }
}
