//! The card form's posts must come from the sandbox's own page: a browser
//! always sends `Origin` on a cross-origin or `POST` fetch, so anything
//! else (another site, a missing header) is refused.

use crate::http::{ApiFailure, AppState};
use axum::http::{HeaderMap, StatusCode, header};

pub fn check(headers: &HeaderMap, state: &AppState) -> Result<(), ApiFailure> {
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    if origin == Some(&*state.public_url) {
        Ok(())
    } else {
        Err(ApiFailure::new(
            StatusCode::FORBIDDEN,
            "forbidden_origin",
            "card details are only taken from the sandbox's own page",
        ))
    }
}
