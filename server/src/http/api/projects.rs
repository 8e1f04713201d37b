//! `/api/v1/projects`: the signed-in shopper's saved creation projects and
//! their photos (list, create or replace, open, delete; upload and download
//! a photo). Thin: the rules, the files and the rows are `crate::projects`'
//! business; this turns their answers into statuses and codes, and reads
//! uploads within their size limit.

use super::json::ApiJson;
use super::paging::PageQuery;
use super::session_cookie::CurrentSession;
use super::{ApiFailure, ApiState};
use crate::projects::files::{PhotoFile, StagedPhoto};
use crate::projects::{ClientId, ProjectError, Projects};
use axum::body::{Body, HttpBody as _};
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use shop_api::ErrorCode;
use shop_api::page::Page;
use shop_api::project::{MAX_PHOTO_BYTES, Photo, Project, ProjectDraft, ProjectSummary};
use std::pin::Pin;

/// A draft lists up to 200 photo ids of up to 64 characters: more than the
/// API's usual 16 KiB once formatted with some slack.
const DRAFT_BODY_LIMIT_BYTES: usize = 32 * 1024;

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/projects", get(list))
        .route(
            "/v1/projects/{id}",
            get(show)
                .put(save)
                .delete(delete)
                .layer(DefaultBodyLimit::max(DRAFT_BODY_LIMIT_BYTES)),
        )
        .route("/v1/projects/{id}/photos/{photo_id}", get(download))
}

/// The photo upload, apart: the request deadline does not apply to it (a
/// slow phone may take minutes for 25 MiB), a stalled body's does. It
/// reads its raw body itself, with its own limit and a JSON refusal:
/// `DefaultBodyLimit` does not apply to a raw `Body`.
pub fn uploads() -> Router<ApiState> {
    Router::new().route("/v1/projects/{id}/photos/{photo_id}", put(upload))
}

/// Last saved first, a page at a time (`?limit=&before=`).
async fn list(
    current: CurrentSession,
    State(state): State<ApiState>,
    page: PageQuery,
) -> Result<Json<Page<ProjectSummary>>, ApiFailure> {
    Ok(Json(
        projects(&state, &current)
            .list(page.before, page.limit)
            .await?,
    ))
}

async fn show(
    current: CurrentSession,
    ProjectPath(id): ProjectPath,
    State(state): State<ApiState>,
) -> Result<Json<Project>, ApiFailure> {
    Ok(Json(projects(&state, &current).get(&id).await?))
}

async fn save(
    current: CurrentSession,
    ProjectPath(id): ProjectPath,
    State(state): State<ApiState>,
    ApiJson(draft): ApiJson<ProjectDraft>,
) -> Result<Json<Project>, ApiFailure> {
    Ok(Json(projects(&state, &current).save(&id, &draft).await?))
}

async fn delete(
    current: CurrentSession,
    ProjectPath(id): ProjectPath,
    State(state): State<ApiState>,
) -> Result<StatusCode, ApiFailure> {
    projects(&state, &current).delete(&id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The body is the image's bytes, whatever its declared type: the server
/// judges them by their content.
async fn upload(
    current: CurrentSession,
    PhotoPath(project, photo): PhotoPath,
    State(state): State<ApiState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Photo>, ApiFailure> {
    // Refused before a byte of a declared-too-big upload is read.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_PHOTO_BYTES) {
        return Err(ProjectError::PhotoTooLarge.into());
    }
    let projects = projects(&state, &current);
    projects
        .check_upload(&project, &photo, declared.unwrap_or(1))
        .await?;
    let mut staged = projects.stage_photo(&project, &photo).await?;
    receive(body, &mut staged).await?;
    Ok(Json(projects.store_photo(&project, &photo, staged).await?))
}

async fn download(
    current: CurrentSession,
    PhotoPath(project, photo): PhotoPath,
    State(state): State<ApiState>,
) -> Result<Response, ApiFailure> {
    let projects = projects(&state, &current);
    if let Some(url) = projects.photo_url(&project, &photo).await? {
        return Ok(signed_redirect(&url));
    }
    let (photo, opened) = projects.photo(&project, &photo).await?;
    Ok(photo_response(&photo.content_type, opened))
}

/// `307` to the bucket: the browser's `fetch` follows it (the bucket's CORS
/// rule must allow the shop's origin), and the URL is valid for seconds
/// only, so it is never cached (`no-store`, as every API answer).
fn signed_redirect(url: &str) -> Response {
    match HeaderValue::from_str(url) {
        Ok(location) => (
            StatusCode::TEMPORARY_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response(),
        Err(_) => {
            tracing::error!("a signed photo URL is not a header value");
            ApiFailure::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "internal error",
            )
            .into_response()
        }
    }
}

/// A photo's bytes, sent as they are read (from the file or the bucket), a
/// chunk at a time: memory per download is the buffers, not the photo. The type is always one of the
/// three sniffed ones the database allows.
pub(super) fn photo_response(content_type: &str, opened: PhotoFile) -> Response {
    let content_type = HeaderValue::from_str(content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let body = Body::from_stream(opened.body);
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_LENGTH, HeaderValue::from(opened.length)),
        ],
        body,
    )
        .into_response()
}

fn projects<'a>(state: &'a ApiState, current: &CurrentSession) -> Projects<'a> {
    Projects::of(
        current.account_id,
        &state.db,
        state.catalogue.catalogue(),
        &state.photos,
        state.quotas,
        &state.clock,
    )
}

/// Writes the body to the upload's file as it arrives, up to
/// `MAX_PHOTO_BYTES`: counted as it arrives, since a missing or false
/// `Content-Length` must not let more through. On a refusal the staged file
/// is dropped, hence deleted.
async fn receive(mut body: Body, staged: &mut StagedPhoto) -> Result<(), ApiFailure> {
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|error| {
            tracing::info!(%error, "photo upload interrupted");
            ApiFailure::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidImage,
                "the upload was interrupted",
            )
        })?;
        if let Ok(data) = frame.into_data() {
            let length = u64::try_from(data.len()).unwrap_or(u64::MAX);
            if staged.written().saturating_add(length) > MAX_PHOTO_BYTES {
                return Err(ProjectError::PhotoTooLarge.into());
            }
            staged.append(&data).await.map_err(ProjectError::from)?;
        }
    }
    Ok(())
}

/// `{id}` of a project route, checked: a 400 with a code otherwise, never
/// axum's plain-text rejection.
struct ProjectPath(ClientId);

impl<S: Send + Sync> FromRequestParts<S> for ProjectPath {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiFailure> {
        let Path(id) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| invalid_id())?;
        ClientId::parse(&id).map(Self).ok_or_else(invalid_id)
    }
}

/// `{id}` and `{photo_id}` of a photo route, checked.
struct PhotoPath(ClientId, ClientId);

impl<S: Send + Sync> FromRequestParts<S> for PhotoPath {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiFailure> {
        let Path((project, photo)) = Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(|_| invalid_id())?;
        match (ClientId::parse(&project), ClientId::parse(&photo)) {
            (Some(project), Some(photo)) => Ok(Self(project, photo)),
            _ => Err(invalid_id()),
        }
    }
}

fn invalid_id() -> ApiFailure {
    ApiFailure::new(
        StatusCode::BAD_REQUEST,
        ErrorCode::InvalidId,
        "ids are 1 to 64 letters, digits, '-' or '_'",
    )
}

impl From<ProjectError> for ApiFailure {
    fn from(error: ProjectError) -> Self {
        let (status, code) = match error {
            ProjectError::NotFound => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
            ProjectError::InvalidName => (StatusCode::BAD_REQUEST, ErrorCode::InvalidProjectName),
            ProjectError::InvalidPhotoId(_) | ProjectError::DuplicatePhotoId(_) => {
                (StatusCode::BAD_REQUEST, ErrorCode::InvalidId)
            }
            ProjectError::TooManyPhotos => {
                (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::TooManyPhotos)
            }
            ProjectError::PhotoTooLarge => {
                (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PhotoTooLarge)
            }
            ProjectError::PhotoQuotaReached(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::PhotoQuotaReached,
            ),
            ProjectError::ProjectQuotaReached(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ProjectQuotaReached,
            ),
            ProjectError::Image(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidImage),
            ProjectError::Pricing(error) => return error.into(),
            ProjectError::Db(error) => return error.into(),
            // Logged, not told: paths are the server's business.
            ProjectError::Files(_) | ProjectError::Read(_) => {
                tracing::error!(%error, "photo file error");
                return ApiFailure::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorCode::Internal,
                    "internal error",
                );
            }
        };
        ApiFailure::new(status, code, &error.to_string())
    }
}
