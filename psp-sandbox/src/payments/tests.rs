use super::*;
use crate::cards::{self, Submission, YearMonth};

const NOW: i64 = 1_790_000_000;
const TODAY: YearMonth = YearMonth {
    year: 2026,
    month: 9,
};

fn payment(capture_mode: &str) -> Payment {
    NewPayment {
        amount: 4599,
        currency: "EUR".into(),
        capture_mode: capture_mode.into(),
        merchant_reference: "order-1".into(),
        allowed_origin: "http://127.0.0.1:8080".into(),
        description: None,
    }
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
    let mut request = NewPayment {
        amount: 0,
        currency: "EUR".into(),
        capture_mode: "manual".into(),
        merchant_reference: "order-1".into(),
        allowed_origin: "http://127.0.0.1:8080".into(),
        description: None,
    };
    let id = || "pay_x".to_owned();
    assert!(request.clone().into_payment(id(), NOW).is_err());
    request.amount = MAX_AMOUNT_PLUS_ONE;
    assert!(request.clone().into_payment(id(), NOW).is_err());
    request.amount = 1;
    request.allowed_origin = "http://a.fr/path".into();
    assert!(request.clone().into_payment(id(), NOW).is_err());
    request.allowed_origin = "https://a.fr".into();
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
