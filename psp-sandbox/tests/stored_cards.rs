//! Stored cards and merchant-initiated payments (API.md): a card kept with
//! the shopper's consent once authorized, charged later by the merchant
//! alone, read and detached; refused on the test cards that say so, past
//! its expiry, and once deleted.

mod support;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::{Answer, Sandbox, card, payment_request};

fn store_request() -> Value {
    let mut body = payment_request(4599, "manual");
    body["store_card"] = json!(true);
    body
}

fn merchant_initiated(stored_card_id: &str) -> Value {
    json!({
        "amount": 4599,
        "currency": "EUR",
        "capture_mode": "manual",
        "merchant_reference": "order-0f3c",
        "description": "Commande 0f3c",
        "stored_card_id": stored_card_id,
        "initiator": "merchant",
    })
}

/// A payment made with `store_card`, paid on the page with `card`.
async fn paid_storing(sandbox: &Sandbox, card: Value) -> (Value, Answer) {
    let created = sandbox.create("/v1/payments", Some(store_request())).await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    assert_eq!(created.body["store_card"], true);
    assert_eq!(created.body["stored_card_id"], Value::Null);
    let id = created.body["id"].as_str().unwrap().to_owned();
    let paid = sandbox.card(&id, card).await;
    (sandbox.get(&id).await, paid)
}

/// The stored card left by a payment authorized with `number`.
async fn stored_card(sandbox: &Sandbox, number: &str) -> String {
    let (payment, paid) = paid_storing(sandbox, card(number, "123")).await;
    assert_eq!(paid.body["status"], "authorized", "{number}");
    payment["stored_card_id"].as_str().unwrap().to_owned()
}

async fn stored_card_answer(sandbox: &Sandbox, method: Method, id: &str) -> Answer {
    sandbox
        .merchant(method, &format!("/v1/stored-cards/{id}"), None, None)
        .await
}

#[tokio::test]
async fn an_authorization_with_consent_stores_the_card() {
    let sandbox = Sandbox::start().await;
    let (payment, _) = paid_storing(&sandbox, card("4242 4242 4242 4242", "123")).await;
    assert_eq!(payment["status"], "authorized");
    assert_eq!(payment["initiator"], "shopper");
    let id = payment["stored_card_id"].as_str().unwrap();
    assert!(
        id.starts_with("card_")
            && id.len() == 29
            && id[5..]
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')),
        "{id}"
    );
    let read = stored_card_answer(&sandbox, Method::GET, id).await;
    assert_eq!(read.status, StatusCode::OK, "{:?}", read.body);
    assert_eq!(
        read.body,
        json!({"id": id, "brand": "visa", "last4": "4242", "expiry_month": 12,
               "expiry_year": 2040, "created_at": payment["authorized_at"]})
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn nothing_is_stored_without_consent_or_on_a_decline() {
    let sandbox = Sandbox::start().await;
    let plain = sandbox.paid("4242424242424242", "authorized").await;
    assert_eq!(
        (&plain["store_card"], &plain["stored_card_id"]),
        (&json!(false), &Value::Null)
    );
    let (declined, _) = paid_storing(&sandbox, card("4000000000000002", "123")).await;
    assert_eq!(declined["status"], "declined");
    assert_eq!(declined["stored_card_id"], Value::Null);
    // The shopper's next card, authorized, is the one stored.
    let id = declined["id"].as_str().unwrap();
    let paid = sandbox.card(id, card("5555555555554444", "123")).await;
    assert_eq!(paid.body["status"], "authorized");
    let stored_id = sandbox.get(id).await["stored_card_id"].clone();
    let read = stored_card_answer(&sandbox, Method::GET, stored_id.as_str().unwrap()).await;
    assert_eq!(read.body["brand"], "mastercard");
    assert_eq!(read.body["last4"], "4444");
    // Storing is for manual capture only.
    let mut automatic = store_request();
    automatic["capture_mode"] = json!("automatic");
    let refused = sandbox.create("/v1/payments", Some(automatic)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.body["error"]["code"], "invalid_request");
    sandbox.stop().await;
}

#[tokio::test]
async fn a_card_is_stored_once_its_challenge_passes() {
    let sandbox = Sandbox::start().await;
    let (payment, _) = paid_storing(&sandbox, card("4000000000003220", "123")).await;
    assert_eq!(payment["status"], "requires_challenge");
    assert_eq!(payment["stored_card_id"], Value::Null);
    let id = payment["id"].as_str().unwrap();
    let passed = sandbox
        .page_post(id, "challenge", &sandbox.base, json!({"code": "123456"}))
        .await;
    assert_eq!(passed.body["status"], "authorized");
    let stored = sandbox.get(id).await["stored_card_id"].clone();
    let stored = stored.as_str().unwrap();
    // No challenge on merchant-initiated use: the shopper is absent.
    let charged = sandbox
        .create("/v1/payments", Some(merchant_initiated(stored)))
        .await;
    assert_eq!(charged.body["status"], "authorized");
    sandbox.stop().await;
}

#[tokio::test]
async fn the_merchant_reauthorizes_on_the_stored_card_alone() {
    let sandbox = Sandbox::start().await;
    let (first, _) = paid_storing(&sandbox, card("4242424242424242", "123")).await;
    let stored = first["stored_card_id"].as_str().unwrap();
    sandbox.advance_clock(6 * 86_400).await;
    let again = sandbox
        .create("/v1/payments", Some(merchant_initiated(stored)))
        .await;
    assert_eq!(again.status, StatusCode::CREATED, "{:?}", again.body);
    let payment = &again.body;
    assert_eq!(payment["status"], "authorized");
    assert_eq!(payment["initiator"], "merchant");
    assert_eq!(payment["stored_card_id"], stored);
    assert_eq!(payment["hosted_page_url"], Value::Null);
    assert_eq!(payment["card"]["last4"], "4242");
    assert!(
        payment["authorization_expires_at"].as_i64().unwrap()
            >= first["authorization_expires_at"].as_i64().unwrap() + 6 * 86_400
    );
    let id = payment["id"].as_str().unwrap();
    // No page, and no card taken for it.
    let page = reqwest::get(sandbox.url(&format!("/pay/{id}")))
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let typed = sandbox.card(id, card("4242424242424242", "123")).await;
    assert_eq!(typed.status, StatusCode::CONFLICT);
    // The old authorization is voided, the new one captured as any other.
    let first_id = first["id"].as_str().unwrap();
    let voided = sandbox
        .create(&format!("/v1/payments/{first_id}/cancel"), None)
        .await;
    assert_eq!(voided.body["status"], "cancelled");
    let captured = sandbox
        .create(&format!("/v1/payments/{id}/capture"), None)
        .await;
    assert_eq!(captured.body["status"], "captured");
    assert_eq!(captured.body["captured_amount"], 4599);
    let refunded = sandbox
        .create(&format!("/v1/payments/{id}/refund"), None)
        .await;
    assert_eq!(refunded.body["status"], "refunded");
    sandbox.stop().await;
}

#[tokio::test]
async fn the_issuer_refuses_merchant_initiated_use_of_some_test_cards() {
    let sandbox = Sandbox::start().await;
    for (number, code) in [
        ("4000 0000 0000 0341", "card_declined"),
        ("4000 0000 0000 9979", "insufficient_funds"),
    ] {
        let stored = stored_card(&sandbox, number).await;
        let refused = sandbox
            .create("/v1/payments", Some(merchant_initiated(&stored)))
            .await;
        assert_eq!(refused.status, StatusCode::CREATED, "{:?}", refused.body);
        assert_eq!(refused.body["status"], "declined", "{number}");
        assert_eq!(refused.body["decline_code"], code, "{number}");
        assert_eq!(refused.body["authorization_expires_at"], Value::Null);
    }
    sandbox.stop().await;
}

#[tokio::test]
async fn a_deleted_or_unknown_stored_card_is_not_found() {
    let sandbox = Sandbox::start().await;
    let stored = stored_card(&sandbox, "4242424242424242").await;
    let deleted = stored_card_answer(&sandbox, Method::DELETE, &stored).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    for id in [
        stored.as_str(),
        "card_000000000000000000000000",
        "card_../x",
    ] {
        let charged = sandbox
            .create("/v1/payments", Some(merchant_initiated(id)))
            .await;
        assert_eq!(charged.status, StatusCode::NOT_FOUND, "{id}");
        assert_eq!(charged.body["error"]["code"], "stored_card_not_found");
    }
    for method in [Method::GET, Method::DELETE] {
        let gone = stored_card_answer(&sandbox, method, &stored).await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
        assert_eq!(gone.body["error"]["code"], "stored_card_not_found");
    }
    sandbox.stop().await;
}

#[tokio::test]
async fn a_stored_card_past_its_expiry_is_declined() {
    let sandbox = Sandbox::start().await;
    // Expires at the end of next year, on the sandbox's clock.
    let created = sandbox.new_payment("manual").await["created_at"].clone();
    let year = psp_sandbox::clock::year_month(created.as_i64().unwrap()).year + 1;
    let mut expiring = card("4242424242424242", "123");
    expiring["expiry"] = json!(format!("12/{:02}", year % 100));
    let (payment, _) = paid_storing(&sandbox, expiring).await;
    let stored = payment["stored_card_id"].as_str().unwrap();
    sandbox.advance_clock(2 * 366 * 86_400).await;
    let refused = sandbox
        .create("/v1/payments", Some(merchant_initiated(stored)))
        .await;
    assert_eq!(refused.body["status"], "declined");
    assert_eq!(refused.body["decline_code"], "expired_card");
    sandbox.stop().await;
}

#[tokio::test]
async fn a_merchant_initiated_payment_is_idempotent() {
    let sandbox = Sandbox::start().await;
    let stored = stored_card(&sandbox, "4242424242424242").await;
    let body = merchant_initiated(&stored);
    let mut answers = Vec::new();
    for _ in 0..2 {
        answers.push(
            sandbox
                .merchant(
                    Method::POST,
                    "/v1/payments",
                    Some("reauthorize-1"),
                    Some(body.clone()),
                )
                .await,
        );
    }
    assert_eq!(answers[0].status, StatusCode::CREATED);
    assert!(answers[0].headers.get("idempotent-replayed").is_none());
    assert_eq!(answers[1].headers["idempotent-replayed"], "true");
    assert_eq!(answers[1].body, answers[0].body, "one payment, not two");
    let keyless = sandbox
        .merchant(Method::POST, "/v1/payments", None, Some(body))
        .await;
    assert_eq!(keyless.body["error"]["code"], "idempotency_key_missing");
    sandbox.stop().await;
}

#[tokio::test]
async fn merchant_initiated_requests_are_checked() {
    let sandbox = Sandbox::start().await;
    let stored = stored_card(&sandbox, "4242424242424242").await;
    let mut refused = Vec::new();
    for (field, value) in [
        ("initiator", Value::Null),
        ("initiator", json!("shopper")),
        ("stored_card_id", Value::Null),
        ("store_card", json!(true)),
        ("allowed_origin", json!(support::SHOP)),
    ] {
        let mut body = merchant_initiated(&stored);
        if value.is_null() {
            body.as_object_mut().unwrap().remove(field);
        } else {
            body[field] = value;
        }
        refused.push(body);
    }
    for body in refused {
        let answer = sandbox.create("/v1/payments", Some(body.clone())).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(answer.body["error"]["code"], "invalid_request");
    }
    sandbox.stop().await;
}
