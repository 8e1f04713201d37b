//! Bounds on time and concurrency for every request: how many are served
//! at once (beyond it, `503 server_busy` with `Retry-After` at once, not a
//! queue that grows until memory runs out), how long a handler may take,
//! and how long a request body may stall between two pieces. The headers'
//! own deadline is the accept loop's (`serve.rs`).

use super::api::ApiFailure;
use axum::BoxError;
use axum::response::{IntoResponse, Response};
use std::time::Duration;
use tower::load_shed::error::Overloaded;
use tower::timeout::error::Elapsed;

/// What a refused request is told to wait.
const RETRY_AFTER_SECONDS: u64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Requests served at once, all routes together.
    pub in_flight: usize,
    /// A handler's time, from its request's headers to its answer's
    /// (a photo upload is bounded by `body_idle` instead: a phone on a
    /// slow network may take minutes to send 25 MiB).
    pub request: Duration,
    /// The longest a request body may send nothing.
    pub body_idle: Duration,
    /// The longest a client may take to send a request's headers.
    pub header_read: Duration,
}

/// The answer to a request refused by the in-flight limit (`LoadShed`
/// over `ConcurrencyLimit`, in `http::router`).
pub async fn refused(error: BoxError) -> Response {
    if error.is::<Overloaded>() {
        tracing::warn!("too many requests in flight: one refused");
        return ApiFailure::busy(RETRY_AFTER_SECONDS).into_response();
    }
    internal(error)
}

/// The answer to a handler that outlived `Limits::request`: it is
/// dropped, and the client may try again.
pub async fn timed_out(error: BoxError) -> Response {
    if error.is::<Elapsed>() {
        tracing::error!("a request outlived its deadline and was dropped");
        return ApiFailure::busy(RETRY_AFTER_SECONDS).into_response();
    }
    internal(error)
}

fn internal(error: BoxError) -> Response {
    tracing::error!(%error, "a request failed in a layer");
    ApiFailure::new(
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        shop_api::ErrorCode::Internal,
        "internal error",
    )
    .into_response()
}
