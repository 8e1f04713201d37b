//! Card testing (issue #10, item 9): a shopper or a bot may not try card
//! after card on the shop's payment form. After 5 declines on one order
//! the PSP session is closed and the order offers no card page until the
//! hour has passed; after 20 declines on one account, none of its orders
//! does. Against the real PSP sandbox; the hour itself is tested in the
//! limit function's unit tests (the shop's clock here is real time), and
//! "an hour later" by ageing the stored declines.

use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

mod support;
use support::psp::{Psp, order_project, ordered, pay, shop_and_psp};
use support::{Shopper, TestServer, code};

/// A Visa number that passes Luhn but is no test card: the sandbox
/// declines it (`invalid_card`). Each `n` gives another number, as a card
/// tester's list would.
fn untested_card(n: u32) -> String {
    let body = format!("400000123{n:06}");
    let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

async fn database(shop: &TestServer) -> sqlx::AnyPool {
    shop.raw_database().await
}

async fn declines_of(shop: &TestServer, order: &Value) -> i64 {
    let db = database(shop).await;
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM payment_declines WHERE order_id = $1")
            .bind(order["id"].as_str().unwrap())
            .fetch_one(&db)
            .await
            .unwrap();
    db.close().await;
    count
}

async fn order_now(shopper: &mut Shopper<'_>, order: &Value) -> Value {
    shopper
        .get(&format!("/api/v1/orders/{}", order["id"].as_str().unwrap()))
        .await
        .body
}

/// Reads the order (each read polls the PSP) until it answers `retry_at`.
async fn until_blocked(shopper: &mut Shopper<'_>, order: &Value) -> Value {
    for _ in 0..200 {
        let now = order_now(shopper, order).await;
        if now["payment"]["retry_at"].is_i64() {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the order was never blocked");
}

fn payment_id(order: &Value) -> String {
    let page = order["payment"]["hosted_page_url"].as_str().unwrap();
    page.rsplit('/').next().unwrap().to_owned()
}

async fn psp_status(psp: &Psp, order: &Value) -> Value {
    psp.payment(&payment_id(order)).await["status"].clone()
}

fn google_token() -> String {
    json!({"type": "CARD", "info": {"cardNetwork": "VISA", "cardDetails": "4242"},
           "tokenizationData": {"type": "PAYMENT_GATEWAY", "token": json!({"sandbox": "approve"}).to_string()}})
    .to_string()
}

#[tokio::test]
async fn five_declines_close_the_card_page_and_the_order_waits() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "testeur@exemple.fr").await;
    // Five numbers from a list, as fast as a bot sends them: the same
    // second, each counted (the webhooks bring each refusal).
    for n in 0..5 {
        assert_eq!(
            pay(&psp, &order, &untested_card(n)).await["status"],
            "declined"
        );
    }
    let blocked = until_blocked(&mut shopper, &order).await;
    assert_eq!(blocked["status"], "payment_failed");
    assert_eq!(blocked["payment"]["hosted_page_url"], Value::Null);
    let retry_at = blocked["payment"]["retry_at"].as_i64().unwrap();
    let now = shop_server::accounts::now();
    assert!(
        retry_at > now + 3500 && retry_at <= now + 3600,
        "retry_at {retry_at} is not an hour after the first decline (now {now})"
    );
    assert_eq!(declines_of(&shop, &order).await, 5);

    // The page the tester kept takes no more numbers: the PSP closed it.
    for _ in 0..200 {
        if psp_status(&psp, &order).await == "cancelled" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let sixth = pay(&psp, &order, &untested_card(5)).await;
    assert_eq!(sixth["error"]["code"], "invalid_state", "{sixth}");

    // Reading it again opens nothing, and paying again is refused.
    let again = order_now(&mut shopper, &order).await;
    assert_eq!(again["payment"]["hosted_page_url"], Value::Null);
    assert_eq!(again["payment"]["retry_at"], retry_at);
    let id = order["id"].as_str().unwrap();
    let pay_again = shopper
        .post(&format!("/api/v1/orders/{id}/payment"), json!({}))
        .await;
    assert_eq!(pay_again.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(code(&pay_again), "too_many_payment_attempts");

    // A wallet is refused before the PSP is asked.
    let wallet = shopper
        .post(
            &format!("/api/v1/orders/{id}/wallet"),
            json!({"method": "google_pay", "token_json": google_token()}),
        )
        .await;
    assert_eq!(wallet.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(code(&wallet), "too_many_payment_attempts");
    let wait: i64 = wallet.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((3500..=3600).contains(&wait), "Retry-After {wait}");
    assert_eq!(wallet.body["error"]["retry_after_seconds"], wait);
    assert_eq!(
        order_now(&mut shopper, &order).await["status"],
        "payment_failed"
    );

    // An hour later (the declines aged in the database), reading the
    // order offers a fresh card page.
    let db = database(&shop).await;
    sqlx::query("UPDATE payment_declines SET declined_at = declined_at - 3601")
        .execute(&db)
        .await
        .unwrap();
    db.close().await;
    let later = order_now(&mut shopper, &order).await;
    assert_eq!(later["payment"]["retry_at"], Value::Null);
    let page = later["payment"]["hosted_page_url"].as_str().unwrap();
    assert_ne!(Some(page), order["payment"]["hosted_page_url"].as_str());
    assert_eq!(
        pay(&psp, &later, "4242 4242 4242 4242").await["status"],
        "authorized"
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn the_account_is_blocked_after_twenty_declines_over_its_orders() {
    let (shop, psp) = shop_and_psp(false).await;
    let (mut shopper, first) = ordered(&shop, "compte@exemple.fr").await;
    for n in 0..5 {
        assert_eq!(
            pay(&psp, &first, &untested_card(n)).await["status"],
            "declined"
        );
        // No webhooks here: each read polls the PSP and sees the refusal.
        order_now(&mut shopper, &first).await;
    }
    let blocked = until_blocked(&mut shopper, &first).await;
    assert_eq!(blocked["payment"]["hosted_page_url"], Value::Null);

    // Another order of the same account is still payable: the order's
    // limit is the order's.
    let (_, second) = second_order(&shop, &mut shopper, "deux").await;
    assert!(second["payment"]["hosted_page_url"].is_string(), "{second}");
    assert_eq!(second["payment"]["retry_at"], Value::Null);
    assert_eq!(
        pay(&psp, &second, &untested_card(10)).await["status"],
        "declined"
    );
    let second_now = order_now(&mut shopper, &second).await;
    assert!(second_now["payment"]["hosted_page_url"].is_string());
    assert_eq!(declines_of(&shop, &second).await, 1);

    // 14 more declines on other orders of the account (stored directly),
    // 20 in all: the next decline anywhere closes that page too, and no
    // order of the account opens one.
    let db = database(&shop).await;
    let (account_id,): (i64,) = sqlx::query_as("SELECT account_id FROM orders WHERE id = $1")
        .bind(first["id"].as_str().unwrap())
        .fetch_one(&db)
        .await
        .unwrap();
    let now = shop_server::accounts::now();
    for n in 0..13 {
        sqlx::query(
            "INSERT INTO payment_declines (order_id, account_id, payment_id, psp_updated_at, card, declined_at) \
             VALUES ($1, $2, $3, $4, '', $5)",
        )
        .bind(first["id"].as_str().unwrap())
        .bind(account_id)
        .bind(format!("pay_earlier_{n}"))
        .bind(now)
        .bind(now)
        .execute(&db)
        .await
        .unwrap();
    }
    db.close().await;
    // 19 so far: one more refusal on the second order reaches 20.
    let still = order_now(&mut shopper, &second).await;
    assert!(still["payment"]["hosted_page_url"].is_string(), "{still}");
    let (_, third) = second_order(&shop, &mut shopper, "trois").await;
    assert!(third["payment"]["hosted_page_url"].is_string(), "{third}");
    assert_eq!(
        pay(&psp, &second, &untested_card(11)).await["status"],
        "declined"
    );
    let second_blocked = until_blocked(&mut shopper, &second).await;
    assert_eq!(second_blocked["payment"]["hosted_page_url"], Value::Null);
    assert_eq!(psp_status(&psp, &second).await, "cancelled");
    // The account's other open page was closed too: a tester who kept
    // its address cannot go on there.
    assert_eq!(psp_status(&psp, &third).await, "cancelled");
    assert_eq!(
        pay(&psp, &third, &untested_card(12)).await["error"]["code"],
        "invalid_state"
    );
    let third_now = order_now(&mut shopper, &third).await;
    assert_eq!(third_now["payment"]["hosted_page_url"], Value::Null);
    assert!(third_now["payment"]["retry_at"].is_i64());

    // A new order is made (the cart stays the shopper's), without a page.
    let (status, fourth) = second_order(&shop, &mut shopper, "quatre").await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        fourth["payment"]["hosted_page_url"],
        Value::Null,
        "{fourth}"
    );
    assert!(fourth["payment"]["retry_at"].is_i64());
    drop(psp);
    shop.stop().await;
}

/// Another order of the account, of another project (an order of the
/// same projects would replace the unpaid one).
async fn second_order(
    shop: &TestServer,
    shopper: &mut Shopper<'_>,
    key: &str,
) -> (StatusCode, Value) {
    let response = order_project(
        shop,
        shopper,
        &format!("projet-{key}"),
        &format!("key-{key}"),
    )
    .await;
    let status = response.status();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn a_webhook_and_a_poll_of_the_same_decline_count_once() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "une-fois@exemple.fr").await;
    assert_eq!(
        pay(&psp, &order, "4000 0000 0000 0002").await["status"],
        "declined"
    );
    // The webhook records it...
    for _ in 0..200 {
        if declines_of(&shop, &order).await == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(declines_of(&shop, &order).await, 1);
    // ...and polls of the same refusal add nothing.
    for _ in 0..3 {
        let now = order_now(&mut shopper, &order).await;
        assert_eq!(now["status"], "payment_failed");
        assert!(now["payment"]["hosted_page_url"].is_string());
    }
    assert_eq!(declines_of(&shop, &order).await, 1);
    drop(psp);
    shop.stop().await;
}
