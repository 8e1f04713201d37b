//! What the shop sells, and the server's price for a configured product.

use super::{ApiError, client};
use shop_api::catalogue::{Catalogue, ProductChoice, Quote};

pub async fn catalogue() -> Result<Catalogue, ApiError> {
    client::get("/catalogue").await
}

pub async fn quote(choice: &ProductChoice) -> Result<Quote, ApiError> {
    client::post("/quote", choice).await
}
