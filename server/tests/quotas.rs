//! What one account may keep on the shop's disk: its photos' total bytes
//! and its number of projects, each refused with its own code at the limit,
//! never by filling the disk.

use reqwest::StatusCode;

mod support;
use support::{Shopper, TestServer, code, prints};

/// A PNG of noise: it does not compress, so its size is about
/// `width × height` bytes.
fn noisy_png(width: u32, height: u32, seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    let pixels: Vec<u8> = (0..width * height)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state.to_le_bytes()[0]
        })
        .collect();
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&pixels).unwrap();
    writer.finish().unwrap();
    bytes
}

#[tokio::test]
async fn an_account_keeps_at_most_its_projects() {
    let server = TestServer::start_with(|config| config.max_projects = 2).await;
    let mut shopper = Shopper::signed_up(&server, "q@exemple.fr").await;
    for id in ["a", "b"] {
        let saved = shopper
            .put(&format!("/api/v1/projects/{id}"), prints(id, &[]))
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    }
    let third = shopper.put("/api/v1/projects/c", prints("c", &[])).await;
    assert_eq!(third.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code(&third), "project_quota_reached");
    // A project already kept may still be saved again.
    let again = shopper
        .put("/api/v1/projects/a", prints("A bis", &[]))
        .await;
    assert_eq!(again.status, StatusCode::OK, "{:?}", again.body);
    let list = shopper.get("/api/v1/projects").await;
    assert_eq!(list.body["items"].as_array().unwrap().len(), 2);
    // Room again once one is deleted.
    assert_eq!(
        shopper.delete("/api/v1/projects/b").await.status,
        StatusCode::NO_CONTENT
    );
    let third = shopper.put("/api/v1/projects/c", prints("c", &[])).await;
    assert_eq!(third.status, StatusCode::OK, "{:?}", third.body);
    // The limit is per account.
    let mut other = Shopper::signed_up(&server, "r@exemple.fr").await;
    for id in ["a", "b"] {
        let saved = other
            .put(&format!("/api/v1/projects/{id}"), prints(id, &[]))
            .await;
        assert_eq!(saved.status, StatusCode::OK);
    }
    server.stop().await;
}

#[tokio::test]
async fn parallel_creations_cannot_both_take_the_last_place() {
    let server = TestServer::start_with(|config| config.max_projects = 3).await;
    let shopper = Shopper::signed_up(&server, "p@exemple.fr").await;
    let cookie = shopper.cookie.clone();
    let saves = (0..8).map(|i| {
        let mut one = Shopper::new(&server);
        one.cookie = cookie.clone();
        async move {
            one.put(&format!("/api/v1/projects/n{i}"), prints("n", &[]))
                .await
                .status
        }
    });
    let statuses = futures_util::future::join_all(saves).await;
    let kept = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(kept, 3, "{statuses:?}");
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::OK || *s == StatusCode::UNPROCESSABLE_ENTITY)
    );
    server.stop().await;
}

#[tokio::test]
async fn an_account_keeps_at_most_its_photo_bytes() {
    let server = TestServer::start_with(|config| config.photo_quota_mib = 1).await;
    let mut shopper = Shopper::signed_up(&server, "o@exemple.fr").await;
    shopper
        .put("/api/v1/projects/p", prints("P", &["a", "b", "c"]))
        .await;
    let first = noisy_png(800, 700, 1);
    assert!(
        first.len() > 550_000 && first.len() < 600_000,
        "{}",
        first.len()
    );
    let stored = shopper.upload_photo("p", "a", first.clone()).await;
    assert_eq!(stored.status, StatusCode::OK, "{:?}", stored.body);

    // Declared too big for what is left: refused before it is read.
    let second = shopper.upload_photo("p", "b", noisy_png(800, 700, 2)).await;
    assert_eq!(second.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code(&second), "photo_quota_reached");
    // A replacement of the same photo does not count twice.
    let again = shopper.upload_photo("p", "a", noisy_png(800, 700, 3)).await;
    assert_eq!(again.status, StatusCode::OK, "{:?}", again.body);
    let still_too_big = shopper.upload_photo("p", "b", noisy_png(900, 600, 4)).await;
    assert_eq!(code(&still_too_big), "photo_quota_reached");
    // A smaller one still fits.
    let small = shopper.upload_photo("p", "b", noisy_png(400, 400, 4)).await;
    assert_eq!(small.status, StatusCode::OK, "{:?}", small.body);
    assert_eq!(server.photo_files("p"), ["a", "b"]);
    server.stop().await;
}

/// Without a `Content-Length`, the upload is judged once received: refused
/// then, and its file deleted.
#[tokio::test]
async fn an_upload_of_unknown_length_is_judged_against_the_quota_once_received() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let server = TestServer::start_with(|config| config.photo_quota_mib = 1).await;
    let mut shopper = Shopper::signed_up(&server, "n@exemple.fr").await;
    shopper
        .put("/api/v1/projects/p", prints("P", &["a", "b"]))
        .await;
    let stored = shopper.upload_photo("p", "a", noisy_png(800, 700, 1)).await;
    assert_eq!(stored.status, StatusCode::OK);
    let photo = noisy_png(800, 700, 2);
    let host = server.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "PUT /api/v1/projects/p/photos/b HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n\
         Cookie: {}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n",
        server.base,
        shopper.cookie.as_deref().unwrap(),
        photo.len(),
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&photo).await.unwrap();
    stream.write_all(b"\r\n0\r\n\r\n").await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 422"), "{response}");
    assert!(response.contains("\"photo_quota_reached\""), "{response}");
    assert_eq!(server.photo_files("p"), ["a"]);
    server.stop().await;
}
