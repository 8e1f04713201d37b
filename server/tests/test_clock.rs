//! The shop server's test clock: `POST /api/v1/test/clock` exists only
//! with `--test-clock`, moves the time every handler reads (a session
//! lapses on it), only forward and within bounds, and is called by tools
//! (no `Origin`), like the webhooks.

use reqwest::StatusCode;
use serde_json::{Value, json};

mod support;
use support::{Shopper, TestServer, client};

async fn advance(shop: &TestServer, seconds: i64) -> (StatusCode, Value) {
    let response = client()
        .post(shop.url("/api/v1/test/clock"))
        .json(&json!({"advance_seconds": seconds}))
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn without_the_flag_the_route_does_not_exist() {
    let shop = TestServer::start_with(|config| config.test_clock = false).await;
    let (status, body) = advance(&shop, 60).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "not_found");
    shop.stop().await;
}

#[tokio::test]
async fn moving_the_clock_ends_an_idle_session() {
    let shop = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&shop, "horloge@exemple.fr").await;
    assert_eq!(
        shopper.who_am_i().await.body["account"]["email"],
        "horloge@exemple.fr"
    );
    let before = shop_server::accounts::now();
    // Six days idle: still signed in.
    let (status, body) = advance(&shop, 6 * 24 * 3600).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let now = body["now"].as_i64().unwrap();
    assert!(now >= before + 6 * 24 * 3600 && now <= before + 6 * 24 * 3600 + 5);
    assert_eq!(
        shopper.who_am_i().await.body["account"]["email"],
        "horloge@exemple.fr"
    );
    // Eight days since the last request: over the 7 idle days.
    advance(&shop, 8 * 24 * 3600).await;
    assert_eq!(shopper.who_am_i().await.body, Value::Null);
    shop.stop().await;
}

#[tokio::test]
async fn the_clock_moves_forward_only_and_not_too_far() {
    let shop = TestServer::start().await;
    for wrong in [-1, 400 * 24 * 3600 + 1] {
        let (status, body) = advance(&shop, wrong).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["code"], "invalid_clock_advance");
    }
    let (status, body) = advance(&shop, 0).await;
    assert_eq!(status, StatusCode::OK);
    assert!((body["now"].as_i64().unwrap() - shop_server::accounts::now()).abs() <= 2);
    shop.stop().await;
}
