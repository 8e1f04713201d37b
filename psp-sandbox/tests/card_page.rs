//! The hosted card page and its posts: what the server re-checks, what the
//! test cards decide, 3-D Secure, framing, the same-origin rule, and that
//! no card number or code is ever stored.

mod support;

use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{SHOP, Sandbox, card};

async fn refused(sandbox: &Sandbox, body: Value) -> Value {
    let payment = sandbox.new_payment("manual").await;
    let id = payment["id"].as_str().unwrap();
    let answer = sandbox.card(id, body).await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{:?}",
        answer.body
    );
    assert_eq!(sandbox.get(id).await["status"], "requires_payment_method");
    answer.body["error"].clone()
}

#[tokio::test]
async fn every_brand_is_authorized() {
    let sandbox = Sandbox::start().await;
    for (number, code, brand, last4) in [
        ("4242 4242 4242 4242", "123", "visa", "4242"),
        ("5555-5555-5555-4444", "123", "mastercard", "4444"),
        ("2223 0031 2200 3222", "123", "mastercard", "3222"),
        ("6759 6498 2643 8453", "123", "maestro", "8453"),
        ("3782 822463 10005", "1234", "amex", "0005"),
    ] {
        let payment = sandbox.new_payment("manual").await;
        let id = payment["id"].as_str().unwrap();
        let paid = sandbox.card(id, card(number, code)).await;
        assert_eq!(paid.status, StatusCode::OK, "{number}: {:?}", paid.body);
        assert_eq!(paid.body["status"], "authorized", "{number}");
        let stored = sandbox.get(id).await;
        assert_eq!(stored["status"], "authorized");
        assert_eq!(
            stored["card"],
            json!({"brand": brand, "last4": last4, "expiry_month": 12, "expiry_year": 2040}),
            "{number}"
        );
        assert!(
            stored["authorization_expires_at"].as_i64().unwrap()
                > stored["authorized_at"].as_i64().unwrap()
        );
    }
    sandbox.stop().await;
}

#[tokio::test]
async fn declines_carry_their_code_and_another_card_may_follow() {
    let sandbox = Sandbox::start().await;
    for (number, code) in [
        ("4000000000000002", "card_declined"),
        ("4000000000009995", "insufficient_funds"),
        ("4000000000000069", "expired_card"),
    ] {
        let payment = sandbox.paid(number, "declined").await;
        assert_eq!(payment["status"], "declined");
        assert_eq!(payment["decline_code"], code);
    }
    let payment = sandbox.paid("4000000000009995", "declined").await;
    let id = payment["id"].as_str().unwrap();
    let retried = sandbox.card(id, card("4242424242424242", "123")).await;
    assert_eq!(retried.body["status"], "authorized");
    let after = sandbox.get(id).await;
    assert_eq!(after["decline_code"], Value::Null);
    let again = sandbox.card(id, card("4242424242424242", "123")).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    sandbox.stop().await;
}

#[tokio::test]
async fn the_server_rechecks_what_the_page_checked() {
    let sandbox = Sandbox::start().await;
    let luhn = refused(&sandbox, card("4242 4242 4242 4243", "123")).await;
    assert_eq!(
        (luhn["code"].as_str(), luhn["field"].as_str()),
        (Some("invalid_number"), Some("number"))
    );
    let amex = refused(&sandbox, card("378282246310005", "123")).await;
    assert_eq!(amex["code"], "invalid_security_code");
    assert_eq!(amex["field"], "security_code");
    let mut past = card("4242424242424242", "123");
    past["expiry"] = json!("01/20");
    assert_eq!(refused(&sandbox, past).await["code"], "expired_card");
    let mut month = card("4242424242424242", "123");
    month["expiry"] = json!("13/40");
    assert_eq!(refused(&sandbox, month).await["code"], "invalid_expiry");
    let mut holder = card("4242424242424242", "123");
    holder["holder"] = json!(" ");
    assert_eq!(refused(&sandbox, holder).await["field"], "holder");
    sandbox.stop().await;
}

#[tokio::test]
async fn co_badged_cards_need_the_shoppers_choice() {
    let sandbox = Sandbox::start().await;
    let unchosen = refused(&sandbox, card("4970 1000 0000 0006", "123")).await;
    assert_eq!(unchosen["code"], "brand_choice_required");
    assert_eq!(unchosen["field"], "brand");
    let mut wrong = card("4970 1000 0000 0006", "123");
    wrong["brand"] = json!("mastercard");
    assert_eq!(refused(&sandbox, wrong).await["code"], "brand_not_on_card");
    for (number, brand) in [
        ("4970 1000 0000 0006", "cartes_bancaires"),
        ("5132 8500 0000 0008", "cartes_bancaires"),
        ("5132 8500 0000 0008", "mastercard"),
    ] {
        let payment = sandbox.new_payment("manual").await;
        let id = payment["id"].as_str().unwrap();
        let mut chosen = card(number, "123");
        chosen["brand"] = json!(brand);
        let paid = sandbox.card(id, chosen).await;
        assert_eq!(paid.body["status"], "authorized", "{:?}", paid.body);
        assert_eq!(sandbox.get(id).await["card"]["brand"], brand);
    }
    sandbox.stop().await;
}

#[tokio::test]
async fn three_d_secure_passes_with_the_code_or_never() {
    let sandbox = Sandbox::start().await;
    for (number, code, status, decline) in [
        ("4000000000003220", "123456", "authorized", Value::Null),
        (
            "4000000000003220",
            "654321",
            "declined",
            json!("authentication_failed"),
        ),
        (
            "4000008400001629",
            "123456",
            "declined",
            json!("authentication_failed"),
        ),
    ] {
        let payment = sandbox.paid(number, "requires_challenge").await;
        let id = payment["id"].as_str().unwrap();
        assert_eq!(payment["status"], "requires_challenge");
        let answered = sandbox
            .page_post(id, "challenge", &sandbox.base, json!({"code": code}))
            .await;
        assert_eq!(answered.status, StatusCode::OK, "{:?}", answered.body);
        assert_eq!(answered.body["status"], status, "{number} {code}");
        let stored = sandbox.get(id).await;
        assert_eq!(stored["status"], status);
        assert_eq!(stored["decline_code"], decline);
    }
    sandbox.stop().await;
}

#[tokio::test]
async fn the_page_is_framed_by_the_payments_origin_and_has_no_inline_code() {
    let sandbox = Sandbox::start().await;
    let mut request = support::payment_request(4599, "manual");
    request["allowed_origin"] = json!("https://boutique.example.fr");
    let created = sandbox.create("/v1/payments", Some(request)).await;
    let page = reqwest::get(created.body["hosted_page_url"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(
        csp.contains("frame-ancestors https://boutique.example.fr;"),
        "{csp}"
    );
    assert!(!csp.contains(SHOP), "{csp}");
    let html = page.text().await.unwrap();
    for label in [
        "Numéro de carte",
        "Date d’expiration (MM/AA)",
        "Code de sécurité",
        "Titulaire de la carte",
        "Payer 45,99\u{a0}€",
        "Code reçu par SMS",
    ] {
        assert!(html.contains(label), "{label}");
    }
    assert!(html.contains("data-parent-origin=\"https://boutique.example.fr\""));
    assert!(!html.contains("<script>") && !html.contains("<style"));
    assert!(!html.contains(" style=") && !html.contains(" onclick="));
    assert!(html.contains("<script src=\"/assets/pay.js\" defer></script>"));
    let missing = reqwest::get(sandbox.url("/pay/pay_000000000000000000000000"))
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    sandbox.stop().await;
}

#[tokio::test]
async fn the_script_posts_only_to_the_allowed_origin() {
    let sandbox = Sandbox::start().await;
    let script = reqwest::get(sandbox.url("/assets/pay.js")).await.unwrap();
    assert!(
        script.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    let script = script.text().await.unwrap();
    assert!(script.contains("postMessage(message, parentOrigin)"));
    assert!(!script.contains("\"*\"") && !script.contains("'*'"));
    assert!(script.contains("ResizeObserver"));
    sandbox.stop().await;
}

#[tokio::test]
async fn card_posts_from_another_origin_are_refused() {
    let sandbox = Sandbox::start().await;
    let payment = sandbox.new_payment("manual").await;
    let id = payment["id"].as_str().unwrap();
    for origin in [SHOP, "https://evil.example", "null"] {
        let answer = sandbox
            .page_post(id, "card", origin, card("4242424242424242", "123"))
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{origin}");
        assert_eq!(answer.body["error"]["code"], "forbidden_origin");
    }
    let no_origin = support::answer(
        reqwest::Client::new()
            .post(sandbox.url(&format!("/pay/{id}/card")))
            .json(&card("4242424242424242", "123")),
    )
    .await;
    assert_eq!(no_origin.status, StatusCode::FORBIDDEN);
    assert_eq!(sandbox.get(id).await["status"], "requires_payment_method");
    sandbox.stop().await;
}

#[tokio::test]
async fn the_database_never_holds_a_card_number_or_code() {
    let sandbox = Sandbox::start().await;
    let payment = sandbox.new_payment("manual").await;
    let id = payment["id"].as_str().unwrap();
    let paid = sandbox.card(id, card("3782 822463 10005", "9183")).await;
    assert_eq!(paid.body["status"], "authorized");
    let declined = sandbox.paid("4000000000009995", "declined").await;
    let id = declined["id"].as_str().unwrap();
    let refused = sandbox.card(id, card("4242424242424243", "7310")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let challenged = sandbox.paid("4000000000003220", "requires_challenge").await;
    let id = challenged["id"].as_str().unwrap();
    sandbox
        .page_post(id, "challenge", &sandbox.base, json!({"code": "123456"}))
        .await;
    // A stored card, and a merchant-initiated payment on it.
    let mut storing = support::payment_request(4599, "manual");
    storing["store_card"] = json!(true);
    let created = sandbox.create("/v1/payments", Some(storing)).await;
    let id = created.body["id"].as_str().unwrap();
    let stored = sandbox.card(id, card("4000 0000 0000 0341", "518")).await;
    assert_eq!(stored.body["status"], "authorized");
    let stored_card_id = sandbox.get(id).await["stored_card_id"].clone();
    let charged = sandbox
        .create(
            "/v1/payments",
            Some(
                json!({"amount": 100, "currency": "EUR", "capture_mode": "manual",
                "merchant_reference": "r", "stored_card_id": stored_card_id,
                "initiator": "merchant"}),
            ),
        )
        .await;
    assert_eq!(charged.body["decline_code"], "card_declined");
    // Read while running (the write-ahead log included) and once closed.
    let running = stored_bytes(sandbox.data.path());
    let data = sandbox.stop().await;
    for bytes in [running, stored_bytes(data.path())] {
        assert!(!bytes.is_empty());
        for number in [
            "378282246310005",
            "3782 822463 10005",
            "4000000000009995",
            "4242424242424243",
            "4000000000003220",
            "4000000000000341",
            "4000 0000 0000 0341",
        ] {
            assert!(find(&bytes, number).is_none(), "{number} stored");
        }
        for code in ["9183", "7310", "123", "518"] {
            assert!(!standalone(&bytes, code), "security code {code} stored");
        }
    }
}

/// Every file of the data folder, concatenated.
fn stored_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    bytes
}

fn find(haystack: &[u8], needle: &str) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle.as_bytes())
}

/// Whether `needle` occurs on its own, not inside a longer run of letters
/// and digits (an id or a timestamp may contain any four digits).
fn standalone(haystack: &[u8], needle: &str) -> bool {
    let n = needle.len();
    haystack.windows(n).enumerate().any(|(at, window)| {
        let alone_before = at == 0 || !haystack[at - 1].is_ascii_alphanumeric();
        let alone_after = haystack
            .get(at + n)
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        window == needle.as_bytes() && alone_before && alone_after
    })
}
