//! Cross-site request forgery: a state-changing request is served only when
//! the browser says it comes from the shop's own origin (its `Origin`
//! matches the `Host` it was sent to). Browsers always send `Origin` on such
//! requests, and a foreign page cannot forge it.

use super::ApiFailure;
use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use shop_api::ErrorCode;

pub async fn same_origin_only(request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || is_same_origin(&request) {
        next.run(request).await
    } else {
        ApiFailure::new(
            StatusCode::FORBIDDEN,
            ErrorCode::CrossSiteRequest,
            "state-changing requests must come from the shop's own pages",
        )
        .into_response()
    }
}

fn is_same_origin(request: &Request) -> bool {
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok());
    let origin = headers
        .get(header::ORIGIN)
        .and_then(|value| value.to_str().ok());
    match (origin, host) {
        (Some(origin), Some(host)) => origin_authority(origin) == Some(host),
        _ => false,
    }
}

/// `https://shop.fr:8443` → `shop.fr:8443`; `null` and paths → `None`.
fn origin_authority(origin: &str) -> Option<&str> {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))?;
    (!rest.is_empty() && !rest.contains('/')).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::origin_authority;

    #[test]
    fn reads_the_authority_of_an_origin() {
        assert_eq!(
            origin_authority("http://127.0.0.1:8080"),
            Some("127.0.0.1:8080")
        );
        assert_eq!(origin_authority("https://shop.fr"), Some("shop.fr"));
        assert_eq!(origin_authority("null"), None);
        assert_eq!(origin_authority("https://shop.fr/path"), None);
    }
}
