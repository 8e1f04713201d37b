//! Card payments through the real PSP sandbox (started in-process on its
//! own port, with its webhooks pointed at the shop): authorization empties
//! the cart, declines let the shopper try again, shipping captures, a
//! cancellation voids, a lost webhook is made up for by a poll, replayed
//! and out-of-order events change nothing, and an expired authorization is
//! not lost.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shop_server::payments::webhook;
use std::time::Duration;

mod support;
use support::psp::{MERCHANT_SECRET, operator, ordered, pay, shop_and_psp, signed_event};
use support::{OPERATOR_TOKEN, Shopper, TestServer, WEBHOOK_SECRET, client};

async fn order_now(shopper: &mut Shopper<'_>, order: &Value) -> Value {
    shopper
        .get(&format!("/api/v1/orders/{}", order["id"].as_str().unwrap()))
        .await
        .body
}

/// Waits for the webhook to bring the order to `status` without polling
/// the PSP: reads the stored order through the operator list or the
/// shopper's list (which do not ask the PSP).
async fn until_listed(shopper: &mut Shopper<'_>, order: &Value, status: &str) {
    for _ in 0..200 {
        let list = shopper.get("/api/v1/orders").await.body["items"].clone();
        if list
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["id"] == order["id"] && o["status"] == status)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the order never became {status}");
}

#[tokio::test]
async fn authorized_by_webhook_then_shipped_means_debited() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "paye@exemple.fr").await;
    assert!(
        order["payment"]["hosted_page_url"]
            .as_str()
            .unwrap()
            .starts_with(&psp.base)
    );
    assert_eq!(
        pay(&psp, &order, "4242 4242 4242 4242").await["status"],
        "authorized"
    );
    // The webhook alone moves the order (the list never asks the PSP).
    until_listed(&mut shopper, &order, "authorized").await;
    let authorized = order_now(&mut shopper, &order).await;
    assert_eq!(authorized["payment"]["debited"], false);
    assert_eq!(authorized["payment"]["hosted_page_url"], Value::Null);
    // The cart is emptied once the payment is authorized, not before.
    assert_eq!(shopper.get("/api/v1/cart").await.body["lines"], json!([]));

    assert_eq!(
        operator(&shop, &order, "production").await.status(),
        StatusCode::OK
    );
    let shipped: Value = operator(&shop, &order, "ship").await.json().await.unwrap();
    assert_eq!(shipped["status"], "shipped");
    assert_eq!(shipped["payment"]["debited"], true);
    // At the PSP: captured, for the order's total.
    let at_psp: Value = client()
        .get(format!(
            "{}/v1/payments/{}",
            psp.base,
            order["payment"]["hosted_page_url"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        ))
        .bearer_auth(MERCHANT_SECRET)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(at_psp["status"], "captured");
    assert_eq!(at_psp["captured_amount"], order["totals"]["total"]["cents"]);
    // Shipping twice does not capture twice.
    assert_eq!(
        operator(&shop, &order, "ship").await.status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        operator(&shop, &order, "deliver").await.status(),
        StatusCode::OK
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_declined_card_keeps_the_order_and_cart_and_another_card_succeeds() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "refus@exemple.fr").await;
    assert_eq!(
        pay(&psp, &order, "4000 0000 0000 9995").await["status"],
        "declined"
    );
    until_listed(&mut shopper, &order, "payment_failed").await;
    let failed = order_now(&mut shopper, &order).await;
    assert_eq!(failed["payment"]["last_decline"], "insufficient_funds");
    assert!(failed["payment"]["hosted_page_url"].is_string());
    assert_eq!(
        shopper.get("/api/v1/cart").await.body["lines"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        pay(&psp, &order, "5555 5555 5555 4444").await["status"],
        "authorized"
    );
    until_listed(&mut shopper, &order, "authorized").await;
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_lost_webhook_is_made_up_for_by_asking_the_psp() {
    let (shop, psp) = shop_and_psp(false).await;
    let (mut shopper, order) = ordered(&shop, "perdu@exemple.fr").await;
    pay(&psp, &order, "4242 4242 4242 4242").await;
    // No webhook will come: the stored order still awaits payment…
    let listed = shopper.get("/api/v1/orders").await.body["items"].clone();
    assert_eq!(listed[0]["status"], "awaiting_payment");
    // …until the storefront asks for it, and the server asks the PSP.
    assert_eq!(
        order_now(&mut shopper, &order).await["status"],
        "authorized"
    );
    assert_eq!(shopper.get("/api/v1/cart").await.body["lines"], json!([]));
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn cancelling_before_shipment_voids_the_authorization() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "annule@exemple.fr").await;
    pay(&psp, &order, "4242 4242 4242 4242").await;
    until_listed(&mut shopper, &order, "authorized").await;
    let id = order["id"].as_str().unwrap();
    let cancelled = shopper
        .post(&format!("/api/v1/orders/{id}/cancel"), json!({}))
        .await;
    assert_eq!(
        cancelled.body["status"], "cancelled",
        "{:?}",
        cancelled.body
    );
    assert_eq!(cancelled.body["payment"]["debited"], false);
    assert_eq!(
        operator(&shop, &order, "ship").await.status(),
        StatusCode::CONFLICT
    );
    drop(psp);
    shop.stop().await;
}

/// A correctly signed event about the order's own payment, as a sandbox
/// with a leaked (or default) webhook secret would let anyone send.
#[tokio::test]
async fn news_of_another_amount_currency_or_order_is_held_for_review_and_never_pays() {
    // No webhooks from the sandbox, and the card never typed: only the
    // forged events below speak of this payment.
    let (shop, psp) = shop_and_psp(false).await;
    let (mut shopper, order) = ordered(&shop, "controle@exemple.fr").await;
    let order_id = order["id"].as_str().unwrap();
    let payment_id = order["payment"]["hosted_page_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let total = order["totals"]["total"]["cents"].as_i64().unwrap();
    let authorized = |amount: i64, currency: &str, reference: &str| {
        json!({"id": payment_id, "status": "authorized", "amount": amount, "currency": currency,
               "merchant_reference": reference, "authorization_expires_at": 2_100_000_000_i64,
               "created_at": 2_000_000_000_i64, "updated_at": 2_000_000_000_i64})
    };
    for (event, payment, reason) in [
        ("evt_cheap", authorized(1, "EUR", order_id), "amount"),
        (
            "evt_dollars",
            authorized(total, "USD", order_id),
            "currency",
        ),
        (
            "evt_other",
            authorized(total, "EUR", "une-autre-commande"),
            "reference",
        ),
    ] {
        // Accepted (the PSP must not retry it for ever), not applied.
        assert_eq!(signed_event(&shop, event, payment).await, StatusCode::OK);
        let seen: Value = client()
            .get(shop.url("/api/v1/operator/payment-holds"))
            .bearer_auth(OPERATOR_TOKEN)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let holds = seen["holds"].as_array().unwrap();
        assert!(
            holds.iter().any(|h| h["order_id"] == order_id
                && h["payment_id"] == payment_id.as_str()
                && h["reason"].as_str().unwrap().contains(reason)),
            "{seen}"
        );
    }
    let listed: Value = client()
        .get(shop.url("/api/v1/operator/payment-holds"))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed["holds"].as_array().unwrap().len(), 3);
    // Still unpaid as stored (the list does not ask the PSP), and as the
    // PSP sees it when the order page asks.
    let list = shopper.get("/api/v1/orders").await.body["items"].clone();
    assert_eq!(list[0]["status"], "awaiting_payment");
    assert_eq!(
        order_now(&mut shopper, &order).await["status"],
        "awaiting_payment"
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn paying_empties_only_the_cart_lines_the_order_was_made_from() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "panier-suite@exemple.fr").await;
    // After ordering, the shopper goes on shopping: another project, and
    // a second copy of the ordered poster.
    let poster = json!({"product_id": "poster", "format_id": "50x70", "quantity": 1});
    let prints = json!({"product_id": "tirages", "format_id": "10x15", "quantity": 3});
    let cart = json!({"lines": [
        {"project_id": "phare", "project_name": "Le phare", "choice": poster, "copies": 3},
        {"project_id": "vacances", "project_name": "Vacances", "choice": prints, "copies": 1},
    ]});
    let stored = shopper.put("/api/v1/cart", cart).await;
    assert_eq!(stored.status, StatusCode::OK, "{:?}", stored.body);
    pay(&psp, &order, "4242 4242 4242 4242").await;
    until_listed(&mut shopper, &order, "authorized").await;
    // The cart is trimmed by the same transaction that changes the status.
    let left = shopper.get("/api/v1/cart").await.body;
    let lines = left["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2, "{left}");
    // The ordered copy is gone from the poster's line, the rest stays.
    assert_eq!(lines[0]["project_id"], "phare");
    assert_eq!(lines[0]["copies"], 2);
    assert_eq!(lines[1]["project_id"], "vacances");
    assert_eq!(lines[1]["copies"], 1);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn replayed_and_stale_events_change_nothing() {
    let (shop, psp) = shop_and_psp(false).await;
    let (mut shopper, order) = ordered(&shop, "rejoue@exemple.fr").await;
    pay(&psp, &order, "4242 4242 4242 4242").await;
    assert_eq!(
        order_now(&mut shopper, &order).await["status"],
        "authorized"
    );
    let payment_id = order["payment"]["hosted_page_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    // A refusal of an earlier card, delivered late and signed correctly.
    let stale = serde_json::to_vec(&json!({
        "id": "evt_late", "type": "payment.declined", "created_at": 1,
        "payment": {"id": payment_id, "status": "declined", "amount": 1, "currency": "EUR",
                    "decline_code": "card_declined", "created_at": 1, "updated_at": 1}
    }))
    .unwrap();
    let now = shop_server::accounts::now();
    for _ in 0..2 {
        let answer = client()
            .post(shop.url("/api/v1/psp/webhooks"))
            .header(
                "PSP-Signature",
                webhook::sign(&stale, WEBHOOK_SECRET.as_bytes(), now),
            )
            .body(stale.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
    }
    let after = order_now(&mut shopper, &order).await;
    assert_eq!(after["status"], "authorized");
    assert_eq!(after["payment"]["last_decline"], Value::Null);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn an_order_whose_authorization_lapsed_can_be_cancelled_before_and_after_paying_again() {
    let (shop, psp) = shop_and_psp(true).await;
    // Lapsed, then cancelled by the shopper: the PSP has nothing to void.
    let (mut first, order) = ordered(&shop, "expire-annule@exemple.fr").await;
    pay(&psp, &order, "4242 4242 4242 4242").await;
    until_listed(&mut first, &order, "authorized").await;
    assert_eq!(psp.advance_clock(8 * 24 * 3600).await, StatusCode::OK);
    assert_eq!(
        order_now(&mut first, &order).await["status"],
        "payment_expired"
    );
    let id = order["id"].as_str().unwrap();
    let cancelled = first
        .post(&format!("/api/v1/orders/{id}/cancel"), json!({}))
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{:?}", cancelled.body);
    assert_eq!(cancelled.body["status"], "cancelled");
    assert_eq!(cancelled.body["payment"]["debited"], false);

    // Lapsed, "payer de nouveau" opened a new payment, then cancelled: the
    // new payment is voided and the order ends cancelled, not stuck.
    let (mut second, order) = ordered(&shop, "expire-reessaie@exemple.fr").await;
    pay(&psp, &order, "4242 4242 4242 4242").await;
    until_listed(&mut second, &order, "authorized").await;
    assert_eq!(psp.advance_clock(8 * 24 * 3600).await, StatusCode::OK);
    assert_eq!(
        order_now(&mut second, &order).await["status"],
        "payment_expired"
    );
    let id = order["id"].as_str().unwrap();
    let again = second
        .post(&format!("/api/v1/orders/{id}/payment"), json!({}))
        .await;
    assert_eq!(again.status, StatusCode::OK, "{:?}", again.body);
    let cancelled = second
        .post(&format!("/api/v1/orders/{id}/cancel"), json!({}))
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{:?}", cancelled.body);
    assert_eq!(cancelled.body["status"], "cancelled");
    let new_payment = again.body["payment"]["hosted_page_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    let at_psp: Value = client()
        .get(format!("{}/v1/payments/{new_payment}", psp.base))
        .bearer_auth(MERCHANT_SECRET)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(at_psp["status"], "cancelled", "{at_psp}");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn an_authorization_that_lapses_before_shipment_is_paid_again() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "expire@exemple.fr").await;
    pay(&psp, &order, "4242 4242 4242 4242").await;
    until_listed(&mut shopper, &order, "authorized").await;
    // Operators see it as at risk well before it lapses… (7 days ahead:
    // not yet within 48 h).
    let at_risk = |shop: &TestServer| {
        client()
            .get(shop.url("/api/v1/operator/orders?status=at_risk"))
            .bearer_auth(OPERATOR_TOKEN)
            .send()
    };
    let listed: Value = at_risk(&shop).await.unwrap().json().await.unwrap();
    assert_eq!(listed["orders"], json!([]));
    assert_eq!(psp.advance_clock(8 * 24 * 3600).await, StatusCode::OK);
    // Shipping now fails like a real PSP would, and the order says so.
    assert_eq!(
        operator(&shop, &order, "ship").await.status(),
        StatusCode::CONFLICT
    );
    let expired = order_now(&mut shopper, &order).await;
    assert_eq!(expired["status"], "payment_expired");
    assert_eq!(expired["payment"]["debited"], false);
    // The shopper pays again: a new payment for the same order.
    let id = order["id"].as_str().unwrap();
    let again = shopper
        .post(&format!("/api/v1/orders/{id}/payment"), json!({}))
        .await;
    let page = again.body["payment"]["hosted_page_url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(page, order["payment"]["hosted_page_url"].as_str().unwrap());
    let mut renewed = order.clone();
    renewed["payment"]["hosted_page_url"] = json!(page);
    assert_eq!(
        pay(&psp, &renewed, "4242 4242 4242 4242").await["status"],
        "authorized"
    );
    let now = order_now(&mut shopper, &order).await;
    let new_id = page.rsplit('/').next().unwrap();
    let at_psp: Value = client()
        .get(format!("{}/v1/payments/{new_id}", psp.base))
        .bearer_auth(MERCHANT_SECRET)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(now["status"], "authorized", "{now:#} {at_psp:#}");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn an_unknown_status_in_the_database_is_an_error_not_a_payable_order() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "inconnu@exemple.fr").await;
    let id = order["id"].as_str().unwrap();
    let db = shop.raw_database().await;
    sqlx::query("UPDATE orders SET status = 'awaiting' WHERE id = $1")
        .bind(id)
        .execute(&db)
        .await
        .unwrap();
    db.close().await;
    let read = shopper.get(&format!("/api/v1/orders/{id}")).await;
    assert_eq!(read.status, StatusCode::INTERNAL_SERVER_ERROR);
    let paid = pay(&psp, &order, "4242424242424242").await;
    assert_eq!(paid["status"], "authorized");
    let again = shopper.get(&format!("/api/v1/orders/{id}")).await;
    assert_eq!(
        again.status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "never read as payable, never applied"
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_second_order_of_the_same_cart_replaces_the_unpaid_first_so_it_cannot_be_paid_twice() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, first) = ordered(&shop, "deux-onglets@exemple.fr").await;
    // The shopper ordered in one tab, left it unpaid, and orders the same
    // cart again in another (another idempotency key).
    let again = client()
        .post(shop.url("/api/v1/orders"))
        .header("origin", &shop.base)
        .header("cookie", shopper.cookie.clone().unwrap())
        .header("Idempotency-Key", "autre-onglet")
        .json(
            &json!({"delivery_address": {"name": "Camille Martin", "street": "12 rue des Lilas",
            "postcode": "35000", "city": "Rennes", "country": "FR", "phone": "0612345678"},
            "delivery_option_id": "standard", "accepted_terms": shop_api::order::TERMS_VERSION}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::CREATED);
    let second: Value = again.json().await.unwrap();
    assert_ne!(second["id"], first["id"]);
    let old = order_now(&mut shopper, &first).await;
    assert_eq!(
        old["status"], "cancelled",
        "replaced by the new order: {old:?}"
    );
    assert_eq!(old["payment"]["hosted_page_url"], Value::Null);
    // The old tab's card page no longer takes a card.
    let stale = pay(&psp, &first, "4242424242424242").await;
    assert_ne!(stale["status"], "authorized", "{stale:?}");
    let paid = pay(&psp, &second, "4242424242424242").await;
    assert_eq!(paid["status"], "authorized", "{paid:?}");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn cancelling_an_order_whose_authorization_lapsed_unheard_ends_cancelled() {
    // No webhooks, and no read since the lapse: the shop still believes the
    // order authorized when the shopper cancels.
    let (shop, psp) = shop_and_psp(false).await;
    let (mut shopper, order) = ordered(&shop, "expire-muet@exemple.fr").await;
    pay(&psp, &order, "4242 4242 4242 4242").await;
    assert_eq!(
        order_now(&mut shopper, &order).await["status"],
        "authorized"
    );
    assert_eq!(psp.advance_clock(8 * 24 * 3600).await, StatusCode::OK);
    let id = order["id"].as_str().unwrap();
    let cancelled = shopper
        .post(&format!("/api/v1/orders/{id}/cancel"), json!({}))
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{:?}", cancelled.body);
    assert_eq!(
        cancelled.body["status"], "cancelled",
        "{:?}",
        cancelled.body
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn paying_again_twice_offers_the_same_fresh_page_not_a_second_one() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "deux-fois@exemple.fr").await;
    pay(&psp, &order, "4242 4242 4242 4242").await;
    until_listed(&mut shopper, &order, "authorized").await;
    assert_eq!(psp.advance_clock(8 * 24 * 3600).await, StatusCode::OK);
    assert_eq!(
        order_now(&mut shopper, &order).await["status"],
        "payment_expired"
    );
    let id = order["id"].as_str().unwrap();
    let first = shopper
        .post(&format!("/api/v1/orders/{id}/payment"), json!({}))
        .await;
    let second = shopper
        .post(&format!("/api/v1/orders/{id}/payment"), json!({}))
        .await;
    let page = |answer: &support::Answer| answer.body["payment"]["hosted_page_url"].clone();
    assert!(page(&first).is_string(), "{:?}", first.body);
    assert_eq!(page(&first), page(&second), "one open page, not two");
    drop(psp);
    shop.stop().await;
}
