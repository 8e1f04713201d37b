//! Fuzz property of the hosted card page's post through a real sandbox:
//! for a new payment each case, a card form of any shape (noise, fields of
//! any text or JSON type, a field missing or one too many) is never a 5xx
//! and every refusal is JSON with a code. `cards::check` itself is fuzzed
//! with all of `FUZZ_CASES` in `src/cards/tests.rs`; this one costs two
//! requests a case, so it runs a tenth.

mod support;

#[path = "../src/fuzz.rs"]
mod fuzz;

use proptest::prelude::*;
use reqwest::StatusCode;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::sync::Mutex;
use support::Sandbox;

/// A card field: a value the page would send, any text, or another type.
fn field(valid: &'static str) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        6 => Just(Some(json!(valid))),
        6 => fuzz::text(24).prop_map(|text| Some(json!(text))),
        1 => prop_oneof![
            Just(Some(json!(null))),
            Just(Some(json!(4242))),
            Just(Some(json!(true))),
            Just(Some(json!([]))),
            Just(Some(json!({}))),
            Just(None),
        ],
    ]
}

fn form() -> impl Strategy<Value = Vec<u8>> {
    let fields = (
        field("4242 4242 4242 4242"),
        field("12/40"),
        field("123"),
        field("Camille Martin"),
        proptest::option::of(field("visa")),
        prop_oneof![9 => Just(None), 1 => fuzz::text(8).prop_map(Some)],
    )
        .prop_map(|(number, expiry, code, holder, brand, extra)| {
            let mut form = Map::new();
            for (name, value) in [
                ("number", number),
                ("expiry", expiry),
                ("security_code", code),
                ("holder", holder),
                ("brand", brand.flatten()),
            ] {
                if let Some(value) = value {
                    form.insert(name.into(), value);
                }
            }
            if let Some(extra) = extra {
                form.insert(extra, json!("x"));
            }
            Value::Object(form).to_string().into_bytes()
        });
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..80),
        6 => fields,
    ]
}

#[test]
fn fuzz_card_page_post() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let sandbox = runtime.block_on(Sandbox::start());
    let statuses = Mutex::new(BTreeMap::<String, u64>::new());
    fuzz::run_cases(
        "card page post (psp-sandbox, real server)",
        fuzz::cases() / 10,
        form(),
        |body| {
            let answer = runtime.block_on(async {
                let payment = sandbox.new_payment("manual").await;
                let id = payment["id"].as_str().unwrap().to_owned();
                let request = reqwest::Client::new()
                    .post(sandbox.url(&format!("/pay/{id}/card")))
                    .header("origin", &sandbox.base)
                    .header("content-type", "application/json")
                    .body(body);
                support::answer(request).await
            });
            let code = answer.body["error"]["code"].as_str().unwrap_or("");
            *statuses
                .lock()
                .unwrap()
                .entry(format!("{} {code}", answer.status.as_u16()))
                .or_default() += 1;
            prop_assert!(
                !answer.status.is_server_error(),
                "{} {}",
                answer.status,
                answer.text
            );
            if answer.status == StatusCode::OK {
                prop_assert!(answer.body["status"].is_string(), "{}", answer.text);
            } else {
                prop_assert!(answer.status.is_client_error(), "{}", answer.status);
                prop_assert!(
                    answer.body["error"]["code"].is_string(),
                    "{} without a JSON code: {}",
                    answer.status,
                    answer.text
                );
            }
            Ok(())
        },
    );
    let seen: Vec<String> = statuses
        .lock()
        .unwrap()
        .iter()
        .map(|(status, count)| format!("{status}×{count}"))
        .collect();
    println!("fuzz-statuses: card page post: {}", seen.join(", "));
    runtime.block_on(sandbox.stop());
}
