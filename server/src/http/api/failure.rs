//! An API error as the storefront receives it: a status, a stable code and,
//! for throttling, when to try again.

use crate::db::DbError;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use shop_api::{ApiErrorBody, ErrorCode};

#[derive(Debug)]
pub struct ApiFailure {
    status: StatusCode,
    body: ApiErrorBody,
}

impl ApiFailure {
    pub fn new(status: StatusCode, code: ErrorCode, message: &str) -> Self {
        Self {
            status,
            body: ApiErrorBody::new(code, message),
        }
    }

    pub fn too_many_attempts(retry_after_seconds: u64) -> Self {
        let mut failure = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyAttempts,
            "too many failed sign-ins; retry later",
        );
        failure.body.error.retry_after_seconds = Some(retry_after_seconds);
        failure
    }

    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            "not signed in, or the session ended",
        )
    }
}

impl From<DbError> for ApiFailure {
    fn from(error: DbError) -> Self {
        tracing::error!(%error, "database error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "internal error",
        )
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        let retry_after = self.body.error.retry_after_seconds;
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(Ok(value)) = retry_after.map(|s| HeaderValue::try_from(s.to_string())) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}
