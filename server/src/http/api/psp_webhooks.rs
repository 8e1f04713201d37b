//! `POST /api/v1/psp/webhooks`: the PSP tells the shop a payment changed.
//! The signature (and its age) is checked on the raw body before anything
//! is read; an event already applied is acknowledged and ignored; the
//! order follows only news that moves it forward (`orders::lifecycle`).
//! An event whose payment is no order's current payment (an earlier
//! attempt's, one the order is still recording, or one no order made) is
//! kept in `psp_stray_events` and acknowledged: the reconciler settles it.

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
    // PSP signatures are dated by real time, never a test clock's.
    let signed_now = accounts::now();
    let now = state.clock.now();
    let signature = headers.get(SIGNATURE_HEADER).and_then(|v| v.to_str().ok());
    if let Err(error) = webhook::verify(
        signature,
        &body,
        state.psp_webhook_secret.as_bytes(),
        signed_now,
    ) {
        tracing::warn!(%error, "webhook refused");
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::CrossSiteRequest,
            "invalid webhook signature",
        ));
    }
    // No PSP id or word holds a NUL, and PostgreSQL's text cannot store
    // one: such an event is malformed, whoever signed it.
    if holds_nul(&body) {
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidJson,
            "a webhook's text holds no NUL character",
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
    let orders = Orders {
        db: &state.db,
        psp: state.payments.as_ref(),
        letters: &state.letters,
    };
    if let Some(row) = state.db.order_by_payment(&event.payment.id).await? {
        orders.apply(&row, &event.payment, now).await?;
    } else {
        // An earlier attempt's payment: its record follows (`apply` moves
        // nothing else), and the event is kept all the same, since money
        // on a payment the order left is the reconciler's to give back.
        if let Some(row) = state.db.order_of_earlier_payment(&event.payment.id).await? {
            orders.apply(&row, &event.payment, now).await?;
        }
        tracing::warn!(event = %event.id, payment = %event.payment.id, "PSP event for no order's current payment: kept for the reconciler");
        state
            .db
            .keep_stray_event(&event.id, &event.payment.id, now)
            .await?;
    }
    state.db.record_psp_event(&event.id, now).await?;
    Ok(StatusCode::OK)
}

/// A NUL byte, or JSON's escape of one (`\u0000`; a literal backslash
/// before it is refused too, which no PSP text holds either).
fn holds_nul(body: &[u8]) -> bool {
    body.contains(&0) || body.windows(6).any(|window| window == b"\\u0000")
}

#[cfg(test)]
mod tests {
    use super::holds_nul;

    #[test]
    fn a_nul_in_any_form_is_found() {
        assert!(holds_nul(br#"{"id":"\u0000"}"#));
        assert!(holds_nul(b"{\"id\":\"a\0b\"}"));
        assert!(!holds_nul(br#"{"id":"evt_1","note":"\u00e9"}"#));
    }
}
