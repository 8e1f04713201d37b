//! API tests against a real shop server on a free port, with a real SQLite
//! file and a storefront folder laid out the way Trunk builds it.

use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
};

mod support;
use support::{LOADER, TestServer, client};

#[tokio::test]
async fn health_reports_a_migrated_database_file() {
    let server = TestServer::start().await;
    let response = reqwest::get(server.url("/api/v1/health")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CACHE_CONTROL], "no-store");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"]["status"], "ok");
    // The newest migration's number (numbers may leave gaps), the same
    // in both engines' folders.
    let newest = |engine: &str| {
        std::fs::read_dir(format!(
            "{}/migrations/{engine}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.split('_').next()?.parse::<i64>().ok()
        })
        .max()
        .unwrap()
    };
    assert_eq!(newest("sqlite"), newest("postgres"));
    assert_eq!(body["database"]["schema_version"], newest("sqlite"));
    if server.database_url.starts_with("sqlite:") {
        assert!(server.data.path().join("shop.sqlite3").is_file());
    }
    server.stop().await;
}

#[tokio::test]
async fn unknown_api_paths_answer_json_not_the_app() {
    let server = TestServer::start().await;
    for path in [
        "/api/v1/nope",
        "/api",
        "/api/v2/health",
        "/api/v1/health/extra",
    ] {
        let response = reqwest::get(server.url(path)).await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(
            response.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("application/json"),
            "{path}"
        );
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "not_found", "{path}");
    }
    let response = client()
        .delete(server.url("/api/v1/health"))
        .header("origin", &server.base)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "method_not_allowed");
    server.stop().await;
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let server = TestServer::start().await;
    let hash = {
        use base64::Engine as _;
        use sha2::Digest as _;
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(LOADER))
    };
    for path in ["/", "/panier", "/api/v1/health", "/api/nope", "/missing.js"] {
        let response = reqwest::get(server.url(path)).await.unwrap();
        let headers = response.headers();
        let csp = headers[CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            csp.contains("frame-src http://127.0.0.1:9999;"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(csp.contains("object-src 'none'"), "{path}");
        assert!(csp.contains("base-uri 'none'"), "{path}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{path}");
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            headers["referrer-policy"],
            "strict-origin-when-cross-origin"
        );
        let permissions = headers["permissions-policy"].to_str().unwrap();
        assert!(permissions.contains("payment=(self)"), "{path}");
        let hsts = headers["strict-transport-security"].to_str().unwrap();
        assert!(hsts.starts_with("max-age=63072000"), "{path}: {hsts}");
        assert_eq!(headers["cross-origin-opener-policy"], "same-origin");
        assert_eq!(headers["cross-origin-resource-policy"], "same-origin");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_panic_answers_a_json_500_and_the_server_goes_on() {
    let server = TestServer::start().await;
    for _ in 0..3 {
        let response = client()
            .post(server.url("/api/v1/test/panic"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(response.headers().contains_key(CONTENT_SECURITY_POLICY));
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "internal");
    }
    let health = reqwest::get(server.url("/api/v1/health")).await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    server.stop().await;
}

#[tokio::test]
async fn client_routes_get_the_uncached_app_and_missing_files_a_404() {
    let server = TestServer::start().await;
    for path in ["/", "/panier", "/compte", "/une/route/inconnue"] {
        let response = reqwest::get(server.url(path)).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()[CACHE_CONTROL], "no-cache", "{path}");
        assert!(
            response.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        assert!(!response.headers().contains_key("allow"), "{path}");
        assert!(response.text().await.unwrap().contains("<h1>Boutique</h1>"));
    }
    let missing = reqwest::get(server.url("/storefront-ffffffffffffffff.js"))
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_ne!(missing.headers()[CACHE_CONTROL], "no-cache");
    server.stop().await;
}

#[tokio::test]
async fn hashed_assets_are_immutable_typed_and_compressed() {
    let server = TestServer::start().await;
    let wasm = client()
        .get(server.url("/storefront-00aa11bb22cc33dd_bg.wasm"))
        .header(ACCEPT_ENCODING, "br")
        .send()
        .await
        .unwrap();
    assert_eq!(wasm.status(), StatusCode::OK);
    assert_eq!(wasm.headers()[CONTENT_TYPE], "application/wasm");
    assert_eq!(wasm.headers()[CONTENT_ENCODING], "br");
    assert_eq!(
        wasm.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(wasm.bytes().await.unwrap().as_ref(), b"pretend-brotli");

    // Not precompressed on disk: compressed on the fly.
    let css = client()
        .get(server.url("/style-0123456789abcdef.css"))
        .header(ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(css.status(), StatusCode::OK);
    assert!(
        css.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert_eq!(css.headers()[CONTENT_ENCODING], "gzip");

    let index = client()
        .get(server.url("/compte"))
        .header(ACCEPT_ENCODING, "br")
        .send()
        .await
        .unwrap();
    assert_eq!(index.headers()[CONTENT_ENCODING], "br");
    server.stop().await;
}

#[tokio::test]
async fn a_stopping_server_says_it_is_not_ready_while_it_still_serves() {
    let mut server = TestServer::start_with(|config| config.drain_seconds = 2).await;
    let ready = reqwest::get(server.url("/api/v1/ready")).await.unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(ready.headers()[CACHE_CONTROL], "no-store");
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(body["ready"], true);
    assert_eq!(body["draining"], false);
    assert_eq!(body["database"]["status"], "ok");

    server.ask_to_stop();
    let mut draining = None;
    for _ in 0..100 {
        let answer = reqwest::get(server.url("/api/v1/ready")).await.unwrap();
        if answer.status() == StatusCode::SERVICE_UNAVAILABLE {
            draining = Some(answer.json::<serde_json::Value>().await.unwrap());
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let body = draining.expect("not ready once asked to stop");
    assert_eq!(body["ready"], false);
    assert_eq!(body["draining"], true);
    // Still serving meanwhile: the balancer's requests already sent finish.
    let health = reqwest::get(server.url("/api/v1/health")).await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    server.stop().await;
}
