//! The catalogue and quotes over real HTTP: the server prices everything,
//! whatever the request claims.

use reqwest::StatusCode;
use serde_json::{Value, json};

mod support;
use support::{TestServer, client};

async fn quote(server: &TestServer, body: Value) -> (StatusCode, Value) {
    let response = client()
        .post(server.url("/api/v1/quote"))
        .header("origin", &server.base)
        .json(&body)
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap())
}

#[tokio::test]
async fn the_catalogue_is_seeded_at_first_start() {
    let server = TestServer::start().await;
    let catalogue: Value = reqwest::get(server.url("/api/v1/catalogue"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let kinds: Vec<_> = catalogue["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kinds, ["prints", "photo_book", "calendar", "poster"]);
    assert_eq!(catalogue["products"][0]["name"]["fr"], "Tirages photo");
    assert_eq!(
        catalogue["products"][0]["from_price"],
        json!({"cents": 12, "currency": "EUR"})
    );
    assert_eq!(catalogue["free_delivery_threshold"]["cents"], 4900);
    server.stop().await;
}

/// The server reads the catalogue once at start-up and serves it from
/// memory: what it answers is what the database holds. No endpoint changes
/// the catalogue while the server runs (only migrations do, at start-up),
/// so there is no later change to look for.
#[tokio::test]
async fn the_catalogue_served_from_memory_is_the_stored_one() {
    let server = TestServer::start().await;
    let served: Value = reqwest::get(server.url("/api/v1/catalogue"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let db = server.database().await;
    let stored = serde_json::to_value(db.load_catalogue().await.unwrap()).unwrap();
    db.close().await;
    assert_eq!(served, stored);
    server.stop().await;
}

/// The same for every shopper: browsers may keep it, asking each time
/// whether it changed (304 without a body when it has not).
#[tokio::test]
async fn the_catalogue_is_revalidated_with_its_etag() {
    let server = TestServer::start().await;
    let first = client()
        .get(server.url("/api/v1/catalogue"))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers()["cache-control"], "no-cache");
    assert_eq!(first.headers()["content-type"], "application/json");
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");
    let again = client()
        .get(server.url("/api/v1/catalogue"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"], etag.as_str());
    assert!(again.bytes().await.unwrap().is_empty());
    let stale = client()
        .get(server.url("/api/v1/catalogue"))
        .header("if-none-match", "W/\"0000\"")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::OK);
    assert_eq!(
        stale.json::<Value>().await.unwrap()["free_delivery_threshold"]["cents"],
        4900
    );
    // Everything else under /api stays uncached.
    let quote = client()
        .post(server.url("/api/v1/quote"))
        .header("origin", &server.base)
        .json(&json!({"product_id": "poster", "format_id": "50x70", "quantity": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(quote.headers()["cache-control"], "no-store");
    server.stop().await;
}

/// Compressed once at start-up, sent in the encoding the browser takes.
#[tokio::test]
async fn the_catalogue_comes_compressed_when_the_browser_accepts_it() {
    let server = TestServer::start().await;
    let plain = client()
        .get(server.url("/api/v1/catalogue"))
        .send()
        .await
        .unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.bytes().await.unwrap();
    let gzipped = client()
        .get(server.url("/api/v1/catalogue"))
        .header("accept-encoding", "gzip, deflate")
        .send()
        .await
        .unwrap();
    assert_eq!(gzipped.headers()["content-encoding"], "gzip");
    assert_eq!(gzipped.headers()["vary"], "accept-encoding");
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&gzipped.bytes().await.unwrap()[..]),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, plain);
    let brotli = client()
        .get(server.url("/api/v1/catalogue"))
        .header("accept-encoding", "gzip, deflate, br, zstd")
        .send()
        .await
        .unwrap();
    assert_eq!(brotli.headers()["content-encoding"], "br");
    let mut unbrotlied = Vec::new();
    brotli::BrotliDecompress(&mut &brotli.bytes().await.unwrap()[..], &mut unbrotlied).unwrap();
    assert_eq!(unbrotlied, plain);
    server.stop().await;
}

#[tokio::test]
async fn quotes_come_from_the_server_whatever_the_request_claims() {
    let server = TestServer::start().await;
    let (status, body) = quote(
        &server,
        json!({
            "product_id": "livre-photo", "format_id": "30x30", "quantity": 3,
            "pages": 30, "cover_id": "rigide",
            // Tampering: prices in the request are not read.
            "unit_price": {"cents": 1, "currency": "EUR"}, "total": {"cents": 1, "currency": "EUR"}
        }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let unit = 3999 + 6 * 129 + 500;
    assert_eq!(body["unit_price"]["cents"], unit);
    assert_eq!(body["total"]["cents"], 3 * unit);
    server.stop().await;
}

#[tokio::test]
async fn bad_choices_get_a_code_the_storefront_can_explain() {
    let server = TestServer::start().await;
    let cases = [
        (
            json!({"product_id": "mug", "format_id": "x", "quantity": 1}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_product",
        ),
        (
            json!({"product_id": "tirages", "format_id": "9x13", "quantity": 1}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_option",
        ),
        (
            json!({"product_id": "poster", "format_id": "50x70", "quantity": 0}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_quantity",
        ),
        (
            json!({"product_id": "poster", "format_id": "50x70", "quantity": 4_000_000_000u64}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_quantity",
        ),
        (
            json!({"product_id": "poster", "format_id": "50x70", "quantity": -1}),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            json!({"product_id": "poster", "format_id": "50x70", "quantity": 1e30}),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            json!({"product_id": "livre-photo", "format_id": "a4-portrait", "quantity": 1, "pages": 23, "cover_id": "souple"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_pages",
        ),
    ];
    for (body, expected_status, expected_code) in cases {
        let (status, answer) = quote(&server, body.clone()).await;
        assert_eq!(status, expected_status, "{body}");
        assert_eq!(answer["error"]["code"], expected_code, "{body}");
    }
    server.stop().await;
}

#[tokio::test]
async fn cart_totals_are_recomputed_from_the_catalogue() {
    let server = TestServer::start().await;
    let response = client()
        .post(server.url("/api/v1/cart/totals"))
        .header("origin", &server.base)
        .json(&json!({
            "lines": [
                {"product_id": "poster", "format_id": "60x90", "quantity": 2, "total": {"cents": 1, "currency": "EUR"}},
                {"product_id": "tirages", "format_id": "10x15", "quantity": 50}
            ],
            "delivery_option_id": "standard",
            "total": {"cents": 1, "currency": "EUR"}
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let totals: Value = response.json().await.unwrap();
    assert_eq!(totals["subtotal"]["cents"], 2 * 2499 + 50 * 15);
    assert_eq!(totals["delivery"]["waived"], true);
    assert_eq!(totals["total"]["cents"], 2 * 2499 + 50 * 15);
    assert_eq!(totals["vat_included"]["cents"], 958); // 5748 / 6
    server.stop().await;
}

/// A small JSON answer goes out as it is (compressing it saves part of one
/// packet and costs more than pricing the cart); a large one is compressed.
#[tokio::test]
async fn only_json_answers_over_a_kibibyte_are_compressed() {
    let server = TestServer::start().await;
    let totals = |lines: usize| {
        client()
            .post(server.url("/api/v1/cart/totals"))
            .header("origin", &server.base)
            .header("accept-encoding", "gzip, deflate, br, zstd")
            .json(&json!({
                "lines": vec![json!({"product_id": "tirages", "format_id": "10x15", "quantity": 50}); lines],
                "delivery_option_id": "standard"
            }))
            .send()
    };
    let small = totals(2).await.unwrap();
    assert_eq!(small.status(), StatusCode::OK);
    assert!(small.headers().get("content-encoding").is_none());
    assert!(small.bytes().await.unwrap().len() < 1024);
    let large = totals(20).await.unwrap();
    assert_eq!(large.status(), StatusCode::OK);
    assert_eq!(large.headers()["content-encoding"], "br");
    server.stop().await;
}
