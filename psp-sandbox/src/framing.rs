//! Who may frame the sandbox's pages: the shop's origin, and no one else —
//! except a payment's own page, which names the payment's `allowed_origin`
//! (in practice the same). A real PSP enforces the same rule per merchant.

use axum::http::{HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;

/// Accepts `http(s)://host[:port]` and nothing more, since the value is
/// written into a Content-Security-Policy.
pub fn parse_origin(value: &str) -> Result<String, String> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or("an origin starts with http:// or https://")?;
    let valid_host = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if valid_host {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "{value:?} is not a bare origin such as http://127.0.0.1:8080"
        ))
    }
}

/// The policy of every page: only `framer` may frame it, and everything it
/// loads comes from the sandbox itself.
pub fn policy(framer: &str) -> String {
    format!(
        "default-src 'self'; frame-ancestors {framer}; object-src 'none'; base-uri 'none'; form-action 'self'"
    )
}

/// Sets the shop's policy on responses that did not set their own (the
/// payment page sets its payment's).
pub fn layer(shop_origin: &str) -> SetResponseHeaderLayer<HeaderValue> {
    let value = HeaderValue::try_from(policy(shop_origin))
        .unwrap_or_else(|_| HeaderValue::from_static("frame-ancestors 'none'"));
    SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, value)
}

#[cfg(test)]
mod tests {
    use super::parse_origin;

    #[test]
    fn only_bare_origins_are_accepted() {
        assert!(parse_origin("http://127.0.0.1:8080").is_ok());
        assert!(parse_origin("https://shop.example.fr").is_ok());
        assert!(parse_origin("https://shop.example.fr/").is_err());
        assert!(parse_origin("https://a.fr; frame-ancestors *").is_err());
        assert!(parse_origin("shop.example.fr").is_err());
    }
}
