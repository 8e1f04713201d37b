//! Browser tests (headless Chromium) of the browser wrappers the projects
//! stand on: IndexedDB as futures, and photos decoded into thumbnails.

use storefront::browser::idb::Database;
use storefront::browser::images::{self, ImageError, THUMBNAIL_SIDE};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Blob, BlobPropertyBag, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A real PNG of the given size, drawn by the browser.
async fn png(width: u32, height: u32) -> Blob {
    let canvas: HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let made = js_sys::Promise::new(&mut |resolve, _| {
        canvas.to_blob(&resolve).unwrap();
    });
    JsFuture::from(made).await.unwrap().unchecked_into()
}

fn text_blob(text: &str) -> Blob {
    let options = BlobPropertyBag::new();
    options.set_type("image/jpeg");
    Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&text.into()), &options).unwrap()
}

#[wasm_bindgen_test]
async fn indexed_db_keeps_values_and_blobs_by_key() {
    let db = Database::open("service-photo-test-idb", 1, &["things", "blobs"])
        .await
        .unwrap();
    db.put("things", "a", &JsValue::from_str("première"))
        .await
        .unwrap();
    db.put("things", "b", &JsValue::from_str("seconde"))
        .await
        .unwrap();
    db.put("things", "a", &JsValue::from_str("remplacée"))
        .await
        .unwrap();
    assert_eq!(
        db.get("things", "a")
            .await
            .unwrap()
            .and_then(|v| v.as_string()),
        Some("remplacée".to_owned())
    );
    assert_eq!(db.get("things", "absent").await.unwrap(), None);
    let mut all: Vec<String> = db
        .get_all("things")
        .await
        .unwrap()
        .into_iter()
        .filter_map(|v| v.as_string())
        .collect();
    all.sort();
    assert_eq!(all, ["remplacée", "seconde"]);

    let photo = png(30, 20).await;
    db.put("blobs", "photo", &photo).await.unwrap();
    let back: Blob = db
        .get("blobs", "photo")
        .await
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(back.size(), photo.size());

    db.delete("things", "a").await.unwrap();
    assert_eq!(db.get("things", "a").await.unwrap(), None);
    // A store that does not exist is an error, not a panic.
    assert!(db.get("nowhere", "a").await.is_err());
    db.close();
}

#[wasm_bindgen_test]
async fn photos_are_decoded_and_thumbnailed_in_the_browser() {
    let decoded = images::decode(&png(960, 480).await).await.unwrap();
    assert_eq!((decoded.width, decoded.height), (960, 480));
    assert_eq!(decoded.thumbnail.type_(), "image/jpeg");
    let thumbnail = images::decode(&decoded.thumbnail).await.unwrap();
    assert_eq!(
        (thumbnail.width, thumbnail.height),
        (THUMBNAIL_SIDE, THUMBNAIL_SIDE / 2)
    );

    // Small photos are not enlarged.
    let small = images::decode(&png(40, 30).await).await.unwrap();
    let small_thumb = images::decode(&small.thumbnail).await.unwrap();
    assert_eq!((small_thumb.width, small_thumb.height), (40, 30));
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_an_image_is_refused_whatever_its_type_says() {
    let refused = images::decode(&text_blob("pas une photo")).await;
    assert_eq!(refused.err(), Some(ImageError::Unreadable));
}
