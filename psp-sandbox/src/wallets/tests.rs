use super::merchant_session::{Randomness, SessionError, SessionRequest, is_apple_validation_url};
use super::*;
use serde_json::json;

fn google(network: &str, details: Value, token: &str) -> Value {
    json!({
        "type": "CARD",
        "info": {"cardNetwork": network, "cardDetails": details},
        "tokenizationData": {"type": "PAYMENT_GATEWAY", "token": token},
    })
}

fn apple(network: &str, display_name: &str, data: Value) -> Value {
    json!({
        "paymentData": data,
        "paymentMethod": {"network": network, "displayName": display_name, "type": "debit"},
        "transactionIdentifier": "ABC123",
    })
}

#[test]
fn google_pay_tokens_give_network_last4_and_outcome() {
    let token = google("VISA", json!("4242"), r#"{"sandbox":"approve"}"#);
    assert_eq!(
        check(Method::GooglePay, &token),
        Ok(CheckedWallet {
            brand: Some(Brand::Visa),
            last4: Some("4242".into()),
            outcome: Outcome::Approve,
            answer_lost: false,
        })
    );
    let token = google(
        "CARTES_BANCAIRES",
        Value::Null,
        r#"{"sandbox":"insufficient_funds"}"#,
    );
    let checked = check(Method::GooglePay, &token).unwrap();
    assert_eq!(checked.brand, Some(Brand::CartesBancaires));
    assert_eq!(checked.last4, None);
    assert_eq!(
        checked.outcome,
        Outcome::Decline(DeclineCode::InsufficientFunds)
    );
    let real = google("MASTERCARD", json!("0004"), r#"{"signature":"…"}"#);
    assert_eq!(
        check(Method::GooglePay, &real).unwrap().outcome,
        Outcome::Decline(DeclineCode::CardDeclined)
    );
}

#[test]
fn apple_pay_tokens_give_network_last4_and_outcome() {
    let token = apple(
        "MasterCard",
        "MasterCard 0004",
        json!({"sandbox": "approve"}),
    );
    assert_eq!(
        check(Method::ApplePay, &token),
        Ok(CheckedWallet {
            brand: Some(Brand::Mastercard),
            last4: Some("0004".into()),
            outcome: Outcome::Approve,
            answer_lost: false,
        })
    );
    let token = apple("Amex", "Amex", json!({"sandbox": "decline"}));
    let checked = check(Method::ApplePay, &token).unwrap();
    assert_eq!((checked.brand, checked.last4), (Some(Brand::Amex), None));
    assert_eq!(checked.outcome, Outcome::Decline(DeclineCode::CardDeclined));
    let unknown = apple("Discover", "Discover 1117", json!({}));
    assert_eq!(check(Method::ApplePay, &unknown).unwrap().brand, None);
}

#[test]
fn malformed_tokens_are_refused() {
    let approve = r#"{"sandbox":"approve"}"#;
    let mut bad_google = vec![
        json!("token"),
        google("VISA", json!("42"), approve),
        google("VISA", json!(4242), approve),
        google("VISA", json!("4242"), "not json"),
        google("VISA", json!("4242"), r#""a string""#),
    ];
    let mut no_network = google("VISA", json!("4242"), approve);
    no_network["info"]["cardNetwork"] = json!(null);
    bad_google.push(no_network);
    let mut direct = google("VISA", json!("4242"), approve);
    direct["tokenizationData"]["type"] = json!("DIRECT");
    bad_google.push(direct);
    for token in bad_google {
        assert!(check(Method::GooglePay, &token).is_err(), "{token}");
    }
    let good_apple = apple("Visa", "Visa 4242", json!({"sandbox": "approve"}));
    assert!(check(Method::GooglePay, &good_apple).is_err());
    let mut bad_apple = vec![apple("Visa", "Visa 4242", json!("data"))];
    for (field, value) in [
        ("paymentMethod", json!(null)),
        ("transactionIdentifier", json!("")),
        ("paymentData", json!([])),
    ] {
        let mut token = good_apple.clone();
        token[field] = value;
        bad_apple.push(token);
    }
    for token in bad_apple {
        assert!(check(Method::ApplePay, &token).is_err(), "{token}");
    }
}

#[test]
fn only_apple_hosts_over_https_validate_merchants() {
    for url in [
        "https://apple-pay-gateway.apple.com/paymentservices/startSession",
        "https://apple-pay-gateway-cert.APPLE.com/paymentservices/paymentSession",
        "https://cn-apple-pay-gateway.apple.com:443/x",
    ] {
        assert!(is_apple_validation_url(url), "{url}");
    }
    for url in [
        "http://apple-pay-gateway.apple.com/paymentservices/startSession",
        "https://apple.com.evil.example/",
        "https://evil.example/?x=.apple.com",
        "https://evil.example/#.apple.com",
        "https://apple.com@evil.example/",
        "https://user@apple-pay-gateway.apple.com/",
        "https://apple-pay-gateway.apple.com:8443/",
        "https://apple.com/",
        "https://evilapple.com/",
        "https://17.0.0.1/",
        "apple-pay-gateway.apple.com",
        "",
    ] {
        assert!(!is_apple_validation_url(url), "{url}");
    }
}

#[test]
fn a_session_is_checked_timed_and_signed() {
    let request = |domain: &str, name: &str| SessionRequest {
        validation_url: "https://apple-pay-gateway.apple.com/paymentservices/startSession".into(),
        domain: domain.into(),
        display_name: name.into(),
    };
    let randomness = || Randomness {
        session_identifier: "ab".into(),
        nonce: "cd".into(),
    };
    let session = request("shop.example", "Service Photo")
        .into_session(1_790_000_000_000, randomness(), "secret")
        .unwrap();
    let json = serde_json::to_value(&session).unwrap();
    assert_eq!(json["epochTimestamp"], 1_790_000_000_000_i64);
    assert_eq!(json["expiresAt"], 1_790_000_300_000_i64);
    assert_eq!(json["merchantSessionIdentifier"], "SSHAB");
    assert_eq!(json["domainName"], "shop.example");
    assert_eq!(json["signature"].as_str().unwrap().len(), 64);
    let other = request("shop.example", "Service Photo")
        .into_session(1_790_000_000_000, randomness(), "other")
        .unwrap();
    assert_ne!(
        serde_json::to_value(&other).unwrap()["signature"],
        json["signature"]
    );
    for (domain, name, error) in [
        ("", "Service Photo", SessionError::Domain),
        ("shop..example", "Service Photo", SessionError::Domain),
        ("shop.example/x", "Service Photo", SessionError::Domain),
        ("-shop.example", "Service Photo", SessionError::Domain),
        ("shop.example", "", SessionError::DisplayName),
        ("shop.example", &"x".repeat(65), SessionError::DisplayName),
        ("shop.example", "a\nb", SessionError::DisplayName),
    ] {
        let refused = request(domain, name).into_session(0, randomness(), "secret");
        assert_eq!(refused.err(), Some(error), "{domain:?} {name:?}");
    }
    assert!(
        request(&"a".repeat(63), &"é".repeat(64))
            .into_session(0, randomness(), "secret")
            .is_ok()
    );
}
