//! The long texts served as files beside the app: the help centre's answers
//! and the legal pages, one file per language (`content/` in the
//! repository, copied into `dist/` by Trunk).

use super::{ApiError, client};
use crate::i18n::{HelpContent, LegalContent, Locale};

/// Where the files are served; `cargo xtask`'s start script preloads the
/// same addresses (`xtask/src/storefront/boot.rs`).
pub const CONTENT_PREFIX: &str = "/content";

pub fn help_path(locale: Locale) -> String {
    format!("{CONTENT_PREFIX}/{}/help.json", locale.code())
}

pub fn legal_path(locale: Locale) -> String {
    format!("{CONTENT_PREFIX}/{}/legal.json", locale.code())
}

pub async fn help(locale: Locale) -> Result<HelpContent, ApiError> {
    client::get_file(&help_path(locale)).await
}

pub async fn legal(locale: Locale) -> Result<LegalContent, ApiError> {
    client::get_file(&legal_path(locale)).await
}
