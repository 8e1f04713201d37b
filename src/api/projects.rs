//! Saved creation projects and their photos.

use super::{ApiError, client};
use shop_api::project::{Project, ProjectDraft, ProjectSummary};

pub async fn list() -> Result<Vec<ProjectSummary>, ApiError> {
    client::get("/projects").await
}

pub async fn get(id: &str) -> Result<Project, ApiError> {
    client::get(&format!("/projects/{id}")).await
}

/// Creates or replaces the project's name, options and photo order.
pub async fn save(id: &str, draft: &ProjectDraft) -> Result<Project, ApiError> {
    client::put(&format!("/projects/{id}"), draft).await
}

/// Deletes the project and its photos from the account (orders keep their
/// own copies).
pub async fn delete(id: &str) -> Result<(), ApiError> {
    client::delete(&format!("/projects/{id}")).await
}

/// A saved photo's bytes, to edit the project in another browser.
pub async fn photo(project_id: &str, photo_id: &str) -> Result<Vec<u8>, ApiError> {
    client::get_bytes(&format!("/projects/{project_id}/photos/{photo_id}")).await
}
