//! `POST /api/v1/account/email` (a new address, with the password: a link
//! goes there) and `POST /api/v1/account/email/confirm` (the link opened:
//! the account moves, the old address is told).

use super::super::json::ApiJson;
use super::super::session_cookie::CurrentSession;
use super::super::{ApiFailure, ApiState};
use super::controls::check_password;
use super::send_link;
use super::verification::{self, invalid_link};
use crate::accounts::email::Email;
use crate::accounts::session;
use crate::db::LinkPurpose;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use shop_api::ErrorCode;
use shop_api::account::{EmailChange, LinkToken};

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/account/email", post(ask))
        .route("/v1/account/email/confirm", post(confirm))
}

async fn ask(
    State(state): State<ApiState>,
    current: CurrentSession,
    ApiJson(body): ApiJson<EmailChange>,
) -> Result<StatusCode, ApiFailure> {
    let new_email = Email::parse(&body.new_email).ok_or_else(|| {
        ApiFailure::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidEmail,
            "invalid e-mail address",
        )
    })?;
    check_password(&state, &current, body.password).await?;
    if new_email.as_str() == current.email {
        return Ok(StatusCode::ACCEPTED);
    }
    // Sent whether or not another account has the address: the answer
    // must not tell. Its owner, opening the link, is told it cannot serve.
    send_link(
        &state,
        current.account_id,
        LinkPurpose::ChangeEmail,
        new_email.as_str(),
        verification::LINK_SECONDS,
        |token| {
            state
                .letters
                .change_email_link(current.language, new_email.as_str(), token)
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
    let letters = &state.letters;
    let moved = state
        .db
        .change_email(&session::token_hash(&body.token), now, &|before, new| {
            (
                format!("email-changed:{}:{now}", before.id),
                letters.email_changed(before.language, &before.email, new),
            )
        })
        .await?;
    match moved {
        Some(account) => {
            tracing::info!(account_id = account.id, "account moved to a new address");
            Ok(StatusCode::NO_CONTENT)
        }
        None => Err(invalid_link()),
    }
}
