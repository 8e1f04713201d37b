//! The cart: totals for any cart (guests included), and the signed-in
//! shopper's cart kept by the server.

use super::{ApiError, client};
use shop_api::cart::{Cart, CartContents, CartTotals};

/// The server's prices for what the cart holds.
pub async fn totals(contents: &CartContents) -> Result<CartTotals, ApiError> {
    client::post("/cart/totals", contents).await
}

pub async fn load() -> Result<Cart, ApiError> {
    client::get("/cart").await
}

pub async fn store(cart: &Cart) -> Result<Cart, ApiError> {
    client::put("/cart", cart).await
}

/// Folds a guest's cart into the account's and answers the result.
pub async fn merge(guest: &Cart) -> Result<Cart, ApiError> {
    client::post("/cart/merge", guest).await
}
