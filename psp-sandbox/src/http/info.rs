//! What is not about one payment: the health check, the French info page
//! with the test cards, and the card page's script and style.

use super::AppState;
use axum::Json;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/", get(home))
        .route("/assets/pay.js", get(script))
        .route("/assets/pay.css", get(style))
}

#[derive(Serialize)]
struct HealthBody {
    status: &'static str,
    version: &'static str,
}

async fn health() -> Json<HealthBody> {
    Json(HealthBody {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}

async fn home() -> Html<&'static str> {
    Html(include_str!("../../static/index.html"))
}

async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../../static/pay.js"),
    )
}

async fn style() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("../../static/pay.css"),
    )
}

/// Revalidated on every load, so a rebuilt sandbox never serves a page with
/// last version's script.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}
