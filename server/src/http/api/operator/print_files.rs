//! `/api/v1/operator/orders/{id}/photos`: what an order prints, as it was
//! when the order was made (frozen: later edits or deletion of the project
//! do not reach it), listed line by line and downloaded one by one for the
//! workshop. After the retention period that follows delivery or
//! cancellation, the list is empty and downloads are 404.

use super::Operator;
use crate::db::OrderPhotoRow;
use crate::http::api::projects::photo_response;
use crate::http::api::{ApiFailure, ApiState};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use shop_api::ErrorCode;

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/operator/orders/{id}/photos", get(list))
        .route(
            "/v1/operator/orders/{id}/photos/{line}/{position}",
            get(download),
        )
}

#[derive(Serialize)]
struct PrintFiles {
    photos: Vec<OrderPhotoRow>,
}

async fn list(
    _: Operator,
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Result<Json<PrintFiles>, ApiFailure> {
    if state.db.order_by_id(&id).await?.is_none() {
        return Err(not_found());
    }
    Ok(Json(PrintFiles {
        photos: state.db.order_photos(&id).await?,
    }))
}

async fn download(
    _: Operator,
    State(state): State<ApiState>,
    Path((id, line, position)): Path<(String, String, String)>,
) -> Result<Response, ApiFailure> {
    // Parsed here: a bad number is a JSON 404 like any unknown photo, not
    // axum's plain-text rejection.
    let (Ok(line), Ok(position)) = (line.parse::<u32>(), position.parse::<u32>()) else {
        return Err(not_found());
    };
    let photos = state.db.order_photos(&id).await?;
    let photo = photos
        .iter()
        .find(|p| p.line == line && p.position == position)
        .ok_or_else(not_found)?;
    let opened = state
        .photos
        .open_order_photo(&id, line, position)
        .await
        .map_err(|error| {
            tracing::error!(%error, "an order's frozen photo cannot be read");
            ApiFailure::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "internal error",
            )
        })?
        .ok_or_else(|| {
            tracing::error!(order = %id, line, position, "an order's photo row has no file");
            not_found()
        })?;
    Ok(photo_response(&photo.photo.content_type, opened))
}

fn not_found() -> ApiFailure {
    ApiFailure::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "no such order photo",
    )
}
