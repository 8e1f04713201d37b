//! `/v1/stored-cards/{id}`: read a stored card, or detach it (API.md,
//! "Stored cards and merchant-initiated payments"). Paying with one is a
//! `POST /v1/payments` with `initiator: merchant`.

use crate::http::{ApiFailure, AppState};
use crate::stored_cards::StoredCardView;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiFailure> {
    let card = state.ledger.stored_card(&id).await?;
    let mut response = Json(StoredCardView::from(&card)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `204`; a card already deleted is `404 stored_card_not_found`, which a
/// merchant retrying a delete may take as done.
pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiFailure> {
    state.ledger.delete_stored_card(&id).await?;
    Ok(StatusCode::NO_CONTENT)
}
