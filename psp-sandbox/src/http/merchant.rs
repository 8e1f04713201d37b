//! `/v1`: the merchant API (server to server), behind the merchant's bearer
//! secret; every `POST` but the test clock's goes through idempotency
//! (a merchant-initiated payment too: it is a `POST /v1/payments`).

mod auth;
mod idempotency;
mod payments;
mod stored_cards;
mod test_clock;
mod wallets;

use super::AppState;
use axum::Router;
use axum::middleware;
use axum::routing::{get, post};

pub fn routes(state: AppState) -> Router<AppState> {
    let creating = Router::new()
        .route("/payments", post(payments::create))
        .route("/payments/{id}/capture", post(payments::capture))
        .route("/payments/{id}/cancel", post(payments::cancel))
        .route("/payments/{id}/refund", post(payments::refund))
        .route("/payments/{id}/wallet", post(wallets::pay))
        .route(
            "/wallets/apple-pay/merchant-session",
            post(wallets::merchant_session),
        )
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            idempotency::replay_or_record,
        ));
    Router::new()
        .merge(creating)
        .route("/payments/{id}", get(payments::get))
        .route(
            "/stored-cards/{id}",
            get(stored_cards::get).delete(stored_cards::delete),
        )
        .route("/test/clock", post(test_clock::advance))
        .route_layer(middleware::from_fn_with_state(
            state,
            auth::require_merchant,
        ))
}
