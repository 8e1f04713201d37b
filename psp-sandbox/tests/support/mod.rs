//! A real sandbox on a free port with its own SQLite file; a merchant that
//! calls its API with the secret and fresh idempotency keys; a shopper's
//! browser that posts cards from the sandbox's own page.

#![allow(dead_code)]

use psp_sandbox::Config;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::sync::atomic::{AtomicUsize, Ordering};
use tempfile::TempDir;
use tokio::sync::oneshot;

pub const MERCHANT_SECRET: &str = "test-merchant-secret";
pub const WEBHOOK_SECRET: &str = "test-webhook-secret";
pub const SHOP: &str = "http://127.0.0.1:8123";
/// Far enough ahead for the test clock's moves.
pub const EXPIRY: &str = "12/40";

pub struct Sandbox {
    pub base: String,
    pub data: TempDir,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<Result<(), psp_sandbox::SandboxError>>,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as JSON, `Null` when it is not JSON.
    pub body: Value,
    pub text: String,
}

impl Sandbox {
    pub async fn start() -> Self {
        Self::start_with(None, true).await
    }

    pub async fn start_with(webhook_url: Option<String>, test_clock: bool) -> Self {
        let data = TempDir::new().unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let config = Config {
            addr,
            public_url: None,
            shop_origin: SHOP.into(),
            data_dir: data.path().to_owned(),
            merchant_secret: MERCHANT_SECRET.into(),
            webhook_url,
            webhook_secret: WEBHOOK_SECRET.into(),
            authorization_days: 7,
            test_clock,
            log_level: "warn".into(),
        };
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(psp_sandbox::serve(config, listener, async {
            let _ = stopped.await;
        }));
        let sandbox = Self {
            base: format!("http://{addr}"),
            data,
            stop: Some(stop),
            task,
        };
        sandbox.wait_until_up().await;
        sandbox
    }

    async fn wait_until_up(&self) {
        for _ in 0..100 {
            if reqwest::get(self.url("/health")).await.is_ok() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("sandbox did not start");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops the sandbox and hands back its data folder, for a look at
    /// what it stored.
    pub async fn stop(mut self) -> TempDir {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.task).await.unwrap().unwrap();
        self.data
    }

    /// A merchant API call with the secret; `key` for creating calls.
    pub async fn merchant(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut request = reqwest::Client::new()
            .request(method, self.url(path))
            .bearer_auth(MERCHANT_SECRET);
        if let Some(key) = key {
            request = request.header("idempotency-key", key);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        answer(request).await
    }

    /// A creating call with a key never used before.
    pub async fn create(&self, path: &str, body: Option<Value>) -> Answer {
        self.merchant(Method::POST, path, Some(&fresh_key()), body)
            .await
    }

    pub async fn new_payment(&self, capture_mode: &str) -> Value {
        let created = self
            .create("/v1/payments", Some(payment_request(4599, capture_mode)))
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
        created.body
    }

    pub async fn get(&self, id: &str) -> Value {
        let got = self
            .merchant(Method::GET, &format!("/v1/payments/{id}"), None, None)
            .await;
        assert_eq!(got.status, StatusCode::OK, "{:?}", got.body);
        got.body
    }

    /// The card page's post, from the sandbox's own origin.
    pub async fn card(&self, id: &str, card: Value) -> Answer {
        self.page_post(id, "card", &self.base, card).await
    }

    pub async fn page_post(&self, id: &str, what: &str, origin: &str, body: Value) -> Answer {
        let request = reqwest::Client::new()
            .post(self.url(&format!("/pay/{id}/{what}")))
            .header("origin", origin)
            .json(&body);
        answer(request).await
    }

    /// A manual-capture payment paid with `number`, its status checked.
    pub async fn paid(&self, number: &str, expected_status: &str) -> Value {
        let payment = self.new_payment("manual").await;
        let id = payment["id"].as_str().unwrap();
        let paid = self.card(id, card(number, "123")).await;
        assert_eq!(paid.status, StatusCode::OK, "{:?}", paid.body);
        assert_eq!(paid.body["status"], expected_status, "{number}");
        self.get(id).await
    }

    pub async fn advance_clock(&self, seconds: i64) {
        let moved = self
            .merchant(
                Method::POST,
                "/v1/test/clock",
                None,
                Some(json!({"advance_seconds": seconds})),
            )
            .await;
        assert_eq!(moved.status, StatusCode::OK, "{:?}", moved.body);
    }
}

pub fn payment_request(amount: i64, capture_mode: &str) -> Value {
    json!({
        "amount": amount,
        "currency": "EUR",
        "capture_mode": capture_mode,
        "merchant_reference": "order-0f3c",
        "allowed_origin": SHOP,
        "description": "Commande 0f3c",
    })
}

pub fn card(number: &str, security_code: &str) -> Value {
    json!({
        "number": number,
        "expiry": EXPIRY,
        "security_code": security_code,
        "holder": "Camille Martin",
    })
}

pub fn fresh_key() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("key-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

pub async fn answer(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        body,
        text,
    }
}
