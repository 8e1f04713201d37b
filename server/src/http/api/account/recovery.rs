//! `POST /api/v1/password-reset` (a link to choose a new password, sent to
//! the address if it has an account, the same answer either way) and
//! `POST /api/v1/password-reset/confirm` (the new password: every session
//! ends, a new one starts here).

use super::super::client_address::ClientAddress;
use super::super::json::ApiJson;
use super::super::{ApiFailure, ApiState};
use super::{check_new_password, hashing_failure, send_link, start_session, verification};
use crate::accounts::email::Email;
use crate::accounts::session;
use crate::accounts::throttle::Policy;
use crate::db::LinkPurpose;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::post;
use shop_api::ErrorCode;
use shop_api::account::{NewPassword, PasswordResetRequest};

/// A reset link works for one hour.
pub const LINK_SECONDS: i64 = 3600;

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/password-reset", post(ask))
        .route("/v1/password-reset/confirm", post(reset))
}

async fn ask(
    State(state): State<ApiState>,
    client: ClientAddress,
    ApiJson(request): ApiJson<PasswordResetRequest>,
) -> Result<StatusCode, ApiFailure> {
    let now_ms = state.clock.now_ms();
    let client_key = client.throttle_key("reset");
    ApiFailure::take_attempt(&state.db, &[(&client_key, Policy::RESET_CLIENT)], now_ms).await?;
    let Some(email) = Email::parse(&request.email) else {
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidEmail,
            "invalid e-mail address",
        ));
    };
    // Counted for every address, known or not, so that the limit itself
    // says nothing; past it, nothing is sent and the answer is the same.
    let address_key = format!("reset:{}", email.as_str());
    let waiting = state
        .db
        .take_attempt(&[(&address_key, Policy::RESET_ACCOUNT)], now_ms)
        .await?
        .is_some();
    let account = state.db.account_by_email(&email).await?;
    if let Some(account) = account.filter(|_| !waiting) {
        // The language of the page that asked: the shopper is reading it.
        let language = request.language.unwrap_or(account.language);
        send_link(
            &state,
            account.id,
            LinkPurpose::ResetPassword,
            &account.email,
            LINK_SECONDS,
            |token| {
                state
                    .letters
                    .reset_password(language, &account.email, token)
            },
        )
        .await?;
        tracing::info!(account_id = account.id, "password reset link sent");
    }
    Ok(StatusCode::ACCEPTED)
}

async fn reset(
    State(state): State<ApiState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewPassword>,
) -> Result<Response, ApiFailure> {
    let token_hash = session::token_hash(&body.token);
    let now = state.clock.now();
    // Checked before the hash, so that a dead link is told at once; its use
    // below checks again, in the statement that uses it.
    if !state
        .db
        .link_is_live(&token_hash, LinkPurpose::ResetPassword, now)
        .await?
    {
        return Err(verification::invalid_link());
    }
    // The account is known only once the link is used, after the hash.
    check_new_password(&body.password, None)?;
    let hash = state
        .password_work
        .hash(body.password)
        .await
        .map_err(hashing_failure)?;
    let Some(account) = state.db.reset_password(&token_hash, &hash, now).await? else {
        return Err(verification::invalid_link());
    };
    // The owner proved the address: a throttle that held their sign-ins
    // (maybe someone guessing) lets them in again.
    state
        .db
        .clear_throttle(&format!("account:{}", account.email))
        .await?;
    tracing::info!(
        account_id = account.id,
        "password reset; every session ended"
    );
    start_session(&state, &account, &headers, None, StatusCode::OK).await
}
