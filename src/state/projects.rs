//! Creation projects as this browser keeps them: every project being made
//! or edited lives in IndexedDB with its photos and thumbnails, so it
//! survives a reload. A project is *unsaved* until "Enregistrer" has put
//! its current state in the shopper's account; unsaved ones are named in
//! the sign-out warning and deleted by the sign-out wipe.

pub mod saving;

use crate::browser::idb::{Database, IdbError};
use crate::browser::images::{self, ImageError};
use crate::state::browser_data::use_browser_data;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use shop_api::catalogue::ProductChoice;
use shop_api::project::{ACCEPTED_IMAGE_TYPES, MAX_PHOTO_BYTES};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, File};

pub const DB_NAME: &str = "service-photo-projets";
const DB_VERSION: u32 = 1;
const PROJECTS: &str = "projects";
const PHOTOS: &str = "photos";
const THUMBNAILS: &str = "thumbnails";
const STORES: &[&str] = &[PROJECTS, PHOTOS, THUMBNAILS];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalProject {
    pub id: String,
    pub name: String,
    /// `quantity`: units in one copy (the photo count for prints).
    pub choice: ProductChoice,
    /// In the project's order.
    pub photos: Vec<LocalPhoto>,
    /// True when the account holds exactly this state.
    pub saved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalPhoto {
    pub id: String,
    pub file_name: String,
    pub content_type: String,
    pub bytes: u64,
    pub width: u32,
    pub height: u32,
    /// The server holds these bytes (a retried save skips it).
    pub uploaded: bool,
}

/// Why a chosen file was not added; the file is named next to it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoRefusal {
    #[error("not a JPEG, PNG or WebP file")]
    UnsupportedType,
    #[error("larger than the limit")]
    TooLarge,
    #[error("cannot be read as an image")]
    Unreadable,
    #[error("could not be kept in this browser: {0}")]
    Storage(IdbError),
}

thread_local! {
    // One connection for the page's life (wasm has one thread).
    static CONNECTION: RefCell<Option<Database>> = const { RefCell::new(None) };
}

async fn db() -> Result<Database, IdbError> {
    if let Some(db) = CONNECTION.with_borrow(Clone::clone) {
        return Ok(db);
    }
    let db = Database::open(DB_NAME, DB_VERSION, STORES).await?;
    CONNECTION.set(Some(db.clone()));
    Ok(db)
}

#[derive(Clone, Copy)]
pub struct ProjectsContext {
    projects: RwSignal<Vec<LocalProject>>,
    loaded: RwSignal<bool>,
}

pub fn provide_projects() {
    let context = ProjectsContext {
        projects: RwSignal::new(Vec::new()),
        loaded: RwSignal::new(false),
    };
    let browser_data = use_browser_data();
    browser_data.register_indexed_db(DB_NAME);
    browser_data.register_unsaved_projects(Signal::derive(move || {
        context.projects.with(|all| {
            all.iter()
                .filter(|p| !p.saved)
                .map(|p| p.name.clone())
                .collect()
        })
    }));
    spawn_local(async move {
        let mut all = load_all().await.unwrap_or_default();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        context.projects.try_set(all);
        context.loaded.try_set(true);
    });
    provide_context(context);
}

pub fn use_projects() -> ProjectsContext {
    use_context::<ProjectsContext>().unwrap_or_else(|| ProjectsContext {
        projects: RwSignal::new(Vec::new()),
        loaded: RwSignal::new(true),
    })
}

async fn load_all() -> Result<Vec<LocalProject>, IdbError> {
    Ok(db()
        .await?
        .get_all(PROJECTS)
        .await?
        .into_iter()
        .filter_map(|value| value.as_string())
        .filter_map(|json| serde_json::from_str(&json).ok())
        .collect())
}

impl ProjectsContext {
    /// Every project in this browser.
    pub fn all(&self) -> Signal<Vec<LocalProject>> {
        self.projects.into()
    }

    /// False until IndexedDB has been read.
    pub fn loaded(&self) -> Signal<bool> {
        self.loaded.into()
    }

    pub fn find(&self, id: &str) -> Option<LocalProject> {
        self.projects
            .with_untracked(|all| all.iter().find(|p| p.id == id).cloned())
    }

    /// Writes the project to IndexedDB and updates the list.
    pub async fn store(&self, project: &LocalProject) -> Result<(), IdbError> {
        let json = serde_json::to_string(project).map_err(|e| IdbError::Failed(e.to_string()))?;
        db().await?
            .put(PROJECTS, &project.id, &JsValue::from_str(&json))
            .await?;
        self.projects
            .try_update(|all| match all.iter_mut().find(|p| p.id == project.id) {
                Some(kept) => *kept = project.clone(),
                None => all.push(project.clone()),
            });
        Ok(())
    }

    /// Deletes the project and its photos from this browser.
    pub async fn remove(&self, id: &str) -> Result<(), IdbError> {
        let db = db().await?;
        if let Some(project) = self.find(id) {
            for photo in &project.photos {
                db.delete(PHOTOS, &photo.id).await?;
                db.delete(THUMBNAILS, &photo.id).await?;
            }
        }
        db.delete(PROJECTS, id).await?;
        self.projects.try_update(|all| all.retain(|p| p.id != id));
        Ok(())
    }

    /// Sign-out: lets go of the database so the wipe can delete it, and
    /// forgets the list.
    pub fn forget_all(&self) {
        if let Some(db) = CONNECTION.take() {
            db.close();
        }
        self.projects.set(Vec::new());
    }
}

/// Checks a chosen file, decodes it and keeps it (and its thumbnail) in
/// IndexedDB under a new photo id.
pub async fn keep_photo(photo_id: String, file: &File) -> Result<LocalPhoto, PhotoRefusal> {
    let content_type = file.type_();
    if !ACCEPTED_IMAGE_TYPES.contains(&content_type.as_str()) {
        return Err(PhotoRefusal::UnsupportedType);
    }
    let bytes = file.size();
    if bytes > MAX_PHOTO_BYTES as f64 {
        return Err(PhotoRefusal::TooLarge);
    }
    let decoded = images::decode(file).await.map_err(|error| match error {
        ImageError::Unreadable | ImageError::Thumbnail => PhotoRefusal::Unreadable,
    })?;
    let db = db().await.map_err(PhotoRefusal::Storage)?;
    db.put(PHOTOS, &photo_id, file)
        .await
        .map_err(PhotoRefusal::Storage)?;
    db.put(THUMBNAILS, &photo_id, &decoded.thumbnail)
        .await
        .map_err(PhotoRefusal::Storage)?;
    Ok(LocalPhoto {
        id: photo_id,
        file_name: file.name(),
        content_type,
        bytes: bytes as u64,
        width: decoded.width,
        height: decoded.height,
        uploaded: false,
    })
}

/// Keeps a photo downloaded from the account (a saved project reopened in
/// this browser).
pub async fn keep_downloaded_photo(
    photo: &shop_api::project::Photo,
    bytes: &[u8],
) -> Result<LocalPhoto, PhotoRefusal> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&photo.content_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| PhotoRefusal::Unreadable)?;
    let decoded = images::decode(&blob)
        .await
        .map_err(|_| PhotoRefusal::Unreadable)?;
    let db = db().await.map_err(PhotoRefusal::Storage)?;
    db.put(PHOTOS, &photo.id, &blob)
        .await
        .map_err(PhotoRefusal::Storage)?;
    db.put(THUMBNAILS, &photo.id, &decoded.thumbnail)
        .await
        .map_err(PhotoRefusal::Storage)?;
    Ok(LocalPhoto {
        id: photo.id.clone(),
        file_name: photo.id.clone(),
        content_type: photo.content_type.clone(),
        bytes: photo.bytes,
        width: photo.width,
        height: photo.height,
        uploaded: true,
    })
}

/// The photo's bytes, to upload them.
pub async fn photo_blob(photo_id: &str) -> Result<Option<Blob>, IdbError> {
    Ok(db()
        .await?
        .get(PHOTOS, photo_id)
        .await?
        .and_then(|value| value.dyn_into().ok()))
}

pub async fn thumbnail_blob(photo_id: &str) -> Result<Option<Blob>, IdbError> {
    Ok(db()
        .await?
        .get(THUMBNAILS, photo_id)
        .await?
        .and_then(|value| value.dyn_into().ok()))
}

/// Drops a photo removed from its project.
pub async fn forget_photo(photo_id: &str) -> Result<(), IdbError> {
    let db = db().await?;
    db.delete(PHOTOS, photo_id).await?;
    db.delete(THUMBNAILS, photo_id).await
}
