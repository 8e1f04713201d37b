//! Apple Pay and Google Pay: the merchant details their requests name, and
//! the two calls a wallet payment makes on an order — Apple Pay's merchant
//! session, then the wallet's token, which the server has the PSP
//! authorize and capture at once.

use super::{ApiError, client};
use shop_api::order::Order;
use shop_api::wallet::{MerchantSession, MerchantSessionRequest, WalletConfig, WalletPayment};

/// The merchant details (public).
pub async fn config() -> Result<WalletConfig, ApiError> {
    client::get("/wallets").await
}

/// Apple Pay's merchant validation, for the `validationURL` the browser
/// gave; the server checks the URL before calling it.
pub async fn merchant_session(
    order_id: &str,
    request: &MerchantSessionRequest,
) -> Result<MerchantSession, ApiError> {
    client::post(
        &format!("/orders/{}/wallet/merchant-session", encode(order_id)),
        request,
    )
    .await
}

/// The wallet's token: the order comes back `paid` (debited) or
/// `payment_failed` with its decline (still payable by card).
pub async fn pay(order_id: &str, payment: &WalletPayment) -> Result<Order, ApiError> {
    client::post(&format!("/orders/{}/wallet", encode(order_id)), payment).await
}

/// The id comes from the address bar: it must stay one path segment.
fn encode(id: &str) -> String {
    String::from(js_sys::encode_uri_component(id))
}
