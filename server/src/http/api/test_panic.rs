//! `POST /api/v1/test/panic`: a request whose handler panics, mounted with
//! the test clock only (loopback test servers). The tests use it to check
//! that a panic answers a JSON 500 and the server goes on serving.

use super::ApiState;
use axum::Router;
use axum::routing::post;

pub fn router() -> Router<ApiState> {
    Router::new().route("/v1/test/panic", post(panic_now))
}

async fn panic_now() -> &'static str {
    panic!("a panic asked for by POST /api/v1/test/panic")
}
