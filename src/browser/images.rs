//! Photos chosen by the shopper, decoded by the browser: their size and a
//! small JPEG thumbnail, made here so that no full-size image is kept in
//! the page.

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

/// Longest side of a thumbnail, in pixels (sharp at 2× for 120 px tiles).
pub const THUMBNAIL_SIDE: u32 = 240;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// The browser could not decode it: not an image, or a damaged one.
    #[error("the browser cannot decode this file as an image")]
    Unreadable,
    #[error("the browser could not draw the thumbnail")]
    Thumbnail,
}

pub struct Decoded {
    pub width: u32,
    pub height: u32,
    pub thumbnail: Blob,
}

/// Decodes `file` and draws its thumbnail.
pub async fn decode(file: &Blob) -> Result<Decoded, ImageError> {
    let window = web_sys::window().ok_or(ImageError::Thumbnail)?;
    let bitmap: ImageBitmap = JsFuture::from(
        window
            .create_image_bitmap_with_blob(file)
            .map_err(|_| ImageError::Unreadable)?,
    )
    .await
    .map_err(|_| ImageError::Unreadable)?
    .unchecked_into();
    let (width, height) = (bitmap.width(), bitmap.height());
    if width == 0 || height == 0 {
        return Err(ImageError::Unreadable);
    }
    let scale = f64::from(THUMBNAIL_SIDE) / f64::from(width.max(height));
    let scale = scale.min(1.0);
    let (thumb_w, thumb_h) = (
        (f64::from(width) * scale).round().max(1.0),
        (f64::from(height) * scale).round().max(1.0),
    );
    let canvas: HtmlCanvasElement = window
        .document()
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into().ok())
        .ok_or(ImageError::Thumbnail)?;
    canvas.set_width(thumb_w as u32);
    canvas.set_height(thumb_h as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or(ImageError::Thumbnail)?;
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, thumb_w, thumb_h)
        .map_err(|_| ImageError::Thumbnail)?;
    bitmap.close();
    let blob = Promise::new(&mut |resolve, _reject| {
        if canvas
            .to_blob_with_type_and_encoder_options(&resolve, "image/jpeg", &0.82.into())
            .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let thumbnail = JsFuture::from(blob)
        .await
        .ok()
        .and_then(|b| b.dyn_into::<Blob>().ok())
        .ok_or(ImageError::Thumbnail)?;
    Ok(Decoded {
        width,
        height,
        thumbnail,
    })
}

/// A URL the page can show a blob at; revoke it when the image goes.
pub fn object_url(blob: &Blob) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob).ok()
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
