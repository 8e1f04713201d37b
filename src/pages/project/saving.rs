//! "Enregistrer": puts the project's name, options and photo order in the
//! account, then sends the photos the server does not hold yet, one by
//! one with progress. The server names the missing photos, so a save
//! interrupted halfway and tried again sends only what is left and never
//! duplicates a photo.

use crate::api::{self, ApiError};
use crate::components::upload_progress::Progress;
use crate::state::projects::{self, LocalProject};
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

/// Photos the server refused (by id, with its reason); the rest is saved.
#[derive(Debug, Default)]
pub struct SaveReport {
    pub refused: Vec<(String, ErrorCode)>,
}

fn classify(error: ApiError) -> SaveError {
    match error {
        ApiError::Network(_) => SaveError::Interrupted,
        ApiError::Refused { status: 401, .. } => SaveError::SignedOut,
        ApiError::Refused { code, .. } => SaveError::Refused(code),
        ApiError::Unreadable { .. } => SaveError::Refused(ErrorCode::Unknown),
    }
}

fn draft(
    project: &LocalProject,
    kind: ProductKind,
    refused: &[(String, ErrorCode)],
) -> ProjectDraft {
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

pub async fn save(
    project: &LocalProject,
    kind: ProductKind,
    on_progress: impl Fn(Progress) + 'static,
) -> Result<SaveReport, SaveError> {
    let saved = api::projects::save(&project.id, &draft(project, kind, &[]))
        .await
        .map_err(classify)?;
    let missing: Vec<_> = project
        .photos
        .iter()
        .filter(|photo| saved.missing_photo_ids.contains(&photo.id))
        .collect();
    let total_bytes: f64 = missing.iter().map(|p| p.bytes as f64).sum::<f64>().max(1.0);
    let on_progress = Rc::new(on_progress);
    let mut sent_before = 0.0;
    let mut report = SaveReport::default();
    for (index, photo) in missing.iter().enumerate() {
        let progress = Progress {
            photo: index + 1,
            photos: missing.len(),
            fraction: sent_before / total_bytes,
        };
        on_progress(progress);
        let blob = projects::photo_blob(&photo.id)
            .await
            .map_err(|_| SaveError::Storage)?
            .ok_or(SaveError::Storage)?;
        let report_progress = Rc::clone(&on_progress);
        let outcome = api::upload::photo(&project.id, &photo.id, &blob, move |sent, _| {
            report_progress(Progress {
                fraction: (sent_before + sent) / total_bytes,
                ..progress
            });
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
            }) => report.refused.push((photo.id.clone(), code)),
            Err(error) => return Err(classify(error)),
        }
        sent_before += photo.bytes as f64;
    }
    on_progress(Progress {
        photo: missing.len(),
        photos: missing.len(),
        fraction: 1.0,
    });
    // The final order, without what the server refused.
    api::projects::save(&project.id, &draft(project, kind, &report.refused))
        .await
        .map_err(classify)?;
    Ok(report)
}
