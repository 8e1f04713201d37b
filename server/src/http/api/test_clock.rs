//! `POST /api/v1/test/clock`: moves the server's clock forward, for tests
//! and the end-to-end journeys (`{"advance_seconds": N}` → `{"now": …}`).
//! Mounted only when the server runs with `--test-clock`, which start-up
//! refuses off loopback; like the webhooks, it is called by tools, not
//! pages, so it sits outside the same-origin check.

use super::json::ApiJson;
use super::{ApiFailure, ApiState};
use crate::clock::ClockError;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use shop_api::ErrorCode;
use shop_api::test_clock::{ClockAdvance, ClockNow};

pub fn router() -> Router<ApiState> {
    Router::new().route("/v1/test/clock", post(advance))
}

async fn advance(
    State(state): State<ApiState>,
    ApiJson(body): ApiJson<ClockAdvance>,
) -> Result<Json<ClockNow>, ApiFailure> {
    match state.clock.advance(body.advance_seconds) {
        Ok(now) => {
            tracing::warn!(
                advance_seconds = body.advance_seconds,
                now,
                "test clock moved"
            );
            Ok(Json(ClockNow { now }))
        }
        Err(error @ ClockError::OutOfRange) => Err(ApiFailure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidClockAdvance,
            &error.to_string(),
        )),
        // Not mounted then; answered as the route that does not exist.
        Err(ClockError::NotAdjustable) => Err(ApiFailure::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "no such API route",
        )),
    }
}
