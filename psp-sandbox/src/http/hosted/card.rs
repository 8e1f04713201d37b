//! `POST /pay/{id}/card` and `POST /pay/{id}/challenge`: the server re-does
//! every check the page did, then the test-card table decides. The card
//! number and code go no further than `cards::check`.

use super::same_origin;
use crate::cards::{self, Submission};
use crate::http::json::ApiJson;
use crate::http::{ApiFailure, AppState};
use crate::ids;
use crate::ledger::LedgerError;
use crate::payments::{Payment, PaymentError};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardForm {
    number: String,
    expiry: String,
    security_code: String,
    holder: String,
    #[serde(default)]
    brand: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengeForm {
    code: String,
}

/// What the page needs to show next and to tell its parent.
#[derive(Serialize)]
pub struct PageAnswer {
    payment_id: String,
    status: &'static str,
    decline_code: Option<&'static str>,
}

impl From<&Payment> for PageAnswer {
    fn from(payment: &Payment) -> Self {
        Self {
            payment_id: payment.id.clone(),
            status: payment.status.as_str(),
            decline_code: payment.decline_code.map(|c| c.as_str()),
        }
    }
}

pub async fn submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<CardForm>,
) -> Result<Json<PageAnswer>, ApiFailure> {
    same_origin::check(&headers, &state)?;
    if !ids::looks_like("pay_", &id) {
        return Err(ApiFailure::not_found());
    }
    let current = state.ledger.get(&id).await?;
    if !current.takes_card() {
        return Err(LedgerError::Rule(PaymentError::InvalidState).into());
    }
    let submission = Submission {
        number: &form.number,
        expiry: &form.expiry,
        security_code: &form.security_code,
        holder: &form.holder,
        brand: form.brand.as_deref(),
    };
    let card = cards::check(submission, state.ledger.clock().this_month()).map_err(|error| {
        ApiFailure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            error.code(),
            error.to_string(),
        )
        .with_field(error.field())
    })?;
    let payment = state.ledger.submit_card(&id, &card).await?;
    Ok(Json(PageAnswer::from(&payment)))
}

pub async fn challenge(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<ChallengeForm>,
) -> Result<Json<PageAnswer>, ApiFailure> {
    same_origin::check(&headers, &state)?;
    if !ids::looks_like("pay_", &id) {
        return Err(ApiFailure::not_found());
    }
    let payment = state.ledger.answer_challenge(&id, &form.code).await?;
    Ok(Json(PageAnswer::from(&payment)))
}
