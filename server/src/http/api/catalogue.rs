//! `GET /api/v1/catalogue`, `POST /api/v1/quote` and
//! `POST /api/v1/cart/totals`: what the shop sells, and the server's price
//! for one configured product or a whole cart.

use super::json::ApiJson;
use super::{ApiFailure, ApiState};
use crate::catalogue;
use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
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
    Ok(Json(catalogue::quote(&catalogue, &choice)?))
}

/// Totals of a cart whose contents the storefront holds (a guest's cart):
/// the server prices every line again.
async fn cart_totals(
    State(state): State<ApiState>,
    ApiJson(contents): ApiJson<CartContents>,
) -> Result<Json<CartTotals>, ApiFailure> {
    let catalogue = state.db.catalogue().await?;
    Ok(Json(catalogue::cart::totals(&catalogue, &contents)?))
}
