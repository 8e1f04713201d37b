//! A wallet payment whose answer is lost (the PSP timed out, answered 5xx
//! or 409 after acting): the shop resolves it with the PSP — the same call
//! again with the same idempotency key and body, then a read of the
//! payment — before it offers anything else, so a captured wallet payment
//! is never forgotten and followed by a card payment that debits again.

use reqwest::StatusCode;
use serde_json::{Value, json};

mod support;
use support::Shopper;
use support::faulty_psp::{Fault, Faults, When};
use support::psp::{current_payment_id, ordered, shop_and_faulty_psp};

async fn pay_with_google_pay(shopper: &mut Shopper<'_>, order: &Value) -> support::Answer {
    let token = json!({"type": "CARD", "info": {"cardNetwork": "VISA", "cardDetails": "4242"},
        "tokenizationData": {"type": "PAYMENT_GATEWAY", "token": json!({"sandbox": "approve"}).to_string()}})
    .to_string();
    let id = order["id"].as_str().unwrap();
    shopper
        .post(
            &format!("/api/v1/orders/{id}/wallet"),
            json!({"method": "google_pay", "token_json": token}),
        )
        .await
}

fn card_page_id(order: &Value) -> String {
    let page = order["payment"]["hosted_page_url"].as_str().unwrap();
    page.rsplit('/').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_wallet_answer_lost_after_the_psp_captured_ends_paid_with_one_debit() {
    let faults = Faults::new(vec![Fault {
        suffix: "/wallet",
        reads: false,
        when: When::AfterForwarding,
        times: 1,
    }]);
    let (shop, psp) = shop_and_faulty_psp(false, faults).await;
    let (mut shopper, order) = ordered(&shop, "perdu@exemple.fr").await;
    let card_page = card_page_id(&order);
    let paid = pay_with_google_pay(&mut shopper, &order).await;
    assert_eq!(paid.status, StatusCode::OK, "{:?}", paid.body);
    assert_eq!(paid.body["status"], "paid", "{:?}", paid.body);
    assert_eq!(paid.body["payment"]["hosted_page_url"], Value::Null);
    let id = order["id"].as_str().unwrap();
    let wallet = psp.payment(&current_payment_id(&shop, id).await).await;
    assert_eq!(wallet["status"], "captured", "{wallet:?}");
    assert_eq!(
        psp.payment(&card_page).await["status"],
        "cancelled",
        "the card page cannot be paid as well"
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn while_the_psp_cannot_tell_no_card_is_offered_and_the_wallet_payment_is_kept() {
    let faults = Faults::new(vec![
        Fault {
            suffix: "/wallet",
            reads: false,
            when: When::AfterForwarding,
            times: 10,
        },
        Fault {
            suffix: "/nothing",
            reads: true,
            when: When::BeforeForwarding,
            times: 10,
        },
    ]);
    let (shop, psp) = shop_and_faulty_psp(false, faults.clone()).await;
    let (mut shopper, order) = ordered(&shop, "incertain@exemple.fr").await;
    let unknown = pay_with_google_pay(&mut shopper, &order).await;
    assert_eq!(
        unknown.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{:?}",
        unknown.body
    );
    let id = order["id"].as_str().unwrap();
    let meanwhile = shopper.get(&format!("/api/v1/orders/{id}")).await.body;
    assert_eq!(
        meanwhile["payment"]["hosted_page_url"],
        Value::Null,
        "no card page while the wallet payment may have debited: {meanwhile:?}"
    );
    let again = shopper
        .post(&format!("/api/v1/orders/{id}/payment"), json!({}))
        .await;
    assert_eq!(again.body["payment"]["hosted_page_url"], Value::Null);
    faults.heal();
    let settled = shopper.get(&format!("/api/v1/orders/{id}")).await.body;
    assert_eq!(settled["status"], "paid", "{settled:?}");
    assert_eq!(settled["payment"]["debited"], true);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_wallet_call_that_never_reached_the_psp_leaves_the_card_on_a_fresh_page() {
    let faults = Faults::new(vec![Fault {
        suffix: "/wallet",
        reads: false,
        when: When::BeforeForwarding,
        times: 2,
    }]);
    let (shop, psp) = shop_and_faulty_psp(false, faults).await;
    let (mut shopper, order) = ordered(&shop, "jamais@exemple.fr").await;
    let id = order["id"].as_str().unwrap();
    let failed = pay_with_google_pay(&mut shopper, &order).await;
    assert_eq!(
        failed.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{:?}",
        failed.body
    );
    let now = shopper.get(&format!("/api/v1/orders/{id}")).await.body;
    assert_eq!(now["status"], "awaiting_payment", "{now:?}");
    let page = card_page_id(&now);
    assert_ne!(page, card_page_id(&order), "a fresh card page");
    assert_eq!(
        psp.payment(&page).await["status"],
        "requires_payment_method"
    );
    drop(psp);
    shop.stop().await;
}
