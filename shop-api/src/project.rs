//! Creation projects: a product as the shopper configured it, with its
//! photos in order. The product rules (how many photos each kind needs) live
//! here so that the storefront explains them and the server enforces the
//! very same ones.

use crate::catalogue::{ProductChoice, ProductKind};
use serde::{Deserialize, Serialize};

/// Largest photo the server accepts, in bytes.
pub const MAX_PHOTO_BYTES: u64 = 25 * 1024 * 1024;
/// Most photos one project may hold.
pub const MAX_PHOTOS_PER_PROJECT: usize = 200;
/// Longest project name, in Unicode characters (after trimming).
pub const PROJECT_NAME_MAX_CHARS: usize = 80;
/// Longest client-made identifier (projects and photos).
pub const ID_MAX_CHARS: usize = 64;
/// The image types the server accepts, as sniffed from the bytes.
pub const ACCEPTED_IMAGE_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// Project and photo ids are made by the browser (so that an unsaved
/// project keeps its id when saved, and a retried upload is recognised):
/// 1 to 64 ASCII letters, digits, `-` or `_`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= ID_MAX_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The name as stored: trimmed, 1 to [`PROJECT_NAME_MAX_CHARS`] characters,
/// something that shows among them (`text::shows_something`).
pub fn normalized_name(name: &str) -> Option<String> {
    let name = name.trim();
    let chars = name.chars().count();
    (crate::text::shows_something(name)
        && chars <= PROJECT_NAME_MAX_CHARS
        && !name.chars().any(char::is_control))
    .then(|| name.to_owned())
}

/// Body of `PUT /api/v1/projects/{id}`: creates or replaces the project's
/// name, options and photo order. Photos not listed are deleted; listed
/// ones not uploaded yet are waited for (see [`Project::missing_photo_ids`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectDraft {
    pub name: String,
    /// `quantity` is the units in one copy: the photo count for prints, 1
    /// for the other products.
    pub choice: ProductChoice,
    pub photo_ids: Vec<String>,
}

/// A photo the server holds, validated from its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    pub id: String,
    pub content_type: String,
    pub bytes: u64,
    pub width: u32,
    pub height: u32,
}

/// A saved project, as `GET` and `PUT /api/v1/projects/{id}` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub choice: ProductChoice,
    /// Uploaded photos, in the project's order.
    pub photos: Vec<Photo>,
    /// Listed in the draft but not uploaded yet, in order.
    pub missing_photo_ids: Vec<String>,
    /// Unix seconds.
    pub updated_at: i64,
}

/// One line of `GET /api/v1/projects`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectSummary {
    pub id: String,
    pub name: String,
    pub product_id: String,
    pub photo_count: u32,
    /// Unix seconds.
    pub updated_at: i64,
}

/// Why a project cannot go to the cart yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum RuleViolation {
    #[error("the project has no photo")]
    NoPhotos,
    /// Photo books: one photo per page at least.
    #[error("{pages} pages need at least {pages} photos, the project has {photos}")]
    NotEnoughPhotosForPages { pages: u32, photos: u32 },
    /// Prints: one photo per print.
    #[error("prints need one photo per print: {prints} prints, {photos} photos")]
    OnePhotoPerPrint { prints: u32, photos: u32 },
    /// Calendars (12) and posters (1).
    #[error("this product takes exactly {needed} photos, the project has {photos}")]
    ExactPhotoCount { needed: u32, photos: u32 },
    #[error("at most {max} photos per project, the project has {photos}")]
    TooManyPhotos { max: u32, photos: u32 },
}

/// Photos a calendar takes: one per month.
pub const CALENDAR_PHOTOS: u32 = 12;

/// The product rules: whether a project with `photos` photos can be made.
pub fn check_rules(
    kind: ProductKind,
    choice: &ProductChoice,
    photos: u32,
) -> Result<(), RuleViolation> {
    let max = u32::try_from(MAX_PHOTOS_PER_PROJECT).unwrap_or(u32::MAX);
    if photos > max {
        return Err(RuleViolation::TooManyPhotos { max, photos });
    }
    if photos == 0 {
        return Err(RuleViolation::NoPhotos);
    }
    match kind {
        ProductKind::Prints if choice.quantity != photos => Err(RuleViolation::OnePhotoPerPrint {
            prints: choice.quantity,
            photos,
        }),
        ProductKind::PhotoBook => match choice.pages {
            Some(pages) if photos < pages => {
                Err(RuleViolation::NotEnoughPhotosForPages { pages, photos })
            }
            _ => Ok(()),
        },
        ProductKind::Calendar if photos != CALENDAR_PHOTOS => Err(RuleViolation::ExactPhotoCount {
            needed: CALENDAR_PHOTOS,
            photos,
        }),
        ProductKind::Poster if photos != 1 => {
            Err(RuleViolation::ExactPhotoCount { needed: 1, photos })
        }
        _ => Ok(()),
    }
}

/// Units in one copy of a project: each photo of a prints project is a
/// print; every other product is one unit per copy.
pub fn units_per_copy(kind: ProductKind, photos: u32) -> u32 {
    match kind {
        ProductKind::Prints => photos.max(1),
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(quantity: u32, pages: Option<u32>) -> ProductChoice {
        ProductChoice {
            product_id: "p".into(),
            format_id: "f".into(),
            quantity,
            pages,
            cover_id: None,
        }
    }

    #[test]
    fn ids_are_short_and_plain() {
        assert!(is_valid_id("3f2a-b_C9"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("../etc"));
        assert!(!is_valid_id(&"a".repeat(65)));
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(normalized_name("  Vacances  ").as_deref(), Some("Vacances"));
        assert_eq!(normalized_name("   "), None);
        assert_eq!(
            normalized_name(&"é".repeat(80)).map(|n| n.chars().count()),
            Some(80)
        );
        assert_eq!(normalized_name(&"é".repeat(81)), None);
        assert_eq!(normalized_name("a\u{0}b"), None);
        // Found by `server/tests/malformed_fields.rs`: accepted before.
        assert_eq!(normalized_name("\u{200b}\u{202e}"), None);
    }

    #[test]
    fn prints_need_one_photo_per_print() {
        assert_eq!(
            check_rules(ProductKind::Prints, &choice(3, None), 3),
            Ok(())
        );
        assert_eq!(
            check_rules(ProductKind::Prints, &choice(4, None), 3),
            Err(RuleViolation::OnePhotoPerPrint {
                prints: 4,
                photos: 3
            })
        );
        assert_eq!(
            check_rules(ProductKind::Prints, &choice(0, None), 0),
            Err(RuleViolation::NoPhotos)
        );
    }

    #[test]
    fn books_need_a_photo_per_page() {
        let book = choice(1, Some(24));
        assert_eq!(
            check_rules(ProductKind::PhotoBook, &book, 23),
            Err(RuleViolation::NotEnoughPhotosForPages {
                pages: 24,
                photos: 23
            })
        );
        assert_eq!(check_rules(ProductKind::PhotoBook, &book, 24), Ok(()));
        assert_eq!(check_rules(ProductKind::PhotoBook, &book, 60), Ok(()));
    }

    #[test]
    fn calendars_and_posters_take_exact_counts() {
        assert!(check_rules(ProductKind::Calendar, &choice(1, None), 11).is_err());
        assert_eq!(
            check_rules(ProductKind::Calendar, &choice(1, None), 12),
            Ok(())
        );
        assert_eq!(
            check_rules(ProductKind::Poster, &choice(1, None), 1),
            Ok(())
        );
        assert_eq!(
            check_rules(ProductKind::Poster, &choice(1, None), 2),
            Err(RuleViolation::ExactPhotoCount {
                needed: 1,
                photos: 2
            })
        );
    }

    #[test]
    fn too_many_photos_is_refused_first() {
        let max = MAX_PHOTOS_PER_PROJECT as u32;
        assert_eq!(
            check_rules(ProductKind::Prints, &choice(max + 1, None), max + 1),
            Err(RuleViolation::TooManyPhotos {
                max,
                photos: max + 1
            })
        );
    }

    #[test]
    fn prints_are_priced_per_photo() {
        assert_eq!(units_per_copy(ProductKind::Prints, 12), 12);
        assert_eq!(units_per_copy(ProductKind::PhotoBook, 40), 1);
    }
}
