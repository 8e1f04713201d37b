//! The signed-in shopper's saved delivery address.

use super::{ApiError, client};
use shop_api::order::Address;

/// The saved address, or `None` (the server's `null`) when the shopper has
/// not saved one yet.
pub async fn load() -> Result<Option<Address>, ApiError> {
    client::get("/address").await
}

/// Saves the address for next time; refused with `invalid_address` when
/// the server's checks (the same `Address::invalid_fields`) fail.
pub async fn save(address: &Address) -> Result<Address, ApiError> {
    client::put("/address", address).await
}
