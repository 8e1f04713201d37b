//! Two actions on one order at once (an operator shipping while another
//! cancels, a shopper cancelling while the operator ships): every action
//! claims the order before it calls the PSP, so one wins, the other gets
//! a 409, and the money at the PSP always matches the order's status.

use reqwest::StatusCode;
use serde_json::{Value, json};

mod support;
use support::psp::{Psp, current_payment_id, operator, ordered, pay, shop_and_psp};
use support::{Shopper, TestServer};

async fn paid_by_google_pay(shopper: &mut Shopper<'_>, order: &Value) {
    let token = json!({"type": "CARD", "info": {"cardNetwork": "VISA", "cardDetails": "4242"},
        "tokenizationData": {"type": "PAYMENT_GATEWAY", "token": json!({"sandbox": "approve"}).to_string()}})
    .to_string();
    let id = order["id"].as_str().unwrap();
    let paid = shopper
        .post(
            &format!("/api/v1/orders/{id}/wallet"),
            json!({"method": "google_pay", "token_json": token}),
        )
        .await;
    assert_eq!(paid.body["status"], "paid", "{:?}", paid.body);
}

/// The order's status and its payment's status at the PSP agree.
async fn money_matches(shop: &TestServer, psp: &Psp, order: &Value) {
    let id = order["id"].as_str().unwrap();
    let payment = psp.payment(&current_payment_id(shop, id).await).await;
    let psp_status = payment["status"].as_str().unwrap();
    let order_status = order_status(shop, id).await;
    match order_status.as_str() {
        "shipped" => assert_eq!(psp_status, "captured", "shipped but {payment:?}"),
        "cancelled" => assert!(
            ["refunded", "cancelled"].contains(&psp_status),
            "cancelled but {payment:?}"
        ),
        other => panic!("unexpected order status {other}"),
    }
}

async fn order_status(shop: &TestServer, id: &str) -> String {
    let db = shop.raw_database().await;
    let (status,): (String,) = sqlx::query_as("SELECT status FROM orders WHERE id = $1")
        .bind(id)
        .fetch_one(&db)
        .await
        .unwrap();
    db.close().await;
    status
}

#[tokio::test]
async fn shipping_and_cancelling_a_paid_order_at_once_never_ship_what_was_refunded() {
    let (shop, psp) = shop_and_psp(true).await;
    for round in 0..3 {
        let (mut shopper, order) = ordered(&shop, &format!("course{round}@exemple.fr")).await;
        paid_by_google_pay(&mut shopper, &order).await;
        let (cancel, ship) = tokio::join!(
            operator(&shop, &order, "cancel"),
            operator(&shop, &order, "ship")
        );
        let statuses = [cancel.status(), ship.status()];
        assert!(
            statuses.contains(&StatusCode::OK) && statuses.contains(&StatusCode::CONFLICT),
            "one wins, the other is told it lost: {statuses:?}"
        );
        money_matches(&shop, &psp, &order).await;
    }
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_shopper_cancelling_while_the_operator_ships_gets_one_outcome() {
    let (shop, psp) = shop_and_psp(true).await;
    for round in 0..3 {
        let (mut shopper, order) = ordered(&shop, &format!("annule{round}@exemple.fr")).await;
        let paid = pay(&psp, &order, "4242424242424242").await;
        assert_eq!(paid["status"], "authorized", "{paid:?}");
        let id = order["id"].as_str().unwrap();
        // Read once: the shop asks the PSP, so the order is authorized.
        let now = shopper.get(&format!("/api/v1/orders/{id}")).await.body;
        assert_eq!(now["status"], "authorized", "{now:?}");
        let cancel_path = format!("/api/v1/orders/{id}/cancel");
        let (cancel, ship) = tokio::join!(
            shopper.post(&cancel_path, json!({})),
            operator(&shop, &order, "ship")
        );
        let statuses = [cancel.status, ship.status()];
        assert!(
            statuses.contains(&StatusCode::OK) && statuses.contains(&StatusCode::CONFLICT),
            "one wins, the other is told it lost: {statuses:?}"
        );
        money_matches(&shop, &psp, &order).await;
    }
    drop(psp);
    shop.stop().await;
}
