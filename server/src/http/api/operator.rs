//! `/api/v1/operator/…`: the shop's staff move orders through production
//! and shipping (shipping captures the card payment) or cancel them (which
//! voids it), and see the authorizations about to expire first. Bearer
//! token from `SHOP_OPERATOR_TOKEN`; without one the API does not exist.
//! Shipping takes an optional JSON body naming the parcel
//! (`{"carrier": "colissimo", "tracking_number": "6A12345678901"}`); an
//! empty body ships without one, as before.
//! `money.rs`: every order listed (by status, paginated; `status=at_risk`
//! is the expiring authorizations below), an order's payment history, and
//! refunds. `support.rs`: the help centre's support requests, listed and
//! answered. `reconciler.rs`: what the reconciler did, and a pass on demand.
//! `print_files.rs`: the photos an order prints, frozen when it was made.

mod money;
mod print_files;
mod reconciler;
mod support;

use super::client_address::ClientAddress;
use super::{ApiFailure, ApiState};
use crate::accounts::throttle::Policy;
use crate::db::PaymentHold;
use crate::orders::lifecycle::OperatorAction;
use crate::orders::{EXPIRY_WARNING_SECONDS, OrderError, Orders, to_order};
use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use shop_api::ErrorCode;
use shop_api::order::{Order, ShipRequest};

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/operator/payment-holds", get(payment_holds))
        .route("/v1/operator/orders/{id}/{action}", post(act))
        .merge(money::router())
        .merge(print_files::router())
        .merge(support::router())
        .merge(reconciler::router())
}

/// A request carrying the operator token.
struct Operator;

impl FromRequestParts<ApiState> for Operator {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, ApiFailure> {
        let Some(expected) = state.operator_token.as_deref() else {
            return Err(ApiFailure::new(
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                "no such API route",
            ));
        };
        let Ok(client) = ClientAddress::from_request_parts(parts, state).await;
        let key = client.throttle_key("operator");
        let now = state.clock.now_ms();
        ApiFailure::unless_throttled(&state.db, &key, now).await?;
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if given.is_some_and(|given| same_token(given, expected)) {
            return Ok(Operator);
        }
        let record = state
            .db
            .record_throttle_failure(&key, Policy::OPERATOR, now)
            .await?;
        tracing::warn!(
            %client,
            token_sent = given.is_some(),
            failures_this_hour = record.failures,
            "operator API refused: wrong or missing token"
        );
        Err(ApiFailure::unauthenticated())
    }
}

/// Compares digests in constant time: the time taken says nothing of
/// where the tokens differ, nor of the expected one's length.
fn same_token(given: &str, expected: &str) -> bool {
    use sha2::{Digest, Sha256};
    use subtle::ConstantTimeEq;
    let given = Sha256::digest(given.as_bytes());
    let expected = Sha256::digest(expected.as_bytes());
    given.ct_eq(&expected).into()
}

#[derive(Serialize)]
struct AtRisk {
    /// Authorizations expiring within this many seconds are listed.
    warning_seconds: i64,
    orders: Vec<AtRiskOrder>,
}

#[derive(Serialize)]
struct AtRiskOrder {
    #[serde(flatten)]
    order: Order,
    authorization_expires_at: Option<i64>,
}

/// How many holds one answer lists, newest first.
const HOLDS_LISTED: i64 = 200;

#[derive(Serialize)]
struct Holds {
    holds: Vec<PaymentHold>,
}

/// PSP news held because it did not match its order (amount, currency,
/// reference): for an operator to look into.
async fn payment_holds(
    _: Operator,
    State(state): State<ApiState>,
) -> Result<Json<Holds>, ApiFailure> {
    Ok(Json(Holds {
        holds: state.db.payment_holds(HOLDS_LISTED).await?,
    }))
}

/// Authorizations expiring within the warning window, soonest first
/// (`GET /api/v1/operator/orders?status=at_risk`).
async fn at_risk(state: &ApiState) -> Result<Json<AtRisk>, ApiFailure> {
    let orders = Orders {
        db: &state.db,
        psp: state.payments.as_ref(),
        letters: &state.letters,
    };
    let rows = orders.expiring(state.clock.now()).await?;
    Ok(Json(AtRisk {
        warning_seconds: EXPIRY_WARNING_SECONDS,
        orders: rows
            .iter()
            .map(|row| AtRiskOrder {
                order: to_order(row),
                authorization_expires_at: row.authorization_expires_at,
            })
            .collect(),
    }))
}

async fn act(
    _: Operator,
    State(state): State<ApiState>,
    Path((id, action)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<Order>, ApiFailure> {
    let action = match action.as_str() {
        "production" => OperatorAction::StartProduction,
        "ship" => OperatorAction::Ship,
        "deliver" => OperatorAction::MarkDelivered,
        "cancel" => OperatorAction::Cancel,
        _ => {
            return Err(ApiFailure::new(
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                "no such action",
            ));
        }
    };
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
    if action == OperatorAction::Ship {
        let parcel = ship_request(&body)?;
        return Ok(Json(
            orders.ship(row, parcel.as_ref(), state.clock.now()).await?,
        ));
    }
    Ok(Json(orders.operate(row, action, state.clock.now()).await?))
}

/// The optional parcel of a shipment: no body (or only whitespace) is none;
/// anything else must be a [`ShipRequest`].
fn ship_request(body: &[u8]) -> Result<Option<ShipRequest>, ApiFailure> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    serde_json::from_slice(body).map(Some).map_err(|error| {
        ApiFailure::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidJson,
            &format!("the shipment body is not {{carrier, tracking_number}}: {error}"),
        )
    })
}
