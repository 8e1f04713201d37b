//! The JSON API. Every path under `/api` answers JSON, errors included, so
//! that the storefront never receives the app's HTML where it expects data.

use crate::db::Database;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use shop_api::{ApiErrorBody, CheckStatus, ErrorCode, Health};
use tower_http::set_header::SetResponseHeaderLayer;

pub fn router(db: Database) -> Router {
    Router::new()
        .route("/v1/health", get(health))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(db)
        // API answers are per-shopper and current: never cache them.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

async fn health(State(db): State<Database>) -> Response {
    let health = Health::new(env!("CARGO_PKG_VERSION"), db.health().await);
    let status = match health.status {
        CheckStatus::Ok => StatusCode::OK,
        CheckStatus::Failing => StatusCode::SERVICE_UNAVAILABLE,
    };
    (status, Json(health)).into_response()
}

pub fn error(status: StatusCode, code: ErrorCode, message: &str) -> Response {
    (status, Json(ApiErrorBody::new(code, message))).into_response()
}

async fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "no such API route",
    )
}

async fn method_not_allowed() -> Response {
    error(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::MethodNotAllowed,
        "method not allowed on this API route",
    )
}
