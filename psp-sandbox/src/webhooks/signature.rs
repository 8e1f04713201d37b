//! `PSP-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "{t}.{body}">`,
//! keyed with the webhook secret.

use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const HEADER: &str = "PSP-Signature";

pub fn header(secret: &str, timestamp: i64, body: &str) -> String {
    format!("t={timestamp},v1={}", sign(secret, timestamp, body))
}

pub fn sign(secret: &str, timestamp: i64, body: &str) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_header_carries_time_and_signature() {
        let header = super::header("secret", 1_790_000_000, "{}");
        assert!(header.starts_with("t=1790000000,v1="), "{header}");
        assert_eq!(header.len(), "t=1790000000,v1=".len() + 64);
        assert_ne!(
            super::sign("secret", 1, "{}"),
            super::sign("other", 1, "{}")
        );
    }
}
