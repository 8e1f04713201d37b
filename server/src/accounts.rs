//! Accounts and sessions: the rules (e-mail, password strength, sign-in
//! throttle, session lifetime), independent of HTTP and of SQL.

pub mod device;
pub mod email;
pub mod hashing;
pub mod known_device;
pub mod password;
pub mod session;
pub mod throttle;

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch: accounts and sessions store times so.
pub fn now() -> i64 {
    now_ms() / 1000
}

/// Milliseconds since the Unix epoch, for the sign-in throttle.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_millis() as i64)
        .unwrap_or(0)
}
