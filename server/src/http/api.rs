//! The JSON API. Every path under `/api` answers JSON, errors included, so
//! that the storefront never receives the app's HTML where it expects data.

mod account;
mod cart;
mod catalogue;
mod csrf;
mod failure;
mod json;
mod projects;
mod session_cookie;

pub use failure::ApiFailure;

use crate::accounts::throttle::Policy;
use crate::db::Database;
use crate::projects::files::PhotoFiles;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use shop_api::{CheckStatus, ErrorCode, Health};
use tower_http::set_header::SetResponseHeaderLayer;

/// API request bodies are small JSON documents; anything bigger is refused
/// before it is read. Routes taking more (a cart, a photo) say so.
const BODY_LIMIT_BYTES: usize = 16 * 1024;

#[derive(Clone)]
pub struct ApiState {
    pub db: Database,
    pub photos: PhotoFiles,
    pub account_throttle: Policy,
    pub client_throttle: Policy,
}

pub fn router(state: ApiState) -> Router {
    Router::new()
        .route("/v1/health", get(health))
        .merge(account::router())
        .merge(catalogue::router())
        .merge(projects::router())
        .merge(cart::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(axum::middleware::from_fn(csrf::same_origin_only))
        // API answers are per-shopper and current: never cache them.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

async fn health(State(state): State<ApiState>) -> Response {
    let health = Health::new(env!("CARGO_PKG_VERSION"), state.db.health().await);
    let status = match health.status {
        CheckStatus::Ok => StatusCode::OK,
        CheckStatus::Failing => StatusCode::SERVICE_UNAVAILABLE,
    };
    (status, Json(health)).into_response()
}

async fn not_found() -> ApiFailure {
    ApiFailure::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "no such API route",
    )
}

async fn method_not_allowed() -> ApiFailure {
    ApiFailure::new(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::MethodNotAllowed,
        "method not allowed on this API route",
    )
}
