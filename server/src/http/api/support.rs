//! `POST /api/v1/support`: a request from the help centre's contact form,
//! stored with a reference the shopper can quote. Behind the same-origin
//! check like every browser route; a few requests an hour per client
//! address.

use super::client_address::ClientAddress;
use super::json::ApiJson;
use super::{ApiFailure, ApiState};
use crate::db::NewSupportError;
use crate::support::{self, SupportError};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use shop_api::ErrorCode;
use shop_api::support::{NewSupportRequest, SupportReceipt};

pub fn router() -> Router<ApiState> {
    Router::new().route("/v1/support", post(create))
}

/// A fresh reference colliding with a stored one is rare (about 40 bits);
/// a few draws make a failure all but impossible.
const REFERENCE_DRAWS: usize = 4;

async fn create(
    State(state): State<ApiState>,
    client: ClientAddress,
    ApiJson(request): ApiJson<NewSupportRequest>,
) -> Result<(StatusCode, Json<SupportReceipt>), ApiFailure> {
    let request = support::check(request)?;
    let now = state.clock.now();
    let client = client.limited_as();
    for _ in 0..REFERENCE_DRAWS {
        let reference = support::new_reference();
        let acknowledgement =
            state
                .letters
                .support_received(request.language, request.email.as_str(), &reference);
        match state
            .db
            .create_support_request(&request, &reference, &client, &acknowledgement, now)
            .await
        {
            Ok(()) => {
                tracing::info!(%reference, topic = request.topic.as_str(), "support request stored");
                return Ok((StatusCode::CREATED, Json(SupportReceipt { reference })));
            }
            Err(NewSupportError::ReferenceTaken) => continue,
            Err(NewSupportError::Throttled { oldest_in_window }) => {
                let wait =
                    support::allowance(shop_api::support::REQUESTS_PER_HOUR, oldest_in_window, now)
                        .err()
                        .unwrap_or(1);
                let mut failure = ApiFailure::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    ErrorCode::TooManySupportRequests,
                    "too many support requests from this address; retry later",
                );
                failure.retry_after(wait);
                return Err(failure);
            }
            Err(NewSupportError::Db(error)) => return Err(error.into()),
        }
    }
    tracing::error!("no free support reference after several draws");
    Err(ApiFailure::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        ErrorCode::Internal,
        "internal error",
    ))
}

impl From<SupportError> for ApiFailure {
    fn from(error: SupportError) -> Self {
        let code = match error {
            SupportError::EmptyMessage
            | SupportError::MessageTooLong
            | SupportError::InvalidAnswer => ErrorCode::InvalidSupportMessage,
            SupportError::InvalidOrderReference => ErrorCode::InvalidOrderReference,
            SupportError::InvalidEmail => ErrorCode::InvalidEmail,
        };
        ApiFailure::new(StatusCode::BAD_REQUEST, code, &error.to_string())
    }
}
