//! The payment record and the money operators and shoppers see, against
//! the real PSP sandbox: every attempt kept in the order's history (a
//! refused wallet, the card that was authorized, its capture at shipment),
//! refunds in parts with their reasons and never twice for one retried
//! request, a refunded shipment that stays shipped, the operators' list of
//! orders, and the shopper's order showing card, authorization and debit.

use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

mod support;
use support::faulty_psp::{Fault, Faults, When};
use support::psp::{
    Psp, current_payment_id, operator, ordered, pay, shop_and_faulty_psp, shop_and_psp,
};
use support::{OPERATOR_TOKEN, Shopper, TestServer, client};

fn google_token(outcome: &str) -> String {
    json!({"type": "CARD", "info": {"cardNetwork": "VISA", "cardDetails": "4242"},
           "tokenizationData": {"type": "PAYMENT_GATEWAY", "token": json!({"sandbox": outcome}).to_string()}})
    .to_string()
}

async fn pay_with_google_pay(
    shopper: &mut Shopper<'_>,
    order: &Value,
    outcome: &str,
) -> support::Answer {
    let id = order["id"].as_str().unwrap();
    shopper
        .post(
            &format!("/api/v1/orders/{id}/wallet"),
            json!({"method": "google_pay", "token_json": google_token(outcome)}),
        )
        .await
}

fn id(order: &Value) -> &str {
    order["id"].as_str().unwrap()
}

fn total(order: &Value) -> i64 {
    order["totals"]["total"]["cents"].as_i64().unwrap()
}

async fn order_now(shopper: &mut Shopper<'_>, order: &Value) -> Value {
    shopper
        .get(&format!("/api/v1/orders/{}", id(order)))
        .await
        .body
}

/// Reads the shopper's order (which polls the PSP) until it is `status`.
async fn until_status(shopper: &mut Shopper<'_>, order: &Value, status: &str) -> Value {
    for _ in 0..200 {
        let now = order_now(shopper, order).await;
        if now["status"] == status {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the order never became {status}");
}

async fn refund(shop: &TestServer, order: &Value, body: Value) -> (StatusCode, Value) {
    let answer = client()
        .post(shop.url(&format!("/api/v1/operator/orders/{}/refund", id(order))))
        .bearer_auth(OPERATOR_TOKEN)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = answer.status();
    (status, answer.json().await.unwrap_or(Value::Null))
}

async fn operator_get(shop: &TestServer, path: &str) -> (StatusCode, Value) {
    let answer = client()
        .get(shop.url(path))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap();
    let status = answer.status();
    (status, answer.json().await.unwrap_or(Value::Null))
}

async fn history(shop: &TestServer, order: &Value) -> Value {
    let (status, body) = operator_get(
        shop,
        &format!("/api/v1/operator/orders/{}/payments", id(order)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn psp_refunded(psp: &Psp, shop: &TestServer, order: &Value) -> i64 {
    let payment_id = current_payment_id(shop, id(order)).await;
    psp.payment(&payment_id).await["refunded_amount"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn the_history_lists_a_refused_attempt_then_the_authorized_card_then_its_capture() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "historique@exemple.fr").await;
    let total = total(&order);
    // Google Pay refused: the card is offered again, on a fresh page.
    let refused = pay_with_google_pay(&mut shopper, &order, "insufficient_funds").await;
    assert!(
        refused.body["payment"]["hosted_page_url"].is_string(),
        "{:?}",
        refused.body
    );
    let paid = pay(&psp, &refused.body, "4242 4242 4242 4242").await;
    assert_eq!(paid["status"], "authorized", "{paid}");
    let authorized = until_status(&mut shopper, &order, "authorized").await;
    // Before shipment the shopper sees the card and what it holds.
    let payment = &authorized["payment"];
    assert_eq!(payment["method"], "card");
    assert_eq!(payment["brand"], "visa");
    assert_eq!(payment["last4"], "4242");
    assert_eq!(payment["authorized"]["cents"], total);
    assert_eq!(payment["debited"], false);
    assert_eq!(payment["debited_at"], Value::Null);

    let before = history(&shop, &order).await;
    let payments = before["payments"].as_array().unwrap();
    assert_eq!(payments.len(), 3, "{before}");
    assert_eq!(payments[0]["method"], "card");
    assert_eq!(payments[0]["status"], "authorized");
    assert_eq!(payments[0]["authorized"]["cents"], total);
    assert_eq!(payments[0]["captured"]["cents"], 0);
    assert_eq!(payments[0]["brand"], "visa");
    assert_eq!(payments[0]["initiator"], "shopper");
    assert!(payments[0]["authorization_expires_at"].is_i64());
    assert_eq!(payments[1]["method"], "google_pay");
    assert_eq!(payments[1]["decline"], "insufficient_funds", "{before}");
    assert_eq!(payments[1]["captured"]["cents"], 0);
    // The first card page, closed when the wallet was tried.
    assert_eq!(payments[2]["method"], "card");
    assert_eq!(payments[2]["status"], "cancelled", "{before}");
    let attempts: Vec<i64> = payments
        .iter()
        .map(|p| p["attempt"].as_i64().unwrap())
        .collect();
    assert!(attempts.windows(2).all(|w| w[0] > w[1]), "{attempts:?}");

    let shipped: Value = operator(&shop, &order, "ship").await.json().await.unwrap();
    assert_eq!(shipped["status"], "shipped");
    let after = history(&shop, &order).await;
    let captured = &after["payments"][0];
    assert_eq!(captured["status"], "captured", "{after}");
    assert_eq!(captured["captured"]["cents"], total);
    assert_eq!(captured["authorized"]["cents"], 0);
    assert_eq!(after["refunds"], json!([]));
    // After shipment: debited, and when; nothing held any more.
    let now = order_now(&mut shopper, &order).await;
    assert_eq!(now["payment"]["debited"], true);
    assert!(now["payment"]["debited_at"].is_i64(), "{now}");
    assert_eq!(now["payment"]["authorized"], Value::Null);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_wallet_order_is_refunded_in_parts_with_reasons_and_never_beyond_what_was_paid() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "parts@exemple.fr").await;
    let total = total(&order);
    let paid = pay_with_google_pay(&mut shopper, &order, "approve").await;
    assert_eq!(paid.body["status"], "paid", "{:?}", paid.body);
    assert_eq!(paid.body["payment"]["authorized"], Value::Null);
    assert!(paid.body["payment"]["debited_at"].is_i64());

    // A reason is required, and never more than is left.
    let (status, body) = refund(&shop, &order, json!({"amount_cents": 500})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = refund(&shop, &order, json!({"amount_cents": 500, "reason": "  "})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "invalid_refund_reason");
    let (status, body) = refund(
        &shop,
        &order,
        json!({"amount_cents": total + 1, "reason": "trop"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "refund_too_large");

    let (status, part) = refund(
        &shop,
        &order,
        json!({"amount_cents": 500, "reason": "Geste commercial : couleurs ternes"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{part}");
    assert_eq!(
        part["status"], "paid",
        "a partial refund is no cancellation"
    );
    assert_eq!(part["payment"]["refunded"]["cents"], 500);
    assert_eq!(psp_refunded(&psp, &shop, &order).await, 500);

    let (status, rest) = refund(&shop, &order, json!({"reason": "Annulée par téléphone"})).await;
    assert_eq!(status, StatusCode::OK, "{rest}");
    assert_eq!(rest["payment"]["refunded"]["cents"], total);
    assert_eq!(psp_refunded(&psp, &shop, &order).await, total);

    let (status, body) = refund(&shop, &order, json!({"reason": "encore"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(psp_refunded(&psp, &shop, &order).await, total);

    let record = history(&shop, &order).await;
    let refunds = record["refunds"].as_array().unwrap();
    assert_eq!(refunds.len(), 2, "{record}");
    assert_eq!(refunds[0]["number"], 2);
    assert_eq!(refunds[0]["amount"]["cents"], total - 500);
    assert_eq!(refunds[0]["reason"], "Annulée par téléphone");
    assert_eq!(refunds[1]["number"], 1);
    assert_eq!(refunds[1]["amount"]["cents"], 500);
    assert_eq!(refunds[1]["reason"], "Geste commercial : couleurs ternes");
    assert!(refunds[1]["refunded_at"].is_i64());
    let wallet = &record["payments"][0];
    assert_eq!(wallet["method"], "google_pay");
    assert_eq!(wallet["status"], "refunded", "{record}");
    assert_eq!(wallet["captured"]["cents"], total);
    assert_eq!(wallet["refunded"]["cents"], total);
    drop(psp);
    shop.stop().await;
}

/// A wallet order paid through a PSP proxy that loses the answer to the
/// first refund, after the PSP made it.
async fn paid_losing_one_refund_answer(email: &str) -> (TestServer, Psp, Value) {
    let faults = Faults::new(vec![Fault {
        suffix: "/refund",
        reads: false,
        when: When::AfterForwarding,
        times: 1,
    }]);
    let (shop, psp) = shop_and_faulty_psp(false, faults).await;
    let (mut shopper, order) = ordered(&shop, email).await;
    let paid = pay_with_google_pay(&mut shopper, &order, "approve").await;
    assert_eq!(paid.body["status"], "paid", "{:?}", paid.body);
    (shop, psp, order)
}

#[tokio::test]
async fn a_refund_retried_after_its_answer_was_lost_is_made_once() {
    let (shop, psp, order) = paid_losing_one_refund_answer("perte@exemple.fr").await;
    let request = json!({"amount_cents": 700, "reason": "Tirage abîmé"});
    // The PSP refunded, but its answer never came back.
    let (status, body) = refund(&shop, &order, request.clone()).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(psp_refunded(&psp, &shop, &order).await, 700);
    // The operator tries again: the same refund (number 1), replayed.
    let (status, again) = refund(&shop, &order, request).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["payment"]["refunded"]["cents"], 700);
    assert_eq!(psp_refunded(&psp, &shop, &order).await, 700, "not twice");
    let record = history(&shop, &order).await;
    assert_eq!(record["refunds"].as_array().unwrap().len(), 1, "{record}");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_refund_whose_answer_was_lost_is_completed_and_recorded_before_another_is_made() {
    let (shop, psp, order) = paid_losing_one_refund_answer("autre-montant@exemple.fr").await;
    let (status, body) = refund(
        &shop,
        &order,
        json!({"amount_cents": 700, "reason": "Tirage abîmé"}),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    // The operator, unsure, asks another amount: the earlier refund is
    // completed and recorded with its reason first, and they are told.
    let other = json!({"amount_cents": 300, "reason": "Retard de livraison"});
    let (status, body) = refund(&shop, &order, other.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(psp_refunded(&psp, &shop, &order).await, 700);
    let record = history(&shop, &order).await;
    let refunds = record["refunds"].as_array().unwrap();
    assert_eq!(refunds.len(), 1, "{record}");
    assert_eq!(refunds[0]["reason"], "Tirage abîmé");
    // Asked again knowingly, the other refund is made.
    let (status, body) = refund(&shop, &order, other).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(psp_refunded(&psp, &shop, &order).await, 1000);
    assert_eq!(
        history(&shop, &order).await["refunds"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_full_refund_retried_after_its_answer_was_lost_and_its_webhook_came_is_made_once() {
    let faults = Faults::new(vec![Fault {
        suffix: "/refund",
        reads: false,
        when: When::AfterForwarding,
        times: 1,
    }]);
    // Webhooks on: the refund's news reaches the shop before the retry.
    let (shop, psp) = shop_and_faulty_psp(true, faults).await;
    let (mut shopper, order) = ordered(&shop, "perte-totale@exemple.fr").await;
    let paid = pay_with_google_pay(&mut shopper, &order, "approve").await;
    assert_eq!(paid.body["status"], "paid", "{:?}", paid.body);
    let request = json!({"reason": "Commande perdue par le transporteur"});
    let (status, body) = refund(&shop, &order, request.clone()).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(psp_refunded(&psp, &shop, &order).await, total(&order));
    // The webhook has told the shop the money went back.
    until_status(&mut shopper, &order, "cancelled").await;
    let (status, again) = refund(&shop, &order, request).await;
    assert_eq!(status, StatusCode::OK, "the same refund, replayed: {again}");
    assert_eq!(
        psp_refunded(&psp, &shop, &order).await,
        total(&order),
        "not twice"
    );
    let record = history(&shop, &order).await;
    let refunds = record["refunds"].as_array().unwrap();
    assert_eq!(refunds.len(), 1, "{record}");
    assert_eq!(refunds[0]["amount"]["cents"], total(&order));
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_shipped_card_order_refunded_in_full_stays_shipped() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "expedie@exemple.fr").await;
    let total = total(&order);
    pay(&psp, &order, "4242 4242 4242 4242").await;
    until_status(&mut shopper, &order, "authorized").await;
    // Not debited yet: nothing to give back (cancelling releases it).
    let (status, body) = refund(&shop, &order, json!({"reason": "trop tôt"})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let shipped: Value = operator(&shop, &order, "ship").await.json().await.unwrap();
    assert_eq!(shipped["status"], "shipped");
    let (status, refunded) = refund(&shop, &order, json!({"reason": "Colis perdu"})).await;
    assert_eq!(status, StatusCode::OK, "{refunded}");
    assert_eq!(refunded["status"], "shipped");
    assert_eq!(refunded["payment"]["refunded"]["cents"], total);
    // The webhooks of capture and refund change nothing of that.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let seen = order_now(&mut shopper, &order).await;
    assert_eq!(seen["status"], "shipped", "{seen}");
    assert_eq!(seen["payment"]["debited"], true);
    assert_eq!(seen["payment"]["refunded"]["cents"], total);
    assert!(seen["payment"]["debited_at"].is_i64());
    assert_eq!(psp_refunded(&psp, &shop, &order).await, total);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn operators_list_every_order_by_status_and_page() {
    let (shop, psp) = shop_and_psp(false).await;
    let mut orders = Vec::new();
    for email in ["un@exemple.fr", "deux@exemple.fr", "trois@exemple.fr"] {
        let (_, order) = ordered(&shop, email).await;
        orders.push(order);
    }
    let cancelled: Value = operator(&shop, &orders[1], "cancel")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(cancelled["status"], "cancelled");

    let (status, all) = operator_get(&shop, "/api/v1/operator/orders").await;
    assert_eq!(status, StatusCode::OK, "{all}");
    assert_eq!(all["total"], 3);
    assert_eq!(all["page"], 1);
    let listed = all["orders"].as_array().unwrap();
    assert_eq!(listed.len(), 3);
    let created: Vec<i64> = listed
        .iter()
        .map(|o| o["created_at"].as_i64().unwrap())
        .collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]), "newest first");
    for order in &orders {
        assert!(listed.iter().any(|o| o["id"] == order["id"]));
    }

    let (_, first) = operator_get(&shop, "/api/v1/operator/orders?per_page=2&page=1").await;
    let (_, second) = operator_get(&shop, "/api/v1/operator/orders?per_page=2&page=2").await;
    assert_eq!(first["orders"].as_array().unwrap().len(), 2);
    assert_eq!(second["orders"].as_array().unwrap().len(), 1);
    assert_eq!(second["total"], 3);
    assert_eq!(second["per_page"], 2);
    let mut paged: Vec<Value> = first["orders"].as_array().unwrap().clone();
    paged.extend(second["orders"].as_array().unwrap().iter().cloned());
    let ids: Vec<&Value> = paged.iter().map(|o| &o["id"]).collect();
    let all_ids: Vec<&Value> = listed.iter().map(|o| &o["id"]).collect();
    assert_eq!(ids, all_ids, "pages follow one another");
    let (_, capped) = operator_get(&shop, "/api/v1/operator/orders?per_page=1000").await;
    assert_eq!(capped["per_page"], 100);

    let (_, only) = operator_get(&shop, "/api/v1/operator/orders?status=cancelled").await;
    assert_eq!(only["total"], 1);
    assert_eq!(only["orders"][0]["id"], orders[1]["id"]);
    let (_, unpaid) = operator_get(&shop, "/api/v1/operator/orders?status=awaiting_payment").await;
    assert_eq!(unpaid["total"], 2);

    // The expiring authorizations, as this route answered before.
    let (status, at_risk) = operator_get(&shop, "/api/v1/operator/orders?status=at_risk").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(at_risk["orders"], json!([]));
    assert!(at_risk["warning_seconds"].is_i64());

    let (status, _) = operator_get(&shop, "/api/v1/operator/orders?status=payable").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, body) = operator_get(&shop, "/api/v1/operator/orders?page=deux").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "invalid_json", "{body}");
    let anonymous = client()
        .get(shop.url("/api/v1/operator/orders"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    drop(psp);
    shop.stop().await;
}

/// `ordered`, with the shopper's consent that the PSP keeps the card.
async fn ordered_keeping_card<'a>(shop: &'a TestServer, email: &str) -> (Shopper<'a>, Value) {
    let mut shopper = Shopper::signed_up(shop, email).await;
    let choice = json!({"product_id": "poster", "format_id": "50x70", "quantity": 1});
    shopper
        .put(
            "/api/v1/projects/phare",
            json!({"name": "Le phare", "choice": choice, "photo_ids": ["p1"]}),
        )
        .await;
    let uploaded = shopper
        .send_bytes(
            reqwest::Method::PUT,
            "/api/v1/projects/phare/photos/p1",
            "image/png",
            support::png(40, 30, 80),
        )
        .await;
    assert_eq!(uploaded.status, StatusCode::OK);
    let cart = json!({"lines": [{"project_id": "phare", "project_name": "Le phare", "choice": choice, "copies": 1}]});
    assert_eq!(
        shopper.put("/api/v1/cart", cart).await.status,
        StatusCode::OK
    );
    let response = client()
        .post(shop.url("/api/v1/orders"))
        .header("origin", &shop.base)
        .header("cookie", shopper.cookie.clone().unwrap())
        .header("Idempotency-Key", format!("key-{email}"))
        .json(
            &json!({"delivery_address": {"name": "Camille Martin", "street": "12 rue des Lilas",
            "postcode": "35000", "city": "Rennes", "country": "FR", "phone": "0612345678"},
            "delivery_option_id": "standard", "accepted_terms": shop_api::order::TERMS_VERSION,
            "keep_card": true}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let order = response.json().await.unwrap();
    (shopper, order)
}

#[tokio::test]
async fn a_reauthorization_on_the_stored_card_is_a_merchant_payment_in_the_history() {
    let (shop, psp) = shop_and_psp(false).await;
    let (mut shopper, order) = ordered_keeping_card(&shop, "garde@exemple.fr").await;
    let total = total(&order);
    pay(&psp, &order, "4242 4242 4242 4242").await;
    until_status(&mut shopper, &order, "authorized").await;
    let first = current_payment_id(&shop, id(&order)).await;
    // The shop's renewal pass, as the reconciler runs it, a week on.
    let db = shop.database().await;
    let sandbox =
        shop_server::payments::sandbox::Sandbox::new(&psp.base, support::psp::MERCHANT_SECRET)
            .unwrap();
    let catalogue = shop_server::catalogue::cache::CatalogueCache::load(&db)
        .await
        .unwrap();
    let letters = shop_server::mail::letters::Letters::new("http://127.0.0.1", catalogue);
    let orders = shop_server::orders::Orders {
        db: &db,
        psp: &sandbox,
        letters: &letters,
    };
    let week_on = shop_server::accounts::now() + 7 * 24 * 3600;
    let renewals = orders.reauthorize_due(week_on).await.unwrap();
    assert_eq!(renewals.len(), 1, "{renewals:?}");
    let record = history(&shop, &order).await;
    let payments = record["payments"].as_array().unwrap();
    assert_eq!(payments.len(), 2, "{record}");
    assert_eq!(payments[0]["initiator"], "merchant");
    assert_eq!(payments[0]["status"], "authorized");
    assert_eq!(payments[0]["authorized"]["cents"], total);
    assert_eq!(payments[1]["payment_id"], first.as_str());
    assert_eq!(payments[1]["initiator"], "shopper");
    assert_eq!(payments[1]["status"], "cancelled", "the old hold is voided");
    assert_eq!(payments[1]["authorized"]["cents"], 0);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_payment_record_with_an_unknown_word_is_an_error() {
    let (shop, psp) = shop_and_psp(false).await;
    let (_, order) = ordered(&shop, "mot@exemple.fr").await;
    let opened = history(&shop, &order).await;
    assert_eq!(
        opened["payments"][0]["status"], "awaiting_shopper",
        "{opened}"
    );
    assert_eq!(opened["payments"][0]["attempt"], 1);
    let db = shop.raw_database().await;
    sqlx::query("UPDATE order_payments SET status = 'pending' WHERE order_id = $1")
        .bind(id(&order))
        .execute(&db)
        .await
        .unwrap();
    db.close().await;
    let (status, _) = operator_get(
        &shop,
        &format!("/api/v1/operator/orders/{}/payments", id(&order)),
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_cancellation_refunds_what_is_left_and_says_so_in_the_history() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "annule@exemple.fr").await;
    let total = total(&order);
    let paid = pay_with_google_pay(&mut shopper, &order, "approve").await;
    assert_eq!(paid.body["status"], "paid", "{:?}", paid.body);
    let (status, _) = refund(
        &shop,
        &order,
        json!({"amount_cents": 300, "reason": "Retard"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let cancelled: Value = operator(&shop, &order, "cancel")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(cancelled["status"], "cancelled", "{cancelled}");
    assert_eq!(cancelled["payment"]["refunded"]["cents"], total);
    let record = history(&shop, &order).await;
    let refunds = record["refunds"].as_array().unwrap();
    assert_eq!(refunds.len(), 2, "{record}");
    assert_eq!(refunds[0]["number"], 2);
    assert_eq!(refunds[0]["amount"]["cents"], total - 300);
    assert_eq!(refunds[0]["reason"], "Commande annulée");
    assert_eq!(psp_refunded(&psp, &shop, &order).await, total);
    drop(psp);
    shop.stop().await;
}
