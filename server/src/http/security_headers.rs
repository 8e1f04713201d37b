//! Headers every response carries, API and files alike: a strict
//! Content-Security-Policy and the usual hardening headers.

use super::storefront::InlineHashes;
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
    /// card page); `inline` allows the inline scripts (the wasm start
    /// script) and styles of index.html without `unsafe-inline`.
    /// `photo_origin` is the bucket's, when photo downloads are
    /// redirected there (signed URLs).
    pub fn new(psp_origin: &str, inline: &InlineHashes, photo_origin: Option<&str>) -> Self {
        let mut headers = HeaderMap::new();
        let policy = content_security_policy(psp_origin, inline, photo_origin);
        let pairs: [(HeaderName, String); 8] = [
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
            // Browsers heed it over https only: two years of https for the
            // shop's host and its subdomains once a shopper has been here.
            (
                header::STRICT_TRANSPORT_SECURITY,
                "max-age=63072000; includeSubDomains".into(),
            ),
            // No other site's window keeps a handle on the shop's (the card
            // frame and the Payment Request sheet are not windows).
            (
                HeaderName::from_static("cross-origin-opener-policy"),
                "same-origin".into(),
            ),
            // The shop's answers (photos, JSON) are for its own pages only.
            (
                HeaderName::from_static("cross-origin-resource-policy"),
                "same-origin".into(),
            ),
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

pub fn content_security_policy(
    psp_origin: &str,
    inline: &InlineHashes,
    photo_origin: Option<&str>,
) -> String {
    let with_hashes = |base: &str, hashes: &[String]| {
        std::iter::once(base)
            .chain(hashes.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let script_src = with_hashes("'self' 'wasm-unsafe-eval'", &inline.scripts);
    let style_src = with_hashes("'self'", &inline.styles);
    [
        "default-src 'self'".to_owned(),
        format!("script-src {script_src}"),
        format!("style-src {style_src}"),
        "img-src 'self' data: blob:".to_owned(),
        "font-src 'self'".to_owned(),
        // The browser fetches Google Pay's payment method manifest (and the
        // files it points to) under the page's policy when the storefront
        // asks `canMakePayment()`; nothing else leaves the shop's origin
        // but a photo's download redirected to the bucket, when configured.
        match photo_origin {
            Some(bucket) => format!("connect-src 'self' {GOOGLE_PAY_MANIFEST_ORIGINS} {bucket}"),
            None => format!("connect-src 'self' {GOOGLE_PAY_MANIFEST_ORIGINS}"),
        },
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
        let inline = InlineHashes {
            scripts: vec!["'sha256-abc='".to_owned()],
            styles: vec!["'sha256-css='".to_owned()],
        };
        let policy = content_security_policy("http://127.0.0.1:9090", &inline, None);
        assert!(policy.contains("frame-src http://127.0.0.1:9090;"));
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=';"));
        assert!(policy.contains("style-src 'self' 'sha256-css=';"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("object-src 'none'"));
        assert!(policy.contains("base-uri 'none'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("'unsafe-eval'"));
        assert!(policy.contains("connect-src 'self' https://google.com https://pay.google.com;"));
        let with_bucket = content_security_policy(
            "http://127.0.0.1:9090",
            &inline,
            Some("https://s3.fr-par.scw.cloud"),
        );
        assert!(with_bucket.contains(
            "connect-src 'self' https://google.com https://pay.google.com https://s3.fr-par.scw.cloud;"
        ));
        assert!(
            with_bucket.contains("img-src 'self' data: blob:;"),
            "only fetched"
        );
    }
}
