//! Accounts and sessions: create an account, sign in, sign out, who am I;
//! the e-mail address confirmed and the password reset by a link the shop
//! sends (`POST /api/v1/account/verification[/confirm]`,
//! `POST /api/v1/password-reset[/confirm]`), and the language the shop
//! writes in (`PUT /api/v1/account/language`); the account's own controls:
//! its sessions (`GET|DELETE /api/v1/account/sessions`), its password
//! (`PUT /api/v1/account/password`), its deletion (`DELETE
//! /api/v1/account`) and its data ([`EXPORT_PATH`]).

use serde::{Deserialize, Serialize};

/// The language the shop writes to a shopper in: the one the storefront
/// showed when they signed up or last signed in, or last chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Fr,
    En,
}

/// Body of `POST /api/v1/account` (create) and `POST /api/v1/session`
/// (sign in).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    pub email: String,
    pub password: String,
    /// The storefront's language now; kept as the account's when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

// Never print a password, even in debug logs.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("email", &self.email)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// The signed-in shopper, as the storefront may show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub email: String,
    /// The shopper opened the link the shop sent to this address. An
    /// unconfirmed account can shop; the storefront reminds it.
    #[serde(default)]
    pub email_verified: bool,
    #[serde(default)]
    pub language: Language,
}

/// Answer of sign-up, sign-in and `GET /api/v1/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub account: Account,
}

/// Body of `PUT /api/v1/account/language`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageChoice {
    pub language: Language,
}

/// Body of `POST /api/v1/account/verification/confirm`: the token of the
/// link sent to the address (`204`, or `400 invalid_link` when it is
/// unknown, used or past its 24 hours).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkToken {
    pub token: String,
}

/// Body of `POST /api/v1/password-reset`: always `202`, known address or
/// not (a link valid one hour goes to a known one); `429` when this client
/// asked too often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordResetRequest {
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// Body of `POST /api/v1/password-reset/confirm`: the link's token and the
/// new password. Answers a [`Session`] (signed in, every other session of
/// the account ended), or `400 invalid_link`, or the password's refusal.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPassword {
    pub token: String,
    pub password: String,
}

/// One line of `GET /api/v1/account/sessions`: where the account is
/// signed in, newest use first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveSession {
    /// Names the session in this list (not its cookie).
    pub id: String,
    /// "Firefox · Android"; empty when the browser did not say.
    pub device: String,
    /// Unix seconds.
    pub created_at: i64,
    pub last_seen_at: i64,
    /// The session of the browser asking.
    pub current: bool,
}

/// Body of `PUT /api/v1/account/password`: `204` (every other session
/// ended, a notice sent to the address), `400 invalid_credentials` for a
/// wrong current password (throttled as sign-ins are), or the new
/// password's refusal.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Body of `DELETE /api/v1/account` (GDPR art. 17): the password again.
/// `204` and signed out, `400 invalid_credentials`, or `409
/// account_has_open_orders` while an order is neither shipped, delivered
/// nor cancelled.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordCheck {
    pub password: String,
}

/// Body of `POST /api/v1/account/email`: a new address, with the
/// password. `202`: a link valid 24 hours goes to the new address, which
/// becomes the account's (confirmed) when the link is opened (`POST
/// /api/v1/account/email/confirm` with a [`LinkToken`]: `204`, or `400
/// invalid_link`, also when another account took the address meanwhile);
/// the old address is told then. `400 invalid_credentials` for a wrong
/// password, `400 invalid_email`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailChange {
    pub new_email: String,
    pub password: String,
}

impl std::fmt::Debug for EmailChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmailChange")
            .field("new_email", &self.new_email)
            .finish_non_exhaustive()
    }
}

/// `GET` it (signed in) for the account's data as a JSON file (GDPR art.
/// 20): the account, its address, its projects (photos named, not
/// included), its orders and its sessions.
pub const EXPORT_PATH: &str = "/api/v1/account/export";

impl std::fmt::Debug for PasswordChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordChange").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for PasswordCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordCheck").finish_non_exhaustive()
    }
}

/// Storefront pages the shop's links open; the token follows in the
/// fragment (`#jeton=…`), which browsers never send to a server nor put in
/// a `Referer`.
pub const VERIFY_EMAIL_PATH: &str = "/compte/confirmer-adresse";
pub const RESET_PASSWORD_PATH: &str = "/compte/nouveau-mot-de-passe";
pub const CHANGE_EMAIL_PATH: &str = "/compte/nouvelle-adresse";
/// Where a shopper asks for a reset link (linked from the sign-in form and
/// from the "you already have an account" message).
pub const FORGOT_PASSWORD_PATH: &str = "/compte/mot-de-passe-oublie";
/// The fragment's key before the token.
pub const LINK_TOKEN_KEY: &str = "jeton";

// Never print a token or password, even in debug logs.
impl std::fmt::Debug for LinkToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinkToken").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewPassword").finish_non_exhaustive()
    }
}

/// Password rules the storefront checks before sending (the server checks
/// again): counted in Unicode characters, never truncated.
pub const PASSWORD_MIN_CHARS: usize = 12;
pub const PASSWORD_MAX_CHARS: usize = 256;
pub const EMAIL_MAX_CHARS: usize = 254;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_the_password() {
        let credentials = Credentials {
            email: "a@b.fr".into(),
            password: "secret secret secret".into(),
            language: None,
        };
        let printed = format!("{credentials:?}");
        assert!(printed.contains("a@b.fr"));
        assert!(!printed.contains("secret"));
        let reset = NewPassword {
            token: "tok-123".into(),
            password: "secret secret secret".into(),
        };
        let printed = format!("{reset:?}");
        assert!(!printed.contains("tok-123") && !printed.contains("secret"));
    }

    #[test]
    fn an_account_from_an_older_server_parses_as_french_and_unconfirmed() {
        let older: Account = serde_json::from_str(r#"{"email": "a@b.fr"}"#).unwrap();
        assert!(!older.email_verified);
        assert_eq!(older.language, Language::Fr);
        let credentials: Credentials =
            serde_json::from_str(r#"{"email": "a@b.fr", "password": "x"}"#).unwrap();
        assert_eq!(credentials.language, None);
    }
}
