//! Cross-site request forgery: a state-changing request is served only when
//! the browser says it comes from the shop's own origin — its `Origin` is
//! the configured public origin, not merely the `Host` it was sent to,
//! which a client chooses. Browsers always send `Origin` on such requests,
//! and a foreign page cannot forge it.

use super::ApiFailure;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use shop_api::ErrorCode;
use std::sync::Arc;

pub async fn same_origin_only(
    State(public_origin): State<Arc<str>>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|value| value.to_str().ok());
    if safe || origin == Some(&*public_origin) {
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
