//! Accounts and sessions; the links the shop e-mails (the address
//! confirmed, the password reset) and the language it writes in.

use super::{ApiError, client};
use shop_api::account::{LanguageChoice, LinkToken, NewPassword, PasswordResetRequest};
use shop_api::{Credentials, Language, Session};

/// The signed-in shopper, or `None` for a guest (the server answers `null`:
/// being signed out is not an error).
pub async fn current_session() -> Result<Option<Session>, ApiError> {
    client::get("/session").await
}

pub async fn sign_in(credentials: &Credentials) -> Result<Session, ApiError> {
    client::post("/session", credentials).await
}

/// Answers `201` with a session for a new address and for one that already
/// has an account alike (that session does not exist then): only
/// [`current_session`] tells them apart.
pub async fn create_account(credentials: &Credentials) -> Result<Session, ApiError> {
    client::post("/account", credentials).await
}

pub async fn sign_out() -> Result<(), ApiError> {
    client::delete("/session").await
}

/// Sends the signed-in shopper a new link to confirm their address (`202`;
/// `429` with `retry_after_seconds` when asked too often).
pub async fn request_verification() -> Result<(), ApiError> {
    #[derive(serde::Serialize)]
    struct Nothing {}
    client::post_unanswered("/account/verification", &Nothing {}).await
}

/// The confirmation link's token (`204`, or `400 invalid_link`).
pub async fn confirm_verification(token: &LinkToken) -> Result<(), ApiError> {
    client::post_unanswered("/account/verification/confirm", token).await
}

/// The language the shop writes to the signed-in shopper in.
pub async fn set_language(language: Language) -> Result<(), ApiError> {
    client::put_unanswered("/account/language", &LanguageChoice { language }).await
}

/// Asks for a reset link: `202` whether the address has an account or not.
pub async fn request_password_reset(request: &PasswordResetRequest) -> Result<(), ApiError> {
    client::post_unanswered("/password-reset", request).await
}

/// The reset link's token and the new password: signed in, every other
/// session of the account ended.
pub async fn reset_password(new_password: &NewPassword) -> Result<Session, ApiError> {
    client::post("/password-reset/confirm", new_password).await
}
