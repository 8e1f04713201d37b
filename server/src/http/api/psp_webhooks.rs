//! `POST /api/v1/psp/webhooks`: the PSP tells the shop a payment changed.
//! The signature (and its age) is checked on the raw body before anything
//! is read; an event already applied is acknowledged and ignored; the
//! order follows only news that moves it forward (`orders::lifecycle`).

use super::{ApiFailure, ApiState};
use crate::accounts;
use crate::orders::Orders;
use crate::payments::webhook;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use shop_api::ErrorCode;

pub const SIGNATURE_HEADER: &str = "PSP-Signature";

pub fn router() -> Router<ApiState> {
    Router::new().route("/v1/psp/webhooks", post(receive))
}

async fn receive(
    State(state): State<ApiState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiFailure> {
    let now = accounts::now();
    let signature = headers.get(SIGNATURE_HEADER).and_then(|v| v.to_str().ok());
    if let Err(error) = webhook::verify(signature, &body, state.psp_webhook_secret.as_bytes(), now)
    {
        tracing::warn!(%error, "webhook refused");
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::CrossSiteRequest,
            "invalid webhook signature",
        ));
    }
    let event = state.payments.parse_event(&body).map_err(|error| {
        ApiFailure::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidJson,
            &error.to_string(),
        )
    })?;
    // Checked first, recorded after applying: an event whose application
    // failed is applied again when the PSP retries.
    if state.db.psp_event_seen(&event.id).await? {
        return Ok(StatusCode::OK);
    }
    // An earlier attempt's payment finds its order too: only its record
    // moves (`Orders::apply`).
    if let Some(row) = state.db.order_by_any_payment(&event.payment.id).await? {
        let orders = Orders {
            db: &state.db,
            psp: state.payments.as_ref(),
        };
        orders.apply(&row, &event.payment, now).await?;
    }
    state.db.record_psp_event(&event.id, now).await?;
    Ok(StatusCode::OK)
}
