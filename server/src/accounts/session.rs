//! Session tokens and lifetime. The cookie carries 256 random bits; the
//! database keeps only their SHA-256.
//!
//! Lifetime: a session ends after [`IDLE_SECONDS`] without a request, and in
//! any case [`ABSOLUTE_SECONDS`] after sign-in.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The cookie's name on plain-http loopback (development).
pub const COOKIE_NAME: &str = "sp_session";
/// Its name everywhere else: browsers keep a `__Host-` cookie only if it is
/// `Secure`, for `/`, and set by this very host without `Domain`, so a
/// sibling subdomain or a plain-http page cannot plant one.
pub const SECURE_COOKIE_NAME: &str = "__Host-sp_session";
/// 7 days without a request.
pub const IDLE_SECONDS: i64 = 7 * 24 * 3600;
/// 30 days after sign-in, whatever happens.
pub const ABSOLUTE_SECONDS: i64 = 30 * 24 * 3600;
/// `last_seen_at` is written at most this often, not on every request.
pub const TOUCH_EVERY_SECONDS: i64 = 300;

/// A new random token for the cookie.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database stores for a token.
pub fn token_hash(token: &str) -> String {
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

pub fn is_expired(created_at: i64, last_seen_at: i64, now: i64) -> bool {
    now - last_seen_at > IDLE_SECONDS || now - created_at > ABSOLUTE_SECONDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43); // 256 bits in unpadded base64url
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }

    #[test]
    fn sessions_expire_when_idle_and_at_their_absolute_end() {
        let start = 1_000_000;
        assert!(!is_expired(start, start, start + IDLE_SECONDS));
        assert!(is_expired(start, start, start + IDLE_SECONDS + 1));
        let active = start + ABSOLUTE_SECONDS;
        assert!(!is_expired(start, active, start + ABSOLUTE_SECONDS));
        assert!(is_expired(start, active, start + ABSOLUTE_SECONDS + 1));
    }
}
