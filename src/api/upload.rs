//! Photo uploads with progress. `fetch` (and so gloo-net) cannot report how
//! much of a request body has been sent, so this one call uses
//! XMLHttpRequest and its `upload.onprogress`.

use super::ApiError;
use super::client::{refusal_from, url};
use js_sys::Promise;
use shop_api::ApiErrorBody;
use shop_api::project::Photo;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ProgressEvent, XmlHttpRequest};

/// Sends one photo; `on_progress(sent, total)` is called as bytes leave.
/// Sending the same photo id again replaces it on the server, so an
/// interrupted upload is simply sent again.
pub async fn photo(
    project_id: &str,
    photo_id: &str,
    bytes: &Blob,
    on_progress: impl Fn(f64, f64) + 'static,
) -> Result<Photo, ApiError> {
    let network = |error: JsValue| ApiError::Network(format!("{error:?}"));
    let request = XmlHttpRequest::new().map_err(network)?;
    request
        .open(
            "PUT",
            &url(&format!("/projects/{project_id}/photos/{photo_id}")),
        )
        .map_err(network)?;
    request
        .set_request_header("Accept", "application/json")
        .map_err(network)?;
    if !bytes.type_().is_empty() {
        request
            .set_request_header("Content-Type", &bytes.type_())
            .map_err(network)?;
    }
    let progress = Closure::<dyn Fn(ProgressEvent)>::new(move |event: ProgressEvent| {
        if event.length_computable() {
            on_progress(event.loaded(), event.total());
        }
    });
    request
        .upload()
        .map_err(network)?
        .set_onprogress(Some(progress.as_ref().unchecked_ref()));
    // Settles on load (any HTTP status) or on a network failure or abort.
    let settled = Promise::new(&mut |resolve, reject| {
        request.set_onload(Some(&resolve));
        request.set_onerror(Some(&reject));
        request.set_onabort(Some(&reject));
        request.set_ontimeout(Some(&reject));
    });
    request.send_with_opt_blob(Some(bytes)).map_err(network)?;
    let outcome = JsFuture::from(settled).await;
    drop(progress);
    outcome.map_err(|_| ApiError::Network("upload interrupted".into()))?;
    let status = request.status().map_err(network)?;
    let body = request
        .response_text()
        .map_err(network)?
        .unwrap_or_default();
    if (200..300).contains(&status) {
        serde_json::from_str(&body).map_err(|error| ApiError::Unreadable {
            status,
            detail: error.to_string(),
        })
    } else {
        Err(refusal_from(
            status,
            serde_json::from_str::<ApiErrorBody>(&body).map_err(|e| e.to_string()),
        ))
    }
}
