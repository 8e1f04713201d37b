//! Known devices: a browser where an account signed in proves it with a
//! long-lived random token in its own cookie (the database keeps only the
//! token's SHA-256, as for sessions). Failed sign-ins from a known browser
//! are throttled under the browser's own key; everyone else's count
//! against the account. So strangers who send wrong passwords for an
//! account from many addresses slow down every stranger, never the owner in
//! their own browser (OWASP's "device cookies").

/// The cookie's name on plain-http loopback (development).
pub const COOKIE_NAME: &str = "sp_device";
/// Its name everywhere else (see `session::SECURE_COOKIE_NAME`).
pub const SECURE_COOKIE_NAME: &str = "__Host-sp_device";
/// A year; each sign-in from the browser renews it.
pub const LIFETIME_SECONDS: i64 = 365 * 24 * 3600;

/// The throttle key of a known browser, by its token's hash.
pub fn throttle_key(token_hash: &str) -> String {
    format!("device:{token_hash}")
}
