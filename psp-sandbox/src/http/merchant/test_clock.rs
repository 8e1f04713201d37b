//! `POST /v1/test/clock`: moves the sandbox's clock forward, only when the
//! sandbox was started with `--test-clock` (a 404 otherwise, as if absent).

use crate::http::json::ApiJson;
use crate::http::{ApiFailure, AppState};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advance {
    advance_seconds: i64,
}

#[derive(Serialize)]
pub struct Now {
    now: i64,
}

/// Ten years: far enough for any test, small enough never to overflow.
const MAX_ADVANCE: i64 = 10 * 366 * 86_400;

pub async fn advance(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<Advance>,
) -> Result<Json<Now>, ApiFailure> {
    if !state.test_clock {
        return Err(ApiFailure::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such route",
        ));
    }
    if !(0..=MAX_ADVANCE).contains(&body.advance_seconds) {
        return Err(ApiFailure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_request",
            "advance_seconds must be from 0 to ten years; the clock only moves forward",
        ));
    }
    let clock = state.ledger.clock();
    clock.advance(body.advance_seconds);
    // Lapsed authorizations expire now rather than at the next sweep.
    state.ledger.expire_lapsed().await?;
    Ok(Json(Now { now: clock.now() }))
}
