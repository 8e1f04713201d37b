//! `/api/v1/operator/support`: operators list the support requests, newest
//! first (`?limit=&before=`), and record an answer to one by its reference.

use super::Operator;
use crate::http::api::json::ApiJson;
use crate::http::api::{ApiFailure, ApiState};
use crate::support;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use shop_api::ErrorCode;
use shop_api::support::{
    DEFAULT_PAGE, MAX_PAGE, SupportAnswer, SupportTicket, SupportTickets, is_reference,
};

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/operator/support", get(list))
        .route("/v1/operator/support/{reference}/answer", post(answer))
}

#[derive(Deserialize)]
struct Page {
    limit: Option<u32>,
    before: Option<i64>,
}

async fn list(
    _: Operator,
    State(state): State<ApiState>,
    Query(page): Query<Page>,
) -> Result<Json<SupportTickets>, ApiFailure> {
    let limit = page.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE);
    let requests = state.db.support_requests(page.before, limit).await?;
    // A full page may have older ones after it; a short page is the last.
    let next_before = (requests.len() == limit as usize)
        .then(|| requests.last().map(|r| r.id))
        .flatten();
    Ok(Json(SupportTickets {
        requests,
        next_before,
    }))
}

async fn answer(
    _: Operator,
    State(state): State<ApiState>,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<SupportAnswer>,
) -> Result<Json<SupportTicket>, ApiFailure> {
    let not_found = || {
        ApiFailure::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "no support request with this reference",
        )
    };
    if !is_reference(&reference) {
        return Err(not_found());
    }
    let answer = support::check_answer(&body.answer)?;
    state
        .db
        .answer_support_request(
            &reference.to_ascii_uppercase(),
            &answer,
            state.clock.now(),
            &|ticket, language| state.letters.support_answered(language, ticket),
        )
        .await?
        .map(Json)
        .ok_or_else(not_found)
}
