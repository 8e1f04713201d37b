//! The account's own controls: its sessions (`GET|DELETE
//! /api/v1/account/sessions`), its password (`PUT
//! /api/v1/account/password`), its deletion (`DELETE /api/v1/account`,
//! GDPR art. 17) and its data (`GET /api/v1/account/export`, art. 20).
//! Each change that could be someone else's doing asks for the password
//! and tells the address.

use super::super::json::ApiJson;
use super::super::session_cookie::{self, CurrentSession};
use super::super::{ApiFailure, ApiState};
use super::{check_new_password, hashing_failure};
use crate::accounts::session;
use crate::db::DeletionError;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use serde_json::json;
use shop_api::ErrorCode;
use shop_api::account::{ActiveSession, PasswordChange, PasswordCheck};

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/account/sessions", get(sessions).delete(end_others))
        .route("/v1/account/password", put(change_password))
        .route("/v1/account", axum::routing::delete(delete_account))
        .route("/v1/account/export", get(export))
}

/// What the list calls a session: derived from its key, never the key.
fn public_id(token_hash: &str) -> String {
    session::token_hash(token_hash)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(16)
        .collect()
}

async fn sessions(
    State(state): State<ApiState>,
    current: CurrentSession,
) -> Result<Json<Vec<ActiveSession>>, ApiFailure> {
    let listed = state.db.sessions_of(current.account_id).await?;
    Ok(Json(
        listed
            .into_iter()
            .map(|row| ActiveSession {
                id: public_id(&row.token_hash),
                current: row.token_hash == current.token_hash,
                device: row.device,
                created_at: row.created_at,
                last_seen_at: row.last_seen_at,
            })
            .collect(),
    ))
}

/// "Sign out everywhere else": this browser stays signed in.
async fn end_others(
    State(state): State<ApiState>,
    current: CurrentSession,
) -> Result<StatusCode, ApiFailure> {
    let ended = state
        .db
        .end_other_sessions(current.account_id, &current.token_hash)
        .await?;
    tracing::info!(
        account_id = current.account_id,
        ended,
        "other sessions ended"
    );
    Ok(StatusCode::NO_CONTENT)
}

/// The password typed again, checked as a sign-in is (and throttled with
/// the account's sign-ins, so that a stolen session cannot guess it
/// faster): a wrong one is a `400`, not a `401` (the session is fine).
pub(super) async fn check_password(
    state: &ApiState,
    current: &CurrentSession,
    typed: String,
) -> Result<(), ApiFailure> {
    let key = format!("account:{}", current.email);
    ApiFailure::take_attempt(
        &state.db,
        &[(&key, state.account_throttle)],
        state.clock.now_ms(),
    )
    .await?;
    let stored = state
        .db
        .account(current.account_id)
        .await?
        .map(|account| account.password_hash)
        .unwrap_or_default();
    if state
        .password_work
        .verify(typed, stored)
        .await
        .map_err(hashing_failure)?
    {
        state.db.clear_throttle(&key).await?;
        Ok(())
    } else {
        Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidCredentials,
            "wrong password",
        ))
    }
}

async fn change_password(
    State(state): State<ApiState>,
    current: CurrentSession,
    ApiJson(body): ApiJson<PasswordChange>,
) -> Result<StatusCode, ApiFailure> {
    check_new_password(&body.new_password, Some(&current.email))?;
    check_password(&state, &current, body.current_password).await?;
    let hash = state
        .password_work
        .hash(body.new_password)
        .await
        .map_err(hashing_failure)?;
    let now = state.clock.now();
    let mail = state
        .letters
        .password_changed(current.language, &current.email);
    let event = format!("password-changed:{}:{now}", current.account_id);
    state
        .db
        .change_password(
            current.account_id,
            &hash,
            &current.token_hash,
            (&event, &mail),
            now,
        )
        .await?;
    tracing::info!(
        account_id = current.account_id,
        "password changed; other sessions ended"
    );
    Ok(StatusCode::NO_CONTENT)
}

async fn delete_account(
    State(state): State<ApiState>,
    current: CurrentSession,
    ApiJson(body): ApiJson<PasswordCheck>,
) -> Result<Response, ApiFailure> {
    check_password(&state, &current, body.password).await?;
    let now = state.clock.now();
    let mail = state
        .letters
        .account_deleted(current.language, &current.email);
    let event = format!("account-deleted:{}", current.account_id);
    match state
        .db
        .delete_account(current.account_id, (&event, &mail), now)
        .await
    {
        Ok(()) => {}
        Err(DeletionError::OpenOrder { number }) => {
            return Err(ApiFailure::new(
                StatusCode::CONFLICT,
                ErrorCode::AccountHasOpenOrders,
                &format!("order {number} is neither shipped, delivered nor cancelled"),
            ));
        }
        Err(DeletionError::Db(error)) => return Err(error.into()),
    }
    // After the rows: a file without its row is never served.
    if let Err(error) = state.photos.remove_account(current.account_id).await {
        tracing::error!(%error, account_id = current.account_id, "photos of a deleted account left on disk");
    }
    tracing::info!(account_id = current.account_id, "account deleted");
    let secure = state.secure_cookies();
    Ok((
        StatusCode::NO_CONTENT,
        [
            (header::SET_COOKIE, session_cookie::clear(secure)),
            (
                header::HeaderName::from_static("clear-site-data"),
                HeaderValue::from_static("\"storage\""),
            ),
        ],
    )
        .into_response())
}

/// Everything the shop keeps about the account, as a file to keep.
async fn export(
    State(state): State<ApiState>,
    current: CurrentSession,
) -> Result<Response, ApiFailure> {
    let id = current.account_id;
    let db = &state.db;
    let account = db
        .account(id)
        .await?
        .ok_or_else(ApiFailure::unauthenticated)?;
    let mut projects = Vec::new();
    let mut before = None;
    loop {
        let page = db.projects(id, before, 100).await?;
        for summary in page.items {
            if let Some(project) = db.project(id, &summary.id).await? {
                projects.push(project);
            }
        }
        match page.next_before {
            Some(next) => before = Some(next),
            None => break,
        }
    }
    let orders: Vec<_> = db
        .orders_of(id)
        .await?
        .iter()
        .map(crate::orders::to_order)
        .collect();
    let sessions: Vec<_> = db
        .sessions_of(id)
        .await?
        .into_iter()
        .map(|row| {
            json!({
                "device": row.device,
                "created_at": row.created_at,
                "last_seen_at": row.last_seen_at,
                "current": row.token_hash == current.token_hash,
            })
        })
        .collect();
    let archive = json!({
        "format": "service-photo-export/1",
        "exported_at": state.clock.now(),
        "account": {
            "email": account.email,
            "email_verified_at": account.email_verified_at,
            "language": account.language,
        },
        "address": db.address(id).await?,
        "cart": db.cart(id).await?,
        "projects": projects,
        "orders": orders,
        "sessions": sessions,
        "photos": "Les photos ne sont pas dans ce fichier : chacune se télécharge depuis son projet. / Photos are not in this file: download each from its project.",
    });
    Ok((
        [
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"service-photo-mes-donnees.json\""),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        Json(archive),
    )
        .into_response())
}
