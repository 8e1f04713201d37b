//! `GET /api/v1/catalogue` and `POST /api/v1/quote`: what the shop sells,
//! and the server's price for one configured product.

use super::json::ApiJson;
use super::{ApiFailure, ApiState};
use crate::catalogue::cart::CartError;
use crate::catalogue::{self, PricingError};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use shop_api::ErrorCode;
use shop_api::cart::{CartContents, CartTotals};
use shop_api::catalogue::{Catalogue, ProductChoice, Quote};

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/catalogue", get(list))
        .route("/v1/quote", post(quote))
        .route("/v1/cart/totals", post(cart_totals))
}

async fn list(State(state): State<ApiState>) -> Result<Json<Catalogue>, ApiFailure> {
    Ok(Json(state.db.catalogue().await?))
}

async fn quote(
    State(state): State<ApiState>,
    ApiJson(choice): ApiJson<ProductChoice>,
) -> Result<Json<Quote>, ApiFailure> {
    let catalogue = state.db.catalogue().await?;
    catalogue::quote(&catalogue, &choice)
        .map(Json)
        .map_err(|error| refused(pricing_code(error), &error))
}

/// Totals of a cart whose contents the storefront holds (a guest's cart):
/// the server prices every line again.
async fn cart_totals(
    State(state): State<ApiState>,
    ApiJson(contents): ApiJson<CartContents>,
) -> Result<Json<CartTotals>, ApiFailure> {
    let catalogue = state.db.catalogue().await?;
    catalogue::cart::totals(&catalogue, &contents)
        .map(Json)
        .map_err(|error| {
            let code = match error {
                CartError::Line { error, .. } => pricing_code(error),
                CartError::UnknownDeliveryOption => ErrorCode::UnknownDeliveryOption,
                CartError::TooManyLines => ErrorCode::CartTooLarge,
                CartError::Overflow => ErrorCode::InvalidQuantity,
            };
            refused(code, &error)
        })
}

fn pricing_code(error: PricingError) -> ErrorCode {
    match error {
        PricingError::UnknownProduct => ErrorCode::UnknownProduct,
        PricingError::UnknownOption => ErrorCode::UnknownOption,
        PricingError::InvalidQuantity => ErrorCode::InvalidQuantity,
        PricingError::InvalidPages => ErrorCode::InvalidPages,
    }
}

fn refused(code: ErrorCode, error: &dyn std::fmt::Display) -> ApiFailure {
    ApiFailure::new(StatusCode::UNPROCESSABLE_ENTITY, code, &error.to_string())
}
