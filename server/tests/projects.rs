//! Saved projects and their photos over real HTTP, with a real SQLite file
//! and real files in the data folder.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shop_api::project::{MAX_PHOTO_BYTES, MAX_PHOTOS_PER_PROJECT};

mod support;
use support::{Shopper, TestServer, code, jpeg, png, prints, webp};

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item.as_str().or(item["id"].as_str()).unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn projects_need_a_session() {
    let server = TestServer::start().await;
    let mut guest = Shopper::new(&server);
    let answers = [
        guest.get("/api/v1/projects").await,
        guest.get("/api/v1/projects/p1").await,
        guest
            .put("/api/v1/projects/p1", prints("Vacances", &[]))
            .await,
        guest.delete("/api/v1/projects/p1").await,
        guest.upload_photo("p1", "a", png(1, 1, 0)).await,
        guest.get("/api/v1/projects/p1/photos/a").await,
    ];
    for answer in answers {
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(code(&answer), "unauthenticated");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_project_is_saved_filled_reordered_and_reopened() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "a@exemple.fr").await;

    let saved = shopper
        .put(
            "/api/v1/projects/vacances",
            prints("  Vacances  ", &["a", "b", "c"]),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    assert_eq!(saved.body["name"], "Vacances");
    assert_eq!(saved.body["photos"], json!([]));
    assert_eq!(ids(&saved.body["missing_photo_ids"]), ["a", "b", "c"]);

    // A PNG, a JPEG and a WebP, declared with misleading types: the server
    // says what they are.
    let (a, b, c) = (png(3, 2, 10), jpeg(8, 5), webp(4, 6));
    let uploaded = shopper.upload_photo("vacances", "a", a.clone()).await;
    assert_eq!(uploaded.status, StatusCode::OK, "{:?}", uploaded.body);
    assert_eq!(
        uploaded.body,
        json!({"id": "a", "content_type": "image/png", "bytes": a.len(), "width": 3, "height": 2})
    );
    let uploaded = shopper.upload_photo("vacances", "b", b.clone()).await;
    assert_eq!(uploaded.body["content_type"], "image/jpeg");
    assert_eq!(
        (
            uploaded.body["width"].as_u64(),
            uploaded.body["height"].as_u64()
        ),
        (Some(8), Some(5))
    );
    let uploaded = shopper.upload_photo("vacances", "c", c.clone()).await;
    assert_eq!(uploaded.body["content_type"], "image/webp");

    let opened = shopper.get("/api/v1/projects/vacances").await;
    assert_eq!(opened.status, StatusCode::OK);
    assert_eq!(ids(&opened.body["photos"]), ["a", "b", "c"]);
    assert_eq!(opened.body["missing_photo_ids"], json!([]));
    assert_eq!(server.photo_files("vacances"), ["a", "b", "c"]);

    // Reorder, drop b, add d (not uploaded yet).
    let reordered = shopper
        .put(
            "/api/v1/projects/vacances",
            prints("Vacances", &["c", "a", "d"]),
        )
        .await;
    assert_eq!(reordered.status, StatusCode::OK);
    assert_eq!(ids(&reordered.body["photos"]), ["c", "a"]);
    assert_eq!(ids(&reordered.body["missing_photo_ids"]), ["d"]);
    assert_eq!(
        server.photo_files("vacances"),
        ["a", "c"],
        "b's file is deleted"
    );
    let dropped = shopper.get("/api/v1/projects/vacances/photos/b").await;
    assert_eq!(dropped.status, StatusCode::NOT_FOUND);
    assert_eq!(code(&dropped), "not_found");

    // Reopened as saved; each photo downloads as it was uploaded.
    let reopened = shopper.get("/api/v1/projects/vacances").await;
    assert_eq!(reopened.body, reordered.body);
    for (id, bytes, content_type) in [("c", &c, "image/webp"), ("a", &a, "image/png")] {
        let photo = shopper
            .get(&format!("/api/v1/projects/vacances/photos/{id}"))
            .await;
        assert_eq!(photo.status, StatusCode::OK);
        assert_eq!(&photo.bytes, bytes);
        assert_eq!(photo.headers["content-type"], content_type);
        assert_eq!(photo.headers["x-content-type-options"], "nosniff");
    }
    server.stop().await;
}

#[tokio::test]
async fn the_list_is_newest_first_and_deleting_removes_rows_and_files() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "b@exemple.fr").await;
    assert_eq!(
        shopper.get("/api/v1/projects").await.body["items"],
        json!([])
    );
    shopper
        .put("/api/v1/projects/ete", prints("Été", &["x", "y"]))
        .await;
    shopper.upload_photo("ete", "x", png(1, 1, 1)).await;
    shopper
        .put("/api/v1/projects/noel", prints("Noël", &[]))
        .await;
    let list = shopper.get("/api/v1/projects").await;
    let list = &list.body["items"];
    assert_eq!(ids(list), ["noel", "ete"]);
    assert_eq!(list[1]["name"], "Été");
    assert_eq!(list[1]["product_id"], "tirages");
    assert_eq!(list[1]["photo_count"], 1);
    assert!(list[1]["updated_at"].as_i64().unwrap() > 1_700_000_000);
    // Saving again makes it the newest.
    shopper
        .put("/api/v1/projects/ete", prints("Été", &["x", "y"]))
        .await;
    assert_eq!(
        ids(&shopper.get("/api/v1/projects").await.body["items"]),
        ["ete", "noel"]
    );

    let deleted = shopper.delete("/api/v1/projects/ete").await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert_eq!(
        shopper.get("/api/v1/projects/ete").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(server.photo_files("ete").is_empty());
    assert_eq!(
        ids(&shopper.get("/api/v1/projects").await.body["items"]),
        ["noel"]
    );
    let again = shopper.delete("/api/v1/projects/ete").await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert_eq!(code(&again), "not_found");
    server.stop().await;
}

#[tokio::test]
async fn uploads_are_judged_by_their_bytes() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "c@exemple.fr").await;
    shopper.put("/api/v1/projects/p", prints("P", &["a"])).await;

    // Text in a file named .jpg, sent as image/jpeg.
    let text = shopper
        .send_bytes(
            Method::PUT,
            "/api/v1/projects/p/photos/a",
            "image/jpeg",
            b"Ceci n'est pas une photo (vacances.jpg)".to_vec(),
        )
        .await;
    assert_eq!(text.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code(&text), "invalid_image");
    let mut fake_png = b"\x89PNG\r\n\x1a\n".to_vec();
    fake_png.extend_from_slice(&[0x42; 500]);
    let answers = [
        shopper.upload_photo("p", "a", fake_png).await,
        shopper.upload_photo("p", "a", Vec::new()).await,
        shopper
            .upload_photo("p", "a", jpeg(20, 20)[..200].to_vec())
            .await,
    ];
    for answer in answers {
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(code(&answer), "invalid_image");
    }
    assert!(server.photo_files("p").is_empty());

    let oversized = vec![0u8; MAX_PHOTO_BYTES as usize + 1];
    let refused = shopper.upload_photo("p", "a", oversized).await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(code(&refused), "photo_too_large");

    // The same photo id twice is one photo: the second replaces the first.
    let first = shopper.upload_photo("p", "a", png(2, 2, 1)).await;
    assert_eq!(first.status, StatusCode::OK);
    let retried = shopper.upload_photo("p", "a", jpeg(5, 5)).await;
    assert_eq!(retried.status, StatusCode::OK);
    let project = shopper.get("/api/v1/projects/p").await;
    assert_eq!(ids(&project.body["photos"]), ["a"]);
    assert_eq!(project.body["photos"][0]["content_type"], "image/jpeg");
    assert_eq!(server.photo_files("p"), ["a"]);
    let list = shopper.get("/api/v1/projects").await;
    assert_eq!(list.body["items"][0]["photo_count"], 1);

    // No project yet: the storefront saves the draft first.
    let orphan = shopper.upload_photo("nope", "a", png(1, 1, 0)).await;
    assert_eq!(orphan.status, StatusCode::NOT_FOUND);
    server.stop().await;
}

/// Without `Content-Length` (a chunked body), the server counts the bytes
/// as they arrive and stops at the limit.
#[tokio::test]
async fn an_upload_of_unknown_length_is_cut_at_the_limit() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "g@exemple.fr").await;
    shopper.put("/api/v1/projects/p", prints("P", &["a"])).await;
    let host = server.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "PUT /api/v1/projects/p/photos/a HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n\
         Cookie: {}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        server.base,
        shopper.cookie.as_deref().unwrap(),
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let chunk = [
        format!("{:x}\r\n", 1 << 20).into_bytes(),
        vec![0; 1 << 20],
        b"\r\n".to_vec(),
    ]
    .concat();
    let mut sent = 0;
    // The server may answer and close before the last chunks: stop then.
    while sent <= MAX_PHOTO_BYTES && stream.write_all(&chunk).await.is_ok() {
        sent += 1 << 20;
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 413"), "{response}");
    assert!(response.contains("\"photo_too_large\""), "{response}");
    assert!(server.photo_files("p").is_empty());
    server.stop().await;
}

/// Memory per upload is a network buffer: the bytes are on disk, under a
/// temporary name, before the body has ended; the whole photo only once it
/// has.
#[tokio::test]
async fn an_upload_is_written_to_disk_as_it_arrives() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "s@exemple.fr").await;
    shopper.put("/api/v1/projects/p", prints("P", &["a"])).await;
    let photo = png(300, 200, 7);
    let half = photo.len() / 2;
    let host = server.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "PUT /api/v1/projects/p/photos/a HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n\
         Cookie: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        server.base,
        shopper.cookie.as_deref().unwrap(),
        photo.len(),
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&photo[..half]).await.unwrap();
    let partial = |server: &TestServer| {
        let projects = std::fs::read_dir(server.data.path().join("photos")).ok()?;
        projects
            .filter_map(|account| std::fs::read_dir(account.ok()?.path().join("p")).ok())
            .flatten()
            .map(|file| file.unwrap())
            .find(|file| file.file_name().to_string_lossy().ends_with(".part"))
            .map(|file| file.metadata().unwrap().len())
    };
    let mut on_disk = None;
    for _ in 0..100 {
        on_disk = partial(&server).filter(|&length| length >= half as u64);
        if on_disk.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(on_disk, Some(half as u64), "the first half is not on disk");
    assert!(!server.photo_files("p").contains(&"a".to_owned()));
    stream.write_all(&photo[half..]).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert_eq!(server.photo_files("p"), ["a"]);
    let download = shopper.get("/api/v1/projects/p/photos/a").await;
    assert_eq!(download.bytes, photo);
    server.stop().await;
}

/// The list comes a page at a time, newest first; the cursor of one page
/// leads to the next; a malformed query is a JSON refusal.
#[tokio::test]
async fn the_list_comes_a_page_at_a_time() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "pages@exemple.fr").await;
    for id in ["un", "deux", "trois"] {
        shopper
            .put(&format!("/api/v1/projects/{id}"), prints(id, &[]))
            .await;
    }
    let first = shopper.get("/api/v1/projects?limit=2").await.body;
    assert_eq!(ids(&first["items"]), ["trois", "deux"]);
    let before = first["next_before"].as_i64().unwrap();
    let second = shopper
        .get(&format!("/api/v1/projects?limit=2&before={before}"))
        .await
        .body;
    assert_eq!(ids(&second["items"]), ["un"]);
    assert_eq!(second["next_before"], Value::Null);
    let whole = shopper.get("/api/v1/projects").await.body;
    assert_eq!(ids(&whole["items"]), ["trois", "deux", "un"]);
    for bad in ["limit=deux", "before=hier", "limit=-1"] {
        let refused = shopper.get(&format!("/api/v1/projects?{bad}")).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(code(&refused), "invalid_query");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_project_holds_at_most_its_limit_of_photos() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "d@exemple.fr").await;
    shopper.put("/api/v1/projects/p", prints("P", &[])).await;
    let image = png(1, 1, 7);
    let cookie = shopper.cookie.clone().unwrap();
    let mut uploads = tokio::task::JoinSet::new();
    for worker in 0..8 {
        let (base, cookie, image) = (server.base.clone(), cookie.clone(), image.clone());
        uploads.spawn(async move {
            let client = support::client();
            for index in (worker..MAX_PHOTOS_PER_PROJECT).step_by(8) {
                let response = client
                    .put(format!("{base}/api/v1/projects/p/photos/photo-{index}"))
                    .header("origin", &base)
                    .header("cookie", &cookie)
                    .body(image.clone())
                    .send()
                    .await
                    .unwrap();
                assert_eq!(response.status(), StatusCode::OK, "photo {index}");
            }
        });
    }
    while let Some(done) = uploads.join_next().await {
        done.unwrap();
    }
    let one_more = shopper
        .upload_photo("p", "photo-extra", image.clone())
        .await;
    assert_eq!(one_more.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code(&one_more), "too_many_photos");
    assert_eq!(server.photo_files("p").len(), MAX_PHOTOS_PER_PROJECT);
    // A photo already there can still be sent again.
    let again = shopper.upload_photo("p", "photo-0", image).await;
    assert_eq!(again.status, StatusCode::OK);

    let too_long: Vec<String> = (0..=MAX_PHOTOS_PER_PROJECT)
        .map(|i| format!("photo-{i}"))
        .collect();
    let too_long: Vec<&str> = too_long.iter().map(String::as_str).collect();
    let draft = shopper
        .put("/api/v1/projects/p", prints("P", &too_long))
        .await;
    assert_eq!(draft.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code(&draft), "too_many_photos");
    // The longest draft, with the longest ids, fits the body limit.
    let longest: Vec<String> = (0..MAX_PHOTOS_PER_PROJECT)
        .map(|i| format!("{i:0>64}"))
        .collect();
    let longest: Vec<&str> = longest.iter().map(String::as_str).collect();
    let draft = shopper
        .put("/api/v1/projects/p", prints(&"é".repeat(80), &longest))
        .await;
    assert_eq!(draft.status, StatusCode::OK, "{:?}", draft.body);
    assert_eq!(
        draft.body["missing_photo_ids"].as_array().unwrap().len(),
        MAX_PHOTOS_PER_PROJECT
    );
    assert!(
        server.photo_files("p").is_empty(),
        "none of them is listed any more"
    );
    server.stop().await;
}

#[tokio::test]
async fn bad_ids_and_names_are_refused() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "e@exemple.fr").await;
    shopper.put("/api/v1/projects/p", prints("P", &[])).await;
    let long = "a".repeat(65);
    let answers = [
        shopper.get("/api/v1/projects/..%2F..").await,
        shopper
            .put("/api/v1/projects/..%2F..", prints("P", &[]))
            .await,
        shopper.get(&format!("/api/v1/projects/{long}")).await,
        shopper.delete("/api/v1/projects/p%20q").await,
        shopper.upload_photo("p", "..%2Fescape", png(1, 1, 0)).await,
        shopper.upload_photo("p", &long, png(1, 1, 0)).await,
        shopper.get("/api/v1/projects/p/photos/%C3%A9").await,
        shopper
            .put("/api/v1/projects/p", prints("P", &["ok", "../x"]))
            .await,
        shopper
            .put("/api/v1/projects/p", prints("P", &["x", "x"]))
            .await,
    ];
    for answer in answers {
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{:?}", answer.body);
        assert_eq!(code(&answer), "invalid_id");
    }
    assert!(!server.data.path().join("escape").exists());
    for name in ["", "   ", &"x".repeat(81), "a\nb"] {
        let answer = shopper.put("/api/v1/projects/p", prints(name, &[])).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{name:?}");
        assert_eq!(code(&answer), "invalid_project_name");
    }
    server.stop().await;
}

#[tokio::test]
async fn another_account_cannot_see_or_touch_a_project() {
    let server = TestServer::start().await;
    let mut owner = Shopper::signed_up(&server, "owner@exemple.fr").await;
    owner
        .put("/api/v1/projects/secret", prints("Secret", &["a"]))
        .await;
    let photo = png(2, 2, 3);
    owner.upload_photo("secret", "a", photo.clone()).await;

    let mut other = Shopper::signed_up(&server, "other@exemple.fr").await;
    let answers = [
        other.get("/api/v1/projects/secret").await,
        other.get("/api/v1/projects/secret/photos/a").await,
        other.upload_photo("secret", "b", png(1, 1, 0)).await,
        other.delete("/api/v1/projects/secret").await,
    ];
    for answer in answers {
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
        assert_eq!(code(&answer), "not_found");
    }
    assert_eq!(other.get("/api/v1/projects").await.body["items"], json!([]));
    // The same id is the other account's own project, not the owner's.
    let own = other
        .put("/api/v1/projects/secret", prints("À moi", &["a"]))
        .await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(ids(&own.body["missing_photo_ids"]), ["a"]);

    let kept = owner.get("/api/v1/projects/secret").await;
    assert_eq!(kept.body["name"], "Secret");
    assert_eq!(ids(&kept.body["photos"]), ["a"]);
    assert_eq!(
        owner.get("/api/v1/projects/secret/photos/a").await.bytes,
        photo
    );
    server.stop().await;
}

#[tokio::test]
async fn drafts_must_be_priceable_but_may_be_unfinished() {
    let server = TestServer::start().await;
    let mut shopper = Shopper::signed_up(&server, "f@exemple.fr").await;
    let draft = |choice: Value| json!({"name": "P", "choice": choice, "photo_ids": []});
    let cases = [
        (
            json!({"product_id": "mug", "format_id": "x", "quantity": 1}),
            "unknown_product",
        ),
        (
            json!({"product_id": "tirages", "format_id": "9x13", "quantity": 1}),
            "unknown_option",
        ),
        (
            json!({"product_id": "tirages", "format_id": "10x15", "quantity": 0}),
            "invalid_quantity",
        ),
        (
            json!({"product_id": "livre-photo", "format_id": "30x30", "quantity": 1, "pages": 25, "cover_id": "souple"}),
            "invalid_pages",
        ),
    ];
    for (choice, expected) in cases {
        let answer = shopper.put("/api/v1/projects/p", draft(choice)).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{expected}"
        );
        assert_eq!(code(&answer), expected);
    }
    assert_eq!(
        shopper.get("/api/v1/projects").await.body["items"],
        json!([])
    );
    // A calendar without its twelve photos yet is saved all the same.
    let calendar = shopper
        .put(
            "/api/v1/projects/p",
            draft(json!({"product_id": "calendrier", "format_id": "a4", "quantity": 1})),
        )
        .await;
    assert_eq!(calendar.status, StatusCode::OK);
    assert_eq!(calendar.body["choice"]["product_id"], "calendrier");
    let book = shopper
        .put(
            "/api/v1/projects/livre",
            draft(json!({"product_id": "livre-photo", "format_id": "30x30", "quantity": 1, "pages": 40, "cover_id": "rigide"})),
        )
        .await;
    assert_eq!(book.status, StatusCode::OK);
    assert_eq!(
        book.body["choice"],
        json!({"product_id": "livre-photo", "format_id": "30x30", "quantity": 1, "pages": 40, "cover_id": "rigide"})
    );
    server.stop().await;
}
