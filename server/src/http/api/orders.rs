//! `/api/v1/orders` and `/api/v1/address`: the signed-in shopper orders
//! their cart (with an idempotency key), follows the order, cancels it or
//! pays again, and keeps a delivery address for next time; `track.rs` lets
//! anyone with an order's number and e-mail follow it.

mod track;

use super::json::ApiJson;
use super::paging::PageQuery;
use super::session_cookie::CurrentSession;
use super::{ApiFailure, ApiState};
use crate::orders::{OrderError, OrderingShop, Orders, normalized_address};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use shop_api::ErrorCode;
use shop_api::order::{Address, IDEMPOTENCY_HEADER, NewOrder, Order, OrderSummary};
use shop_api::page::Page;
use shop_api::wallet::{MerchantSession, MerchantSessionRequest, WalletConfig, WalletPayment};

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/orders", get(list).post(create))
        .route("/v1/orders/track", post(track::track))
        .route("/v1/orders/{id}", get(show))
        .route("/v1/orders/{id}/cancel", post(cancel))
        .route("/v1/orders/{id}/payment", post(pay_again))
        .route("/v1/orders/{id}/wallet", post(pay_with_wallet))
        .route(
            "/v1/orders/{id}/wallet/merchant-session",
            post(apple_pay_session),
        )
        .route("/v1/wallets", get(wallet_config))
        .route("/v1/address", get(address).put(save_address))
}

fn orders(state: &ApiState) -> Orders<'_> {
    Orders {
        db: &state.db,
        psp: state.payments.as_ref(),
        letters: &state.letters,
    }
}

async fn create(
    current: CurrentSession,
    State(state): State<ApiState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<NewOrder>,
) -> Result<Response, ApiFailure> {
    let key = headers
        .get(IDEMPOTENCY_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let shop = OrderingShop {
        catalogue: state.catalogue.catalogue(),
        photos: &state.photos,
        origin: &state.public_origin,
    };
    let (order, created) = orders(&state)
        .create(&shop, current.account_id, key, &request, state.clock.now())
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(order)).into_response())
}

/// Newest first, a page at a time (`?limit=&before=`).
async fn list(
    current: CurrentSession,
    State(state): State<ApiState>,
    page: PageQuery,
) -> Result<Json<Page<OrderSummary>>, ApiFailure> {
    Ok(Json(
        orders(&state)
            .list(current.account_id, page.before, page.limit)
            .await?,
    ))
}

async fn show(
    current: CurrentSession,
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Json<Order>, ApiFailure> {
    Ok(Json(
        orders(&state)
            .get(
                current.account_id,
                &id,
                &state.public_origin,
                state.clock.now(),
            )
            .await?,
    ))
}

async fn cancel(
    current: CurrentSession,
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Json<Order>, ApiFailure> {
    Ok(Json(
        orders(&state)
            .cancel(current.account_id, &id, state.clock.now())
            .await?,
    ))
}

async fn pay_again(
    current: CurrentSession,
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Json<Order>, ApiFailure> {
    Ok(Json(
        orders(&state)
            .pay_again(
                current.account_id,
                &id,
                &state.public_origin,
                state.clock.now(),
            )
            .await?,
    ))
}

async fn pay_with_wallet(
    current: CurrentSession,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    ApiJson(payment): ApiJson<WalletPayment>,
) -> Result<Json<Order>, ApiFailure> {
    Ok(Json(
        orders(&state)
            .pay_with_wallet(
                current.account_id,
                &id,
                payment.method,
                &payment.token_json,
                &state.public_origin,
                state.clock.now(),
            )
            .await?,
    ))
}

async fn apple_pay_session(
    current: CurrentSession,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<MerchantSessionRequest>,
) -> Result<Json<MerchantSession>, ApiFailure> {
    // The domain Apple checks: the shop's, from configuration.
    let session_json = orders(&state)
        .apple_pay_session(
            current.account_id,
            &id,
            &request.validation_url,
            state.public_host(),
            state.clock.now(),
        )
        .await?;
    Ok(Json(MerchantSession { session_json }))
}

/// Public: what the wallets' method data name (no secret in it).
async fn wallet_config(State(state): State<ApiState>) -> Json<WalletConfig> {
    Json(state.wallets.as_ref().clone())
}

/// `null` until the shopper saves one: "no address yet" is an answer.
async fn address(
    current: CurrentSession,
    State(state): State<ApiState>,
) -> Result<Json<Option<Address>>, ApiFailure> {
    Ok(Json(state.db.address(current.account_id).await?))
}

async fn save_address(
    current: CurrentSession,
    State(state): State<ApiState>,
    ApiJson(address): ApiJson<Address>,
) -> Result<Json<Address>, ApiFailure> {
    let address = normalized_address(&address);
    if !address.invalid_fields().is_empty() {
        return Err(OrderError::InvalidAddress.into());
    }
    state
        .db
        .save_address(current.account_id, &address, state.clock.now())
        .await?;
    Ok(Json(address))
}

impl From<OrderError> for ApiFailure {
    fn from(error: OrderError) -> Self {
        // Logged there; a busy database is a 503, not a fault.
        let error = match error {
            OrderError::Db(error) => return error.into(),
            other => other,
        };
        let (status, code) = match &error {
            OrderError::InvalidAddress => (StatusCode::BAD_REQUEST, ErrorCode::InvalidAddress),
            OrderError::InvalidIdempotencyKey => {
                (StatusCode::BAD_REQUEST, ErrorCode::IdempotencyKeyMissing)
            }
            OrderError::CartEmpty => (StatusCode::CONFLICT, ErrorCode::CartEmpty),
            OrderError::TermsNotAccepted => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::TermsNotAccepted,
            ),
            OrderError::ProjectNotReady => (StatusCode::CONFLICT, ErrorCode::ProjectNotReady),
            OrderError::UnknownDeliveryOption => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::UnknownDeliveryOption,
            ),
            OrderError::Pricing(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidQuantity)
            }
            OrderError::NotFound => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
            OrderError::InvalidState | OrderError::AuthorizationExpired | OrderError::Busy => {
                (StatusCode::CONFLICT, ErrorCode::InvalidOrderState)
            }
            OrderError::ProductionStarted => (StatusCode::CONFLICT, ErrorCode::ProductionStarted),
            OrderError::InvalidShipment => (StatusCode::BAD_REQUEST, ErrorCode::InvalidShipment),
            OrderError::NumberUnavailable => {
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal)
            }
            OrderError::InvalidWalletRequest => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidWalletRequest,
            ),
            OrderError::InvalidRefundReason => {
                (StatusCode::BAD_REQUEST, ErrorCode::InvalidRefundReason)
            }
            OrderError::EarlierRefundCompleted { .. } => {
                (StatusCode::CONFLICT, ErrorCode::InvalidOrderState)
            }
            OrderError::RefundTooLarge { .. } => {
                (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::RefundTooLarge)
            }
            OrderError::PaymentUnavailable(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::PaymentUnavailable,
            ),
            OrderError::TooManyPaymentAttempts { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyPaymentAttempts,
            ),
            OrderError::Db(_) | OrderError::Files(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal)
            }
        };
        // Logged, not told: queries and paths are the server's business.
        let message = if status == StatusCode::INTERNAL_SERVER_ERROR {
            tracing::error!(%error, "order request failed");
            "internal error".to_owned()
        } else {
            if status.is_server_error() {
                tracing::error!(%error, "order request failed");
            }
            error.to_string()
        };
        let mut failure = ApiFailure::new(status, code, &message);
        if let OrderError::TooManyPaymentAttempts {
            retry_after_seconds,
            ..
        } = error
        {
            failure.retry_after(retry_after_seconds);
        }
        failure
    }
}
