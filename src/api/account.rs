//! Accounts and sessions.

use super::{ApiError, client};
use shop_api::{Credentials, Session};

/// The signed-in shopper, or `None` for a guest (the server answers `null`:
/// being signed out is not an error).
pub async fn current_session() -> Result<Option<Session>, ApiError> {
    client::get("/session").await
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
