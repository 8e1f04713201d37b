//! Accounts and sessions.

use super::{ApiError, client};
use shop_api::{Credentials, Session};

/// The signed-in shopper, or `None` when there is no (valid) session.
pub async fn current_session() -> Result<Option<Session>, ApiError> {
    match client::get("/session").await {
        Ok(session) => Ok(Some(session)),
        Err(ApiError::Refused { status: 401, .. }) => Ok(None),
        Err(error) => Err(error),
    }
}

pub async fn sign_in(credentials: &Credentials) -> Result<Session, ApiError> {
    client::post("/session", credentials).await
}

pub async fn create_account(credentials: &Credentials) -> Result<Session, ApiError> {
    client::post("/account", credentials).await
}

pub async fn sign_out() -> Result<(), ApiError> {
    client::delete("/session").await
}
