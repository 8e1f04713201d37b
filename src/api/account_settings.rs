//! The account's own controls (`/compte/parametres`): where it is signed
//! in, its password, its address, its deletion; and the link that moves it
//! to a new address. The data export is a plain link (`EXPORT_PATH`).

use super::ApiError;
use super::client::{self, Verb};
use shop_api::account::{ActiveSession, EmailChange, LinkToken, PasswordChange, PasswordCheck};

/// Where the account is signed in, newest use first.
pub async fn sessions() -> Result<Vec<ActiveSession>, ApiError> {
    client::get("/account/sessions").await
}

/// Ends every other session; this browser stays signed in.
pub async fn end_other_sessions() -> Result<(), ApiError> {
    client::delete("/account/sessions").await
}

/// A new password, given with the current one; every other session ends.
pub async fn change_password(change: &PasswordChange) -> Result<(), ApiError> {
    client::send_no_content(Verb::Put, "/account/password", change).await
}

/// Asks for a link at the new address (`202`); nothing changes until it
/// is opened.
pub async fn ask_email_change(change: &EmailChange) -> Result<(), ApiError> {
    client::send_no_content(Verb::Post, "/account/email", change).await
}

/// The link's token: the account now uses the new address. Signed in or
/// not.
pub async fn confirm_email_change(token: &LinkToken) -> Result<(), ApiError> {
    client::send_no_content(Verb::Post, "/account/email/confirm", token).await
}

/// Deletes the account (and signs this browser out, server side). A `409
/// account_has_open_orders` names the order in its message.
pub async fn delete_account(check: &PasswordCheck) -> Result<(), ApiError> {
    client::send_no_content(Verb::Delete, "/account", check).await
}
