//! The merchant API: the secret, creation and reading, idempotency, and the
//! capture, cancel, refund and expiry rules.

mod support;

use reqwest::{Method, StatusCode};
use serde_json::json;
use support::{Sandbox, payment_request};

#[tokio::test]
async fn calls_without_the_secret_are_refused() {
    let sandbox = Sandbox::start().await;
    let client = reqwest::Client::new();
    for secret in [None, Some("wrong")] {
        let mut request = client
            .post(sandbox.url("/v1/payments"))
            .header("idempotency-key", "k1")
            .json(&payment_request(4599, "manual"));
        if let Some(secret) = secret {
            request = request.bearer_auth(secret);
        }
        let refused = support::answer(request).await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
        assert_eq!(refused.body["error"]["code"], "unauthorized");
    }
    let read =
        support::answer(client.get(sandbox.url("/v1/payments/pay_000000000000000000000000"))).await;
    assert_eq!(read.status, StatusCode::UNAUTHORIZED);
    sandbox.stop().await;
}

#[tokio::test]
async fn a_payment_is_created_then_read() {
    let sandbox = Sandbox::start().await;
    let created = sandbox.new_payment("manual").await;
    let id = created["id"].as_str().unwrap();
    assert!(id.starts_with("pay_") && id.len() == 28, "{id}");
    assert_eq!(created["status"], "requires_payment_method");
    assert_eq!(created["amount"], 4599);
    assert_eq!(
        created["hosted_page_url"],
        sandbox.url(&format!("/pay/{id}"))
    );
    assert_eq!(created["card"], serde_json::Value::Null);
    assert_eq!(sandbox.get(id).await, created);
    let missing = sandbox
        .merchant(
            Method::GET,
            "/v1/payments/pay_000000000000000000000000",
            None,
            None,
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    sandbox.stop().await;
}

#[tokio::test]
async fn invalid_requests_are_refused() {
    let sandbox = Sandbox::start().await;
    let mut bodies = Vec::new();
    for (field, value) in [
        ("amount", json!(0)),
        ("amount", json!(100_000_000)),
        ("currency", json!("USD")),
        ("capture_mode", json!("later")),
        ("allowed_origin", json!("http://shop.fr/path")),
        ("merchant_reference", json!("")),
        ("merchant_reference", json!("x".repeat(101))),
    ] {
        let mut body = payment_request(4599, "manual");
        body[field] = value;
        bodies.push(body);
    }
    for body in bodies {
        let refused = sandbox.create("/v1/payments", Some(body.clone())).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
    sandbox.stop().await;
}

#[tokio::test]
async fn idempotency_keys_replay_or_refuse() {
    let sandbox = Sandbox::start().await;
    let body = payment_request(4599, "manual");
    let first = sandbox
        .merchant(
            Method::POST,
            "/v1/payments",
            Some("order-1"),
            Some(body.clone()),
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert!(first.headers.get("idempotent-replayed").is_none());
    let again = sandbox
        .merchant(
            Method::POST,
            "/v1/payments",
            Some("order-1"),
            Some(body.clone()),
        )
        .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.body, first.body);
    let other = sandbox
        .merchant(
            Method::POST,
            "/v1/payments",
            Some("order-1"),
            Some(payment_request(100, "manual")),
        )
        .await;
    assert_eq!(other.status, StatusCode::CONFLICT);
    assert_eq!(other.body["error"]["code"], "idempotency_key_reused");
    let keyless = sandbox
        .merchant(Method::POST, "/v1/payments", None, Some(body))
        .await;
    assert_eq!(keyless.status, StatusCode::BAD_REQUEST);
    assert_eq!(keyless.body["error"]["code"], "idempotency_key_missing");
    let id = first.body["id"].as_str().unwrap();
    let cancel = sandbox
        .merchant(
            Method::POST,
            &format!("/v1/payments/{id}/cancel"),
            None,
            None,
        )
        .await;
    assert_eq!(cancel.status, StatusCode::BAD_REQUEST);
    sandbox.stop().await;
}

#[tokio::test]
async fn capture_in_full_then_not_twice() {
    let sandbox = Sandbox::start().await;
    let payment = sandbox.paid("4242 4242 4242 4242", "authorized").await;
    let id = payment["id"].as_str().unwrap();
    let captured = sandbox
        .create(&format!("/v1/payments/{id}/capture"), None)
        .await;
    assert_eq!(captured.status, StatusCode::OK, "{:?}", captured.body);
    assert_eq!(captured.body["status"], "captured");
    assert_eq!(captured.body["captured_amount"], 4599);
    let twice = sandbox
        .create(&format!("/v1/payments/{id}/capture"), None)
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert_eq!(twice.body["error"]["code"], "invalid_state");
    sandbox.stop().await;
}

#[tokio::test]
async fn partial_capture_then_refunds_in_two_steps() {
    let sandbox = Sandbox::start().await;
    let payment = sandbox.paid("5555 5555 5555 4444", "authorized").await;
    let id = payment["id"].as_str().unwrap();
    let path = |what: &str| format!("/v1/payments/{id}/{what}");
    let too_much = sandbox
        .create(&path("capture"), Some(json!({"amount": 4600})))
        .await;
    assert_eq!(too_much.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(too_much.body["error"]["code"], "amount_too_large");
    let captured = sandbox
        .create(&path("capture"), Some(json!({"amount": 4000})))
        .await;
    assert_eq!(captured.body["captured_amount"], 4000);
    let over = sandbox
        .create(&path("refund"), Some(json!({"amount": 4001})))
        .await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(over.body["error"]["code"], "amount_too_large");
    let part = sandbox
        .create(&path("refund"), Some(json!({"amount": 1000})))
        .await;
    assert_eq!(part.body["status"], "partially_refunded");
    assert_eq!(part.body["refunded_amount"], 1000);
    let rest = sandbox.create(&path("refund"), None).await;
    assert_eq!(rest.body["status"], "refunded");
    assert_eq!(rest.body["refunded_amount"], 4000);
    let cancel = sandbox.create(&path("cancel"), None).await;
    assert_eq!(cancel.status, StatusCode::CONFLICT);
    sandbox.stop().await;
}

#[tokio::test]
async fn a_cancelled_authorization_cannot_be_captured_or_refunded() {
    let sandbox = Sandbox::start().await;
    let payment = sandbox.paid("4242424242424242", "authorized").await;
    let id = payment["id"].as_str().unwrap();
    let cancelled = sandbox
        .create(&format!("/v1/payments/{id}/cancel"), None)
        .await;
    assert_eq!(cancelled.status, StatusCode::OK);
    assert_eq!(cancelled.body["status"], "cancelled");
    for what in ["capture", "refund"] {
        let refused = sandbox
            .create(&format!("/v1/payments/{id}/{what}"), None)
            .await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{what}");
        assert_eq!(refused.body["error"]["code"], "invalid_state");
    }
    sandbox.stop().await;
}

#[tokio::test]
async fn authorizations_lapse_after_seven_days() {
    let sandbox = Sandbox::start().await;
    let payment = sandbox.paid("4242424242424242", "authorized").await;
    let id = payment["id"].as_str().unwrap();
    sandbox.advance_clock(8 * 86_400).await;
    assert_eq!(sandbox.get(id).await["status"], "expired");
    let capture = sandbox
        .create(&format!("/v1/payments/{id}/capture"), None)
        .await;
    assert_eq!(capture.status, StatusCode::CONFLICT);
    assert_eq!(capture.body["error"]["code"], "authorization_expired");
    sandbox.stop().await;
}

#[tokio::test]
async fn capturing_a_lapsed_authorization_expires_it() {
    let sandbox = Sandbox::start().await;
    let payment = sandbox.paid("4242424242424242", "authorized").await;
    let id = payment["id"].as_str().unwrap();
    // A move that the sweep has not seen yet: only the capture applies it.
    let moved = sandbox
        .merchant(
            Method::POST,
            "/v1/test/clock",
            None,
            Some(json!({"advance_seconds": 7 * 86_400})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK);
    let capture = sandbox
        .create(&format!("/v1/payments/{id}/capture"), None)
        .await;
    assert_eq!(capture.body["error"]["code"], "authorization_expired");
    assert_eq!(sandbox.get(id).await["status"], "expired");
    sandbox.stop().await;
}

#[tokio::test]
async fn automatic_capture_captures_at_authorization() {
    let sandbox = Sandbox::start().await;
    let payment = sandbox.new_payment("automatic").await;
    let id = payment["id"].as_str().unwrap();
    let paid = sandbox
        .card(id, support::card("4242424242424242", "123"))
        .await;
    assert_eq!(paid.body["status"], "captured");
    assert_eq!(sandbox.get(id).await["captured_amount"], 4599);
    sandbox.stop().await;
}

#[tokio::test]
async fn the_test_clock_is_absent_unless_enabled() {
    let sandbox = Sandbox::start_with(None, false).await;
    let moved = sandbox
        .merchant(
            Method::POST,
            "/v1/test/clock",
            None,
            Some(json!({"advance_seconds": 60})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::NOT_FOUND);
    sandbox.stop().await;
}
