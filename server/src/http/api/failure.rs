//! An API error as the storefront receives it: a status, a stable code and,
//! for throttling, when to try again. Also the one mapping of pricing
//! refusals to codes, shared by quotes, cart totals, projects and carts.

use crate::catalogue::PricingError;
use crate::catalogue::cart::CartError;
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
            "too many attempts; retry later",
        );
        failure.body.error.retry_after_seconds = Some(retry_after_seconds);
        failure
    }

    /// A `429` if `key` is waiting out a throttle delay at `now_ms`: the
    /// attempt is refused unprocessed.
    pub async fn unless_throttled(
        db: &crate::db::Database,
        key: &str,
        now_ms: i64,
    ) -> Result<(), Self> {
        match db.throttle_record(key).await?.wait(now_ms) {
            Some(wait) => Err(Self::too_many_attempts(wait)),
            None => Ok(()),
        }
    }

    /// Counts this attempt against every key before its work is done
    /// (`Database::take_attempt`), or a `429` with the longest wait when a
    /// key must wait first: then nothing is counted or processed.
    pub async fn take_attempt(
        db: &crate::db::Database,
        keys: &[(&str, crate::accounts::throttle::Policy)],
        now_ms: i64,
    ) -> Result<(), Self> {
        match db.take_attempt(keys, now_ms).await? {
            Some(wait) => Err(Self::too_many_attempts(wait)),
            None => Ok(()),
        }
    }

    /// A `503`: more of this work than the server takes at once.
    pub fn busy(retry_after_seconds: u64) -> Self {
        let mut failure = Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::ServerBusy,
            "the server is busy; retry later",
        );
        failure.retry_after(retry_after_seconds);
        failure
    }

    /// Adds when to try again (`retry_after_seconds` and `Retry-After`).
    pub fn retry_after(&mut self, seconds: u64) {
        self.body.error.retry_after_seconds = Some(seconds);
    }

    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            "not signed in, or the session ended",
        )
    }
}

/// When to come back after the database was too busy.
const DB_BUSY_RETRY_SECONDS: u64 = 2;

impl From<DbError> for ApiFailure {
    fn from(error: DbError) -> Self {
        // A burst of writes (500 sign-ups at once) can outwait SQLite's
        // busy timeout: the shopper is told to come back, as for hashing.
        if error.is_busy() {
            tracing::warn!(%error, "database busy: request refused");
            return Self::busy(DB_BUSY_RETRY_SECONDS);
        }
        tracing::error!(%error, "database error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "internal error",
        )
    }
}

/// A choice the catalogue cannot price: 422 with what is wrong with it.
impl From<PricingError> for ApiFailure {
    fn from(error: PricingError) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            pricing_code(error),
            &error.to_string(),
        )
    }
}

/// A cart that cannot be priced: 422, with the line's own code when one
/// line is at fault.
impl From<CartError> for ApiFailure {
    fn from(error: CartError) -> Self {
        let code = match error {
            CartError::Line { error, .. } => pricing_code(error),
            CartError::UnknownDeliveryOption => ErrorCode::UnknownDeliveryOption,
            CartError::TooManyLines => ErrorCode::CartTooLarge,
            CartError::Overflow => ErrorCode::InvalidQuantity,
        };
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, &error.to_string())
    }
}

fn pricing_code(error: PricingError) -> ErrorCode {
    match error {
        PricingError::UnknownProduct => ErrorCode::UnknownProduct,
        PricingError::UnknownOption => ErrorCode::UnknownOption,
        PricingError::InvalidQuantity => ErrorCode::InvalidQuantity,
        PricingError::InvalidPages => ErrorCode::InvalidPages,
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
