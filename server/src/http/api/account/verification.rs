//! `POST /api/v1/account/verification` (a new link to confirm the signed-in
//! account's address) and `POST /api/v1/account/verification/confirm` (the
//! link opened: signed in or not, on any device).

use super::super::json::ApiJson;
use super::super::session_cookie::CurrentSession;
use super::super::{ApiFailure, ApiState};
use super::send_link;
use crate::accounts::session;
use crate::accounts::throttle::Policy;
use crate::db::LinkPurpose;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use shop_api::ErrorCode;
use shop_api::account::LinkToken;

/// A confirmation link works for 24 hours.
pub const LINK_SECONDS: i64 = 24 * 3600;

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/account/verification", post(send_again))
        .route("/v1/account/verification/confirm", post(confirm))
}

async fn send_again(
    State(state): State<ApiState>,
    current: CurrentSession,
) -> Result<StatusCode, ApiFailure> {
    if current.email_verified {
        // Nothing to confirm: the same answer, no message.
        return Ok(StatusCode::ACCEPTED);
    }
    let key = format!("verify:{}", current.account_id);
    ApiFailure::take_attempt(
        &state.db,
        &[(&key, Policy::VERIFY_RESEND)],
        state.clock.now_ms(),
    )
    .await?;
    send_link(
        &state,
        current.account_id,
        LinkPurpose::VerifyEmail,
        &current.email,
        LINK_SECONDS,
        |token| {
            state
                .letters
                .verify_email(current.language, &current.email, token)
        },
    )
    .await?;
    Ok(StatusCode::ACCEPTED)
}

async fn confirm(
    State(state): State<ApiState>,
    ApiJson(body): ApiJson<LinkToken>,
) -> Result<StatusCode, ApiFailure> {
    let now = state.clock.now();
    if state
        .db
        .confirm_email(&session::token_hash(&body.token), now)
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(invalid_link())
    }
}

/// Unknown, used, late, or for an address the account no longer has: the
/// shopper is told the same in each case.
pub fn invalid_link() -> ApiFailure {
    ApiFailure::new(
        StatusCode::BAD_REQUEST,
        ErrorCode::InvalidLink,
        "this link is unknown, used or expired",
    )
}
