//! The shop and a real PSP sandbox that know each other, started
//! in-process on free ports, and a shopper with an order to pay.

use super::{OPERATOR_TOKEN, Shopper, TestServer, WEBHOOK_SECRET, client};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;
use tokio::sync::oneshot;

pub const MERCHANT_SECRET: &str = "payments-test-merchant";

pub struct Psp {
    pub base: String,
    _data: tempfile::TempDir,
    stop: Option<oneshot::Sender<()>>,
}

impl Psp {
    /// Moves the sandbox's test clock forward (authorizations and Apple Pay
    /// sessions lapse on it); answers the sandbox's status.
    pub async fn advance_clock(&self, seconds: i64) -> StatusCode {
        client()
            .post(format!("{}/v1/test/clock", self.base))
            .bearer_auth(MERCHANT_SECRET)
            .json(&json!({"advance_seconds": seconds}))
            .send()
            .await
            .unwrap()
            .status()
    }
}

impl Psp {
    /// The sandbox's own database file (to list an order's payments).
    pub fn database_path(&self) -> std::path::PathBuf {
        self._data.path().join("psp.sqlite3")
    }

    /// The payment as the sandbox holds it.
    pub async fn payment(&self, id: &str) -> Value {
        client()
            .get(format!("{}/v1/payments/{id}", self.base))
            .bearer_auth(MERCHANT_SECRET)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

/// What the shopper types in the PSP's page (its own origin posts it).
pub async fn pay(psp: &Psp, order: &Value, number: &str) -> Value {
    let page = order["payment"]["hosted_page_url"].as_str().unwrap();
    let payment_id = page.rsplit('/').next().unwrap();
    client()
        .post(format!("{}/pay/{payment_id}/card", psp.base))
        .header("origin", &psp.base)
        .json(&json!({"number": number, "expiry": "12/40", "security_code": "123", "holder": "Camille Martin"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A correctly signed event about `payment`, as the PSP sends them; the
/// shop's answer.
pub async fn signed_event(shop: &TestServer, id: &str, payment: Value) -> StatusCode {
    let created_at = payment["updated_at"].as_i64().unwrap_or(2_000_000_000);
    let body = serde_json::to_vec(&json!({
        "id": id, "type": "payment.updated", "created_at": created_at,
        "payment": payment,
    }))
    .unwrap();
    client()
        .post(shop.url("/api/v1/psp/webhooks"))
        .header(
            "PSP-Signature",
            shop_server::payments::webhook::sign(
                &body,
                WEBHOOK_SECRET.as_bytes(),
                shop_server::accounts::now(),
            ),
        )
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
}

/// The PSP payment the shop follows for an order, read from its database.
pub async fn current_payment_id(shop: &TestServer, order_id: &str) -> String {
    let db = shop.raw_database().await;
    let (payment_id,): (String,) = sqlx::query_as("SELECT payment_id FROM orders WHERE id = $1")
        .bind(order_id)
        .fetch_one(&db)
        .await
        .unwrap();
    db.close().await;
    payment_id
}

impl Drop for Psp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The shop and a sandbox that know each other; `webhooks: false` starts
/// a sandbox that never calls the shop (lost webhooks).
pub async fn shop_and_psp(webhooks: bool) -> (TestServer, Psp) {
    let psp_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    start_pair(webhooks, psp_listener, None, None).await
}

/// The shop and a sandbox that know each other, the shop sending its mail
/// through `smtp_url`.
pub async fn shop_and_psp_with_mail(webhooks: bool, smtp_url: String) -> (TestServer, Psp) {
    let psp_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    start_pair(webhooks, psp_listener, None, Some(smtp_url)).await
}

/// The shop calling the sandbox's merchant API through a proxy that fails
/// some calls as `faults` says (the shopper's browser still reaches the
/// sandbox directly).
pub async fn shop_and_faulty_psp(
    webhooks: bool,
    faults: std::sync::Arc<super::faulty_psp::Faults>,
) -> (TestServer, Psp) {
    let psp_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let psp_base = format!("http://{}", psp_listener.local_addr().unwrap());
    let proxy = super::faulty_psp::start(psp_base, faults).await;
    start_pair(webhooks, psp_listener, Some(proxy), None).await
}

async fn start_pair(
    webhooks: bool,
    psp_listener: tokio::net::TcpListener,
    api_url: Option<String>,
    smtp_url: Option<String>,
) -> (TestServer, Psp) {
    let psp_base = format!("http://{}", psp_listener.local_addr().unwrap());
    let origin = psp_base.clone();
    let shop = TestServer::start_with(move |config| {
        config.psp_origin = origin;
        config.psp_api_url = api_url;
        config.psp_merchant_secret = MERCHANT_SECRET.into();
        config.smtp_url = smtp_url;
    })
    .await;
    let data = tempfile::TempDir::new().unwrap();
    let config = psp_sandbox::Config {
        addr: psp_listener.local_addr().unwrap(),
        public_url: None,
        shop_origin: shop.base.clone(),
        data_dir: data.path().to_owned(),
        merchant_secret: MERCHANT_SECRET.into(),
        webhook_url: webhooks.then(|| shop.url("/api/v1/psp/webhooks")),
        webhook_secret: WEBHOOK_SECRET.into(),
        authorization_days: 7,
        test_clock: true,
        log_level: "warn".into(),
    };
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(psp_sandbox::serve(config, psp_listener, async {
        let _ = stopped.await;
    }));
    for _ in 0..100 {
        if client()
            .get(format!("{psp_base}/health"))
            .send()
            .await
            .is_ok()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    (
        shop,
        Psp {
            base: psp_base,
            _data: data,
            stop: Some(stop),
        },
    )
}

/// A signed-up shopper with a saved poster in the cart, and their order.
pub async fn ordered<'a>(shop: &'a TestServer, email: &str) -> (Shopper<'a>, Value) {
    let mut shopper = Shopper::signed_up(shop, email).await;
    let response = order_project(shop, &mut shopper, "phare", &format!("key-{email}")).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let order: Value = response.json().await.unwrap();
    (shopper, order)
}

/// The shopper saves a poster project `project_id`, makes it their whole
/// cart and orders it with `key`: the raw answer.
pub async fn order_project(
    shop: &TestServer,
    shopper: &mut Shopper<'_>,
    project_id: &str,
    key: &str,
) -> reqwest::Response {
    order_project_keeping_card(shop, shopper, project_id, key, false).await
}

/// As [`order_project`], the shopper agreeing (`keep_card`) or not that
/// the PSP keeps the card for the order.
pub async fn order_project_keeping_card(
    shop: &TestServer,
    shopper: &mut Shopper<'_>,
    project_id: &str,
    key: &str,
    keep_card: bool,
) -> reqwest::Response {
    let choice = json!({"product_id": "poster", "format_id": "50x70", "quantity": 1});
    shopper
        .put(
            &format!("/api/v1/projects/{project_id}"),
            json!({"name": "Le phare", "choice": choice, "photo_ids": ["p1"]}),
        )
        .await;
    let uploaded = shopper
        .send_bytes(
            reqwest::Method::PUT,
            &format!("/api/v1/projects/{project_id}/photos/p1"),
            "image/png",
            super::png(40, 30, 80),
        )
        .await;
    assert_eq!(uploaded.status, StatusCode::OK);
    let cart = json!({"lines": [{"project_id": project_id, "project_name": "Le phare", "choice": choice, "copies": 1}]});
    assert_eq!(
        shopper.put("/api/v1/cart", cart).await.status,
        StatusCode::OK
    );
    client()
        .post(shop.url("/api/v1/orders"))
        .header("origin", &shop.base)
        .header("cookie", shopper.cookie.clone().unwrap())
        .header("Idempotency-Key", key)
        .json(
            &json!({"delivery_address": {"name": "Camille Martin", "street": "12 rue des Lilas",
            "postcode": "35000", "city": "Rennes", "country": "FR", "phone": "0612345678"},
            "delivery_option_id": "standard", "accepted_terms": shop_api::order::TERMS_VERSION,
            "keep_card": keep_card}),
        )
        .send()
        .await
        .unwrap()
}

/// An operator's action on an order, with the test token.
pub async fn operator(shop: &TestServer, order: &Value, action: &str) -> reqwest::Response {
    client()
        .post(shop.url(&format!(
            "/api/v1/operator/orders/{}/{action}",
            order["id"].as_str().unwrap()
        )))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap()
}
