//! A real shop server on a free port, with its own SQLite file and a
//! storefront folder laid out the way Trunk builds it.

#![allow(dead_code)]

use shop_server::config::{Config, LogFormat};
use std::path::Path;
use tempfile::TempDir;
use tokio::sync::oneshot;

pub const LOADER: &str = "import init from '/storefront-00aa11bb22cc33dd.js'; init();";

pub struct TestServer {
    pub base: String,
    pub data: TempDir,
    _dist: TempDir,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<Result<(), shop_server::ServerError>>,
}

impl TestServer {
    pub async fn start() -> Self {
        let data = TempDir::new().unwrap();
        let dist = TempDir::new().unwrap();
        write_dist(dist.path());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let config = Config {
            addr: listener.local_addr().unwrap(),
            data_dir: data.path().to_owned(),
            dist_dir: dist.path().to_owned(),
            psp_origin: "http://127.0.0.1:9999".into(),
            log_level: "warn".into(),
            log_format: LogFormat::Text,
        };
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(shop_server::serve(config, listener, async {
            let _ = stopped.await;
        }));
        let server = Self {
            base,
            data,
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

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.task).await.unwrap().unwrap();
    }
}

fn write_dist(dir: &Path) {
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
