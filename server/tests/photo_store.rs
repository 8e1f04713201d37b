//! Photos in an S3-compatible bucket, through the real HTTP API against a
//! real SeaweedFS (`support/seaweedfs.rs`): uploads up and back whole (one
//! `PUT`, and a multipart upload for a photo larger than a part), nothing
//! kept on the server's disk, orders frozen by server-side copies and
//! printed after the project is gone, deletions of photos, projects and
//! accounts reaching the bucket, and the purge's listing of orders.
//!
//! Every test is named `seaweedfs_…`: `cargo xtask test` runs them in a stage of
//! their own (`SHOP_TEST_SEAWEEDFS=required`) and skips them in the other
//! API tests. Without SeaweedFS installed, a plain `cargo test` prints
//! `SKIPPED` and passes them.

use object_store::ObjectStoreExt as _;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shop_server::config::photos::PhotoLocation;
use shop_server::projects::files::{PART_BYTES, PhotoFiles};

mod support;
use support::seaweedfs::SeaweedFs;
use support::{OPERATOR_TOKEN, STRONG, Shopper, TestServer, client, code, png};

const BUCKET: &str = "shop-photos";
const PREFIX: &str = "boutique";

/// SeaweedFS with the bucket, and a shop server whose photos are in it;
/// `None` when SeaweedFS is not installed (printed by `start`).
async fn shop_on_s3() -> Option<(SeaweedFs, TestServer)> {
    let seaweed = SeaweedFs::start().await?;
    seaweed.bucket(BUCKET).await;
    let store = seaweed.photo_store(BUCKET, PREFIX);
    let server = TestServer::start_with(|config| config.photo_store = store).await;
    Some((seaweed, server))
}

/// An incompressible PNG (noise) of about `width × height × 3` bytes.
fn noisy_png(width: u32, height: u32) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let pixels: Vec<u8> = (0..width * height * 3)
        .map(|_| {
            // xorshift64: cheap, and no pattern the encoder could use.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 56) as u8
        })
        .collect();
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&pixels).unwrap();
    writer.finish().unwrap();
    bytes
}

async fn save_project(shopper: &mut Shopper<'_>, project: &str, photos: &[&str]) {
    let saved = shopper
        .put(
            &format!("/api/v1/projects/{project}"),
            support::prints(project, photos),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
}

async fn upload(shopper: &mut Shopper<'_>, project: &str, photo: &str, bytes: Vec<u8>) {
    let uploaded = shopper
        .send_bytes(
            Method::PUT,
            &format!("/api/v1/projects/{project}/photos/{photo}"),
            "image/png",
            bytes,
        )
        .await;
    assert_eq!(uploaded.status, StatusCode::OK, "{:?}", uploaded.body);
}

/// The keys under `<prefix>/<under>`, without the prefix.
async fn keys(seaweed: &SeaweedFs, under: &str) -> Vec<String> {
    seaweed
        .keys(BUCKET, &format!("{PREFIX}/{under}"))
        .await
        .unwrap()
        .into_iter()
        .map(|key| key.trim_start_matches(&format!("{PREFIX}/")).to_owned())
        .collect()
}

/// The names of a project's photos in the bucket, whatever the account.
async fn project_photos(seaweed: &SeaweedFs, project: &str) -> Vec<String> {
    keys(seaweed, "photos")
        .await
        .into_iter()
        .filter_map(|key| {
            let mut parts = key.split('/').skip(2);
            (parts.next() == Some(project)).then(|| parts.next().unwrap_or("").to_owned())
        })
        .collect()
}

fn staged_files(server: &TestServer) -> usize {
    std::fs::read_dir(server.data.path().join("photo-uploads"))
        .map(|dir| dir.count())
        .unwrap_or(0)
}

#[tokio::test]
async fn seaweedfs_photos_go_up_and_come_back_whole_and_deletions_reach_the_bucket() {
    let Some((seaweed, server)) = shop_on_s3().await else {
        return;
    };
    let mut shopper = Shopper::signed_up(&server, "s3@exemple.fr").await;
    save_project(&mut shopper, "vacances", &["petite", "grande"]).await;

    let small = png(40, 30, 90);
    upload(&mut shopper, "vacances", "petite", small.clone()).await;
    // Larger than one part: a multipart upload of two parts.
    let big = noisy_png(1400, 1400);
    assert!(big.len() > PART_BYTES, "{} bytes", big.len());
    upload(&mut shopper, "vacances", "grande", big.clone()).await;

    for (photo, bytes) in [("petite", &small), ("grande", &big)] {
        let read = shopper
            .get(&format!("/api/v1/projects/vacances/photos/{photo}"))
            .await;
        assert_eq!(read.status, StatusCode::OK);
        assert_eq!(read.headers["content-type"], "image/png");
        assert_eq!(read.headers["content-length"], bytes.len().to_string());
        assert!(read.bytes == *bytes, "{photo}: the same bytes");
    }
    assert_eq!(
        project_photos(&seaweed, "vacances").await,
        ["grande", "petite"]
    );
    // S3 names a multipart object's ETag `<digest>-<parts>`; a single
    // `PUT`'s has no dash.
    let etag = |photo: &'static str| {
        let bucket = seaweed.client(BUCKET);
        let seaweed = &seaweed;
        async move {
            let key = keys(seaweed, "photos")
                .await
                .into_iter()
                .find(|key| key.ends_with(&format!("/vacances/{photo}")))
                .unwrap();
            let path = object_store::path::Path::from(format!("{PREFIX}/{key}"));
            bucket.head(&path).await.unwrap().e_tag.unwrap()
        }
    };
    assert!(etag("grande").await.trim_matches('"').ends_with("-2"));
    assert!(!etag("petite").await.contains('-'));
    // Nothing of the photos stays on the server's own disk.
    assert_eq!(staged_files(&server), 0);
    assert!(!server.data.path().join("photos").exists());

    // Another shopper's photo is not found, even though it is in the bucket.
    let mut stranger = Shopper::signed_up(&server, "autre@exemple.fr").await;
    let refused = stranger
        .get("/api/v1/projects/vacances/photos/petite")
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    // A re-upload replaces the object; a refused one leaves it and nothing
    // staged.
    let replaced = png(40, 30, 10);
    upload(&mut shopper, "vacances", "petite", replaced.clone()).await;
    let refused = shopper
        .send_bytes(
            Method::PUT,
            "/api/v1/projects/vacances/photos/petite",
            "image/png",
            b"not an image at all".to_vec(),
        )
        .await;
    assert_eq!(code(&refused), "invalid_image");
    assert_eq!(staged_files(&server), 0);
    let read = shopper.get("/api/v1/projects/vacances/photos/petite").await;
    assert_eq!(read.bytes, replaced);

    // A photo the draft drops goes; the project's deletion takes the rest.
    save_project(&mut shopper, "vacances", &["grande"]).await;
    assert_eq!(project_photos(&seaweed, "vacances").await, ["grande"]);
    save_project(&mut shopper, "ete", &["a"]).await;
    upload(&mut shopper, "ete", "a", png(8, 8, 1)).await;
    assert_eq!(
        shopper.delete("/api/v1/projects/vacances").await.status,
        StatusCode::NO_CONTENT
    );
    assert!(project_photos(&seaweed, "vacances").await.is_empty());
    assert_eq!(
        project_photos(&seaweed, "ete").await,
        ["a"],
        "the other stays"
    );
    server.stop().await;
}

#[tokio::test]
async fn seaweedfs_an_account_deleted_takes_its_photos_and_no_one_elses() {
    let Some((seaweed, server)) = shop_on_s3().await else {
        return;
    };
    let mut leaving = Shopper::signed_up(&server, "depart@exemple.fr").await;
    let mut staying = Shopper::signed_up(&server, "reste@exemple.fr").await;
    for project in ["un", "deux"] {
        save_project(&mut leaving, project, &["p1"]).await;
        upload(&mut leaving, project, "p1", png(8, 8, 3)).await;
    }
    save_project(&mut staying, "un", &["p1"]).await;
    upload(&mut staying, "un", "p1", png(8, 8, 4)).await;
    assert_eq!(keys(&seaweed, "photos").await.len(), 3);

    let deleted = leaving
        .send(
            Method::DELETE,
            "/api/v1/account",
            Some(json!({"password": STRONG})),
        )
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT, "{:?}", deleted.body);
    let left = keys(&seaweed, "photos").await;
    assert_eq!(left.len(), 1, "{left:?}");
    let kept = staying.get("/api/v1/projects/un/photos/p1").await;
    assert_eq!(kept.bytes, png(8, 8, 4));
    server.stop().await;
}

/// A saved poster of one photo in the cart, then the order.
async fn ordered(shopper: &mut Shopper<'_>, photo: Vec<u8>) -> String {
    let choice = json!({"product_id": "poster", "format_id": "50x70", "quantity": 1});
    let saved = shopper
        .put(
            "/api/v1/projects/phare",
            json!({"name": "Le phare", "choice": choice, "photo_ids": ["p1"]}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    upload(shopper, "phare", "p1", photo).await;
    let cart = json!({"lines": [{"project_id": "phare", "project_name": "Le phare",
        "choice": choice, "copies": 1}]});
    assert_eq!(
        shopper.put("/api/v1/cart", cart).await.status,
        StatusCode::OK
    );
    let address = json!({"name": "Camille Martin", "street": "12 rue des Lilas",
        "postcode": "35000", "city": "Rennes", "country": "FR", "phone": "06 12 34 56 78"});
    let made = shopper
        .answer(
            shopper
                .request(Method::POST, "/api/v1/orders")
                .header("Idempotency-Key", "s3-order")
                .json(
                    &json!({"delivery_address": address, "delivery_option_id": "standard",
                    "accepted_terms": shop_api::order::TERMS_VERSION}),
                ),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{:?}", made.body);
    made.body["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn seaweedfs_orders_keep_their_photos_apart_and_the_purge_finds_them_by_prefix() {
    use shop_server::housekeeping::{Housekeeping, ORDER_PHOTO_RETENTION_SECONDS};
    let Some((seaweed, server)) = shop_on_s3().await else {
        return;
    };
    let mut shopper = Shopper::signed_up(&server, "commande@exemple.fr").await;
    let original = noisy_png(60, 40);
    let id = ordered(&mut shopper, original.clone()).await;
    assert_eq!(
        keys(&seaweed, "order-photos").await,
        [format!("order-photos/{id}/0-0")]
    );

    // Later changes to the project do not reach the order's copy.
    upload(&mut shopper, "phare", "p1", png(60, 40, 10)).await;
    assert_eq!(
        shopper.delete("/api/v1/projects/phare").await.status,
        StatusCode::NO_CONTENT
    );
    assert!(keys(&seaweed, "photos").await.is_empty());
    let printed = client()
        .get(server.url(&format!("/api/v1/operator/orders/{id}/photos/0/0")))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(printed.status(), StatusCode::OK);
    assert_eq!(printed.headers()["content-type"], "image/png");
    assert!(
        printed.bytes().await.unwrap() == original,
        "the photo as ordered"
    );

    // The purge, as every server process runs it, against the same bucket.
    let location = shop_server::config::photos::PhotoStoreArgs::location(
        &seaweed.photo_store(BUCKET, PREFIX),
        server.data.path(),
    )
    .unwrap();
    assert!(matches!(location, PhotoLocation::Bucket(_)));
    let staging = tempfile::TempDir::new().unwrap();
    let photos = PhotoFiles::connect(&location, staging.path().to_owned())
        .await
        .unwrap();
    assert!(photos.is_bucket());
    // A folder of an order being made right now, by another process.
    seaweed
        .client(BUCKET)
        .put(
            &object_store::path::Path::from(format!("{PREFIX}/order-photos/enroute/0-0")),
            b"x".to_vec().into(),
        )
        .await
        .unwrap();
    let mut folders = photos.order_folders().await.unwrap();
    folders.sort();
    let mut expected = vec![id.clone(), "enroute".to_owned()];
    expected.sort();
    assert_eq!(folders, expected);
    let age = photos.order_folder_age(&id).await.unwrap().unwrap();
    assert!(age < std::time::Duration::from_secs(600), "{age:?}");
    assert_eq!(photos.order_folder_age("absente").await.unwrap(), None);

    let cancel = client()
        .post(server.url(&format!("/api/v1/operator/orders/{id}/cancel")))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(cancel.status(), StatusCode::OK);
    let db = server.database().await;
    let clock = shop_server::clock::Clock::test();
    let housekeeping = Housekeeping::new(db, photos, clock.clone());
    let first = housekeeping.pass().await.unwrap();
    assert_eq!((first.order_photos, first.stray_folders), (0, 0));
    clock.advance(ORDER_PHOTO_RETENTION_SECONDS + 3600).unwrap();
    let second = housekeeping.pass().await.unwrap();
    assert_eq!((second.order_photos, second.stray_folders), (1, 0));
    // The young folder of an order not made yet stays.
    assert_eq!(
        keys(&seaweed, "order-photos").await,
        ["order-photos/enroute/0-0"]
    );
    let gone = client()
        .get(server.url(&format!("/api/v1/operator/orders/{id}/photos")))
        .bearer_auth(OPERATOR_TOKEN)
        .send()
        .await
        .unwrap();
    let gone: Value = gone.json().await.unwrap();
    assert_eq!(gone["photos"], json!([]));
    server.stop().await;
}

#[tokio::test]
async fn seaweedfs_a_bucket_the_server_cannot_use_stops_it_at_start() {
    let Some(seaweed) = SeaweedFs::start().await else {
        return;
    };
    seaweed.bucket(BUCKET).await;
    let staging = tempfile::TempDir::new().unwrap();
    let open = |args: shop_server::config::photos::PhotoStoreArgs| {
        let staging = staging.path().to_owned();
        async move {
            let location = args.location(std::path::Path::new("unused")).unwrap();
            PhotoFiles::connect(&location, staging).await
        }
    };
    assert!(open(seaweed.photo_store(BUCKET, PREFIX)).await.is_ok());
    let missing = open(seaweed.photo_store("absent-bucket", PREFIX))
        .await
        .unwrap_err();
    assert!(missing.to_string().contains("absent-bucket"), "{missing}");
    let mut wrong_key = seaweed.photo_store(BUCKET, PREFIX);
    wrong_key.s3_secret_access_key = Some("not-the-secret".into());
    assert!(open(wrong_key).await.is_err());
}

/// A shopper on a slow line reads a large photo for longer than an S3
/// request may take by default (30 s): the bucket's answer is passed on at
/// the shopper's pace, so it must not be cut off meanwhile. (object_store
/// resumes a body cut by its deadline with a ranged request, a few times,
/// which hid the deadline here; downloads now have none.)
#[tokio::test]
async fn seaweedfs_a_slow_download_gets_the_whole_photo() {
    use futures_util::StreamExt as _;
    let Some((_seaweed, server)) = shop_on_s3().await else {
        return;
    };
    let mut shopper = Shopper::signed_up(&server, "lent@exemple.fr").await;
    save_project(&mut shopper, "grand", &["p1"]).await;
    // Larger than what the sockets between bucket, shop and reader hold.
    let photo = noisy_png(2600, 2600);
    upload(&mut shopper, "grand", "p1", photo.clone()).await;
    let answer = shopper
        .request(Method::GET, "/api/v1/projects/grand/photos/p1")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    let mut body = answer.bytes_stream();
    let mut read = body.next().await.unwrap().unwrap().to_vec();
    tokio::time::sleep(std::time::Duration::from_secs(35)).await;
    while let Some(chunk) = body.next().await {
        read.extend_from_slice(&chunk.expect("the rest of the photo"));
    }
    assert_eq!(read.len(), photo.len());
    assert!(read == photo, "the same bytes");
    server.stop().await;
}

/// With signed URLs on, a shopper's download is a redirect to the bucket,
/// made only once the shop has found the photo in the shopper's own
/// projects; the URL reads the photo without any cookie, for a short
/// while only, and the storefront's CSP lets it be fetched.
#[tokio::test]
async fn seaweedfs_signed_urls_send_the_shopper_to_the_bucket_for_their_own_photos() {
    let Some(seaweed) = SeaweedFs::start().await else {
        return;
    };
    seaweed.bucket(BUCKET).await;
    let mut store = seaweed.photo_store(BUCKET, PREFIX);
    store.s3_signed_url_seconds = Some(2);
    let server = TestServer::start_with(|config| config.photo_store = store).await;
    let mut shopper = Shopper::signed_up(&server, "signe@exemple.fr").await;
    save_project(&mut shopper, "p", &["a"]).await;
    let photo = png(30, 20, 7);
    upload(&mut shopper, "p", "a", photo.clone()).await;

    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let asked = no_redirects
        .execute(
            shopper
                .request(Method::GET, "/api/v1/projects/p/photos/a")
                .build()
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(asked.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(asked.headers()["cache-control"], "no-store");
    let policy = asked.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        policy.contains(&format!("https://pay.google.com {};", seaweed.endpoint)),
        "{policy}"
    );
    let location = asked.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with(&seaweed.endpoint), "{location}");
    assert!(location.contains("X-Amz-Signature="), "{location}");
    // No shop cookie reaches the bucket: the URL alone is the key.
    let read = client().get(&location).send().await.unwrap();
    assert_eq!(read.status(), StatusCode::OK);
    assert!(read.bytes().await.unwrap() == photo);
    // A browser-like client follows the redirect by itself.
    let followed = shopper.get("/api/v1/projects/p/photos/a").await;
    assert_eq!(followed.status, StatusCode::OK);
    assert_eq!(followed.bytes, photo);

    // Another shopper is not sent anywhere.
    let mut stranger = Shopper::signed_up(&server, "intrus@exemple.fr").await;
    let refused = stranger.get("/api/v1/projects/p/photos/a").await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert_eq!(code(&refused), "not_found");

    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let late = client().get(&location).send().await.unwrap();
    assert_eq!(late.status(), StatusCode::FORBIDDEN, "expired");
    server.stop().await;
}
