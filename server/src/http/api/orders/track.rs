//! `POST /api/v1/orders/track`: anyone with an order's number and the
//! e-mail it was placed with sees its status, products, timeline, parcel and
//! estimated delivery (never the address, the payment or the internal id).
//! "No such order" is an answer (`{"order": null}`, a 200: nothing found is
//! not an error a browser should log) and never says which of the two was
//! wrong; failures are throttled per client address against guessing.

use super::orders;
use crate::accounts::email::Email;
use crate::accounts::throttle::Policy;
use crate::http::api::client_address::ClientAddress;
use crate::http::api::json::ApiJson;
use crate::http::api::{ApiFailure, ApiState};
use axum::Json;
use axum::extract::State;
use shop_api::order::{OrderNumber, TrackAnswer, TrackRequest};

pub async fn track(
    State(state): State<ApiState>,
    client: ClientAddress,
    ApiJson(request): ApiJson<TrackRequest>,
) -> Result<Json<TrackAnswer>, ApiFailure> {
    let now = state.clock.now_ms();
    let key = client.throttle_key("track");
    // Counted before the lookup, so that guesses at once count each.
    ApiFailure::take_attempt(&state.db, &[(&key, Policy::TRACKING)], now).await?;
    // Malformed input is looked up all the same (it finds nothing): every
    // miss costs one query and one failure.
    let number = OrderNumber::parse(&request.number);
    let email = Email::parse(&request.email);
    let found = orders(&state)
        .track(number.as_ref(), email.as_ref().map_or("", Email::as_str))
        .await?;
    if found.is_some() {
        // A find gives back its own count only: knowing one pair must not
        // buy more guesses at others.
        state.db.forgive_failure(&key).await?;
    }
    Ok(Json(TrackAnswer { order: found }))
}
