//! The shop's public origin comes from configuration (`SHOP_PUBLIC_URL`,
//! by default the address it listens on), never from request headers: it
//! is the one origin allowed to frame the PSP's card page, the one a
//! browser's state-changing request must come from, and what makes the
//! session cookie `Secure`.

use reqwest::StatusCode;
use reqwest::header::{CONTENT_SECURITY_POLICY, SET_COOKIE};
use serde_json::{Value, json};

mod support;
use support::psp::{ordered, shop_and_psp};
use support::{STRONG, TestServer, client};

fn new_order() -> Value {
    json!({"delivery_address": {"name": "Camille Martin", "street": "12 rue des Lilas",
        "postcode": "35000", "city": "Rennes", "country": "FR", "phone": "0612345678"},
        "delivery_option_id": "standard", "accepted_terms": shop_api::order::TERMS_VERSION})
}

async fn frame_ancestors(page: &str) -> String {
    let response = client().get(page).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let csp = response.headers()[CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    csp.split(';')
        .map(str::trim)
        .find_map(|directive| directive.strip_prefix("frame-ancestors "))
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_crafted_host_cannot_make_the_card_page_frameable_by_another_site() {
    let (shop, _psp) = shop_and_psp(true).await;
    let (shopper, order) = ordered(&shop, "origine@exemple.fr").await;
    // The genuine order: only the shop may frame its card page.
    let page = order["payment"]["hosted_page_url"].as_str().unwrap();
    assert_eq!(frame_ancestors(page).await, shop.base);

    // Host and Origin agree with each other, but not with the shop.
    let crafted = client()
        .post(shop.url("/api/v1/orders"))
        .header("host", "evil.example")
        .header("origin", "http://evil.example")
        .header("cookie", shopper.cookie.clone().unwrap())
        .header("Idempotency-Key", "crafted-host-0001")
        .json(&new_order())
        .send()
        .await
        .unwrap();
    assert_eq!(crafted.status(), StatusCode::FORBIDDEN);
    let body: Value = crafted.json().await.unwrap();
    assert_eq!(body["error"]["code"], "cross_site_request");
    shop.stop().await;
}

#[tokio::test]
async fn a_configured_public_url_decides_origin_checks_and_secure_cookies() {
    let shop = TestServer::start_with(|config| {
        config.public_url = Some("https://photo.example.fr".into());
    })
    .await;
    // The address the request reached is not the shop's public origin.
    let local = client()
        .post(shop.url("/api/v1/account"))
        .header("origin", &shop.base)
        .json(&json!({"email": "local@exemple.fr", "password": STRONG}))
        .send()
        .await
        .unwrap();
    assert_eq!(local.status(), StatusCode::FORBIDDEN);
    // Behind a proxy, the browser's origin is the public one.
    let public = client()
        .post(shop.url("/api/v1/account"))
        .header("origin", "https://photo.example.fr")
        .json(&json!({"email": "public@exemple.fr", "password": STRONG}))
        .send()
        .await
        .unwrap();
    assert_eq!(public.status(), StatusCode::CREATED);
    let cookie = public.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    // Over https, the `__Host-` prefix: no subdomain can plant it.
    assert!(cookie.starts_with("__Host-sp_session="), "{cookie}");
    let pair = cookie.split(';').next().unwrap();
    let who = client()
        .get(shop.url("/api/v1/session"))
        .header("cookie", pair)
        .send()
        .await
        .unwrap();
    let body: Value = who.json().await.unwrap();
    assert_eq!(
        body["account"]["email"], "public@exemple.fr",
        "the cookie is read back"
    );
    let planted = client()
        .get(shop.url("/api/v1/session"))
        .header("cookie", pair.replace("__Host-", ""))
        .send()
        .await
        .unwrap();
    let body: Value = planted.json().await.unwrap();
    assert_eq!(
        body,
        Value::Null,
        "a cookie without the prefix is not this shop's"
    );
    shop.stop().await;
}

#[tokio::test]
async fn the_default_public_origin_is_the_listening_address_in_plain_http() {
    let shop = TestServer::start().await;
    let answer = client()
        .post(shop.url("/api/v1/account"))
        .header("origin", &shop.base)
        .json(&json!({"email": "defaut@exemple.fr", "password": STRONG}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::CREATED);
    let cookie = answer.headers()[SET_COOKIE].to_str().unwrap();
    assert!(!cookie.contains("Secure"), "plain-http loopback: {cookie}");
    // `localhost` is the same machine but another origin for a browser.
    let other = client()
        .post(shop.url("/api/v1/session"))
        .header("origin", shop.base.replace("127.0.0.1", "localhost"))
        .json(&json!({"email": "defaut@exemple.fr", "password": STRONG}))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::FORBIDDEN);
    shop.stop().await;
}
