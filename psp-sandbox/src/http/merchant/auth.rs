//! The merchant's bearer secret, compared in constant time (of digests, so
//! that not even its length leaks).

use crate::http::{ApiFailure, AppState};
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

pub use crate::MERCHANT;

pub async fn require_merchant(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    let matches = given.is_some_and(|given| {
        let given = Sha256::digest(given.as_bytes());
        let expected = Sha256::digest(state.merchant_secret.as_bytes());
        bool::from(given.ct_eq(&expected))
    });
    if matches {
        next.run(request).await
    } else {
        ApiFailure::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "missing or wrong merchant secret",
        )
        .into_response()
    }
}
