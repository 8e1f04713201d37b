use super::*;
use crate::cards::{self, Submission, YearMonth};

const NOW: i64 = 1_790_000_000;
const TODAY: YearMonth = YearMonth {
    year: 2026,
    month: 9,
};

fn request(capture_mode: &str) -> NewPayment {
    NewPayment {
        amount: 4599,
        currency: "EUR".into(),
        capture_mode: capture_mode.into(),
        merchant_reference: "order-1".into(),
        allowed_origin: Some("http://127.0.0.1:8080".into()),
        description: None,
        store_card: false,
        stored_card_id: None,
        initiator: None,
    }
}

fn payment(capture_mode: &str) -> Payment {
    request(capture_mode)
        .into_payment("pay_000000000000000000000000".into(), NOW)
        .unwrap()
}

fn card(number: &str) -> CheckedCard {
    let submission = Submission {
        number,
        expiry: "12/30",
        security_code: "123",
        holder: "Camille Martin",
        brand: None,
    };
    cards::check(submission, TODAY).unwrap()
}

#[test]
fn a_new_payment_is_checked() {
    let mut request = request("manual");
    request.amount = 0;
    let id = || "pay_x".to_owned();
    assert!(request.clone().into_payment(id(), NOW).is_err());
    request.amount = MAX_AMOUNT_PLUS_ONE;
    assert!(request.clone().into_payment(id(), NOW).is_err());
    request.amount = 1;
    request.allowed_origin = Some("http://a.fr/path".into());
    assert!(request.clone().into_payment(id(), NOW).is_err());
    request.allowed_origin = Some("https://a.fr".into());
    request.currency = "USD".into();
    assert!(request.clone().into_payment(id(), NOW).is_err());
    request.currency = "EUR".into();
    request.merchant_reference = "x".repeat(101);
    assert!(request.clone().into_payment(id(), NOW).is_err());
    request.merchant_reference = "x".repeat(100);
    assert!(request.into_payment(id(), NOW).is_ok());
}

const MAX_AMOUNT_PLUS_ONE: i64 = new::MAX_AMOUNT + 1;

#[test]
fn authorize_capture_partially_then_refund_in_two_steps() {
    let mut p = payment("manual");
    assert_eq!(
        p.submit_card(&card("4242424242424242"), NOW, 7),
        Ok(vec![EventType::Authorized])
    );
    assert_eq!(p.authorization_expires_at, Some(NOW + 7 * 86_400));
    assert_eq!(p.capture(Some(4600)), Err(PaymentError::AmountTooLarge));
    assert_eq!(p.capture(Some(4000)), Ok(vec![EventType::Captured]));
    assert_eq!(p.capture(None), Err(PaymentError::InvalidState));
    assert_eq!(p.refund(Some(4001)), Err(PaymentError::AmountTooLarge));
    assert_eq!(p.refund(Some(1000)), Ok(vec![EventType::Refunded]));
    assert_eq!(p.status, Status::PartiallyRefunded);
    assert_eq!(p.refund(None), Ok(vec![EventType::Refunded]));
    assert_eq!((p.status, p.refunded_amount), (Status::Refunded, 4000));
    assert_eq!(p.cancel(), Err(PaymentError::InvalidState));
}

#[test]
fn automatic_capture_follows_authorization() {
    let mut p = payment("automatic");
    assert_eq!(
        p.submit_card(&card("5555555555554444"), NOW, 7),
        Ok(vec![EventType::Authorized, EventType::Captured])
    );
    assert_eq!((p.status, p.captured_amount), (Status::Captured, 4599));
}

#[test]
fn a_declined_payment_takes_another_card() {
    let mut p = payment("manual");
    p.submit_card(&card("4000000000009995"), NOW, 7).unwrap();
    assert_eq!(p.status, Status::Declined);
    assert_eq!(p.decline_code, Some(DeclineCode::InsufficientFunds));
    p.submit_card(&card("4242424242424242"), NOW, 7).unwrap();
    assert_eq!((p.status, p.decline_code), (Status::Authorized, None));
    assert_eq!(
        p.submit_card(&card("4242424242424242"), NOW, 7),
        Err(PaymentError::InvalidState)
    );
}

#[test]
fn challenges_pass_with_the_code_or_never() {
    let mut p = payment("manual");
    assert_eq!(p.submit_card(&card("4000000000003220"), NOW, 7), Ok(vec![]));
    assert_eq!(p.status, Status::RequiresChallenge);
    assert_eq!(
        p.answer_challenge("123456", NOW, 7),
        Ok(vec![EventType::Authorized])
    );
    let mut p = payment("manual");
    p.submit_card(&card("4000000000003220"), NOW, 7).unwrap();
    p.answer_challenge("000000", NOW, 7).unwrap();
    assert_eq!(p.decline_code, Some(DeclineCode::AuthenticationFailed));
    let mut p = payment("manual");
    p.submit_card(&card("4000008400001629"), NOW, 7).unwrap();
    p.answer_challenge("123456", NOW, 7).unwrap();
    assert_eq!(p.status, Status::Declined);
}

#[test]
fn authorizations_lapse() {
    let mut p = payment("manual");
    p.submit_card(&card("4242424242424242"), NOW, 7).unwrap();
    assert_eq!(p.expire_if_lapsed(NOW + 7 * 86_400 - 1), vec![]);
    assert_eq!(
        p.expire_if_lapsed(NOW + 7 * 86_400),
        vec![EventType::Expired]
    );
    assert_eq!(p.capture(None), Err(PaymentError::AuthorizationExpired));
    assert_eq!(p.cancel(), Err(PaymentError::InvalidState));
}

#[test]
fn cancel_voids_and_blocks_capture() {
    let mut p = payment("manual");
    p.submit_card(&card("4242424242424242"), NOW, 7).unwrap();
    assert_eq!(p.cancel(), Ok(vec![EventType::Cancelled]));
    assert_eq!(p.capture(None), Err(PaymentError::InvalidState));
}

#[test]
fn wallets_pay_automatic_payments_only() {
    use crate::wallets::{CheckedWallet, Outcome as WalletOutcome};
    let approve = CheckedWallet {
        brand: Some(Brand::Visa),
        last4: Some("4242".into()),
        outcome: WalletOutcome::Approve,
        answer_lost: false,
    };
    let mut manual = payment("manual");
    assert_eq!(
        manual.pay_with_wallet(&approve, NOW, 7),
        Err(PaymentError::InvalidState)
    );
    let mut p = payment("automatic");
    let unknown_network = CheckedWallet {
        brand: None,
        last4: Some("1117".into()),
        outcome: WalletOutcome::Decline(DeclineCode::InsufficientFunds),
        answer_lost: false,
    };
    assert_eq!(
        p.pay_with_wallet(&unknown_network, NOW, 7),
        Ok(vec![EventType::Declined])
    );
    assert_eq!(p.card, None);
    assert_eq!(
        p.pay_with_wallet(&approve, NOW, 7),
        Ok(vec![EventType::Authorized, EventType::Captured])
    );
    assert_eq!((p.status, p.captured_amount), (Status::Captured, 4599));
    assert_eq!(p.card.as_ref().and_then(|c| c.expiry_month), None);
    assert_eq!(
        p.pay_with_wallet(&approve, NOW, 7),
        Err(PaymentError::InvalidState)
    );
}

fn store_request() -> NewPayment {
    NewPayment {
        store_card: true,
        ..request("manual")
    }
}

fn merchant_initiated_request() -> NewPayment {
    NewPayment {
        allowed_origin: None,
        stored_card_id: Some("card_000000000000000000000000".into()),
        initiator: Some("merchant".into()),
        ..request("manual")
    }
}

fn stored(number: &str) -> crate::stored_cards::StoredCard {
    let mut p = store_request().into_payment("pay_1".into(), NOW).unwrap();
    p.submit_card(&card(number), NOW, 7).unwrap();
    p.store_card_as("card_000000000000000000000000".into(), "default", NOW)
        .unwrap()
}

#[test]
fn card_on_file_requests_are_checked() {
    let id = || "pay_x".to_owned();
    assert!(store_request().into_payment(id(), NOW).is_ok());
    let automatic = NewPayment {
        capture_mode: "automatic".into(),
        ..store_request()
    };
    assert!(automatic.into_payment(id(), NOW).is_err());
    let p = merchant_initiated_request()
        .into_payment(id(), NOW)
        .unwrap();
    assert_eq!((p.initiator, p.allowed_origin), (Initiator::Merchant, None));
    let refused = [
        // Each of the two without the other.
        NewPayment {
            initiator: None,
            ..merchant_initiated_request()
        },
        NewPayment {
            stored_card_id: None,
            ..merchant_initiated_request()
        },
        NewPayment {
            store_card: true,
            ..merchant_initiated_request()
        },
        NewPayment {
            allowed_origin: Some("https://a.fr".into()),
            ..merchant_initiated_request()
        },
        NewPayment {
            initiator: Some("robot".into()),
            ..request("manual")
        },
        NewPayment {
            allowed_origin: None,
            ..request("manual")
        },
    ];
    for request in refused {
        assert!(
            request.clone().into_payment(id(), NOW).is_err(),
            "{request:?}"
        );
    }
}

#[test]
fn an_authorization_with_consent_stores_the_card_once() {
    let mut p = payment("manual");
    p.submit_card(&card("4242424242424242"), NOW, 7).unwrap();
    assert!(!p.stores_card_now(), "no consent, nothing stored");
    let mut p = store_request().into_payment("pay_1".into(), NOW).unwrap();
    p.submit_card(&card("4000000000009995"), NOW, 7).unwrap();
    assert!(!p.stores_card_now(), "a decline stores nothing");
    p.submit_card(&card("4000000000000341"), NOW, 7).unwrap();
    assert!(p.stores_card_now());
    let stored = p.store_card_as("card_1".into(), "default", NOW).unwrap();
    assert_eq!(p.stored_card_id.as_deref(), Some("card_1"));
    assert_eq!(p.card_merchant_initiated, None, "moved to the stored card");
    assert_eq!((stored.brand, stored.last4.as_str()), (Brand::Visa, "0341"));
    assert_eq!(
        stored.merchant_initiated,
        MerchantInitiated::Decline(DeclineCode::CardDeclined)
    );
    assert!(!p.stores_card_now());
    assert_eq!(p.store_card_as("card_2".into(), "default", NOW), None);
}

#[test]
fn a_card_is_stored_after_its_challenge_passes() {
    let mut p = store_request().into_payment("pay_1".into(), NOW).unwrap();
    p.submit_card(&card("4000000000003220"), NOW, 7).unwrap();
    assert!(!p.stores_card_now());
    p.answer_challenge(CHALLENGE_CODE, NOW, 7).unwrap();
    let stored = p.store_card_as("card_1".into(), "default", NOW).unwrap();
    assert_eq!(stored.merchant_initiated, MerchantInitiated::Approve);
}

#[test]
fn a_merchant_initiated_payment_is_answered_at_once_and_takes_no_card() {
    let later = NOW + 6 * 86_400;
    let mut p = merchant_initiated_request()
        .into_payment("pay_2".into(), later)
        .unwrap();
    assert_eq!(
        p.authorize_on_file(&stored("4242424242424242"), TODAY, later, 7),
        Ok(vec![EventType::Authorized])
    );
    assert_eq!(p.authorization_expires_at, Some(later + 7 * 86_400));
    assert_eq!(
        p.card.as_ref().and_then(|c| c.last4.as_deref()),
        Some("4242")
    );
    assert_eq!(p.capture(None), Ok(vec![EventType::Captured]));

    for (number, code) in [
        ("4000000000000341", DeclineCode::CardDeclined),
        ("4000000000009979", DeclineCode::InsufficientFunds),
    ] {
        let mut p = merchant_initiated_request()
            .into_payment("pay_3".into(), later)
            .unwrap();
        assert_eq!(
            p.authorize_on_file(&stored(number), TODAY, later, 7),
            Ok(vec![EventType::Declined])
        );
        assert_eq!(p.decline_code, Some(code));
        // Nobody may pay it on the page: the shopper is not there.
        assert!(!p.takes_card());
        assert_eq!(
            p.submit_card(&card("4242424242424242"), later, 7),
            Err(PaymentError::InvalidState)
        );
        assert_eq!(
            p.authorize_on_file(&stored("4242424242424242"), TODAY, later, 7),
            Err(PaymentError::InvalidState)
        );
    }
}

#[test]
fn a_stored_card_past_its_expiry_is_declined_as_expired() {
    // card() expires 12/30.
    let after = YearMonth {
        year: 2031,
        month: 1,
    };
    let mut p = merchant_initiated_request()
        .into_payment("pay_4".into(), NOW)
        .unwrap();
    p.authorize_on_file(&stored("4242424242424242"), after, NOW, 7)
        .unwrap();
    assert_eq!(
        (p.status, p.decline_code),
        (Status::Declined, Some(DeclineCode::ExpiredCard))
    );
}
