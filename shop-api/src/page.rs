//! One page of a list that can grow without bound (a shopper's projects
//! and orders), newest first, and how to ask for the next.

use serde::{Deserialize, Serialize};

/// Items on a page when the request does not say.
pub const DEFAULT_PAGE: u32 = 50;
/// The most items one page holds, whatever the request says.
pub const MAX_PAGE: u32 = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `before` for the next (older) page; absent on the last page.
    pub next_before: Option<i64>,
}

impl<T> Page<T> {
    /// `items` as read with one more than `limit` asked for: the extra one
    /// only says that there is a next page, whose cursor `cursor` gives.
    pub fn from_one_more(mut items: Vec<T>, limit: u32, cursor: impl Fn(&T) -> i64) -> Self {
        let limit = limit as usize;
        let next_before = if items.len() > limit {
            items.truncate(limit);
            items.last().map(cursor)
        } else {
            None
        };
        Self { items, next_before }
    }
}

/// The query string of a paged list (`?limit=&before=`).
pub fn query(before: Option<i64>) -> String {
    before.map_or_else(String::new, |before| format!("?before={before}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_more_than_asked_means_a_next_page() {
        let page = Page::from_one_more(vec![9, 8, 7], 2, |n| *n);
        assert_eq!(
            page,
            Page {
                items: vec![9, 8],
                next_before: Some(8)
            }
        );
        let last = Page::from_one_more(vec![9, 8], 2, |n| *n);
        assert_eq!(
            last,
            Page {
                items: vec![9, 8],
                next_before: None
            }
        );
        assert_eq!(query(Some(8)), "?before=8");
        assert_eq!(query(None), "");
    }
}
