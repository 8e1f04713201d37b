//! The help centre's answers and the legal texts, fetched once per
//! language and kept for the visit: they change only when the shop
//! deploys. A failed fetch is not kept: "Réessayer" or the next page asks
//! anew. Tests put a language's texts in place with `keep_*`.

use crate::api::{self, ApiError};
use crate::i18n::{HelpContent, LegalContent, Locale};
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    static HELP: RefCell<[Option<Arc<HelpContent>>; 2]> = const { RefCell::new([None, None]) };
    static LEGAL: RefCell<[Option<Arc<LegalContent>>; 2]> = const { RefCell::new([None, None]) };
}

fn slot(locale: Locale) -> usize {
    match locale {
        Locale::Fr => 0,
        Locale::En => 1,
    }
}

pub async fn help(locale: Locale) -> Result<Arc<HelpContent>, ApiError> {
    if let Some(kept) = HELP.with_borrow(|kept| kept[slot(locale)].clone()) {
        return Ok(kept);
    }
    let fetched = Arc::new(api::content::help(locale).await?);
    keep_help(locale, fetched.clone());
    Ok(fetched)
}

pub async fn legal(locale: Locale) -> Result<Arc<LegalContent>, ApiError> {
    if let Some(kept) = LEGAL.with_borrow(|kept| kept[slot(locale)].clone()) {
        return Ok(kept);
    }
    let fetched = Arc::new(api::content::legal(locale).await?);
    keep_legal(locale, fetched.clone());
    Ok(fetched)
}

pub fn keep_help(locale: Locale, content: Arc<HelpContent>) {
    HELP.with_borrow_mut(|kept| kept[slot(locale)] = Some(content));
}

pub fn keep_legal(locale: Locale, content: Arc<LegalContent>) {
    LEGAL.with_borrow_mut(|kept| kept[slot(locale)] = Some(content));
}
