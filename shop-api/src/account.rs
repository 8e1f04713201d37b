//! Accounts and sessions: create an account, sign in, sign out, who am I.

use serde::{Deserialize, Serialize};

/// Body of `POST /api/v1/account` (create) and `POST /api/v1/session`
/// (sign in).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    pub email: String,
    pub password: String,
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
}

/// Answer of sign-up, sign-in and `GET /api/v1/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub account: Account,
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
        };
        let printed = format!("{credentials:?}");
        assert!(printed.contains("a@b.fr"));
        assert!(!printed.contains("secret"));
    }
}
