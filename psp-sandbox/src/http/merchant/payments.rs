//! `/v1/payments`: create, read, capture, cancel, refund.

use crate::http::json::{ApiJson, OptionalJson};
use crate::http::{ApiFailure, AppState};
use crate::ids;
use crate::payments::{NewPayment, PaymentView};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// Capture and refund: the amount is optional (all of it by default).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmountBody {
    amount: Option<i64>,
}

pub async fn create(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<NewPayment>,
) -> Result<Response, ApiFailure> {
    let payment = state.ledger.create(request).await?;
    Ok(answer(StatusCode::CREATED, state.ledger.view(&payment)))
}

pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiFailure> {
    checked(&id)?;
    let payment = state.ledger.get(&id).await?;
    Ok(answer(StatusCode::OK, state.ledger.view(&payment)))
}

pub async fn capture(
    State(state): State<AppState>,
    Path(id): Path<String>,
    OptionalJson(body): OptionalJson<AmountBody>,
) -> Result<Response, ApiFailure> {
    checked(&id)?;
    let payment = state.ledger.capture(&id, body.amount).await?;
    Ok(answer(StatusCode::OK, state.ledger.view(&payment)))
}

pub async fn cancel(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiFailure> {
    checked(&id)?;
    let payment = state.ledger.cancel(&id).await?;
    Ok(answer(StatusCode::OK, state.ledger.view(&payment)))
}

pub async fn refund(
    State(state): State<AppState>,
    Path(id): Path<String>,
    OptionalJson(body): OptionalJson<AmountBody>,
) -> Result<Response, ApiFailure> {
    checked(&id)?;
    let payment = state.ledger.refund(&id, body.amount).await?;
    Ok(answer(StatusCode::OK, state.ledger.view(&payment)))
}

pub(super) fn checked(id: &str) -> Result<(), ApiFailure> {
    if ids::looks_like("pay_", id) {
        Ok(())
    } else {
        Err(ApiFailure::not_found())
    }
}

pub(super) fn answer(status: StatusCode, view: PaymentView) -> Response {
    let mut response = (status, Json(view)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
