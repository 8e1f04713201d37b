//! A list the server gives a page at a time (`shop_api::page`): the items
//! read so far, and the next page read on demand ("Afficher plus"), so that
//! a shopper with years of orders does not load them all to see the last.

use crate::api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shop_api::page::Page;
use std::future::Future;

/// Where the next page stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum More {
    /// A next page exists (or `None`: this was the last).
    Ready(Option<i64>),
    Loading,
    /// The last attempt failed; the cursor to try again.
    Failed(i64),
}

/// The items shown, beginning with the first page's.
pub struct Paged<T: Send + Sync + 'static> {
    pub items: RwSignal<Vec<T>>,
    pub more: RwSignal<More>,
}

impl<T: Send + Sync + 'static> Clone for Paged<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Paged<T> {}

impl<T: Send + Sync + 'static> Paged<T> {
    pub fn new(first: Page<T>) -> Self {
        Self {
            more: RwSignal::new(More::Ready(first.next_before)),
            items: RwSignal::new(first.items),
        }
    }

    /// Reads the next page, if any and none is being read, and appends it.
    pub fn load_more<F, Fut>(self, fetch: F)
    where
        F: FnOnce(Option<i64>) -> Fut + 'static,
        Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    {
        let before = match self.more.get_untracked() {
            More::Ready(Some(before)) | More::Failed(before) => before,
            More::Ready(None) | More::Loading => return,
        };
        self.more.set(More::Loading);
        spawn_local(async move {
            match fetch(Some(before)).await {
                Ok(page) => {
                    self.items.try_update(|items| items.extend(page.items));
                    self.more.try_set(More::Ready(page.next_before));
                }
                Err(_) => {
                    self.more.try_set(More::Failed(before));
                }
            }
        });
    }
}
