//! A real shop server on a free port, with its own database and a
//! storefront folder laid out the way Trunk builds it; a browser-like
//! caller that keeps its session cookie; tiny real images to upload.

#![allow(dead_code)]

pub mod database;
pub mod faulty_psp;
pub mod in_process;
pub mod maildev;
pub mod psp;
pub mod seaweedfs;

use reqwest::header::{HeaderMap, SET_COOKIE};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shop_server::config::{Config, LogFormat};
use std::path::Path;
use tempfile::TempDir;
use tokio::sync::oneshot;

pub const WEBHOOK_SECRET: &str = "test-webhook-secret";
pub const OPERATOR_TOKEN: &str = "test-operator-token";

pub const LOADER: &str = "import init from '/storefront-00aa11bb22cc33dd.js'; init();";

pub struct TestServer {
    pub base: String,
    pub data: TempDir,
    /// The database this server opened (SQLite or PostgreSQL).
    pub database_url: String,
    _dist: TempDir,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<Result<(), shop_server::ServerError>>,
}

impl TestServer {
    pub async fn start() -> Self {
        Self::start_with(|_| {}).await
    }

    /// A server whose configuration the test adjusts first (PSP, operator
    /// token).
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> Self {
        let data = TempDir::new().unwrap();
        let dist = TempDir::new().unwrap();
        write_dist(dist.path());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let mut config = test_config(listener.local_addr().unwrap(), data.path(), dist.path());
        adjust(&mut config);
        let database_url = database::url_of(&config);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(shop_server::serve(config, listener, async {
            let _ = stopped.await;
        }));
        let server = Self {
            base,
            data,
            database_url,
            _dist: dist,
            stop: Some(stop),
            task,
        };
        server.wait_until_up().await;
        server
    }

    async fn wait_until_up(&self) {
        for _ in 0..100 {
            if reqwest::get(self.url("/api/v1/health")).await.is_ok() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("server did not start");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The server's database as the server sees it, for a test to read or
    /// drive it (as a second process would).
    pub async fn database(&self) -> shop_server::db::Database {
        shop_server::db::Database::connect(&self.database_url)
            .await
            .unwrap()
    }

    /// A plain pool on the server's database (see [`database::raw`]).
    pub async fn raw_database(&self) -> sqlx::AnyPool {
        database::raw(&self.database_url).await
    }

    /// Sends the stop signal (as SIGTERM does) without waiting for the end.
    pub fn ask_to_stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.task).await.unwrap().unwrap();
    }
}

/// The configuration of a test server: loopback PSP, test secrets, the
/// test clock, and limits no test reaches unless it means to.
pub fn test_config(addr: std::net::SocketAddr, data: &Path, dist: &Path) -> Config {
    Config {
        addr,
        public_url: None,
        data_dir: data.to_owned(),
        database_url: database::fresh_url(),
        dist_dir: dist.to_owned(),
        psp_origin: "http://127.0.0.1:9999".into(),
        psp_api_url: None,
        psp_merchant_secret: "sandbox-merchant-secret".into(),
        psp_webhook_secret: WEBHOOK_SECRET.into(),
        operator_token: Some(OPERATOR_TOKEN.into()),
        trusted_proxies: Vec::new(),
        max_in_flight: 1024,
        drain_seconds: 0,
        request_timeout_seconds: 60,
        body_idle_timeout_seconds: 30,
        header_timeout_seconds: 10,
        photo_quota_mib: 5 * 1024,
        max_projects: 100,
        apple_pay_merchant_id: "merchant.test".into(),
        google_pay_merchant_id: "google-test".into(),
        google_pay_production: false,
        google_pay_gateway: "psp-sandbox".into(),
        google_pay_gateway_merchant_id: "sandbox-merchant".into(),
        // No SMTP: the mail tests drive the sender themselves.
        smtp_url: None,
        mail_from: "Service Photo <bonjour@service-photo.localhost>".into(),
        test_clock: true,
        log_level: "warn".into(),
        log_format: LogFormat::Text,
        // The data folder, unless a test gives a bucket (`seaweedfs.rs`).
        photo_store: Default::default(),
    }
}

pub fn write_dist(dir: &Path) {
    let index = format!(
        "<!doctype html><html><head><link rel=\"stylesheet\" href=\"/style-0123456789abcdef.css\">\
         <script type=\"module\">{LOADER}</script></head><body><h1>Boutique</h1></body></html>"
    );
    std::fs::write(dir.join("index.html"), index).unwrap();
    std::fs::write(
        dir.join("style-0123456789abcdef.css"),
        "body{margin:0}".repeat(50),
    )
    .unwrap();
    let wasm = b"\0asm\x01\0\0\0".repeat(200);
    std::fs::write(dir.join("storefront-00aa11bb22cc33dd_bg.wasm"), &wasm).unwrap();
    // Precompressed copy, as `cargo xtask` writes beside every asset.
    std::fs::write(
        dir.join("storefront-00aa11bb22cc33dd_bg.wasm.br"),
        b"pretend-brotli",
    )
    .unwrap();
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().build().unwrap()
}

/// A password the strength rules accept.
pub const STRONG: &str = "k9#Vq2!mZr7p";

/// A browser-like caller: same-origin `Origin`, and the session cookie it
/// was given. Two shoppers signed in to one account are two browsers.
pub struct Shopper<'a> {
    pub server: &'a TestServer,
    pub cookie: Option<String>,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as JSON, `Null` when it is not JSON.
    pub body: Value,
    pub bytes: Vec<u8>,
}

impl<'a> Shopper<'a> {
    pub fn new(server: &'a TestServer) -> Self {
        Self {
            server,
            cookie: None,
        }
    }

    /// A new account, signed in.
    pub async fn signed_up(server: &'a TestServer, email: &str) -> Self {
        let mut shopper = Self::new(server);
        let created = shopper.sign_up(email, STRONG).await;
        assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
        shopper
    }

    pub async fn send(&mut self, method: Method, path: &str, body: Option<Value>) -> Answer {
        let mut request = self.request(method, path);
        if let Some(body) = body {
            request = request.json(&body);
        }
        self.answer(request).await
    }

    /// Raw bytes, as the storefront uploads a photo.
    pub async fn send_bytes(
        &mut self,
        method: Method,
        path: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Answer {
        let request = self
            .request(method, path)
            .header("content-type", content_type)
            .body(bytes);
        self.answer(request).await
    }

    pub fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let mut request = client()
            .request(method, self.server.url(path))
            .header("origin", &self.server.base);
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        request
    }

    pub async fn answer(&mut self, request: reqwest::RequestBuilder) -> Answer {
        let response = request.send().await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        // A small cookie jar: the session's and the known device's.
        for set in headers.get_all(SET_COOKIE) {
            let pair = set.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            let mut jar: Vec<(String, String)> = self
                .cookie
                .iter()
                .flat_map(|cookie| cookie.split("; "))
                .filter_map(|kept| kept.split_once('='))
                .filter(|(kept, _)| *kept != name)
                .map(|(kept, value)| (kept.to_owned(), value.to_owned()))
                .collect();
            if !value.is_empty() {
                jar.push((name.to_owned(), value.to_owned()));
            }
            let joined: Vec<String> = jar.iter().map(|(n, v)| format!("{n}={v}")).collect();
            self.cookie = (!joined.is_empty()).then(|| joined.join("; "));
        }
        let bytes = response.bytes().await.unwrap().to_vec();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Answer {
            status,
            headers,
            body,
            bytes,
        }
    }

    /// A photo's bytes, as the storefront uploads them (the server judges
    /// them by their content, whatever the declared type).
    pub async fn upload_photo(&mut self, project: &str, photo: &str, bytes: Vec<u8>) -> Answer {
        self.send_bytes(
            Method::PUT,
            &format!("/api/v1/projects/{project}/photos/{photo}"),
            "application/octet-stream",
            bytes,
        )
        .await
    }

    pub async fn sign_up(&mut self, email: &str, password: &str) -> Answer {
        let body = json!({"email": email, "password": password});
        self.send(Method::POST, "/api/v1/account", Some(body)).await
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Answer {
        let body = json!({"email": email, "password": password});
        self.send(Method::POST, "/api/v1/session", Some(body)).await
    }

    pub async fn who_am_i(&mut self) -> Answer {
        self.send(Method::GET, "/api/v1/session", None).await
    }

    pub async fn sign_out(&mut self) -> Answer {
        self.send(Method::DELETE, "/api/v1/session", None).await
    }

    pub async fn get(&mut self, path: &str) -> Answer {
        self.send(Method::GET, path, None).await
    }

    pub async fn put(&mut self, path: &str, body: Value) -> Answer {
        self.send(Method::PUT, path, Some(body)).await
    }

    pub async fn post(&mut self, path: &str, body: Value) -> Answer {
        self.send(Method::POST, path, Some(body)).await
    }

    pub async fn delete(&mut self, path: &str) -> Answer {
        self.send(Method::DELETE, path, None).await
    }
}

/// The error code of an API refusal, `""` if the body has none.
/// A prints project's draft: one print per photo.
pub fn prints(name: &str, photo_ids: &[&str]) -> Value {
    json!({
        "name": name,
        "choice": {"product_id": "tirages", "format_id": "10x15", "quantity": photo_ids.len().max(1)},
        "photo_ids": photo_ids,
    })
}

pub fn code(answer: &Answer) -> &str {
    answer.body["error"]["code"].as_str().unwrap_or_default()
}

/// A real PNG from the `png` encoder, one grey level per `shade`, so that
/// photos of one test differ.
pub fn png(width: u32, height: u32, shade: u8) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    writer
        .write_image_data(&vec![shade; (width * height) as usize])
        .unwrap();
    writer.finish().unwrap();
    bytes
}

/// A real JPEG from the `jpeg-encoder` crate.
pub fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = Vec::new();
    jpeg_encoder::Encoder::new(&mut bytes, 85)
        .encode(
            &vec![128; usize::from(width) * usize::from(height) * 3],
            width,
            height,
            jpeg_encoder::ColorType::Rgb,
        )
        .unwrap();
    bytes
}

/// A real lossless WebP from the `image-webp` crate.
pub fn webp(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image_webp::WebPEncoder::new(&mut bytes)
        .encode(
            &vec![64; (width * height * 3) as usize],
            width,
            height,
            image_webp::ColorType::Rgb8,
        )
        .unwrap();
    bytes
}

impl TestServer {
    /// The names of the files kept for a project, whichever account owns it,
    /// sorted.
    pub fn photo_files(&self, project_id: &str) -> Vec<String> {
        let Ok(accounts) = std::fs::read_dir(self.data.path().join("photos")) else {
            return Vec::new();
        };
        let mut names: Vec<String> = accounts
            .filter_map(|account| std::fs::read_dir(account.ok()?.path().join(project_id)).ok())
            .flatten()
            .map(|file| file.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }
}
