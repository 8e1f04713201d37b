//! Headers every response carries, API and files alike: a strict
//! Content-Security-Policy and the usual hardening headers.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

pub struct SecurityHeaders {
    headers: HeaderMap,
}

impl SecurityHeaders {
    /// `psp_origin` is the only origin the storefront may frame (the hosted
    /// card page); `script_hashes` allow the inline scripts of index.html
    /// (Trunk's wasm loader) without `unsafe-inline`.
    pub fn new(psp_origin: &str, script_hashes: &[String]) -> Self {
        let mut headers = HeaderMap::new();
        let policy = content_security_policy(psp_origin, script_hashes);
        let pairs: [(HeaderName, String); 5] = [
            (header::CONTENT_SECURITY_POLICY, policy),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".into()),
            (
                header::REFERRER_POLICY,
                "strict-origin-when-cross-origin".into(),
            ),
            (
                HeaderName::from_static("permissions-policy"),
                "payment=(self), camera=(), microphone=(), geolocation=(), usb=()".into(),
            ),
            // Legacy twin of `frame-ancestors 'none'` for old browsers.
            (header::X_FRAME_OPTIONS, "DENY".into()),
        ];
        for (name, value) in pairs {
            match HeaderValue::try_from(value) {
                Ok(value) => {
                    headers.insert(name, value);
                }
                Err(error) => tracing::error!(%name, %error, "invalid security header value"),
            }
        }
        Self { headers }
    }
}

/// Where Google Pay's payment method manifest lives.
const GOOGLE_PAY_MANIFEST_ORIGINS: &str = "https://google.com https://pay.google.com";

pub fn content_security_policy(psp_origin: &str, script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push(' ');
        script_src.push_str(hash);
    }
    [
        "default-src 'self'".to_owned(),
        format!("script-src {script_src}"),
        "style-src 'self'".to_owned(),
        "img-src 'self' data: blob:".to_owned(),
        "font-src 'self'".to_owned(),
        // The browser fetches Google Pay's payment method manifest (and the
        // files it points to) under the page's policy when the storefront
        // asks `canMakePayment()`; nothing else leaves the shop's origin.
        format!("connect-src 'self' {GOOGLE_PAY_MANIFEST_ORIGINS}"),
        format!("frame-src {psp_origin}"),
        "frame-ancestors 'none'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'none'".to_owned(),
        "form-action 'self'".to_owned(),
    ]
    .join("; ")
}

pub async fn apply(
    State(security): State<Arc<SecurityHeaders>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    for (name, value) in &security.headers {
        response.headers_mut().insert(name, value.clone());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_is_strict_and_frames_only_the_psp() {
        let policy =
            content_security_policy("http://127.0.0.1:9090", &["'sha256-abc='".to_owned()]);
        assert!(policy.contains("frame-src http://127.0.0.1:9090;"));
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=';"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("object-src 'none'"));
        assert!(policy.contains("base-uri 'none'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("'unsafe-eval'"));
        assert!(policy.contains("connect-src 'self' https://google.com https://pay.google.com;"));
    }
}
