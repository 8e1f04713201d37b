//! The reconciler against the real PSP sandbox: a lost webhook is made up
//! for once the news is five minutes late, a stray authorization no live
//! order has is voided, an event for a payment the PSP does not know is
//! kept and settled, an order left unpaid for 24 hours is cancelled, and
//! one pass runs at a time (a lease row shared by every process, released
//! after a pass and taken over when its holder died). The shop's test
//! clock stands in for waiting.

use reqwest::StatusCode;
use serde_json::{Value, json};
use shop_server::payments::sandbox::Sandbox;
use shop_server::payments::{CaptureMode, NewCardPayment, PaymentProvider, Wallet};
use std::time::Duration;

mod support;
use support::psp::{MERCHANT_SECRET, Psp, current_payment_id, ordered, shop_and_psp, signed_event};
use support::{OPERATOR_TOKEN, Shopper, TestServer, client};

const LEASE: &str = "reconciler";

async fn reconcile(shop: &TestServer) -> (StatusCode, Value) {
    let response = client()
        .post(shop.url("/api/v1/operator/reconcile"))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// A pass that must succeed; answers its summary.
async fn pass(shop: &TestServer) -> Value {
    let (status, summary) = reconcile(shop).await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    summary
}

fn count(summary: &Value, kind: &str) -> i64 {
    summary["counts"][kind].as_i64().unwrap_or(0)
}

async fn report(shop: &TestServer) -> Value {
    client()
        .get(shop.url("/api/v1/operator/reconciler"))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn advance_shop_clock(shop: &TestServer, seconds: i64) {
    let response = client()
        .post(shop.url("/api/v1/test/clock"))
        .json(&json!({"advance_seconds": seconds}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

fn payment_id(order: &Value) -> String {
    order["payment"]["hosted_page_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

/// What the shopper types in the PSP's page for this payment.
async fn pay(psp: &Psp, payment_id: &str) -> Value {
    client()
        .post(format!("{}/pay/{payment_id}/card", psp.base))
        .header("origin", &psp.base)
        .json(&json!({"number": "4242 4242 4242 4242", "expiry": "12/40", "security_code": "123", "holder": "Camille Martin"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// The stored status, read without asking the PSP.
async fn listed_status(shopper: &mut Shopper<'_>, order: &Value) -> String {
    let list = shopper.get("/api/v1/orders").await.body["items"].clone();
    list.as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == order["id"])
        .map(|o| o["status"].as_str().unwrap().to_owned())
        .unwrap()
}

async fn until_listed(shopper: &mut Shopper<'_>, order: &Value, status: &str) {
    for _ in 0..200 {
        if listed_status(shopper, order).await == status {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the order never became {status}");
}

/// The shop's database, opened as another server process would.
async fn other_process(shop: &TestServer) -> shop_server::db::Database {
    shop.database().await
}

#[tokio::test]
async fn a_lost_webhook_is_made_up_for_once_the_news_is_five_minutes_late() {
    let (shop, psp) = shop_and_psp(false).await;
    let (mut shopper, order) = ordered(&shop, "tardif@exemple.fr").await;
    assert_eq!(pay(&psp, &payment_id(&order)).await["status"], "authorized");
    // No webhook comes. Fresh news is not late: a pass leaves it alone.
    let early = pass(&shop).await;
    assert_eq!(count(&early, "late_news_applied"), 0, "{early}");
    assert_eq!(
        listed_status(&mut shopper, &order).await,
        "awaiting_payment"
    );
    advance_shop_clock(&shop, 5 * 60 + 1).await;
    let late = pass(&shop).await;
    assert_eq!(count(&late, "late_news_applied"), 1, "{late}");
    assert_eq!(late["actions"][0]["order_id"], order["id"]);
    assert_eq!(
        late["actions"][0]["payment_id"],
        payment_id(&order).as_str()
    );
    assert_eq!(listed_status(&mut shopper, &order).await, "authorized");
    // As a webhook would have: the ordered lines left the cart.
    assert_eq!(shopper.get("/api/v1/cart").await.body["lines"], json!([]));
    // Operators see it; a second pass finds nothing more to do.
    let seen = report(&shop).await;
    assert!(
        seen["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["kind"] == "late_news_applied" && a["order_id"] == order["id"]),
        "{seen}"
    );
    assert_eq!(count(&pass(&shop).await, "late_news_applied"), 0);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_stray_authorization_for_an_order_paid_otherwise_is_voided_and_recorded() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "double@exemple.fr").await;
    let own = payment_id(&order);
    pay(&psp, &own).await;
    until_listed(&mut shopper, &order, "authorized").await;
    // A second payment for the same order, made outside the order (as a
    // retried request that lost its answer would), and paid.
    let adapter = Sandbox::new(&psp.base, MERCHANT_SECRET).unwrap();
    let stray = adapter
        .create_card_payment(
            NewCardPayment {
                amount_cents: order["totals"]["total"]["cents"].as_i64().unwrap(),
                merchant_reference: order["id"].as_str().unwrap(),
                allowed_origin: &shop.base,
                description: "Commande en double",
                capture_mode: CaptureMode::Manual,
                store_card: false,
            },
            "test-stray-payment",
        )
        .await
        .unwrap();
    assert_eq!(pay(&psp, &stray.id).await["status"], "authorized");
    // Its webhook is acknowledged and kept, unresolved.
    let mut kept = Value::Null;
    for _ in 0..200 {
        kept = report(&shop).await;
        if kept["stray_events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["payment_id"] == stray.id.as_str())
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let event = kept["stray_events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["payment_id"] == stray.id.as_str())
        .unwrap_or_else(|| panic!("the stray event was not kept: {kept}"))
        .clone();
    assert_eq!(event["resolved_at"], Value::Null);
    // Within its first minute it is left alone (the order may be
    // recording it at that moment).
    assert_eq!(count(&pass(&shop).await, "stray_voided"), 0);
    assert_eq!(psp.payment(&stray.id).await["status"], "authorized");

    advance_shop_clock(&shop, 61).await;
    let summary = pass(&shop).await;
    assert_eq!(count(&summary, "stray_voided"), 1, "{summary}");
    let voided = summary["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "stray_voided")
        .unwrap();
    assert_eq!(voided["payment_id"], stray.id.as_str());
    assert!(
        voided["detail"].as_str().unwrap().contains("voided"),
        "{voided}"
    );
    assert_eq!(psp.payment(&stray.id).await["status"], "cancelled");
    // The order's own payment is untouched.
    assert_eq!(psp.payment(&own).await["status"], "authorized");
    assert_eq!(listed_status(&mut shopper, &order).await, "authorized");
    let after = report(&shop).await;
    let settled = after["stray_events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event_id"] == event["event_id"])
        .unwrap()
        .clone();
    assert!(settled["resolved_at"].is_i64(), "{settled}");
    assert!(settled["resolution"].as_str().unwrap().contains("voided"));
    // Settled once: the next pass does nothing more with it.
    let again = pass(&shop).await;
    assert_eq!(count(&again, "stray_voided"), 0, "{again}");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_stray_captured_payment_for_no_order_is_refunded() {
    let (shop, psp) = shop_and_psp(true).await;
    // A wallet payment (captured at once) whose reference is no order.
    let adapter = Sandbox::new(&psp.base, MERCHANT_SECRET).unwrap();
    let stray = adapter
        .create_card_payment(
            NewCardPayment {
                amount_cents: 2500,
                merchant_reference: "aucune-commande",
                allowed_origin: &shop.base,
                description: "Sans commande",
                capture_mode: CaptureMode::Automatic,
                store_card: false,
            },
            "test-stray-wallet",
        )
        .await
        .unwrap();
    let token = json!({"type": "CARD", "info": {"cardNetwork": "VISA", "cardDetails": "4242"},
        "tokenizationData": {"type": "PAYMENT_GATEWAY", "token": "{\"sandbox\":\"approve\"}"}});
    let paid = adapter
        .pay_with_wallet(
            &stray.id,
            Wallet::GooglePay,
            &token.to_string(),
            "test-stray-wallet-pay",
        )
        .await
        .unwrap();
    assert_eq!(psp.payment(&paid.id).await["status"], "captured");
    for _ in 0..200 {
        let kept = report(&shop).await;
        if kept["stray_events"].as_array().unwrap().len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    advance_shop_clock(&shop, 61).await;
    let summary = pass(&shop).await;
    assert_eq!(count(&summary, "stray_refunded"), 1, "{summary}");
    assert_eq!(count(&summary, "stray_voided"), 0, "{summary}");
    assert_eq!(psp.payment(&stray.id).await["status"], "refunded");
    // Its events (authorized, captured) are settled together. The refund's
    // own event, kept in turn (during the pass or after it), is settled at
    // the latest by the next pass, which refunds nothing twice.
    for _ in 0..200 {
        if report(&shop).await["stray_events"]
            .as_array()
            .unwrap()
            .len()
            >= 3
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    advance_shop_clock(&shop, 61).await;
    let next = pass(&shop).await;
    assert_eq!(count(&next, "stray_refunded"), 0, "{next}");
    let settled = report(&shop).await;
    let events = settled["stray_events"].as_array().unwrap();
    assert_eq!(events.len(), 3, "{settled}");
    assert!(
        events.iter().all(|e| e["resolved_at"].is_i64()),
        "{settled}"
    );
    assert_eq!(psp.payment(&stray.id).await["refunded_amount"], 2500);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn with_the_psp_down_a_pass_journals_one_failure_and_leaves_the_rest_for_later() {
    let (shop, psp) = shop_and_psp(false).await;
    let (mut first, one) = ordered(&shop, "panne-1@exemple.fr").await;
    let (_second, _two) = ordered(&shop, "panne-2@exemple.fr").await;
    drop(psp);
    // The sandbox stops listening.
    tokio::time::sleep(Duration::from_millis(200)).await;
    advance_shop_clock(&shop, 5 * 60 + 1).await;
    let summary = pass(&shop).await;
    assert_eq!(count(&summary, "failed"), 1, "{summary}");
    assert_eq!(count(&summary, "late_news_applied"), 0, "{summary}");
    assert!(
        summary["actions"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("did not answer"),
        "{summary}"
    );
    assert_eq!(listed_status(&mut first, &one).await, "awaiting_payment");
    shop.stop().await;
}

#[tokio::test]
async fn a_server_process_runs_a_pass_as_it_starts() {
    let (shop, psp) = shop_and_psp(false).await;
    // An event kept two minutes ago, for a payment the PSP does not know.
    let db = other_process(&shop).await;
    let unknown = format!("pay_{}", "1".repeat(24));
    db.keep_stray_event("evt_avant", &unknown, shop_server::accounts::now() - 120)
        .await
        .unwrap();
    // A second server process on the same database settles it on its own
    // at start-up, without being asked.
    let data_dir = shop.data.path().to_owned();
    let database_url = shop.database_url.clone();
    let psp_base = psp.base.clone();
    let second = TestServer::start_with(move |config| {
        config.data_dir = data_dir;
        config.database_url = Some(database_url);
        config.psp_origin = psp_base;
        config.psp_merchant_secret = MERCHANT_SECRET.into();
    })
    .await;
    let mut settled = Value::Null;
    for _ in 0..200 {
        settled = report(&shop).await;
        if settled["stray_events"][0]["resolved_at"].is_i64() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(
        settled["stray_events"][0]["resolved_at"].is_i64(),
        "{settled}"
    );
    assert_eq!(settled["actions"][0]["kind"], "stray_settled");
    // No lease is left behind once it stopped.
    second.stop().await;
    assert_eq!(db.lease(LEASE).await.unwrap(), None);
    db.close().await;
    drop(psp);
    shop.stop().await;
}

/// An order whose shopper ticked "keep my card for this order".
async fn ordered_keeping_card<'a>(shop: &'a TestServer, email: &str) -> (Shopper<'a>, Value) {
    let (shopper, _) = ordered(shop, email).await;
    // `ordered` made one order already; the cart is still full (unpaid),
    // so a second order with consent is made from it.
    let response = client()
        .post(shop.url("/api/v1/orders"))
        .header("origin", &shop.base)
        .header("cookie", shopper.cookie.clone().unwrap())
        .header("Idempotency-Key", format!("keep-{email}"))
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
    let order: Value = response.json().await.unwrap();
    (shopper, order)
}

#[tokio::test]
async fn an_authorization_kept_on_file_is_renewed_by_a_pass_before_it_ends() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered_keeping_card(&shop, "garde@exemple.fr").await;
    let first = payment_id(&order);
    assert_eq!(pay(&psp, &first).await["status"], "authorized");
    until_listed(&mut shopper, &order, "authorized").await;
    // Not due yet.
    assert_eq!(count(&pass(&shop).await, "reauthorized"), 0);
    // Six and a half days later, within a day of the end.
    advance_shop_clock(&shop, 6 * 24 * 3600 + 12 * 3600).await;
    let summary = pass(&shop).await;
    assert_eq!(count(&summary, "reauthorized"), 1, "{summary}");
    let renewed = current_payment_id(&shop, order["id"].as_str().unwrap()).await;
    assert_ne!(renewed, first);
    assert_eq!(psp.payment(&renewed).await["status"], "authorized");
    assert_eq!(psp.payment(&first).await["status"], "cancelled");
    assert_eq!(listed_status(&mut shopper, &order).await, "authorized");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn an_event_for_an_unknown_payment_is_kept_and_settled_by_the_next_pass() {
    let (shop, psp) = shop_and_psp(false).await;
    let unknown = format!("pay_{}", "0".repeat(24));
    let payment = json!({"id": unknown, "status": "authorized", "amount": 1998, "currency": "EUR",
        "merchant_reference": "aucune-commande", "authorization_expires_at": 2_100_000_000_i64,
        "created_at": 2_000_000_000_i64, "updated_at": 2_000_000_000_i64});
    assert_eq!(
        signed_event(&shop, "evt_inconnu", payment.clone()).await,
        StatusCode::OK
    );
    // Delivered again: acknowledged, kept once.
    assert_eq!(
        signed_event(&shop, "evt_inconnu", payment).await,
        StatusCode::OK
    );
    let kept = report(&shop).await;
    let events = kept["stray_events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{kept}");
    assert_eq!(events[0]["event_id"], "evt_inconnu");
    assert_eq!(events[0]["payment_id"], unknown.as_str());
    assert_eq!(events[0]["resolved_at"], Value::Null);

    advance_shop_clock(&shop, 61).await;
    let summary = pass(&shop).await;
    assert_eq!(count(&summary, "stray_settled"), 1, "{summary}");
    let settled = report(&shop).await;
    let event = &settled["stray_events"][0];
    assert!(event["resolved_at"].is_i64(), "{settled}");
    assert!(
        event["resolution"]
            .as_str()
            .unwrap()
            .contains("no such payment"),
        "{event}"
    );
    assert_eq!(count(&pass(&shop).await, "stray_settled"), 0);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn an_order_left_unpaid_for_a_day_is_cancelled_and_its_psp_session_closed() {
    let (shop, psp) = shop_and_psp(false).await;
    let (mut shopper, old) = ordered(&shop, "oubli@exemple.fr").await;
    advance_shop_clock(&shop, 24 * 3600 + 1).await;
    // Made after the jump: a fresh order, not to be touched.
    let (mut other, fresh) = ordered(&shop, "recent@exemple.fr").await;
    let summary = pass(&shop).await;
    assert_eq!(count(&summary, "unpaid_cancelled"), 1, "{summary}");
    let cancelled = summary["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "unpaid_cancelled")
        .unwrap();
    assert_eq!(cancelled["order_id"], old["id"]);
    assert_eq!(listed_status(&mut shopper, &old).await, "cancelled");
    assert_eq!(psp.payment(&payment_id(&old)).await["status"], "cancelled");
    assert_eq!(listed_status(&mut other, &fresh).await, "awaiting_payment");
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn an_order_paid_but_unheard_of_is_brought_up_to_date_not_cancelled() {
    let (shop, psp) = shop_and_psp(false).await;
    let (mut shopper, order) = ordered(&shop, "paye-tard@exemple.fr").await;
    pay(&psp, &payment_id(&order)).await;
    advance_shop_clock(&shop, 24 * 3600 + 1).await;
    let summary = pass(&shop).await;
    assert_eq!(count(&summary, "unpaid_cancelled"), 0, "{summary}");
    assert_eq!(listed_status(&mut shopper, &order).await, "authorized");
    assert_eq!(
        psp.payment(&payment_id(&order)).await["status"],
        "authorized"
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn one_pass_at_a_time_the_lease_is_released_and_a_dead_holders_is_taken_over() {
    let (shop, psp) = shop_and_psp(false).await;
    let db = other_process(&shop).await;
    let now = shop_server::accounts::now();
    // Another process is reconciling: this one is refused, clearly.
    assert!(
        db.take_lease(LEASE, "other-process", now, now + 600)
            .await
            .unwrap()
    );
    let (status, refused) = reconcile(&shop).await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert_eq!(refused["error"]["code"], "reconciler_busy");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("another server process")
    );
    // Its lease was left alone.
    assert_eq!(
        db.lease(LEASE).await.unwrap().map(|(holder, _)| holder),
        Some("other-process".to_owned())
    );
    db.release_lease(LEASE, "other-process").await.unwrap();

    // Two passes asked of one process at once: the second waits for the
    // first, both succeed, and the lease is released after them.
    let (first, second) = tokio::join!(reconcile(&shop), reconcile(&shop));
    assert_eq!(first.0, StatusCode::OK, "{}", first.1);
    assert_eq!(second.0, StatusCode::OK, "{}", second.1);
    assert_eq!(db.lease(LEASE).await.unwrap(), None);

    // A process died holding the lease: once it expired, it is taken over.
    assert!(
        db.take_lease(LEASE, "dead-process", now - 700, now - 100)
            .await
            .unwrap()
    );
    pass(&shop).await;
    assert_eq!(db.lease(LEASE).await.unwrap(), None);
    // And a live holder's lease is not taken by another process either.
    assert!(
        db.take_lease(LEASE, "live-process", now, now + 600)
            .await
            .unwrap()
    );
    assert!(
        !db.take_lease(LEASE, "rival-process", now, now + 600)
            .await
            .unwrap()
    );
    db.close().await;
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn the_reconciler_routes_need_the_operator_token() {
    let shop = TestServer::start().await;
    let refused = client()
        .post(shop.url("/api/v1/operator/reconcile"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let refused = client()
        .get(shop.url("/api/v1/operator/reconciler"))
        .bearer_auth("wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    shop.stop().await;
}
