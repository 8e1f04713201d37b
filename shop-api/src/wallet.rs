//! Apple Pay and Google Pay through the browser's Payment Request API: what
//! the storefront needs to build the requests, and what it sends back. The
//! wallet's token goes to the shop server, which has the PSP authorize and
//! capture it at once (the shopper is debited while the order is processed).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WalletMethod {
    ApplePay,
    GooglePay,
}

/// `GET /api/v1/wallets`: the merchant details each wallet's method data
/// names. Public (no secret in it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalletConfig {
    pub merchant_name: String,
    /// ISO 3166-1 alpha-2 of the merchant.
    pub country: String,
    pub apple_pay_merchant_id: String,
    pub google_pay_merchant_id: String,
    /// `TEST` in development, `PRODUCTION` live.
    pub google_pay_environment: String,
    /// The PSP as Google Pay's `PAYMENT_GATEWAY` tokenization names it.
    pub google_pay_gateway: String,
    pub google_pay_gateway_merchant_id: String,
}

/// Body of `POST /api/v1/orders/{id}/wallet/merchant-session` (Apple Pay's
/// merchant validation): the `validationURL` the browser gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerchantSessionRequest {
    pub validation_url: String,
}

/// The opaque merchant session, as a JSON text the storefront parses and
/// hands to `completeMerchantValidation` unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerchantSession {
    pub session_json: String,
}

/// Body of `POST /api/v1/orders/{id}/wallet`: the wallet's token, as the
/// JSON text of what the `PaymentResponse` carried (Google Pay's
/// `paymentMethodData`, Apple Pay's `token`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalletPayment {
    pub method: WalletMethod,
    pub token_json: String,
}
