//! Stored cards through the real PSP sandbox, with the shop's adapter
//! called directly: a payment made with the shopper's consent leaves its
//! card stored once paid on the hosted page, and the shop re-authorizes
//! the same amount on it without the shopper (a later expiry), or learns
//! that the issuer refused, or that the card is gone.

use serde_json::{Value, json};
use shop_server::payments::sandbox::Sandbox;
use shop_server::payments::{
    CaptureMode, CardSummary, DeclineReason, NewCardPayment, Payment, PaymentProvider,
    PaymentStatus, ProviderError,
};

mod support;
use support::client;
use support::psp::{MERCHANT_SECRET, Psp, shop_and_psp};

const AMOUNT: i64 = 4599;

/// A manual payment made with `store_card`, paid on the hosted page with
/// `number` the way the shopper's browser does (the page's own origin).
async fn paid_storing(psp: &Psp, adapter: &Sandbox, number: &str, key: &str) -> Payment {
    let created = adapter
        .create_card_payment(
            NewCardPayment {
                amount_cents: AMOUNT,
                merchant_reference: "order-1",
                allowed_origin: "http://127.0.0.1:8080",
                description: "Commande SP-TEST-0001",
                capture_mode: CaptureMode::Manual,
                store_card: true,
            },
            key,
        )
        .await
        .unwrap();
    assert_eq!(created.stored_card_id, None, "nothing stored before paying");
    let paid: Value = client()
        .post(format!("{}/pay/{}/card", psp.base, created.id))
        .header("origin", &psp.base)
        .json(&json!({"number": number, "expiry": "12/40", "security_code": "123", "holder": "Camille Martin"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(paid["status"], "authorized", "{number}: {paid}");
    adapter.payment(&created.id).await.unwrap()
}

#[tokio::test]
async fn the_stored_card_is_reauthorized_without_the_shopper() {
    let (_shop, psp) = shop_and_psp(false).await;
    let adapter = Sandbox::new(&psp.base, MERCHANT_SECRET).unwrap();
    let first = paid_storing(&psp, &adapter, "4242 4242 4242 4242", "order-1-payment-1").await;
    assert_eq!(first.status, PaymentStatus::Authorized);
    assert_eq!(
        first.card,
        Some(CardSummary {
            brand: "visa".into(),
            last4: Some("4242".into())
        })
    );
    let stored = first.stored_card_id.clone().expect("the card is stored");
    assert!(stored.starts_with("card_"), "{stored}");

    // Six days on, before the first authorization lapses.
    assert!(psp.advance_clock(6 * 86_400).await.is_success());
    let again = adapter
        .authorize_stored_card(
            &stored,
            AMOUNT,
            "order-1",
            "Commande SP-TEST-0001",
            "order-1-reauthorization-1",
        )
        .await
        .unwrap();
    assert_eq!(again.status, PaymentStatus::Authorized);
    assert_ne!(again.id, first.id);
    assert_eq!(again.amount_cents, AMOUNT);
    assert_eq!(again.merchant_reference.as_deref(), Some("order-1"));
    assert_eq!(again.hosted_page_url, None);
    assert_eq!(again.stored_card_id.as_deref(), Some(stored.as_str()));
    assert!(
        again.authorization_expires_at.unwrap()
            >= first.authorization_expires_at.unwrap() + 6 * 86_400,
        "{again:?} {first:?}"
    );
    // A retry with the same key is the same payment, not a second one.
    let retried = adapter
        .authorize_stored_card(
            &stored,
            AMOUNT,
            "order-1",
            "Commande SP-TEST-0001",
            "order-1-reauthorization-1",
        )
        .await
        .unwrap();
    assert_eq!(retried.id, again.id);
    // The old authorization is voided; the new one is captured at shipment.
    let voided = adapter.cancel(&first.id, "order-1-void-1").await.unwrap();
    assert_eq!(voided.status, PaymentStatus::Cancelled);
    let captured = adapter.capture(&again.id, "order-1-capture").await.unwrap();
    assert_eq!(captured.status, PaymentStatus::Captured);
    assert_eq!(captured.captured_cents, AMOUNT);
}

#[tokio::test]
async fn a_refused_reauthorization_is_a_declined_payment() {
    let (_shop, psp) = shop_and_psp(false).await;
    let adapter = Sandbox::new(&psp.base, MERCHANT_SECRET).unwrap();
    let first = paid_storing(&psp, &adapter, "4000 0000 0000 0341", "order-2-payment-1").await;
    let stored = first.stored_card_id.expect("stored, though refused later");
    let refused = adapter
        .authorize_stored_card(&stored, AMOUNT, "order-2", "Commande", "order-2-reauth-1")
        .await
        .unwrap();
    assert_eq!(refused.status, PaymentStatus::Declined);
    assert_eq!(refused.decline, Some(DeclineReason::Declined));
    assert_eq!(refused.authorization_expires_at, None);
}

#[tokio::test]
async fn an_unknown_stored_card_is_not_found() {
    let (_shop, psp) = shop_and_psp(false).await;
    let adapter = Sandbox::new(&psp.base, MERCHANT_SECRET).unwrap();
    let missing = adapter
        .authorize_stored_card(
            "card_000000000000000000000000",
            AMOUNT,
            "order-3",
            "Commande",
            "order-3-reauth-1",
        )
        .await;
    assert!(
        matches!(missing, Err(ProviderError::NotFound)),
        "{missing:?}"
    );
}
