//! Order numbers, timelines and tracking over real HTTP, with the real PSP
//! sandbox: every order has an `SP-XXXX-XXXX` number and an estimated
//! delivery; each step is dated; the operator ships with a parcel whose
//! carrier page is linked; anyone with the number and the e-mail follows
//! the order (nothing else: no address, payment or id), a wrong pair is
//! indistinguishable from an unknown number, misses are throttled; and the
//! shopper can no longer cancel once production has started.

use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

mod support;
use support::psp::{Psp, operator, ordered, shop_and_psp};
use support::{OPERATOR_TOKEN, Shopper, TestServer, client};

const ALPHABET: &str = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

fn well_formed(number: &str) -> bool {
    let parts: Vec<&str> = number.split('-').collect();
    parts.len() == 3
        && parts[0] == "SP"
        && parts[1..]
            .iter()
            .all(|p| p.len() == 4 && p.chars().all(|c| ALPHABET.contains(c)))
}

/// The card typed in the PSP's page (its own origin posts it).
async fn pay(psp: &Psp, order: &Value) {
    let page = order["payment"]["hosted_page_url"].as_str().unwrap();
    let payment_id = page.rsplit('/').next().unwrap();
    let paid: Value = client()
        .post(format!("{}/pay/{payment_id}/card", psp.base))
        .header("origin", &psp.base)
        .json(&json!({"number": "4242 4242 4242 4242", "expiry": "12/40", "security_code": "123", "holder": "Camille Martin"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(paid["status"], "authorized", "{paid:?}");
}

/// The order as its shopper sees it once the webhook has authorized it.
async fn authorized(shopper: &mut Shopper<'_>, order: &Value) -> Value {
    let path = format!("/api/v1/orders/{}", order["id"].as_str().unwrap());
    for _ in 0..200 {
        let now = shopper.get(&path).await.body;
        if now["status"] == "authorized" {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the order was never authorized");
}

async fn ship(shop: &TestServer, order: &Value, body: Option<Value>) -> reqwest::Response {
    let mut request = client()
        .post(shop.url(&format!(
            "/api/v1/operator/orders/{}/ship",
            order["id"].as_str().unwrap()
        )))
        .bearer_auth(OPERATOR_TOKEN);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

/// A visitor's tracking request: a browser, no session.
async fn track(shop: &TestServer, number: &str, email: &str) -> support::Answer {
    Shopper::new(shop)
        .post(
            "/api/v1/orders/track",
            json!({"number": number, "email": email}),
        )
        .await
}

fn kinds(timeline: &Value) -> Vec<&str> {
    timeline
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["kind"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn an_order_has_a_number_an_estimate_and_a_dated_first_step() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "numero@exemple.fr").await;
    let number = order["number"].as_str().unwrap();
    assert!(well_formed(number), "{number}");
    assert_ne!(number, order["id"].as_str().unwrap());
    // A poster (2 working days) in standard delivery (5): at least 7 days on.
    let estimate = order["estimated_delivery"].as_str().unwrap();
    assert_eq!(estimate.len(), 10, "{estimate}");
    assert_eq!(kinds(&order["timeline"]), ["ordered"]);
    assert_eq!(order["timeline"][0]["at"], order["created_at"]);
    assert_eq!(order["shipment"], Value::Null);
    // The list shows the number too.
    let list = shopper.get("/api/v1/orders").await.body["items"].clone();
    assert_eq!(list[0]["number"], number);
    // Another order, another number.
    let (_, other) = ordered(&shop, "autre-numero@exemple.fr").await;
    assert_ne!(other["number"], order["number"]);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn shipping_with_a_parcel_links_the_carriers_page_and_dates_every_step() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "colis@exemple.fr").await;
    pay(&psp, &order).await;
    let paid = authorized(&mut shopper, &order).await;
    assert_eq!(kinds(&paid["timeline"]), ["ordered", "payment_authorized"]);
    assert_eq!(
        operator(&shop, &order, "production").await.status(),
        StatusCode::OK
    );

    // A parcel is checked before anything happens.
    for wrong in [
        json!({"carrier": "pigeon", "tracking_number": "6A12345678901"}),
        json!({"carrier": "colissimo", "tracking_number": "6A1"}),
        json!({"carrier": "colissimo", "tracking_number": "6A123456&x=1"}),
    ] {
        let refused = ship(&shop, &order, Some(wrong)).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        let body: Value = refused.json().await.unwrap();
        assert_eq!(body["error"]["code"], "invalid_shipment");
    }
    let not_json = client()
        .post(shop.url(&format!(
            "/api/v1/operator/orders/{}/ship",
            order["id"].as_str().unwrap()
        )))
        .bearer_auth(OPERATOR_TOKEN)
        .body("colissimo")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), StatusCode::BAD_REQUEST);

    let shipped: Value = ship(
        &shop,
        &order,
        Some(json!({"carrier": "colissimo", "tracking_number": "6a 1234 5678 901"})),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(shipped["status"], "shipped", "{shipped:?}");
    assert_eq!(
        shipped["shipment"],
        json!({"carrier": "colissimo", "tracking_number": "6A12345678901",
               "tracking_url": "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901"})
    );
    assert_eq!(
        kinds(&shipped["timeline"]),
        ["ordered", "payment_authorized", "in_production", "shipped"]
    );
    let delivered: Value = operator(&shop, &order, "deliver")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        kinds(&delivered["timeline"]),
        [
            "ordered",
            "payment_authorized",
            "in_production",
            "shipped",
            "delivered"
        ]
    );
    // The estimate made at order time does not move.
    assert_eq!(delivered["estimated_delivery"], order["estimated_delivery"]);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn shipping_without_a_body_still_works() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "sans-colis@exemple.fr").await;
    pay(&psp, &order).await;
    authorized(&mut shopper, &order).await;
    let shipped: Value = ship(&shop, &order, None).await.json().await.unwrap();
    assert_eq!(shipped["status"], "shipped");
    assert_eq!(shipped["shipment"], Value::Null);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn number_and_email_show_the_order_and_nothing_private() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "suivi@exemple.fr").await;
    pay(&psp, &order).await;
    authorized(&mut shopper, &order).await;
    operator(&shop, &order, "production").await;
    ship(
        &shop,
        &order,
        Some(json!({"carrier": "chronopost", "tracking_number": "XY123456789FR"})),
    )
    .await;
    let number = order["number"].as_str().unwrap();

    // Typed loosely: lower case, spaces instead of dashes, e-mail in capitals.
    let typed = number.to_lowercase().replace('-', " ");
    let found = track(&shop, &typed, "  Suivi@Exemple.FR ").await;
    assert_eq!(found.status, StatusCode::OK);
    let tracked = &found.body["order"];
    assert_eq!(tracked["number"], number);
    assert_eq!(tracked["status"], "shipped");
    assert_eq!(
        kinds(&tracked["timeline"]),
        ["ordered", "payment_authorized", "in_production", "shipped"]
    );
    assert_eq!(tracked["estimated_delivery"], order["estimated_delivery"]);
    assert_eq!(
        tracked["shipment"]["tracking_url"],
        "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XY123456789FR"
    );
    assert_eq!(
        tracked["lines"],
        json!([{"project_name": "Le phare", "product_id": "poster", "copies": 1}])
    );
    // Nothing private: no id, address, payment or amount anywhere.
    let text = String::from_utf8(found.bytes.clone()).unwrap();
    for private in [
        order["id"].as_str().unwrap(),
        "delivery_address",
        "Rennes",
        "rue des Lilas",
        "0612345678",
        "\"payment\"",
        "hosted_page_url",
        "cents",
        "totals",
    ] {
        assert!(!text.contains(private), "{private} in {text}");
    }
    let mut keys: Vec<&String> = tracked.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "estimated_delivery",
            "lines",
            "number",
            "shipment",
            "status",
            "timeline"
        ]
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_wrong_email_and_an_unknown_number_get_the_same_answer() {
    let (shop, psp) = shop_and_psp(true).await;
    let (_, order) = ordered(&shop, "discret@exemple.fr").await;
    let number = order["number"].as_str().unwrap();
    let unknown = if number == "SP-2222-2222" {
        "SP-3333-3333"
    } else {
        "SP-2222-2222"
    };
    let wrong_email = track(&shop, number, "quelqu-un@exemple.fr").await;
    let wrong_number = track(&shop, unknown, "discret@exemple.fr").await;
    let malformed = track(&shop, "pas un numéro", "discret@exemple.fr").await;
    for answer in [&wrong_email, &wrong_number, &malformed] {
        // "Nothing found" is an answer, not an error a browser logs.
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.body, json!({"order": null}));
    }
    assert_eq!(wrong_email.bytes, wrong_number.bytes);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn guesses_are_throttled_per_client_after_10_misses() {
    let (shop, psp) = shop_and_psp(true).await;
    let (_, order) = ordered(&shop, "devine@exemple.fr").await;
    for attempt in 0..10 {
        let miss = track(&shop, "SP-2345-6789", &format!("essai{attempt}@exemple.fr")).await;
        assert_eq!(miss.status, StatusCode::OK, "attempt {attempt}");
    }
    // Even the right pair now waits: the guesser cannot tell it was right.
    let throttled = track(
        &shop,
        order["number"].as_str().unwrap(),
        "devine@exemple.fr",
    )
    .await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(throttled.body["error"]["code"], "too_many_attempts");
    let wait: u64 = throttled.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((800..=900).contains(&wait), "{wait}");
    assert_eq!(
        throttled.body["error"]["retry_after_seconds"].as_u64(),
        Some(wait)
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn tracking_is_a_same_origin_post() {
    let (shop, psp) = shop_and_psp(true).await;
    let cross_site = client()
        .post(shop.url("/api/v1/orders/track"))
        .header("origin", "https://ailleurs.example")
        .json(&json!({"number": "SP-2345-6789", "email": "a@exemple.fr"}))
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    let by_get = Shopper::new(&shop).get("/api/v1/orders/track").await;
    assert_ne!(by_get.status, StatusCode::OK);
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn the_shopper_cannot_cancel_once_production_started() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "trop-tard@exemple.fr").await;
    pay(&psp, &order).await;
    authorized(&mut shopper, &order).await;
    assert_eq!(
        operator(&shop, &order, "production").await.status(),
        StatusCode::OK
    );
    let id = order["id"].as_str().unwrap();
    let refused = shopper
        .post(&format!("/api/v1/orders/{id}/cancel"), json!({}))
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.body["error"]["code"], "production_started");
    let still = shopper.get(&format!("/api/v1/orders/{id}")).await.body;
    assert_eq!(still["status"], "in_production");
    // Customer service (an operator) still can.
    let cancelled: Value = operator(&shop, &order, "cancel")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(
        kinds(&cancelled["timeline"]),
        [
            "ordered",
            "payment_authorized",
            "in_production",
            "cancelled"
        ]
    );
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn orders_older_than_numbers_get_one_at_start_up() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "ancienne@exemple.fr").await;
    // As migration 0009 leaves an order made before it: no number.
    let raw = shop.raw_database().await;
    sqlx::query("UPDATE orders SET number = NULL")
        .execute(&raw)
        .await
        .unwrap();
    raw.close().await;
    let list = shopper.get("/api/v1/orders").await.body["items"].clone();
    assert_eq!(list[0]["number"], "");

    // What the server runs at start, before its first request.
    let db = shop.database().await;
    shop_server::orders::number_old_orders(&db).await.unwrap();
    let list = shopper.get("/api/v1/orders").await.body["items"].clone();
    let number = list[0]["number"].as_str().unwrap();
    assert!(well_formed(number), "{number}");
    assert_ne!(number, order["number"].as_str().unwrap());
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn production_started_before_an_authorization_lapsed_still_forbids_cancelling() {
    let (shop, psp) = shop_and_psp(true).await;
    let (mut shopper, order) = ordered(&shop, "expiree@exemple.fr").await;
    pay(&psp, &order).await;
    authorized(&mut shopper, &order).await;
    assert_eq!(
        operator(&shop, &order, "production").await.status(),
        StatusCode::OK
    );
    // Eight days on at the PSP: the authorization lapses.
    assert_eq!(psp.advance_clock(8 * 24 * 3600).await, StatusCode::OK);
    let id = order["id"].as_str().unwrap();
    let path = format!("/api/v1/orders/{id}");
    let mut expired = Value::Null;
    for _ in 0..200 {
        expired = shopper.get(&path).await.body;
        if expired["status"] == "payment_expired" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(expired["status"], "payment_expired", "{expired:?}");
    assert!(kinds(&expired["timeline"]).contains(&"in_production"));
    let refused = shopper
        .post(&format!("/api/v1/orders/{id}/cancel"), json!({}))
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.body["error"]["code"], "production_started");
    drop(psp);
    shop.stop().await;
}
