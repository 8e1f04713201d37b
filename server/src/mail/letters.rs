//! The shop's messages in words, French or English: what each event tells
//! the shopper, as a [`Letter`] rendered to a [`Mail`]. Pure: the callers
//! decide when a message goes (and write it to the outbox with its event).

mod account;
mod layout;
mod orders;
mod support;

pub use layout::{Block, Letter};

use super::Mail;
use crate::catalogue::cache::CatalogueCache;
use shop_api::Language;
use shop_api::calendar::Date;
use std::sync::Arc;

/// What every message needs: the shop's public origin for its links and
/// the catalogue for the products' names.
#[derive(Debug, Clone)]
pub struct Letters {
    origin: Arc<str>,
    catalogue: CatalogueCache,
}

impl Letters {
    pub fn new(origin: &str, catalogue: CatalogueCache) -> Self {
        Self {
            origin: origin.trim_end_matches('/').into(),
            catalogue,
        }
    }

    /// An absolute link to a page of the storefront.
    fn link(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// A page of the storefront opened with a token in its fragment.
    fn token_link(&self, path: &str, token: &str) -> String {
        format!(
            "{}#{}={token}",
            self.link(path),
            shop_api::account::LINK_TOKEN_KEY
        )
    }

    fn mail(&self, to: &str, letter: &Letter) -> Mail {
        Mail {
            to: to.to_owned(),
            subject: letter.subject.clone(),
            text: letter.text(&self.origin),
            html: letter.html(&self.origin),
        }
    }
}

/// "7 décembre 2026", "7 December 2026": a day in Paris.
fn day(language: Language, unix_seconds: i64) -> String {
    date(language, Date::in_paris(unix_seconds))
}

fn date(language: Language, date: Date) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = (date.month as usize).clamp(1, 12) - 1;
    match language {
        Language::Fr if date.day == 1 => format!("1er {} {}", FR[month], date.year),
        Language::Fr => format!("{} {} {}", date.day, FR[month], date.year),
        Language::En => format!("{} {} {}", date.day, EN[month], date.year),
    }
}
