//! The router and the layers every response goes through: trace → framing
//! rule → nosniff → body limit → routes.

mod failure;
mod hosted;
mod info;
mod json;
mod merchant;

pub use failure::ApiFailure;

use crate::framing;
use crate::ledger::Ledger;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// Every request body the sandbox takes is small JSON.
pub const BODY_LIMIT: usize = 16 * 1024;
/// Idempotency keys are kept this long (API.md).
pub const IDEMPOTENCY_KEPT_SECONDS: i64 = 24 * 3600;

#[derive(Clone)]
pub struct AppState {
    pub ledger: Arc<Ledger>,
    pub public_url: Arc<str>,
    pub merchant_secret: Arc<str>,
    pub test_clock: bool,
    /// Creating calls run one at a time, so that two tries with one key
    /// cannot both act.
    pub idempotency: Arc<tokio::sync::Mutex<()>>,
}

pub fn router(state: AppState, shop_origin: &str) -> Router {
    Router::new()
        .merge(info::routes())
        .merge(hosted::routes())
        .nest("/v1", merchant::routes(state.clone()))
        .with_state(state)
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(framing::layer(shop_origin))
        .layer(TraceLayer::new_for_http())
}
