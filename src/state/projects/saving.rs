//! Saving projects to the account: the project's name, options and photo
//! order first, then the photos the server does not hold yet, with
//! progress, then the final photo order (without any photo the server
//! refused). The server names the missing photos, so a save interrupted
//! halfway (a lost connection, a reload) and tried again sends only what
//! is left and never duplicates a photo.
//!
//! The editor's "Enregistrer" saves one project; the checkout saves every
//! unsaved project of the cart under one progress bar. Both go through
//! the three steps here: [`announce`], [`upload`], [`conclude`].

use crate::api::{self, ApiError};
use crate::components::upload_progress::Progress;
use crate::state::projects::{self, LocalPhoto, LocalProject};
use shop_api::ErrorCode;
use shop_api::catalogue::ProductKind;
use shop_api::project::{ProjectDraft, units_per_copy};
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// The connection dropped: what was sent is kept, try again.
    #[error("the connection was interrupted")]
    Interrupted,
    #[error("the session ended")]
    SignedOut,
    #[error("the server refused the project ({0:?})")]
    Refused(ErrorCode),
    #[error("a photo is missing from this browser's storage")]
    Storage,
}

impl SaveError {
    /// The account keeps as much as it may (photos' bytes or projects):
    /// retrying will not help, deleting a saved project will.
    pub fn quota(&self) -> Option<ErrorCode> {
        match self {
            Self::Refused(
                code @ (ErrorCode::PhotoQuotaReached | ErrorCode::ProjectQuotaReached),
            ) => Some(*code),
            _ => None,
        }
    }
}

/// A photo the server refused (by id, with its reason); the rest is saved.
pub type RefusedPhoto = (String, ErrorCode);

/// Photos the server refused; the rest is saved.
#[derive(Debug, Default)]
pub struct SaveReport {
    pub refused: Vec<RefusedPhoto>,
}

fn classify(error: ApiError) -> SaveError {
    match error {
        ApiError::Network(_) => SaveError::Interrupted,
        ApiError::Refused { status: 401, .. } => SaveError::SignedOut,
        ApiError::Refused { code, .. } => SaveError::Refused(code),
        ApiError::Unreadable { .. } => SaveError::Refused(ErrorCode::Unknown),
    }
}

fn draft(project: &LocalProject, kind: ProductKind, refused: &[RefusedPhoto]) -> ProjectDraft {
    let photo_ids: Vec<String> = project
        .photos
        .iter()
        .map(|p| p.id.clone())
        .filter(|id| !refused.iter().any(|(r, _)| r == id))
        .collect();
    let mut choice = project.choice.clone();
    choice.quantity = units_per_copy(kind, photo_ids.len() as u32);
    ProjectDraft {
        name: project.name.clone(),
        choice,
        photo_ids,
    }
}

/// Step 1: puts the project's current state in the account; answers the
/// photos the server still needs, in the project's order.
pub async fn announce(
    project: &LocalProject,
    kind: ProductKind,
) -> Result<Vec<LocalPhoto>, SaveError> {
    let saved = api::projects::save(&project.id, &draft(project, kind, &[]))
        .await
        .map_err(classify)?;
    Ok(project
        .photos
        .iter()
        .filter(|photo| saved.missing_photo_ids.contains(&photo.id))
        .cloned()
        .collect())
}

/// Step 2: sends `photos` one by one. `on_sent` gets, after each chunk,
/// the index of the photo being sent (0-based) and its bytes sent so far.
/// A photo the server judges unfit is refused and the others go on.
pub async fn upload(
    project_id: &str,
    photos: &[LocalPhoto],
    on_sent: impl Fn(usize, f64) + 'static,
) -> Result<Vec<RefusedPhoto>, SaveError> {
    let on_sent = Rc::new(on_sent);
    let mut refused = Vec::new();
    for (index, photo) in photos.iter().enumerate() {
        on_sent(index, 0.0);
        let blob = projects::photo_blob(&photo.id)
            .await
            .map_err(|_| SaveError::Storage)?
            .ok_or(SaveError::Storage)?;
        let report = Rc::clone(&on_sent);
        let outcome = api::upload::photo(project_id, &photo.id, &blob, move |sent, _| {
            report(index, sent);
        })
        .await;
        match outcome {
            Ok(_) => {}
            Err(ApiError::Refused {
                code:
                    code @ (ErrorCode::InvalidImage
                    | ErrorCode::PhotoTooLarge
                    | ErrorCode::PayloadTooLarge
                    | ErrorCode::TooManyPhotos),
                ..
            }) => refused.push((photo.id.clone(), code)),
            Err(error) => return Err(classify(error)),
        }
        on_sent(index, photo.bytes as f64);
    }
    Ok(refused)
}

/// Step 3: the final photo order, without what the server refused; answers
/// the project as the account now holds it, to keep in this browser.
pub async fn conclude(
    project: &LocalProject,
    kind: ProductKind,
    refused: &[RefusedPhoto],
) -> Result<LocalProject, SaveError> {
    api::projects::save(&project.id, &draft(project, kind, refused))
        .await
        .map_err(classify)?;
    let mut saved = project.clone();
    saved
        .photos
        .retain(|photo| !refused.iter().any(|(id, _)| *id == photo.id));
    saved
        .photos
        .iter_mut()
        .for_each(|photo| photo.uploaded = true);
    saved.choice.quantity = units_per_copy(kind, saved.photos.len() as u32);
    saved.saved = true;
    Ok(saved)
}

/// One project, start to end, with its own progress (the editor's
/// "Enregistrer").
pub async fn save(
    project: &LocalProject,
    kind: ProductKind,
    on_progress: impl Fn(Progress) + 'static,
) -> Result<(LocalProject, SaveReport), SaveError> {
    let missing = announce(project, kind).await?;
    let sizes: Vec<f64> = missing.iter().map(|p| p.bytes as f64).collect();
    let photos = missing.len();
    let on_progress = Rc::new(on_progress);
    let report = Rc::clone(&on_progress);
    let refused = upload(&project.id, &missing, move |index, sent| {
        report(progress(&sizes, index, sent));
    })
    .await?;
    on_progress(Progress {
        photo: photos,
        photos,
        fraction: 1.0,
    });
    let saved = conclude(project, kind, &refused).await?;
    Ok((saved, SaveReport { refused }))
}

/// Where a sequence of uploads stands: photo `index` (0-based) of `sizes`
/// has `sent` bytes out.
pub fn progress(sizes: &[f64], index: usize, sent: f64) -> Progress {
    let total = sizes.iter().sum::<f64>().max(1.0);
    let before: f64 = sizes.iter().take(index).sum();
    Progress {
        photo: (index + 1).min(sizes.len()),
        photos: sizes.len(),
        fraction: ((before + sent) / total).clamp(0.0, 1.0),
    }
}

/// Drops from this browser the photos the server refused.
pub async fn forget_refused(refused: &[RefusedPhoto]) {
    for (id, _) in refused {
        let _ = projects::forget_photo(id).await;
    }
}
