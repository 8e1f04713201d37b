//! The session cookie, and the extractor that turns it into the signed-in
//! account (a 401 where one is needed, `None` where a guest is welcome);
//! and the known-device cookie (`accounts::known_device`), built alike.

use super::{ApiFailure, ApiState};
use crate::accounts::{known_device, session};
use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use cookie::{Cookie, SameSite};

/// The signed-in shopper of this request.
#[derive(Debug, Clone)]
pub struct CurrentSession {
    pub account_id: i64,
    pub email: String,
    pub email_verified: bool,
    pub language: shop_api::Language,
    /// What the database keys this session by (the list of sessions marks
    /// it, "sign out everywhere else" keeps it).
    pub token_hash: String,
}

impl CurrentSession {
    /// The session this request carries, `None` when it carries none the
    /// server still knows (an expired one is deleted on the way).
    async fn lookup(parts: &Parts, state: &ApiState) -> Result<Option<Self>, ApiFailure> {
        let Some(token) = token(&parts.headers, state.secure_cookies()) else {
            return Ok(None);
        };
        let token_hash = session::token_hash(&token);
        let Some(row) = state.db.session(&token_hash).await? else {
            return Ok(None);
        };
        let now = state.clock.now();
        if session::is_expired(row.created_at, row.last_seen_at, now) {
            state.db.delete_session(&token_hash).await?;
            return Ok(None);
        }
        if now - row.last_seen_at >= session::TOUCH_EVERY_SECONDS {
            state.db.touch_session(&token_hash, now).await?;
        }
        Ok(Some(Self {
            account_id: row.account_id,
            email: row.email,
            email_verified: row.email_verified,
            language: row.language,
            token_hash,
        }))
    }
}

/// Routes that need a shopper answer 401 without one.
impl FromRequestParts<ApiState> for CurrentSession {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, ApiFailure> {
        Self::lookup(parts, state)
            .await?
            .ok_or_else(ApiFailure::unauthenticated)
    }
}

/// Routes that serve guests too (who am I) take `Option<CurrentSession>`:
/// being signed out is an answer there, not a refusal.
impl OptionalFromRequestParts<ApiState> for CurrentSession {
    type Rejection = ApiFailure;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &ApiState,
    ) -> Result<Option<Self>, ApiFailure> {
        Self::lookup(parts, state).await
    }
}

/// The session cookie's name: `__Host-` wherever cookies are `Secure`.
fn name(secure: bool) -> &'static str {
    if secure {
        session::SECURE_COOKIE_NAME
    } else {
        session::COOKIE_NAME
    }
}

fn device_name(secure: bool) -> &'static str {
    if secure {
        known_device::SECURE_COOKIE_NAME
    } else {
        known_device::COOKIE_NAME
    }
}

/// The session token the browser sent, if any (under this server's name
/// only: a plain `sp_session` on an https shop was not set by it).
pub fn token(headers: &HeaderMap, secure: bool) -> Option<String> {
    read(headers, name(secure))
}

/// The known-device token the browser sent, if any.
pub fn device_token(headers: &HeaderMap, secure: bool) -> Option<String> {
    read(headers, device_name(secure))
}

fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_owned())
}

/// `secure`: the shop's public origin is not plain-http loopback
/// (`ApiState::secure_cookies`).
fn build(name: &'static str, value: String, max_age_seconds: i64, secure: bool) -> HeaderValue {
    let cookie = Cookie::build((name, value))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(max_age_seconds))
        .build();
    // Token characters are base64url: always a valid header value.
    HeaderValue::try_from(cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn set(token: &str, secure: bool) -> HeaderValue {
    build(
        name(secure),
        token.to_owned(),
        session::ABSOLUTE_SECONDS,
        secure,
    )
}

pub fn clear(secure: bool) -> HeaderValue {
    build(name(secure), String::new(), 0, secure)
}

/// Kept across sign-outs: it says only that the account's password was
/// typed in this browser before.
pub fn set_device(token: &str, secure: bool) -> HeaderValue {
    build(
        device_name(secure),
        token.to_owned(),
        known_device::LIFETIME_SECONDS,
        secure,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(host: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_str(host).unwrap());
        headers
    }

    #[test]
    fn cookie_is_http_only_lax_and_secure_when_asked() {
        let local = set("abc", false).to_str().unwrap().to_owned();
        assert!(local.starts_with("sp_session=abc;"));
        assert!(
            local.contains("HttpOnly")
                && local.contains("SameSite=Lax")
                && local.contains("Path=/")
        );
        assert!(!local.contains("Secure"));
        let public = set("abc", true).to_str().unwrap().to_owned();
        assert!(public.starts_with("__Host-sp_session=abc;"), "{public}");
        assert!(public.contains("Secure") && public.contains("Path=/"));
        assert!(!public.contains("Domain"));
        assert!(clear(true).to_str().unwrap().contains("Max-Age=0"));
    }

    #[test]
    fn finds_the_token_among_other_cookies() {
        let mut map = headers("127.0.0.1");
        map.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; sp_session=tok; b=2"),
        );
        assert_eq!(token(&map, false).as_deref(), Some("tok"));
        assert_eq!(token(&map, true), None, "not this https server's cookie");
        map.insert(
            header::COOKIE,
            HeaderValue::from_static("sp_session=planted; __Host-sp_session=tok"),
        );
        assert_eq!(token(&map, true).as_deref(), Some("tok"));
    }

    /// Any `Cookie` headers, one or several: a token or none, never a panic;
    /// a token found is one cookie's whole value (no separator inside) and
    /// was sent under this server's name.
    #[test]
    fn fuzz_cookie_header() {
        use proptest::prelude::*;
        let cookie = prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..80),
            (
                proptest::sample::select(vec![
                    "sp_session",
                    "__Host-sp_session",
                    "SP_SESSION",
                    " sp_session ",
                    "sp_session\"",
                    ""
                ]),
                proptest::sample::select(vec!["=", " = ", "", "=="]),
                crate::fuzz::text(40),
                crate::fuzz::text(20),
            )
                .prop_map(|(name, equals, value, rest)| format!(
                    "{rest}; {name}{equals}{value}; {rest}"
                )
                .into_bytes()),
        ];
        let cases = (proptest::collection::vec(cookie, 0..3), any::<bool>());
        crate::fuzz::run(
            "cookie header (http::api::session_cookie::token)",
            cases,
            |(values, secure)| {
                let mut map = HeaderMap::new();
                for value in &values {
                    if let Ok(value) = HeaderValue::from_bytes(value) {
                        map.append(header::COOKIE, value);
                    }
                }
                if let Some(token) = token(&map, secure) {
                    prop_assert!(!token.contains(';'), "{token:?}");
                    let sent = map.get_all(header::COOKIE).iter().any(|value| {
                        String::from_utf8_lossy(value.as_bytes()).contains(name(secure))
                    });
                    prop_assert!(sent);
                }
                Ok(())
            },
        );
    }
}
