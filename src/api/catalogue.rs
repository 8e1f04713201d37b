//! What the shop sells, with the server's prices.

use super::{ApiError, client};
use shop_api::catalogue::{Catalogue, ProductChoice, Quote};

pub async fn catalogue() -> Result<Catalogue, ApiError> {
    client::get("/catalogue").await
}

/// The server's price for one configured product.
pub async fn quote(choice: &ProductChoice) -> Result<Quote, ApiError> {
    client::post("/quote", choice).await
}
