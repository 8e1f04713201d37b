//! Apple Pay merchant validation: the shop hands over the `validationURL`
//! the browser gave it, and gets an opaque session for
//! `completeMerchantValidation`. A real PSP would call that URL with its
//! Apple Pay certificate; the sandbox never fetches it, but checks it as a
//! real one must (a URL chosen by a browser is an SSRF waiting to happen),
//! and signs its own session so that it looks and behaves like Apple's.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// How long a session is valid (Apple's are five minutes).
pub const LIFETIME_MILLIS: i64 = 5 * 60 * 1000;
/// The sandbox's Apple Pay merchant identifier.
pub const MERCHANT_IDENTIFIER: &str = "merchant.fr.psp-sandbox";
pub const MAX_DOMAIN_CHARS: usize = 253;
pub const MAX_DISPLAY_NAME_CHARS: usize = 64;
/// Far beyond Apple's gateway URLs; a bound before parsing.
const MAX_URL_CHARS: usize = 2048;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRequest {
    pub validation_url: String,
    pub domain: String,
    pub display_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("validation_url must be an https URL on a host ending in .apple.com")]
    ValidationUrl,
    #[error("domain must be a hostname of 1 to 253 characters")]
    Domain,
    #[error("display_name must have 1 to 64 characters, none of them control characters")]
    DisplayName,
}

/// What is signed; the session is this plus its signature.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Unsigned {
    epoch_timestamp: i64,
    expires_at: i64,
    merchant_session_identifier: String,
    nonce: String,
    merchant_identifier: &'static str,
    domain_name: String,
    display_name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MerchantSession {
    #[serde(flatten)]
    unsigned: Unsigned,
    signature: String,
}

/// Fresh randomness for one session, drawn by the caller.
pub struct Randomness {
    /// Hex.
    pub session_identifier: String,
    /// Hex.
    pub nonce: String,
}

impl SessionRequest {
    /// Checks the request and signs a session valid from `now_millis` (the
    /// sandbox clock) with `secret` (the merchant's).
    pub fn into_session(
        self,
        now_millis: i64,
        randomness: Randomness,
        secret: &str,
    ) -> Result<MerchantSession, SessionError> {
        if !is_apple_validation_url(&self.validation_url) {
            return Err(SessionError::ValidationUrl);
        }
        if !is_hostname(&self.domain) {
            return Err(SessionError::Domain);
        }
        let name_chars = self.display_name.chars().count();
        if !(1..=MAX_DISPLAY_NAME_CHARS).contains(&name_chars)
            || self.display_name.chars().any(char::is_control)
        {
            return Err(SessionError::DisplayName);
        }
        let unsigned = Unsigned {
            epoch_timestamp: now_millis,
            expires_at: now_millis + LIFETIME_MILLIS,
            merchant_session_identifier: format!(
                "SSH{}",
                randomness.session_identifier.to_ascii_uppercase()
            ),
            nonce: randomness.nonce,
            merchant_identifier: MERCHANT_IDENTIFIER,
            domain_name: self.domain,
            display_name: self.display_name,
        };
        let signature = sign(secret, &unsigned);
        Ok(MerchantSession {
            unsigned,
            signature,
        })
    }
}

/// `https`, a registered name (not an address) ending in `.apple.com`, no
/// user information and no port but the default. Parsed as a browser
/// would, so that `https://apple.com@evil.example` is `evil.example` and
/// `https://evil.example/?.apple.com` is `evil.example`.
pub fn is_apple_validation_url(value: &str) -> bool {
    if value.len() > MAX_URL_CHARS {
        return false;
    }
    let Ok(url) = url::Url::parse(value) else {
        return false;
    };
    let on_apple =
        matches!(url.host(), Some(url::Host::Domain(host)) if host.ends_with(".apple.com"));
    url.scheme() == "https"
        && on_apple
        && url.username().is_empty()
        && url.password().is_none()
        // `Url` forgets a default port: any port left is another one.
        && url.port().is_none()
}

/// 1 to 253 characters; dot-separated labels of 1 to 63 letters, digits
/// and hyphens, no label starting or ending with a hyphen.
pub fn is_hostname(value: &str) -> bool {
    (1..=MAX_DOMAIN_CHARS).contains(&value.len())
        && value.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// Hex HMAC-SHA256, keyed with the merchant secret, of the session's other
/// fields as JSON (in the order above).
fn sign(secret: &str, unsigned: &Unsigned) -> String {
    // HMAC takes keys of any length, and these fields always serialize.
    let (Ok(mut mac), Ok(message)) = (
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()),
        serde_json::to_vec(unsigned),
    ) else {
        return String::new();
    };
    mac.update(&message);
    hex::encode(mac.finalize().into_bytes())
}
