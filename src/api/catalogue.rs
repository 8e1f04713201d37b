//! What the shop sells, with the server's prices.

use super::{ApiError, client};
use shop_api::catalogue::Catalogue;

pub async fn catalogue() -> Result<Catalogue, ApiError> {
    client::get("/catalogue").await
}
