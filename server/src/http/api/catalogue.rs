//! `GET /api/v1/catalogue` and `POST /api/v1/quote`: what the shop sells,
//! and the server's price for one configured product.

use super::json::ApiJson;
use super::{ApiFailure, ApiState};
use crate::catalogue::{self, PricingError};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use shop_api::ErrorCode;
use shop_api::catalogue::{Catalogue, ProductChoice, Quote};

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/catalogue", get(list))
        .route("/v1/quote", post(quote))
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
        .map_err(|error| {
            let code = match error {
                PricingError::UnknownProduct => ErrorCode::UnknownProduct,
                PricingError::UnknownOption => ErrorCode::UnknownOption,
                PricingError::InvalidQuantity => ErrorCode::InvalidQuantity,
                PricingError::InvalidPages => ErrorCode::InvalidPages,
            };
            ApiFailure::new(StatusCode::UNPROCESSABLE_ENTITY, code, &error.to_string())
        })
}
