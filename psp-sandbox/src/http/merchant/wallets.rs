//! Wallets (API.md, "Wallets"): the Apple Pay merchant session, and paying
//! an automatic-capture payment with an Apple Pay or Google Pay token. The
//! token is checked, read and dropped here: only the card's network and
//! last four digits reach the ledger.

use super::payments::{answer, checked};
use crate::http::json::ApiJson;
use crate::http::{ApiFailure, AppState};
use crate::ids;
use crate::ledger::LedgerError;
use crate::payments::PaymentError;
use crate::wallets::merchant_session::{MerchantSession, Randomness, SessionError, SessionRequest};
use crate::wallets::{self, Method};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WalletBody {
    method: Method,
    token: Value,
}

#[derive(Serialize)]
pub struct SessionAnswer {
    merchant_session: MerchantSession,
}

pub async fn merchant_session(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<SessionRequest>,
) -> Result<Json<SessionAnswer>, ApiFailure> {
    let randomness = Randomness {
        session_identifier: ids::random_hex::<16>().map_err(LedgerError::from)?,
        nonce: ids::random_hex::<16>().map_err(LedgerError::from)?,
    };
    let now_millis = state.ledger.clock().now_millis();
    let merchant_session = request
        .into_session(now_millis, randomness, &state.merchant_secret)
        .map_err(|error| {
            let code = match error {
                SessionError::ValidationUrl => "invalid_validation_url",
                SessionError::Domain | SessionError::DisplayName => "invalid_request",
            };
            ApiFailure::new(StatusCode::UNPROCESSABLE_ENTITY, code, error.to_string())
        })?;
    Ok(Json(SessionAnswer { merchant_session }))
}

pub async fn pay(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<WalletBody>,
) -> Result<Response, ApiFailure> {
    checked(&id)?;
    // The payment's state first, as the card page does: a token for a
    // payment that cannot take one is not worth reading.
    let current = state.ledger.get(&id).await?;
    if !current.takes_wallet() {
        return Err(LedgerError::Rule(PaymentError::InvalidState).into());
    }
    let wallet = wallets::check(body.method, &body.token).map_err(|error| {
        ApiFailure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_wallet_token",
            error.to_string(),
        )
    })?;
    drop(body);
    let payment = state.ledger.pay_with_wallet(&id, &wallet).await?;
    if wallet.answer_lost {
        // Done, but the merchant never hears it: a 5xx is not kept for
        // replay, so its retry finds the payment captured (`409`) and must
        // read it to know.
        return Err(ApiFailure::new(
            StatusCode::GATEWAY_TIMEOUT,
            "timeout",
            "the payment was processed but its answer was lost (test token)",
        ));
    }
    Ok(answer(StatusCode::OK, state.ledger.view(&payment)))
}
