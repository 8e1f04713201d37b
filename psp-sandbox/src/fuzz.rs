//! Test-only: the harness of the fuzz properties of what the hosted page
//! sends (the card fields, `cards::check`). A property runs `FUZZ_CASES`
//! cases — a short default for `cargo test`, a large count from `cargo
//! xtask fuzz` — and reports them in one line, `fuzz: <name>: <n> cases`,
//! which `cargo xtask fuzz` adds up. (The shop server has its own copy:
//! the sandbox shares no code with the shop.) `tests/fuzz_card_page.rs`
//! includes this same file.

#![allow(dead_code)]

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};

/// Cases per property in a plain `cargo test` (CI): seconds in all.
const DEFAULT_CASES: u32 = 1_000;

/// `FUZZ_CASES`, or the default.
pub fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

pub fn run<S>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    run_cases(name, cases(), strategy, check);
}

/// As [`run`], with a number of cases of the caller's (at least one).
pub fn run_cases<S>(
    name: &str,
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let mut runner = TestRunner::new(Config {
        cases: cases.max(1),
        failure_persistence: None,
        ..Config::default()
    });
    let ran = AtomicU64::new(0);
    let outcome = runner.run(&strategy, |value| {
        ran.fetch_add(1, Ordering::Relaxed);
        check(value)
    });
    if let Err(failure) = outcome {
        panic!("fuzz: {name}: {failure}");
    }
    println!("fuzz: {name}: {} cases", ran.load(Ordering::Relaxed));
}

/// Any Unicode, with separators, digits, controls and multi-byte
/// characters made frequent.
pub fn text(max_chars: usize) -> impl Strategy<Value = String> {
    let nasty = proptest::sample::select(vec![
        '\0', '\t', '\n', ' ', '-', '/', '.', '\u{a0}', '\u{200e}', '\u{202e}', '\u{ff10}', '٣',
        'é', '€', '😀',
    ]);
    proptest::collection::vec(
        prop_oneof![2 => any::<char>(), 2 => nasty, 4 => proptest::char::range('0', '9')],
        0..=max_chars,
    )
    .prop_map(|chars| chars.into_iter().collect())
}
