//! `/api/v1/operator/reconciler` and `/api/v1/operator/reconcile`:
//! operators read what the reconciler did (the newest 100 actions, and the
//! PSP events kept for payments no order had) and run a pass at once. A
//! pass waits for one of this process; when another process holds the
//! lease it answers `409 reconciler_busy`.

use super::Operator;
use crate::http::api::{ApiFailure, ApiState};
use crate::reconciler::ReconcileError;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use shop_api::ErrorCode;
use shop_api::reconcile::{ReconcileSummary, ReconcilerReport};

/// How many actions and kept events one answer lists, newest first.
const LISTED: i64 = 100;

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/operator/reconciler", get(report))
        .route("/v1/operator/reconcile", post(reconcile))
}

async fn report(
    _: Operator,
    State(state): State<ApiState>,
) -> Result<Json<ReconcilerReport>, ApiFailure> {
    // The events first: a pass journals its action before it marks the
    // event resolved, so an event read as resolved has its action listed,
    // even while another process settles it between the two reads.
    let stray_events = state.db.stray_events(LISTED).await?;
    Ok(Json(ReconcilerReport {
        actions: state.db.reconciler_actions(LISTED).await?,
        stray_events,
    }))
}

async fn reconcile(
    _: Operator,
    State(state): State<ApiState>,
) -> Result<Json<ReconcileSummary>, ApiFailure> {
    match state.reconciler.pass().await {
        Ok(summary) => Ok(Json(summary)),
        Err(error @ ReconcileError::Busy { .. }) => Err(ApiFailure::new(
            StatusCode::CONFLICT,
            ErrorCode::ReconcilerBusy,
            &format!("{error}: try again shortly"),
        )),
        Err(ReconcileError::Db(error)) => Err(error.into()),
    }
}
