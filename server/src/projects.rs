//! Creation projects and their photos, without HTTP: what a draft must
//! satisfy to be saved, and the order of the steps that keep the database
//! rows and the photo files in agreement. SQL is in `db/projects.rs`, file
//! handling in `files.rs`, image checks in `image.rs`.
//!
//! Product rules (how many photos a product needs) are not enforced here:
//! an unfinished project may be saved; the cart and checkout enforce them.

pub mod files;
pub mod image;

use crate::catalogue::{self, PricingError};
use crate::clock::Clock;
use crate::db::{Database, DbError, DraftRow, PhotoRoom};
use files::{FileError, PhotoFiles, StagedPhoto};
use image::{ImageError, InspectError};
use shop_api::catalogue::Catalogue;
use shop_api::page::Page;
use shop_api::project::{
    self, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_PROJECT, PROJECT_NAME_MAX_CHARS, Photo, Project,
    ProjectDraft, ProjectSummary,
};
use std::collections::HashSet;

/// A project or photo id as the browser made it, once checked: 1 to 64
/// ASCII letters, digits, `-` or `_`, hence safe as a file name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClientId(String);

impl ClientId {
    pub fn parse(id: &str) -> Option<Self> {
        project::is_valid_id(id).then(|| Self(id.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("no such project or photo")]
    NotFound,
    #[error(
        "the name is empty, longer than {PROJECT_NAME_MAX_CHARS} characters, or has control characters"
    )]
    InvalidName,
    #[error("photo id {0:?} is not 1 to 64 letters, digits, '-' or '_'")]
    InvalidPhotoId(String),
    #[error("photo id {0:?} is listed twice")]
    DuplicatePhotoId(String),
    #[error("at most {MAX_PHOTOS_PER_PROJECT} photos per project")]
    TooManyPhotos,
    #[error("a photo is at most {MAX_PHOTO_BYTES} bytes")]
    PhotoTooLarge,
    #[error("the account's photos would exceed its {0} bytes")]
    PhotoQuotaReached(u64),
    #[error("the account already keeps its most projects ({0})")]
    ProjectQuotaReached(u32),
    #[error(transparent)]
    Pricing(#[from] PricingError),
    #[error(transparent)]
    Image(#[from] ImageError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Files(#[from] FileError),
    #[error("reading an upload back: {0}")]
    Read(std::io::Error),
}

/// What one account may keep on the shop's disk, so that one account (or
/// a script that signs up many) cannot fill it: a generous bound a shopper
/// meets only by keeping years of finished projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotas {
    /// Bytes of all the account's uploaded photos together.
    pub photo_bytes: u64,
    pub projects: u32,
}

impl Quotas {
    /// 5 GiB: twenty full photo books of 50 phone photos.
    pub const DEFAULT_PHOTO_MIB: u64 = 5 * 1024;
    pub const DEFAULT_PROJECTS: u32 = 100;
}

/// A draft that passed the checks: the name as stored, the photo ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDraft {
    pub name: String,
    pub photo_ids: Vec<ClientId>,
}

/// Name and photo ids of a draft; the choice is priced separately, against
/// the catalogue.
pub fn check_draft(draft: &ProjectDraft) -> Result<CheckedDraft, ProjectError> {
    let name = project::normalized_name(&draft.name).ok_or(ProjectError::InvalidName)?;
    if draft.photo_ids.len() > MAX_PHOTOS_PER_PROJECT {
        return Err(ProjectError::TooManyPhotos);
    }
    let mut seen = HashSet::with_capacity(draft.photo_ids.len());
    let photo_ids = draft
        .photo_ids
        .iter()
        .map(|id| {
            let checked =
                ClientId::parse(id).ok_or_else(|| ProjectError::InvalidPhotoId(id.clone()))?;
            if !seen.insert(id.as_str()) {
                return Err(ProjectError::DuplicatePhotoId(id.clone()));
            }
            Ok(checked)
        })
        .collect::<Result<_, _>>()?;
    Ok(CheckedDraft { name, photo_ids })
}

/// The projects of one signed-in account.
pub struct Projects<'a> {
    db: &'a Database,
    /// The server's in-memory catalogue: a draft's choice must price.
    catalogue: &'a Catalogue,
    files: &'a PhotoFiles,
    quotas: Quotas,
    account_id: i64,
    clock: &'a Clock,
}

impl<'a> Projects<'a> {
    pub fn of(
        account_id: i64,
        db: &'a Database,
        catalogue: &'a Catalogue,
        files: &'a PhotoFiles,
        quotas: Quotas,
        clock: &'a Clock,
    ) -> Self {
        Self {
            db,
            catalogue,
            files,
            quotas,
            account_id,
            clock,
        }
    }

    /// Last saved first, a page of `limit` saved before `before`.
    pub async fn list(
        &self,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Page<ProjectSummary>, ProjectError> {
        Ok(self.db.projects(self.account_id, before, limit).await?)
    }

    pub async fn get(&self, id: &ClientId) -> Result<Project, ProjectError> {
        self.db
            .project(self.account_id, id.as_str())
            .await?
            .ok_or(ProjectError::NotFound)
    }

    /// Creates or replaces the project; uploaded photos the draft no longer
    /// lists are deleted, rows and files.
    pub async fn save(&self, id: &ClientId, draft: &ProjectDraft) -> Result<Project, ProjectError> {
        let checked = check_draft(draft)?;
        catalogue::quote(self.catalogue, &draft.choice)?;
        let photo_ids: Vec<&str> = checked.photo_ids.iter().map(ClientId::as_str).collect();
        let dropped = self
            .db
            .save_project(
                self.account_id,
                id.as_str(),
                DraftRow {
                    name: &checked.name,
                    choice: &draft.choice,
                    photo_ids: &photo_ids,
                },
                self.quotas.projects,
                self.clock.now_ms(),
            )
            .await?
            .ok_or(ProjectError::ProjectQuotaReached(self.quotas.projects))?;
        // The rows are gone: a file that cannot be deleted is only wasted
        // space, not a reason to fail a save that happened.
        for photo in dropped.iter().filter_map(|photo| ClientId::parse(photo)) {
            if let Err(error) = self.files.remove(self.account_id, id, &photo).await {
                tracing::error!(%error, "cannot delete a dropped photo's file");
            }
        }
        self.get(id).await
    }

    /// Deletes the project, its photos and its cart line.
    pub async fn delete(&self, id: &ClientId) -> Result<(), ProjectError> {
        if !self.db.delete_project(self.account_id, id.as_str()).await? {
            return Err(ProjectError::NotFound);
        }
        if let Err(error) = self.files.remove_project(self.account_id, id).await {
            tracing::error!(%error, "cannot delete a deleted project's photo files");
        }
        Ok(())
    }

    /// Whether a photo of `bytes` (as declared; 1 when unknown) may be
    /// uploaded into the project: asked before the bytes are read, so that a
    /// doomed upload is refused before it is sent.
    pub async fn check_upload(
        &self,
        project: &ClientId,
        photo: &ClientId,
        bytes: u64,
    ) -> Result<(), ProjectError> {
        let room = self
            .db
            .photo_room(
                self.account_id,
                project.as_str(),
                photo.as_str(),
                bytes,
                self.quotas.photo_bytes,
            )
            .await?;
        self.room_result(room)
    }

    /// Where an upload's bytes go as they arrive, until `store_photo`
    /// judges them.
    pub async fn stage_photo(
        &self,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<StagedPhoto, ProjectError> {
        Ok(self.files.stage(self.account_id, project, photo).await?)
    }

    /// Stores an uploaded photo, replacing an earlier upload of the same id
    /// (so that an interrupted upload can simply be sent again).
    pub async fn store_photo(
        &self,
        project: &ClientId,
        photo: &ClientId,
        mut staged: StagedPhoto,
    ) -> Result<Photo, ProjectError> {
        let size = staged.written();
        if size > MAX_PHOTO_BYTES {
            return Err(ProjectError::PhotoTooLarge);
        }
        let info = staged
            .read_with(image::inspect_reader)
            .await?
            .map_err(|error| match error {
                InspectError::Image(error) => ProjectError::Image(error),
                InspectError::Read(error) => ProjectError::Read(error),
            })?;
        let stored = Photo {
            id: photo.as_str().to_owned(),
            content_type: info.kind.content_type().to_owned(),
            bytes: size,
            width: info.width,
            height: info.height,
        };
        // File first, then the row: a crash in between leaves at worst a
        // file no row mentions (never served), or a re-upload's new file
        // under the old row until the storefront retries — never a row
        // whose file is missing.
        staged.commit().await?;
        let saved = self
            .db
            .save_photo(
                self.account_id,
                project.as_str(),
                &stored,
                self.quotas.photo_bytes,
                self.clock.now(),
            )
            .await?;
        if saved {
            return Ok(stored);
        }
        // The project was deleted or filled, or the account's photos grew,
        // since `check_upload`.
        if let Err(error) = self.files.remove(self.account_id, project, photo).await {
            tracing::error!(%error, "cannot delete a refused photo's file");
        }
        let room = self
            .db
            .photo_room(
                self.account_id,
                project.as_str(),
                photo.as_str(),
                size,
                self.quotas.photo_bytes,
            )
            .await?;
        Err(match room {
            PhotoRoom::NoProject => ProjectError::NotFound,
            PhotoRoom::QuotaFull => ProjectError::PhotoQuotaReached(self.quotas.photo_bytes),
            PhotoRoom::Full | PhotoRoom::Available => ProjectError::TooManyPhotos,
        })
    }

    fn room_result(&self, room: PhotoRoom) -> Result<(), ProjectError> {
        match room {
            PhotoRoom::NoProject => Err(ProjectError::NotFound),
            PhotoRoom::Full => Err(ProjectError::TooManyPhotos),
            PhotoRoom::QuotaFull => Err(ProjectError::PhotoQuotaReached(self.quotas.photo_bytes)),
            PhotoRoom::Available => Ok(()),
        }
    }

    /// A short-lived URL that reads the photo straight from the store,
    /// when the store hands them out (`SHOP_S3_SIGNED_URL_SECONDS`);
    /// `None` otherwise. Signed only once the account's own row says the
    /// photo is theirs: another account's photo is `NotFound`, as always.
    pub async fn photo_url(
        &self,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<Option<String>, ProjectError> {
        if self.files.signed_url_origin().is_none() {
            return Ok(None);
        }
        self.db
            .photo(self.account_id, project.as_str(), photo.as_str())
            .await?
            .ok_or(ProjectError::NotFound)?;
        Ok(self
            .files
            .photo_url(self.account_id, project, photo)
            .await?)
    }

    /// A photo and its bytes.
    pub async fn photo(
        &self,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<(Photo, files::PhotoFile), ProjectError> {
        let stored = self
            .db
            .photo(self.account_id, project.as_str(), photo.as_str())
            .await?
            .ok_or(ProjectError::NotFound)?;
        let file = self
            .files
            .open_photo(self.account_id, project, photo)
            .await?
            .ok_or_else(|| {
                tracing::error!(
                    account_id = self.account_id,
                    project = project.as_str(),
                    photo = photo.as_str(),
                    "a photo's row has no file"
                );
                ProjectError::NotFound
            })?;
        Ok((stored, file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shop_api::catalogue::ProductChoice;

    fn draft(name: &str, photo_ids: &[&str]) -> ProjectDraft {
        ProjectDraft {
            name: name.into(),
            choice: ProductChoice {
                product_id: "tirages".into(),
                format_id: "10x15".into(),
                quantity: 1,
                pages: None,
                cover_id: None,
            },
            photo_ids: photo_ids.iter().map(|id| (*id).to_owned()).collect(),
        }
    }

    #[test]
    fn a_draft_keeps_its_order_and_a_trimmed_name() {
        let checked = check_draft(&draft("  Été 2025 ", &["b", "a", "c-1_2"])).unwrap();
        assert_eq!(checked.name, "Été 2025");
        let ids: Vec<&str> = checked.photo_ids.iter().map(ClientId::as_str).collect();
        assert_eq!(ids, ["b", "a", "c-1_2"]);
        assert!(check_draft(&draft("Vide", &[])).is_ok());
    }

    #[test]
    fn bad_drafts_say_why() {
        assert!(matches!(
            check_draft(&draft(" ", &[])),
            Err(ProjectError::InvalidName)
        ));
        assert!(matches!(
            check_draft(&draft("a", &["ok", "../x"])),
            Err(ProjectError::InvalidPhotoId(id)) if id == "../x"
        ));
        assert!(matches!(
            check_draft(&draft("a", &["x", "y", "x"])),
            Err(ProjectError::DuplicatePhotoId(id)) if id == "x"
        ));
        let many: Vec<String> = (0..=MAX_PHOTOS_PER_PROJECT)
            .map(|i| format!("p{i}"))
            .collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(matches!(
            check_draft(&draft("a", &many)),
            Err(ProjectError::TooManyPhotos)
        ));
        assert!(check_draft(&draft("a", &many[..MAX_PHOTOS_PER_PROJECT])).is_ok());
    }
}
