//! Wallets: the Apple Pay merchant session and its URL check, Apple Pay
//! and Google Pay test tokens on automatic-capture payments, idempotent
//! retries, and the webhooks a wallet payment sends.

mod support;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode as Status;
use axum::routing::post;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::Sandbox;

const SESSION: &str = "/v1/wallets/apple-pay/merchant-session";

fn session_request(validation_url: &str) -> Value {
    json!({
        "validation_url": validation_url,
        "domain": "shop.example",
        "display_name": "Service Photo",
    })
}

fn google_pay(network: &str, last4: &str, outcome: &str) -> Value {
    json!({
        "method": "google_pay",
        "token": {
            "type": "CARD",
            "description": format!("{network} •••• {last4}"),
            "info": {"cardNetwork": network, "cardDetails": last4},
            "tokenizationData": {
                "type": "PAYMENT_GATEWAY",
                "token": json!({"sandbox": outcome}).to_string(),
            },
        },
    })
}

fn apple_pay(network: &str, display_name: &str, outcome: &str) -> Value {
    json!({
        "method": "apple_pay",
        "token": {
            "paymentData": {"sandbox": outcome},
            "paymentMethod": {"network": network, "displayName": display_name, "type": "debit"},
            "transactionIdentifier": "5394C1F2A4B9",
        },
    })
}

/// A new automatic-capture payment paid with `body`.
async fn pay(sandbox: &Sandbox, body: Value) -> (String, support::Answer) {
    let payment = sandbox.new_payment("automatic").await;
    let id = payment["id"].as_str().unwrap().to_owned();
    let paid = sandbox
        .create(&format!("/v1/payments/{id}/wallet"), Some(body))
        .await;
    (id, paid)
}

#[tokio::test]
async fn a_merchant_session_is_signed_and_lasts_five_minutes() {
    let sandbox = Sandbox::start().await;
    let url = "https://apple-pay-gateway.apple.com/paymentservices/startSession";
    let answer = sandbox.create(SESSION, Some(session_request(url))).await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.body);
    let session = &answer.body["merchant_session"];
    let now = session["epochTimestamp"].as_i64().unwrap();
    assert!(now > 1_700_000_000_000, "milliseconds: {now}");
    assert_eq!(session["expiresAt"].as_i64().unwrap(), now + 300_000);
    assert_eq!(session["domainName"], "shop.example");
    assert_eq!(session["displayName"], "Service Photo");
    assert!(session["merchantIdentifier"].as_str().is_some());
    assert_eq!(session["signature"].as_str().unwrap().len(), 64);
    let again = sandbox.create(SESSION, Some(session_request(url))).await;
    let other = &again.body["merchant_session"];
    assert_ne!(other["nonce"], session["nonce"]);
    assert_ne!(
        other["merchantSessionIdentifier"],
        session["merchantSessionIdentifier"]
    );
    let keyless = sandbox
        .merchant(Method::POST, SESSION, None, Some(session_request(url)))
        .await;
    assert_eq!(keyless.body["error"]["code"], "idempotency_key_missing");
    sandbox.stop().await;
}

#[tokio::test]
async fn validation_urls_off_apple_or_https_are_refused() {
    let sandbox = Sandbox::start().await;
    for url in [
        "http://apple-pay-gateway.apple.com/paymentservices/startSession",
        "https://apple.com.evil.example/paymentservices/startSession",
        "https://evil.example/?x=.apple.com",
        "https://apple.com@evil.example/",
        "https://apple-pay-gateway.apple.com:8443/paymentservices/startSession",
        "not a url",
    ] {
        let refused = sandbox.create(SESSION, Some(session_request(url))).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{url}");
        assert_eq!(refused.body["error"]["code"], "invalid_validation_url");
    }
    let url = "https://apple-pay-gateway.apple.com/paymentservices/startSession";
    for (field, value) in [
        ("domain", json!("")),
        ("domain", json!("shop example")),
        ("display_name", json!("")),
        ("display_name", json!("x".repeat(65))),
    ] {
        let mut body = session_request(url);
        body[field] = value;
        let refused = sandbox.create(SESSION, Some(body)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert_eq!(refused.body["error"]["code"], "invalid_request");
    }
    sandbox.stop().await;
}

#[tokio::test]
async fn google_pay_approves_and_captures_at_once() {
    let sandbox = Sandbox::start().await;
    let (id, paid) = pay(&sandbox, google_pay("VISA", "4242", "approve")).await;
    assert_eq!(paid.status, StatusCode::OK, "{:?}", paid.body);
    assert_eq!(paid.body["status"], "captured");
    assert_eq!(paid.body["captured_amount"], 4599);
    assert_eq!(paid.body["decline_code"], Value::Null);
    assert_eq!(
        paid.body["card"],
        json!({"brand": "visa", "last4": "4242", "expiry_month": null, "expiry_year": null})
    );
    assert_eq!(sandbox.get(&id).await, paid.body);
    sandbox.stop().await;
}

#[tokio::test]
async fn google_pay_declines_say_why_and_another_token_may_follow() {
    let sandbox = Sandbox::start().await;
    for (outcome, code) in [
        ("decline", "card_declined"),
        ("insufficient_funds", "insufficient_funds"),
        ("something-else", "card_declined"),
    ] {
        let (id, paid) = pay(&sandbox, google_pay("MASTERCARD", "4444", outcome)).await;
        assert_eq!(paid.status, StatusCode::OK, "{:?}", paid.body);
        assert_eq!(paid.body["status"], "declined", "{outcome}");
        assert_eq!(paid.body["decline_code"], code, "{outcome}");
        assert_eq!(paid.body["captured_amount"], 0);
        assert_eq!(paid.body["card"]["brand"], "mastercard");
        if outcome == "insufficient_funds" {
            let retried = sandbox
                .create(
                    &format!("/v1/payments/{id}/wallet"),
                    Some(google_pay("CARTES_BANCAIRES", "0006", "approve")),
                )
                .await;
            assert_eq!(retried.body["status"], "captured");
            assert_eq!(retried.body["decline_code"], Value::Null);
            assert_eq!(retried.body["card"]["brand"], "cartes_bancaires");
        }
    }
    sandbox.stop().await;
}

#[tokio::test]
async fn apple_pay_approves_with_the_display_names_digits() {
    let sandbox = Sandbox::start().await;
    let (_, paid) = pay(&sandbox, apple_pay("Visa", "Visa 4242", "approve")).await;
    assert_eq!(paid.status, StatusCode::OK, "{:?}", paid.body);
    assert_eq!(paid.body["status"], "captured");
    assert_eq!(paid.body["card"]["brand"], "visa");
    assert_eq!(paid.body["card"]["last4"], "4242");
    let (_, amex) = pay(&sandbox, apple_pay("Amex", "American Express", "approve")).await;
    assert_eq!(amex.body["card"]["brand"], "amex");
    assert_eq!(amex.body["card"]["last4"], Value::Null);
    let (_, declined) = pay(&sandbox, apple_pay("MasterCard", "MC 0004", "decline")).await;
    assert_eq!(declined.body["status"], "declined");
    assert_eq!(declined.body["decline_code"], "card_declined");
    sandbox.stop().await;
}

#[tokio::test]
async fn malformed_tokens_are_refused() {
    let sandbox = Sandbox::start().await;
    let payment = sandbox.new_payment("automatic").await;
    let id = payment["id"].as_str().unwrap();
    let path = format!("/v1/payments/{id}/wallet");
    let mut not_json = google_pay("VISA", "4242", "approve");
    not_json["token"]["tokenizationData"]["token"] = json!("sandbox=approve");
    let mut no_method = apple_pay("Visa", "Visa 4242", "approve");
    no_method["token"]["paymentMethod"] = Value::Null;
    for body in [
        json!({"method": "google_pay", "token": null}),
        json!({"method": "apple_pay", "token": "opaque"}),
        json!({"method": "google_pay", "token": apple_pay("Visa", "Visa 4242", "approve")["token"]}),
        json!({"method": "apple_pay", "token": google_pay("VISA", "4242", "approve")["token"]}),
        not_json,
        no_method,
    ] {
        let refused = sandbox.create(&path, Some(body.clone())).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(
            refused.body["error"]["code"], "invalid_wallet_token",
            "{body}"
        );
    }
    let unknown = sandbox
        .create(
            &path,
            Some(json!({"method": "paypal", "token": {"sandbox": "approve"}})),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.body["error"]["code"], "invalid_request");
    assert_eq!(sandbox.get(id).await["status"], "requires_payment_method");
    sandbox.stop().await;
}

#[tokio::test]
async fn only_unpaid_automatic_payments_take_a_wallet() {
    let sandbox = Sandbox::start().await;
    let manual = sandbox.new_payment("manual").await;
    let id = manual["id"].as_str().unwrap();
    let refused = sandbox
        .create(
            &format!("/v1/payments/{id}/wallet"),
            Some(google_pay("VISA", "4242", "approve")),
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.body["error"]["code"], "invalid_state");
    assert_eq!(sandbox.get(id).await["status"], "requires_payment_method");
    let (id, _) = pay(&sandbox, google_pay("VISA", "4242", "approve")).await;
    let twice = sandbox
        .create(
            &format!("/v1/payments/{id}/wallet"),
            Some(google_pay("VISA", "4242", "approve")),
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert_eq!(twice.body["error"]["code"], "invalid_state");
    let missing = sandbox
        .create(
            "/v1/payments/pay_000000000000000000000000/wallet",
            Some(google_pay("VISA", "4242", "approve")),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    sandbox.stop().await;
}

#[tokio::test]
async fn a_retried_wallet_payment_is_answered_again_not_captured_twice() {
    let (receiver, url) = start_receiver().await;
    let sandbox = Sandbox::start_with(Some(url), true).await;
    let payment = sandbox.new_payment("automatic").await;
    let id = payment["id"].as_str().unwrap();
    let path = format!("/v1/payments/{id}/wallet");
    let body = google_pay("VISA", "4242", "approve");
    let first = sandbox
        .merchant(Method::POST, &path, Some("wallet-1"), Some(body.clone()))
        .await;
    assert_eq!(first.body["status"], "captured");
    let again = sandbox
        .merchant(Method::POST, &path, Some("wallet-1"), Some(body))
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.body, first.body);
    let types = wait_for_types(&receiver, 2).await;
    // Give a second capture, were there one, the time to arrive too.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(receiver.lock().unwrap().len(), 2);
    assert_eq!(types, ["payment.authorized", "payment.captured"]);
    sandbox.stop().await;
}

#[tokio::test]
async fn a_declined_wallet_payment_sends_payment_declined() {
    let (receiver, url) = start_receiver().await;
    let sandbox = Sandbox::start_with(Some(url), true).await;
    let (_, paid) = pay(&sandbox, apple_pay("Visa", "Visa 4242", "decline")).await;
    assert_eq!(paid.body["status"], "declined");
    assert_eq!(wait_for_types(&receiver, 1).await, ["payment.declined"]);
    sandbox.stop().await;
}

#[tokio::test]
async fn the_token_is_never_stored() {
    let sandbox = Sandbox::start().await;
    let marker = "TOKEN-MARKER-5f1d";
    let mut body = apple_pay("Visa", "Visa 4242", "approve");
    body["token"]["paymentData"]["data"] = json!(marker);
    body["token"]["transactionIdentifier"] = json!(marker);
    let (_, paid) = pay(&sandbox, body).await;
    assert_eq!(paid.body["status"], "captured");
    let data = sandbox.stop().await;
    for entry in std::fs::read_dir(data.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let found = bytes
            .windows(marker.len())
            .any(|window| window == marker.as_bytes());
        assert!(!found, "the token reached the data folder");
    }
}

type Received = Arc<Mutex<Vec<Value>>>;

/// A webhook receiver that acknowledges everything and keeps the events.
async fn start_receiver() -> (Received, String) {
    async fn receive(State(received): State<Received>, body: Bytes) -> Status {
        if let Ok(event) = serde_json::from_slice(&body) {
            received.lock().unwrap().push(event);
        }
        Status::NO_CONTENT
    }
    let received = Received::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let app = Router::new()
        .route("/hooks", post(receive))
        .with_state(Arc::clone(&received));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (received, url)
}

async fn wait_for_types(received: &Received, count: usize) -> Vec<String> {
    for _ in 0..200 {
        let events = received.lock().unwrap().clone();
        if events.len() >= count {
            return events
                .iter()
                .map(|event| event["type"].as_str().unwrap_or_default().to_owned())
                .collect();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{count} webhooks did not arrive in 10 s");
}

#[tokio::test]
async fn approve_then_timeout_captures_and_loses_the_answer_so_a_retry_must_read() {
    let sandbox = Sandbox::start().await;
    let payment = sandbox.new_payment("automatic").await;
    let id = payment["id"].as_str().unwrap();
    let path = format!("/v1/payments/{id}/wallet");
    let body = google_pay("VISA", "4242", "approve_then_timeout");
    let lost = sandbox
        .merchant(Method::POST, &path, Some("wallet-1"), Some(body.clone()))
        .await;
    assert_eq!(lost.status, StatusCode::GATEWAY_TIMEOUT, "{:?}", lost.body);
    assert_eq!(lost.body["error"]["code"], "timeout");
    // A 5xx is not replayed: the same call again finds the payment paid.
    let again = sandbox
        .merchant(Method::POST, &path, Some("wallet-1"), Some(body))
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{:?}", again.body);
    let read = sandbox.get(id).await;
    assert_eq!(read["status"], "captured");
    assert_eq!(read["captured_amount"], 4599);
    sandbox.stop().await;
}
