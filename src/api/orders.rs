//! Orders and their card payment. The server prices an order from the
//! signed-in shopper's cart and asks the PSP for the truth about payments;
//! the storefront only asks it.

use super::{ApiError, client};
use shop_api::order::{
    IDEMPOTENCY_HEADER, NewOrder, Order, OrderSummary, TrackAnswer, TrackRequest,
};
use shop_api::page::{self, Page};

/// Creates the order. `idempotency_key` is made once per checkout attempt,
/// so a double click, a retry or a reload answers the same order.
pub async fn create(idempotency_key: &str, order: &NewOrder) -> Result<Order, ApiError> {
    client::post_with_headers("/orders", order, &[(IDEMPOTENCY_HEADER, idempotency_key)]).await
}

/// The shopper's orders, newest first, a page at a time (`before`: the
/// previous page's `next_before`).
pub async fn list(before: Option<i64>) -> Result<Page<OrderSummary>, ApiError> {
    client::get(&format!("/orders{}", page::query(before))).await
}

/// One order, as the server knows it after asking the PSP.
pub async fn get(id: &str) -> Result<Order, ApiError> {
    client::get(&format!("/orders/{}", encode(id))).await
}

/// Cancels before shipment (the authorization is voided).
pub async fn cancel(id: &str) -> Result<Order, ApiError> {
    client::post_empty(&format!("/orders/{}/cancel", encode(id))).await
}

/// A fresh hosted card page, after the authorization expired or when the
/// PSP had not answered.
pub async fn renew_payment(id: &str) -> Result<Order, ApiError> {
    client::post_empty(&format!("/orders/{}/payment", encode(id))).await
}

/// An order by its number and e-mail, signed in or not: `order: None`
/// when nothing matches (an answer, not an error); a 429 says how long to
/// wait after too many misses.
pub async fn track(request: &TrackRequest) -> Result<TrackAnswer, ApiError> {
    client::post("/orders/track", request).await
}

/// The id comes from the address bar: it must stay one path segment.
fn encode(id: &str) -> String {
    String::from(js_sys::encode_uri_component(id))
}
