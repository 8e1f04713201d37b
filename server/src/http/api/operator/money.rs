//! Operators and an order's money: `GET /api/v1/operator/orders` lists
//! every order newest first (`?status=<word>&page=<n>&per_page=<≤100>`,
//! with the total count; `status=at_risk` answers the authorizations about
//! to expire instead, as this route always did), `GET
//! …/orders/{id}/payments` the order's payment history and refunds, `POST
//! …/orders/{id}/refund` gives money back (`{"amount_cents": n?, "reason":
//! "…"}`).

use super::{Operator, at_risk};
use crate::db::words::parse_word;
use crate::http::api::json::ApiJson;
use crate::http::api::{ApiFailure, ApiState};
use crate::orders::{OrderError, Orders, to_order};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use shop_api::ErrorCode;
use shop_api::order::payments::ORDERS_PER_PAGE_MAX;
use shop_api::order::{Order, OrderPage, OrderStatus, PaymentHistory, RefundRequest};

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/operator/orders", get(list))
        .route("/v1/operator/orders/{id}/payments", get(payments))
        .route("/v1/operator/orders/{id}/refund", post(refund))
}

/// The list's filter word for the expiring authorizations.
const AT_RISK: &str = "at_risk";

/// Orders per page when none is asked.
const DEFAULT_PER_PAGE: u32 = 20;

#[derive(Deserialize)]
struct ListQuery {
    status: Option<String>,
    page: Option<u32>,
    per_page: Option<u32>,
}

async fn list(
    _: Operator,
    State(state): State<ApiState>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Response, ApiFailure> {
    // Refused in JSON like every API error (axum's own answer is text).
    let Query(query) = query.map_err(|rejection| {
        ApiFailure::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidJson,
            &format!("status, page and per_page: {rejection}"),
        )
    })?;
    let status = match query.status.as_deref() {
        None | Some("") => None,
        Some(AT_RISK) => return Ok(at_risk(&state).await?.into_response()),
        Some(word) => Some(parse_word::<OrderStatus>(word).ok_or_else(|| {
            ApiFailure::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidJson,
                &format!("unknown status {word:?}: an order status, or at_risk"),
            )
        })?),
    };
    let page = query.page.unwrap_or(1).max(1);
    let per_page = query
        .per_page
        .unwrap_or(DEFAULT_PER_PAGE)
        .clamp(1, ORDERS_PER_PAGE_MAX);
    let offset = i64::from(page - 1) * i64::from(per_page);
    let (rows, total) = state
        .db
        .orders_page(status, i64::from(per_page), offset)
        .await?;
    Ok(Json(OrderPage {
        orders: rows.iter().map(to_order).collect(),
        total,
        page,
        per_page,
    })
    .into_response())
}

async fn payments(
    _: Operator,
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Json<PaymentHistory>, ApiFailure> {
    let row = state
        .db
        .order_by_id(&id)
        .await?
        .ok_or(OrderError::NotFound)?;
    Ok(Json(PaymentHistory {
        payments: state.db.payment_records(&row.id).await?,
        refunds: state.db.refunds_of(&row.id).await?,
        order_id: row.id,
    }))
}

async fn refund(
    _: Operator,
    State(state): State<ApiState>,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<RefundRequest>,
) -> Result<Json<Order>, ApiFailure> {
    let row = state
        .db
        .order_by_id(&id)
        .await?
        .ok_or(OrderError::NotFound)?;
    let orders = Orders {
        db: &state.db,
        psp: state.payments.as_ref(),
        letters: &state.letters,
    };
    Ok(Json(orders.refund(row, &request, state.clock.now()).await?))
}
