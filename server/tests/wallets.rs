//! Apple Pay and Google Pay through the real PSP sandbox: the token is
//! authorized and captured at once (the order is paid, debited), the card
//! page it replaces is closed, a refusal leaves the order payable by card
//! on a fresh page, Apple Pay's merchant validation goes through the
//! server, and a paid order ships without a capture or is refunded.

use reqwest::StatusCode;
use serde_json::{Value, json};

mod support;
use support::psp::{MERCHANT_SECRET, Psp, operator, ordered, shop_and_psp};
use support::{Shopper, client, code};

fn google_token(outcome: &str) -> String {
    json!({"type": "CARD", "info": {"cardNetwork": "VISA", "cardDetails": "4242"},
           "tokenizationData": {"type": "PAYMENT_GATEWAY", "token": json!({"sandbox": outcome}).to_string()}})
    .to_string()
}

fn apple_token(outcome: &str) -> String {
    json!({"paymentData": {"sandbox": outcome},
           "paymentMethod": {"network": "Visa", "displayName": "Visa 1111", "type": "debit"},
           "transactionIdentifier": "t-1"})
    .to_string()
}

async fn pay_wallet(
    shopper: &mut Shopper<'_>,
    order: &Value,
    method: &str,
    token: String,
) -> support::Answer {
    let id = order["id"].as_str().unwrap();
    shopper
        .post(
            &format!("/api/v1/orders/{id}/wallet"),
            json!({"method": method, "token_json": token}),
        )
        .await
}

async fn psp_payment(psp: &Psp, hosted_page: &str) -> Value {
    psp.payment(hosted_page.rsplit('/').next().unwrap()).await
}

#[tokio::test]
async fn the_wallet_configuration_is_public_and_names_the_gateway() {
    let (shop, psp) = shop_and_psp(false).await;
    let config: Value = client()
        .get(shop.url("/api/v1/wallets"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(config["google_pay_environment"], "TEST");
    assert_eq!(config["google_pay_gateway"], "psp-sandbox");
    assert_eq!(config["country"], "FR");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn google_pay_pays_and_debits_at_once_and_closes_the_card_page() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "gpay@exemple.fr").await;
    let card_page = order["payment"]["hosted_page_url"]
        .as_str()
        .unwrap()
        .to_owned();
    let paid = pay_wallet(&mut shopper, &order, "google_pay", google_token("approve")).await;
    assert_eq!(paid.status, StatusCode::OK, "{:?}", paid.body);
    assert_eq!(paid.body["status"], "paid");
    assert_eq!(paid.body["payment"]["debited"], true);
    assert_eq!(paid.body["payment"]["method"], "google_pay");
    assert_eq!(shopper.get("/api/v1/cart").await.body["lines"], json!([]));
    // The card page opened at order time can no longer be paid.
    assert_eq!(psp_payment(&psp, &card_page).await["status"], "cancelled");
    // A second wallet payment (double click) is refused: the order is paid.
    let again = pay_wallet(&mut shopper, &order, "google_pay", google_token("approve")).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(code(&again), "invalid_order_state");
    // Shipping moves no money: it is in already.
    let shipped: Value = operator(&shop, &order, "ship").await.json().await.unwrap();
    assert_eq!(shipped["status"], "shipped");
    assert_eq!(shipped["payment"]["debited"], true);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_partial_refund_is_recorded_as_partial_and_does_not_cancel_the_order() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "rembourse@exemple.fr").await;
    let paid = pay_wallet(&mut shopper, &order, "google_pay", google_token("approve")).await;
    assert_eq!(paid.body["status"], "paid", "{:?}", paid.body);
    assert_eq!(paid.body["payment"]["refunded"], Value::Null);
    // The wallet's PSP payment, as the shop stored it.
    let id = order["id"].as_str().unwrap();
    let db = shop.raw_database().await;
    let (payment_id,): (String,) = sqlx::query_as("SELECT payment_id FROM orders WHERE id = $1")
        .bind(id)
        .fetch_one(&db)
        .await
        .unwrap();
    db.close().await;
    // 5 € back, at the PSP (customer service's gesture, say).
    let refunded = client()
        .post(format!("{}/v1/payments/{payment_id}/refund", psp.base))
        .bearer_auth(MERCHANT_SECRET)
        .header("Idempotency-Key", "geste-commercial-1")
        .json(&json!({"amount": 500}))
        .send()
        .await
        .unwrap();
    assert_eq!(refunded.status(), StatusCode::OK);
    let after = shopper.get(&format!("/api/v1/orders/{id}")).await.body;
    assert_eq!(
        after["status"], "paid",
        "a partial refund is no cancellation"
    );
    assert_eq!(after["payment"]["debited"], true);
    assert_eq!(after["payment"]["refunded"]["cents"], 500);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn an_apple_pay_validation_after_the_session_lapsed_gets_a_fresh_session() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "applepay-retry@exemple.fr").await;
    let path = format!(
        "/api/v1/orders/{}/wallet/merchant-session",
        order["id"].as_str().unwrap()
    );
    let url = json!({"validation_url": "https://apple-pay-gateway.apple.com/paymentservices/startSession"});
    let session = |answer: &support::Answer| -> Value {
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.body);
        serde_json::from_str(answer.body["session_json"].as_str().unwrap()).unwrap()
    };
    let first = session(&shopper.post(&path, url.clone()).await);
    // The shopper comes back to the sheet after the session's 5 minutes.
    assert_eq!(psp.advance_clock(6 * 60).await, StatusCode::OK);
    let second = session(&shopper.post(&path, url).await);
    assert_ne!(
        second["merchantSessionIdentifier"], first["merchantSessionIdentifier"],
        "not the replayed, lapsed session"
    );
    let lapsed_at = first["expiresAt"].as_i64().unwrap();
    assert!(second["epochTimestamp"].as_i64().unwrap() >= lapsed_at);
    assert!(second["expiresAt"].as_i64().unwrap() > lapsed_at + 60_000);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn apple_pay_validates_the_merchant_through_the_server_then_pays() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "applepay@exemple.fr").await;
    let id = order["id"].as_str().unwrap();
    let path = format!("/api/v1/orders/{id}/wallet/merchant-session");
    let session = shopper
        .post(&path, json!({"validation_url": "https://apple-pay-gateway.apple.com/paymentservices/startSession"}))
        .await;
    assert_eq!(session.status, StatusCode::OK, "{:?}", session.body);
    let opaque: Value =
        serde_json::from_str(session.body["session_json"].as_str().unwrap()).unwrap();
    assert!(opaque["merchantSessionIdentifier"].is_string());
    // A URL a page could choose to make the PSP fetch is refused.
    let forged = shopper
        .post(
            &path,
            json!({"validation_url": "https://apple.com.evil.example/startSession"}),
        )
        .await;
    assert_eq!(forged.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code(&forged), "invalid_wallet_request");
    let paid = pay_wallet(&mut shopper, &order, "apple_pay", apple_token("approve")).await;
    assert_eq!(paid.body["status"], "paid", "{:?}", paid.body);
    assert_eq!(paid.body["payment"]["method"], "apple_pay");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_refused_wallet_leaves_the_order_payable_by_card_on_a_fresh_page() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "refuswallet@exemple.fr").await;
    let refused = pay_wallet(
        &mut shopper,
        &order,
        "apple_pay",
        apple_token("insufficient_funds"),
    )
    .await;
    assert_eq!(refused.status, StatusCode::OK, "{:?}", refused.body);
    assert_eq!(refused.body["status"], "payment_failed");
    assert_eq!(
        refused.body["payment"]["last_decline"],
        "insufficient_funds"
    );
    assert_eq!(refused.body["payment"]["debited"], false);
    let page = refused.body["payment"]["hosted_page_url"].as_str().unwrap();
    assert_ne!(page, order["payment"]["hosted_page_url"].as_str().unwrap());
    assert_eq!(
        shopper.get("/api/v1/cart").await.body["lines"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A malformed token is refused before anything is paid.
    let malformed = pay_wallet(
        &mut shopper,
        &refused.body,
        "google_pay",
        json!({"x": 1}).to_string(),
    )
    .await;
    assert_eq!(code(&malformed), "invalid_wallet_request");
    // The card then pays on the fresh page.
    let payment_id = shopper
        .get(&format!("/api/v1/orders/{}", order["id"].as_str().unwrap()))
        .await
        .body["payment"]["hosted_page_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let card: Value = client()
        .post(format!("{}/pay/{payment_id}/card", psp.base))
        .header("origin", &psp.base)
        .json(&json!({"number": "4242 4242 4242 4242", "expiry": "12/40", "security_code": "123", "holder": "Camille Martin"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(card["status"], "authorized");
    let now = shopper
        .get(&format!("/api/v1/orders/{}", order["id"].as_str().unwrap()))
        .await
        .body;
    assert_eq!(now["status"], "authorized");
    assert_eq!(now["payment"]["method"], "card");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn cancelling_a_paid_order_refunds_it() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "rembourse@exemple.fr").await;
    pay_wallet(&mut shopper, &order, "google_pay", google_token("approve")).await;
    let cancelled: Value = operator(&shop, &order, "cancel")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(cancelled["status"], "cancelled", "{cancelled:?}");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_wallet_order_in_production_stays_in_production_when_its_capture_is_read_again() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "atelier@exemple.fr").await;
    let paid = pay_wallet(&mut shopper, &order, "google_pay", google_token("approve")).await;
    assert_eq!(paid.body["status"], "paid", "{:?}", paid.body);
    let made = operator(&shop, &order, "production").await;
    assert_eq!(made.status(), StatusCode::OK);
    // The shopper opens the order: the shop reads the (captured) payment.
    let id = order["id"].as_str().unwrap();
    let read = shopper.get(&format!("/api/v1/orders/{id}")).await.body;
    assert_eq!(
        read["status"], "in_production",
        "the money came in at order time; nothing shipped: {read:?}"
    );
    drop(psp);
    shop.stop().await;
}
