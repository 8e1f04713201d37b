//! An error as merchants and the card page receive it:
//! `{"error": {"code", "message", "field"?}}` with its status, and the one
//! mapping of ledger errors to codes.

use crate::ledger::LedgerError;
use crate::payments::PaymentError;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug)]
pub struct ApiFailure {
    status: StatusCode,
    body: ErrorBody,
}

#[derive(Debug, Serialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Debug, Serialize)]
struct ErrorDetail {
    code: &'static str,
    message: String,
    /// The card page's field at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'static str>,
}

impl ApiFailure {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            body: ErrorBody {
                error: ErrorDetail {
                    code,
                    message: message.into(),
                    field: None,
                },
            },
        }
    }

    pub fn with_field(mut self, field: &'static str) -> Self {
        self.body.error.field = Some(field);
        self
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "no such payment")
    }

    pub fn stored_card_not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "stored_card_not_found",
            "no such stored card (never stored, or deleted)",
        )
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "internal error",
        )
    }
}

impl From<LedgerError> for ApiFailure {
    fn from(error: LedgerError) -> Self {
        match error {
            LedgerError::NotFound => Self::not_found(),
            LedgerError::StoredCardNotFound => Self::stored_card_not_found(),
            LedgerError::Invalid(invalid) => Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_request",
                invalid.0,
            ),
            LedgerError::Rule(rule) => {
                let (status, code) = match rule {
                    PaymentError::InvalidState => (StatusCode::CONFLICT, "invalid_state"),
                    PaymentError::AuthorizationExpired => {
                        (StatusCode::CONFLICT, "authorization_expired")
                    }
                    PaymentError::AmountTooLarge => {
                        (StatusCode::UNPROCESSABLE_ENTITY, "amount_too_large")
                    }
                    PaymentError::InvalidAmount => {
                        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_request")
                    }
                };
                Self::new(status, code, rule.to_string())
            }
            LedgerError::Db(error) => {
                tracing::error!(%error, "database error");
                Self::internal()
            }
            LedgerError::Randomness(error) => {
                tracing::error!(%error, "no randomness for an id");
                Self::internal()
            }
        }
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}
