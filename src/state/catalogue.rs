//! The catalogue, fetched once and shared by every page that shows products
//! or prices: it changes only when the shop deploys a new one, so a visit
//! asks again only after `FRESH_FOR_MS`. A failed fetch is not kept: the
//! next page (or "Réessayer") asks anew. The cart's totals never rest on it:
//! the server prices them.

use crate::api::{self, ApiError};
use shop_api::catalogue::Catalogue;
use std::cell::RefCell;

const FRESH_FOR_MS: f64 = 10.0 * 60.0 * 1000.0;

thread_local! {
    /// When it was fetched (ms since the epoch), and the catalogue.
    static CACHED: RefCell<Option<(f64, Catalogue)>> = const { RefCell::new(None) };
}

/// The catalogue, from the cache while it is fresh, else from the server.
pub async fn catalogue() -> Result<Catalogue, ApiError> {
    let now = js_sys::Date::now();
    let fresh = CACHED.with_borrow(|cached| {
        cached
            .as_ref()
            .filter(|(at, _)| now - at < FRESH_FOR_MS)
            .map(|(_, catalogue)| catalogue.clone())
    });
    if let Some(catalogue) = fresh {
        return Ok(catalogue);
    }
    let catalogue = api::catalogue::catalogue().await?;
    CACHED.set(Some((js_sys::Date::now(), catalogue.clone())));
    Ok(catalogue)
}
