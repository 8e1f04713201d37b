//! Handlers that fail on purpose, mounted with the test clock only
//! (loopback test servers), for the tests of what no real route does on
//! demand: `POST /api/v1/test/panic` panics (a JSON 500, and the server
//! goes on), `POST /api/v1/test/stall` never answers (the request deadline
//! answers for it).

use super::ApiState;
use axum::Router;
use axum::routing::post;

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/test/panic", post(panic_now))
        .route("/v1/test/stall", post(stall))
}

async fn panic_now() -> &'static str {
    panic!("a panic asked for by POST /api/v1/test/panic")
}

async fn stall() -> &'static str {
    std::future::pending::<()>().await;
    "never"
}
