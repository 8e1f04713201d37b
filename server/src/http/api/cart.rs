//! `GET|PUT /api/v1/cart` and `POST /api/v1/cart/merge`: the signed-in
//! shopper's cart, kept by the server so that every browser of the account
//! sees it, and the guest cart folded into it at sign-in. Every cart is
//! checked and priced (`crate::carts`) before it is stored.

use super::json::ApiJson;
use super::session_cookie::CurrentSession;
use super::{ApiFailure, ApiState};
use crate::carts::{self, CartRefusal};
use crate::db::CartUpdateError;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use shop_api::ErrorCode;
use shop_api::cart::Cart;

/// A full cart is 100 lines of up to about 600 bytes (64-character id,
/// 80-character name, options): more than the API's usual 16 KiB.
const CART_BODY_LIMIT_BYTES: usize = 128 * 1024;

pub fn router() -> Router<ApiState> {
    Router::new()
        .route(
            "/v1/cart",
            get(show)
                .put(replace)
                .layer(DefaultBodyLimit::max(CART_BODY_LIMIT_BYTES)),
        )
        .route(
            "/v1/cart/merge",
            post(merge).layer(DefaultBodyLimit::max(CART_BODY_LIMIT_BYTES)),
        )
}

async fn show(
    current: CurrentSession,
    State(state): State<ApiState>,
) -> Result<Json<Cart>, ApiFailure> {
    Ok(Json(state.db.cart(current.account_id).await?))
}

async fn replace(
    current: CurrentSession,
    State(state): State<ApiState>,
    ApiJson(cart): ApiJson<Cart>,
) -> Result<Json<Cart>, ApiFailure> {
    let cart = carts::checked(state.catalogue.catalogue(), cart)?;
    let stored = state
        .db
        .update_cart(current.account_id, state.clock.now(), |_| {
            Ok::<_, CartRefusal>(cart)
        })
        .await?;
    Ok(Json(stored))
}

/// The guest's lines join the account's (a project in both keeps the larger
/// number of copies), in one transaction: two merges at once (two tabs
/// signing in) cannot lose each other's lines.
async fn merge(
    current: CurrentSession,
    State(state): State<ApiState>,
    ApiJson(guest): ApiJson<Cart>,
) -> Result<Json<Cart>, ApiFailure> {
    let catalogue = state.catalogue.catalogue();
    let guest = carts::checked(catalogue, guest)?;
    let merged = state
        .db
        .update_cart(current.account_id, state.clock.now(), |stored| {
            carts::checked(catalogue, stored.merged_with(guest))
        })
        .await?;
    Ok(Json(merged))
}

impl From<CartRefusal> for ApiFailure {
    fn from(refusal: CartRefusal) -> Self {
        let (status, code) = match refusal {
            CartRefusal::Pricing(error) => return error.into(),
            CartRefusal::TooManyLines => {
                (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::CartTooLarge)
            }
            CartRefusal::InvalidProjectId { .. } | CartRefusal::DuplicateProject { .. } => {
                (StatusCode::BAD_REQUEST, ErrorCode::InvalidId)
            }
            CartRefusal::InvalidName { .. } => {
                (StatusCode::BAD_REQUEST, ErrorCode::InvalidProjectName)
            }
            CartRefusal::NoCopies { .. } | CartRefusal::Overflow => {
                (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidQuantity)
            }
        };
        ApiFailure::new(status, code, &refusal.to_string())
    }
}

impl From<CartUpdateError<CartRefusal>> for ApiFailure {
    fn from(error: CartUpdateError<CartRefusal>) -> Self {
        match error {
            CartUpdateError::Refused(refusal) => refusal.into(),
            CartUpdateError::Db(error) => error.into(),
        }
    }
}
