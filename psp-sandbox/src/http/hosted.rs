//! The hosted card page, framed by the shop: the page itself, and the
//! card and 3-D Secure answers its script posts (same origin only).

mod card;
mod page;
mod same_origin;

use super::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/pay/{id}", get(page::show))
        .route("/pay/{id}/card", post(card::submit))
        .route("/pay/{id}/challenge", post(card::challenge))
}
