//! The signed-in shopper's saved delivery address.

use super::{ApiError, client};
use shop_api::ErrorCode;
use shop_api::order::Address;

/// The saved address, or `None` when the shopper has not saved one yet.
pub async fn load() -> Result<Option<Address>, ApiError> {
    match client::get("/address").await {
        Ok(address) => Ok(Some(address)),
        Err(ApiError::Refused {
            code: ErrorCode::NotFound,
            ..
        }) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Saves the address for next time; refused with `invalid_address` when
/// the server's checks (the same `Address::invalid_fields`) fail.
pub async fn save(address: &Address) -> Result<Address, ApiError> {
    client::put("/address", address).await
}
