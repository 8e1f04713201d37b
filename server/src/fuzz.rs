//! Test-only: the harness of the fuzz properties of the parsers that read
//! outside input (each module keeps its own property beside its unit
//! tests). A property runs `FUZZ_CASES` cases — a short default for
//! `cargo test`, a large count from `cargo xtask fuzz` — and reports how
//! many it ran in one line, `fuzz: <name>: <n> cases`, which `cargo xtask
//! fuzz` adds up: the total it prints is counted, not computed. The API
//! properties (`tests/fuzz_api.rs`) include this same file.

#![allow(dead_code)]

use proptest::strategy::Strategy;
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

/// Runs `check` on `cases()` values of `strategy`; a failure (or a panic
/// in the code under test, which proptest catches) fails the test with the
/// shrunk input.
pub fn run<S>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    run_cases(name, cases(), strategy, check);
}

/// As [`run`], with a number of cases of the caller's (a property whose
/// cases cost more runs a fraction of `cases()`; at least one).
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
        // A failure is reported with its input; no regression files are
        // written into the source tree.
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

/// Text a client could send: any Unicode, with the characters parsers trip
/// on (separators, quotes, controls, NUL, RTL marks, lookalikes) made
/// frequent.
pub fn text(max_chars: usize) -> impl Strategy<Value = String> {
    use proptest::prelude::*;
    let nasty = proptest::sample::select(vec![
        '\0',
        '\t',
        '\n',
        '\r',
        ' ',
        ',',
        ';',
        '=',
        '@',
        '.',
        '"',
        '\\',
        '/',
        ':',
        '%',
        '[',
        ']',
        '\u{7f}',
        '\u{a0}',
        '\u{200b}',
        '\u{200e}',
        '\u{202e}',
        '\u{feff}',
        '\u{ff20}',
        'İ',
        'é',
        '😀',
        '\u{10ffff}',
    ]);
    proptest::collection::vec(
        prop_oneof![3 => any::<char>(), 2 => nasty, 3 => proptest::char::range('0', 'z')],
        0..=max_chars,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Any JSON document, nested a few levels, with numbers at the edges of
/// what parsers read (negative, huge, fractional).
pub fn json() -> impl Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![Just(-1i64), Just(0), Just(1), Just(i64::from(u32::MAX) + 1)]
            .prop_map(Value::from),
        text(24).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((text(12), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// `shape` with one field (at any depth) replaced by any JSON, by another
/// value of its own type (which reaches the rules behind the parser),
/// removed, or joined by an unknown one: bodies a parser almost accepts.
pub fn mutated(shape: serde_json::Value) -> impl Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    use serde_json::Value;
    let paths = paths(&shape, &mut Vec::new());
    let number = prop_oneof![
        any::<i64>().prop_map(Value::from),
        (-2i64..1_000).prop_map(Value::from),
        prop_oneof![
            Just(i64::from(u32::MAX)),
            Just(i64::from(u32::MAX) + 1),
            Just(i64::MAX)
        ]
        .prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
    ];
    (
        proptest::sample::select(paths),
        json(),
        text(24),
        number,
        any::<bool>(),
        0..5u8,
    )
        .prop_map(move |(path, value, text, number, flag, how)| {
            let mut body = shape.clone();
            let Some((last, parents)) = path.split_last() else {
                return value;
            };
            let mut at = &mut body;
            for key in parents {
                at = &mut at[key.as_str()];
            }
            if let Some(object) = at.as_object_mut() {
                match how {
                    0 => {
                        object.insert(last.clone(), value);
                    }
                    1 => {
                        object.remove(last);
                    }
                    2 => {
                        object.insert(format!("{last}_extra"), value);
                    }
                    _ => {
                        let same = match object.get(last) {
                            Some(Value::String(_)) => Value::String(text),
                            Some(Value::Number(_)) => number,
                            Some(Value::Bool(_)) => Value::Bool(flag),
                            _ => value,
                        };
                        object.insert(last.clone(), same);
                    }
                }
            }
            body
        })
}

/// Every object field's path in `value` (objects only; arrays are left as
/// they are), and the empty path for the whole document.
fn paths(value: &serde_json::Value, prefix: &mut Vec<String>) -> Vec<Vec<String>> {
    let mut found = vec![prefix.clone()];
    if let Some(object) = value.as_object() {
        for (key, inner) in object {
            prefix.push(key.clone());
            found.extend(
                paths(inner, prefix)
                    .into_iter()
                    .filter(|path| !path.is_empty()),
            );
            prefix.pop();
        }
    }
    found
}
