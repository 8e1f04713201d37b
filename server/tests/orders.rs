//! Orders over real HTTP: made from the signed-in shopper's cart of saved
//! projects, idempotent, with refusals named; PSP webhooks must be signed
//! and fresh; the operator API needs its token. (The journeys through the
//! PSP sandbox itself are in `payments.rs`.)

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shop_server::payments::webhook;

mod support;
use support::{OPERATOR_TOKEN, Shopper, TestServer, WEBHOOK_SECRET, client, code, png};

pub fn address() -> Value {
    json!({"name": "Camille Martin", "street": "12 rue des Lilas", "postcode": "35000",
           "city": "Rennes", "country": "FR", "phone": "06 12 34 56 78"})
}

/// A saved poster project with its one photo, in the cart.
async fn poster_in_cart(shopper: &mut Shopper<'_>, project: &str) {
    let choice = json!({"product_id": "poster", "format_id": "50x70", "quantity": 1});
    let saved = shopper
        .put(
            &format!("/api/v1/projects/{project}"),
            json!({"name": "Le phare", "choice": choice, "photo_ids": ["p1"]}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let uploaded = shopper
        .send_bytes(
            Method::PUT,
            &format!("/api/v1/projects/{project}/photos/p1"),
            "image/png",
            png(40, 30, 90),
        )
        .await;
    assert_eq!(uploaded.status, StatusCode::OK, "{:?}", uploaded.body);
    let cart = json!({"lines": [{"project_id": project, "project_name": "Le phare", "choice": choice, "copies": 2}]});
    assert_eq!(
        shopper.put("/api/v1/cart", cart).await.status,
        StatusCode::OK
    );
}

async fn order(shopper: &mut Shopper<'_>, key: Option<&str>, body: Value) -> support::Answer {
    let mut request = client()
        .post(shopper.server.url("/api/v1/orders"))
        .header("origin", &shopper.server.base)
        .header("cookie", shopper.cookie.clone().unwrap_or_default())
        .json(&body);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap().to_vec();
    support::Answer {
        status,
        headers,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        bytes,
    }
}

fn new_order() -> Value {
    json!({"delivery_address": address(), "delivery_option_id": "standard",
        "accepted_terms": shop_api::order::TERMS_VERSION})
}

#[tokio::test]
async fn an_order_is_made_once_per_key_from_a_cart_of_saved_projects() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "commande@exemple.fr").await;
    assert_eq!(
        code(&order(&mut shopper, Some("k1"), new_order()).await),
        "cart_empty"
    );

    // A line whose project lives only in the browser cannot be made.
    let unsaved = json!({"lines": [{"project_id": "dans-le-navigateur", "project_name": "Brouillon",
        "choice": {"product_id": "poster", "format_id": "50x70", "quantity": 1}, "copies": 1}]});
    assert_eq!(
        shopper.put("/api/v1/cart", unsaved).await.status,
        StatusCode::OK
    );
    let refused = order(&mut shopper, Some("k1"), new_order()).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(code(&refused), "project_not_ready");

    poster_in_cart(&mut shopper, "phare").await;
    assert_eq!(
        code(&order(&mut shopper, None, new_order()).await),
        "idempotency_key_missing"
    );
    let mut bad_address = new_order();
    bad_address["delivery_address"]["postcode"] = json!("350");
    assert_eq!(
        code(&order(&mut shopper, Some("k1"), bad_address).await),
        "invalid_address"
    );
    let mut bad_option = new_order();
    bad_option["delivery_option_id"] = json!("par-pigeon");
    assert_eq!(
        code(&order(&mut shopper, Some("k1"), bad_option).await),
        "unknown_delivery_option"
    );

    // The CGV must be ticked, in their current version.
    for terms in [Value::Null, json!("2020-01-01")] {
        let mut unticked = new_order();
        unticked["accepted_terms"] = terms;
        let refused = order(&mut shopper, Some("k1"), unticked).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(code(&refused), "terms_not_accepted");
    }
    let mut absent = new_order();
    absent.as_object_mut().unwrap().remove("accepted_terms");
    assert_eq!(
        code(&order(&mut shopper, Some("k1"), absent).await),
        "terms_not_accepted"
    );

    let first = order(&mut shopper, Some("k1"), new_order()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.body);
    // The order keeps which CGV were accepted, and when.
    assert_eq!(
        first.body["accepted_terms"]["version"],
        shop_api::order::TERMS_VERSION
    );
    assert!(
        first.body["accepted_terms"]["accepted_at"]
            .as_i64()
            .unwrap()
            > 1_700_000_000
    );
    assert_eq!(first.body["status"], "awaiting_payment");
    // 2 posters at 14,99 € and standard delivery (free from 49 €: not yet).
    assert_eq!(first.body["totals"]["total"]["cents"], 2 * 1499 + 499);
    assert_eq!(first.body["lines"][0]["copies"], 2);
    // The PSP of this test server does not answer: the order is kept and
    // its payment opens on a later read.
    assert_eq!(first.body["payment"]["hosted_page_url"], Value::Null);

    // Double click, reload, dropped connection: the same key, the same order.
    let again = order(&mut shopper, Some("k1"), new_order()).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body["id"], first.body["id"]);
    let other = order(&mut shopper, Some("k2"), new_order()).await;
    assert_eq!(other.status, StatusCode::CREATED);
    assert_ne!(other.body["id"], first.body["id"]);

    // Not paid: the cart stays.
    let cart = shopper.get("/api/v1/cart").await;
    assert_eq!(cart.body["lines"].as_array().unwrap().len(), 1);
    let list = shopper.get("/api/v1/orders").await;
    assert_eq!(list.body["items"].as_array().unwrap().len(), 2);

    // Another account sees none of it.
    let mut stranger = Shopper::signed_up(&server, "autre@exemple.fr").await;
    let id = first.body["id"].as_str().unwrap();
    assert_eq!(
        stranger.get(&format!("/api/v1/orders/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        stranger.get("/api/v1/orders").await.body["items"],
        json!([])
    );
    server.stop().await;
}

#[tokio::test]
async fn the_address_is_checked_and_kept_for_next_time() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "adresse@exemple.fr").await;
    let none_yet = shopper.get("/api/v1/address").await;
    assert_eq!(
        none_yet.status,
        StatusCode::OK,
        "no address yet is an answer"
    );
    assert_eq!(none_yet.bytes, b"null");
    let mut wrong = address();
    wrong["phone"] = json!("123");
    assert_eq!(
        code(&shopper.put("/api/v1/address", wrong).await),
        "invalid_address"
    );
    let mut spaced = address();
    spaced["city"] = json!("  Rennes ");
    assert_eq!(
        shopper.put("/api/v1/address", spaced).await.status,
        StatusCode::OK
    );
    assert_eq!(shopper.get("/api/v1/address").await.body, address());
    server.stop().await;
}

async fn webhook_post(server: &TestServer, body: &[u8], signature: Option<String>) -> StatusCode {
    let mut request = client()
        .post(server.url("/api/v1/psp/webhooks"))
        .header("content-type", "application/json")
        .body(body.to_vec());
    if let Some(signature) = signature {
        request = request.header("PSP-Signature", signature);
    }
    request.send().await.unwrap().status()
}

fn event(id: &str, payment: &str, status: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "id": id, "type": format!("payment.{status}"), "created_at": 100,
        "payment": {"id": payment, "status": status, "amount": 3497, "currency": "EUR",
                    "capture_mode": "manual", "created_at": 100, "updated_at": 100}
    }))
    .unwrap()
}

#[tokio::test]
async fn webhooks_must_be_signed_with_the_secret_and_fresh() {
    let server = TestServer::start().await;
    let now = shop_server::accounts::now();
    let body = event("evt_1", "pay_unknown", "authorized");
    assert_eq!(
        webhook_post(&server, &body, None).await,
        StatusCode::BAD_REQUEST
    );
    let forged = webhook::sign(&body, b"not-the-secret", now);
    assert_eq!(
        webhook_post(&server, &body, Some(forged)).await,
        StatusCode::BAD_REQUEST
    );
    let stale = webhook::sign(&body, WEBHOOK_SECRET.as_bytes(), now - 3600);
    assert_eq!(
        webhook_post(&server, &body, Some(stale)).await,
        StatusCode::BAD_REQUEST
    );
    // A signature of another body does not carry over.
    let other = webhook::sign(
        &event("evt_1", "pay_unknown", "captured"),
        WEBHOOK_SECRET.as_bytes(),
        now,
    );
    assert_eq!(
        webhook_post(&server, &body, Some(other)).await,
        StatusCode::BAD_REQUEST
    );
    let good = webhook::sign(&body, WEBHOOK_SECRET.as_bytes(), now);
    assert_eq!(
        webhook_post(&server, &body, Some(good.clone())).await,
        StatusCode::OK
    );
    // Delivered again: acknowledged, applied once.
    assert_eq!(
        webhook_post(&server, &body, Some(good)).await,
        StatusCode::OK
    );
    server.stop().await;
}

#[tokio::test]
async fn operators_need_their_token_and_cannot_ship_an_unpaid_order() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "operateur@exemple.fr").await;
    poster_in_cart(&mut shopper, "phare").await;
    let made = order(&mut shopper, Some("k"), new_order()).await;
    let id = made.body["id"].as_str().unwrap().to_owned();
    let act = |action: &str, token: Option<&str>| {
        let mut request =
            client().post(server.url(&format!("/api/v1/operator/orders/{id}/{action}")));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    assert_eq!(
        act("ship", None).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        act("ship", Some("wrong")).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    let ship = act("ship", Some(OPERATOR_TOKEN)).await.unwrap();
    assert_eq!(ship.status(), StatusCode::CONFLICT);
    let cancelled: Value = act("cancel", Some(OPERATOR_TOKEN))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(
        shopper.get(&format!("/api/v1/orders/{id}")).await.body["status"],
        "cancelled"
    );
    let listed: Value = client()
        .get(server.url("/api/v1/operator/orders?status=at_risk"))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed["orders"], json!([]));
    server.stop().await;
}

/// What an order prints is frozen when it is made: a new upload of the
/// photo, or the project's deletion, changes nothing for the workshop.
#[tokio::test]
async fn an_order_prints_its_photos_as_they_were_when_it_was_made() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "fige@exemple.fr").await;
    poster_in_cart(&mut shopper, "phare").await;
    let made = order(&mut shopper, Some("k"), new_order()).await;
    assert_eq!(made.status, StatusCode::CREATED, "{:?}", made.body);
    let id = made.body["id"].as_str().unwrap().to_owned();
    // The same key again makes nothing more, and freezes nothing more.
    let again = order(&mut shopper, Some("k"), new_order()).await;
    assert_eq!(again.body["id"], made.body["id"]);
    let frozen_folders = std::fs::read_dir(server.data.path().join("order-photos"))
        .unwrap()
        .count();
    assert_eq!(frozen_folders, 1);

    let replaced = shopper
        .send_bytes(
            Method::PUT,
            "/api/v1/projects/phare/photos/p1",
            "image/png",
            png(40, 30, 10),
        )
        .await;
    assert_eq!(replaced.status, StatusCode::OK, "{:?}", replaced.body);
    assert_eq!(
        shopper.delete("/api/v1/projects/phare").await.status,
        StatusCode::NO_CONTENT
    );

    let operator_get = |path: String| {
        client()
            .get(server.url(&path))
            .bearer_auth(OPERATOR_TOKEN)
            .send()
    };
    let listed: Value = operator_get(format!("/api/v1/operator/orders/{id}/photos"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let original = png(40, 30, 90);
    assert_eq!(
        listed["photos"],
        json!([{"line": 0, "position": 0, "photo": {"id": "p1", "content_type": "image/png",
            "bytes": original.len(), "width": 40, "height": 30}}])
    );
    let printed = operator_get(format!("/api/v1/operator/orders/{id}/photos/0/0"))
        .await
        .unwrap();
    assert_eq!(printed.status(), StatusCode::OK);
    assert_eq!(printed.bytes().await.unwrap(), original);
    for path in [
        format!("/api/v1/operator/orders/{id}/photos/0/1"),
        format!("/api/v1/operator/orders/{id}/photos/x/0"),
        "/api/v1/operator/orders/nope/photos".to_owned(),
    ] {
        let missing = operator_get(path).await.unwrap();
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        let body: Value = missing.json().await.unwrap();
        assert_eq!(body["error"]["code"], "not_found");
    }
    server.stop().await;
}

/// The periodic purge keeps an order's photos through the retention period
/// after it is done, then deletes them; live orders keep theirs; folders
/// of orders never made go once they are old; expired sessions and spent
/// throttle rows go too.
#[tokio::test]
async fn the_purge_deletes_what_has_expired_and_nothing_else() {
    use shop_server::housekeeping::{Housekeeping, ORDER_PHOTO_RETENTION_SECONDS};
    let server = TestServer::start().await;
    let mut done = Shopper::signed_up(&server, "annulee@exemple.fr").await;
    poster_in_cart(&mut done, "phare").await;
    let cancelled = order(&mut done, Some("k"), new_order()).await;
    let cancelled = cancelled.body["id"].as_str().unwrap().to_owned();
    let cancel = client()
        .post(server.url(&format!("/api/v1/operator/orders/{cancelled}/cancel")))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(cancel.status(), StatusCode::OK);
    let mut live = Shopper::signed_up(&server, "en-cours@exemple.fr").await;
    poster_in_cart(&mut live, "phare").await;
    let live_order = order(&mut live, Some("k"), new_order()).await;
    let live_order = live_order.body["id"].as_str().unwrap().to_owned();
    assert!(
        live.who_am_i()
            .await
            .body
            .to_string()
            .contains("en-cours@exemple.fr")
    );
    let wrong = Shopper::new(&server)
        .sign_in("annulee@exemple.fr", "pas le bon mot de passe")
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);

    let folders = server.data.path().join("order-photos");
    let old_stray = folders.join("0ld0rder");
    std::fs::create_dir_all(&old_stray).unwrap();
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::open(&old_stray)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    let young_stray = folders.join("beingmade");
    std::fs::create_dir_all(&young_stray).unwrap();

    let db = server.database().await;
    let photos =
        shop_server::projects::files::PhotoFiles::open(server.data.path().join("photos")).unwrap();
    let clock = shop_server::clock::Clock::test();
    let housekeeping = Housekeeping::new(db, photos, clock.clone());

    clock.advance(24 * 3600).unwrap();
    let first = housekeeping.pass().await.unwrap();
    assert_eq!(
        (first.order_photos, first.stray_folders, first.sessions),
        (0, 1, 0)
    );
    // The account's and the client's failed sign-in, the sign-ups' client.
    assert_eq!(first.throttle_rows, 3);
    assert!(!old_stray.exists() && young_stray.exists());

    clock.advance(ORDER_PHOTO_RETENTION_SECONDS).unwrap();
    let second = housekeeping.pass().await.unwrap();
    assert_eq!((second.order_photos, second.sessions), (1, 2));
    let photos_of = |id: String| {
        client()
            .get(server.url(&format!("/api/v1/operator/orders/{id}/photos")))
            .bearer_auth(OPERATOR_TOKEN)
            .send()
    };
    let purged: Value = photos_of(cancelled.clone())
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(purged["photos"], json!([]));
    assert!(!folders.join(&cancelled).exists());
    let kept: Value = photos_of(live_order.clone())
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(kept["photos"].as_array().unwrap().len(), 1);
    assert!(folders.join(&live_order).exists());
    // The sessions were idle for a month: signed out.
    let after = live.who_am_i().await;
    assert_eq!(after.status, StatusCode::OK);
    assert!(
        !after.body.to_string().contains("en-cours@exemple.fr"),
        "{}",
        after.body
    );
    server.stop().await;
}

#[tokio::test]
async fn the_orders_come_a_page_at_a_time() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "pages@exemple.fr").await;
    poster_in_cart(&mut shopper, "phare").await;
    let mut made = Vec::new();
    for key in ["k1", "k2", "k3"] {
        let answer = order(&mut shopper, Some(key), new_order()).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.body);
        made.push(answer.body["id"].clone());
    }
    let first = shopper.get("/api/v1/orders?limit=2").await.body;
    let ids = |page: &Value| {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&first), [made[2].clone(), made[1].clone()]);
    let before = first["next_before"].as_i64().unwrap();
    let second = shopper
        .get(&format!("/api/v1/orders?limit=2&before={before}"))
        .await
        .body;
    assert_eq!(ids(&second), [made[0].clone()]);
    assert_eq!(second["next_before"], Value::Null);
    let refused = shopper.get("/api/v1/orders?limit=beaucoup").await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(code(&refused), "invalid_query");
    server.stop().await;
}

#[tokio::test]
async fn without_a_token_configured_the_operator_api_does_not_exist() {
    let server = TestServer::start_with(|config| config.operator_token = None).await;
    let answer = client()
        .get(server.url("/api/v1/operator/orders"))
        .bearer_auth("anything")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}
