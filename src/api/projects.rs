//! Saved creation projects and their photos.

use super::{ApiError, client};
use shop_api::page::{self, Page};
use shop_api::project::{Project, ProjectDraft, ProjectSummary};

/// Last saved first, a page at a time (`before`: the previous page's
/// `next_before`).
pub async fn list(before: Option<i64>) -> Result<Page<ProjectSummary>, ApiError> {
    client::get(&format!("/projects{}", page::query(before))).await
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
