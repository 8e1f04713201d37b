//! What each wallet's `PaymentRequest` says: its method data (built from
//! the server's [`WalletConfig`]) and the order's total. Serde types, so
//! that a misspelt member is a compile error rather than a sheet that
//! never opens; turned into JS through JSON (no serde-wasm-bindgen).

use super::payment_request::{PaymentRequest, WalletError};
use serde::Serialize;
use shop_api::Money;
use shop_api::money::Currency;
use shop_api::wallet::{WalletConfig, WalletMethod};
use wasm_bindgen::JsValue;

pub const APPLE_PAY: &str = "https://apple.com/apple-pay";
pub const GOOGLE_PAY: &str = "https://google.com/pay";

/// The payment method identifier a wallet answers to.
pub fn method_identifier(method: WalletMethod) -> &'static str {
    match method {
        WalletMethod::ApplePay => APPLE_PAY,
        WalletMethod::GooglePay => GOOGLE_PAY,
    }
}

/// Apple Pay names Cartes Bancaires `cartesBancaires`, so that a co-badged
/// card can be paid as CB.
const APPLE_NETWORKS: [&str; 5] = ["cartesBancaires", "visa", "masterCard", "maestro", "amex"];
/// Google Pay has no Cartes Bancaires network (a co-badged card runs as
/// Visa or Mastercard) and no Maestro for this kind of integration: its
/// list is only these three.
const GOOGLE_NETWORKS: [&str; 3] = ["AMEX", "MASTERCARD", "VISA"];

/// `{supportedMethods, data}`, one entry of the request's method data.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MethodData<D> {
    pub supported_methods: &'static str,
    pub data: D,
}

/// Apple Pay's `ApplePayRequest` (version 3).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplePayData {
    pub version: u8,
    pub merchant_identifier: String,
    pub merchant_capabilities: [&'static str; 1],
    pub supported_networks: [&'static str; 5],
    pub country_code: String,
}

/// Google Pay's `PaymentDataRequest` (API 2.0).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GooglePayData {
    /// `TEST` or `PRODUCTION`.
    pub environment: String,
    pub api_version: u8,
    pub api_version_minor: u8,
    pub merchant_info: GoogleMerchantInfo,
    pub allowed_payment_methods: [GoogleCardMethod; 1],
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoogleMerchantInfo {
    pub merchant_name: String,
    /// Required in production only; left out when the shop has none yet.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub merchant_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoogleCardMethod {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub parameters: GoogleCardParameters,
    pub tokenization_specification: GoogleTokenization,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoogleCardParameters {
    pub allowed_auth_methods: [&'static str; 2],
    pub allowed_card_networks: [&'static str; 3],
}

/// The PSP tokenizes: the token goes to the server, then to the PSP.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoogleTokenization {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub parameters: GoogleGateway,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoogleGateway {
    pub gateway: String,
    pub gateway_merchant_id: String,
}

/// `{total: {label, amount: {currency, value}}}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Details {
    pub total: Item,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub label: String,
    pub amount: Amount,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    pub currency: Currency,
    /// A decimal string ("45.99"), made from cents, never from a float.
    pub value: String,
}

pub fn apple_pay(config: &WalletConfig) -> MethodData<ApplePayData> {
    MethodData {
        supported_methods: APPLE_PAY,
        data: ApplePayData {
            version: 3,
            merchant_identifier: config.apple_pay_merchant_id.clone(),
            merchant_capabilities: ["supports3DS"],
            supported_networks: APPLE_NETWORKS,
            country_code: config.country.clone(),
        },
    }
}

pub fn google_pay(config: &WalletConfig) -> MethodData<GooglePayData> {
    MethodData {
        supported_methods: GOOGLE_PAY,
        data: GooglePayData {
            environment: config.google_pay_environment.clone(),
            api_version: 2,
            api_version_minor: 0,
            merchant_info: GoogleMerchantInfo {
                merchant_name: config.merchant_name.clone(),
                merchant_id: config.google_pay_merchant_id.clone(),
            },
            allowed_payment_methods: [GoogleCardMethod {
                kind: "CARD",
                parameters: GoogleCardParameters {
                    allowed_auth_methods: ["PAN_ONLY", "CRYPTOGRAM_3DS"],
                    allowed_card_networks: GOOGLE_NETWORKS,
                },
                tokenization_specification: GoogleTokenization {
                    kind: "PAYMENT_GATEWAY",
                    parameters: GoogleGateway {
                        gateway: config.google_pay_gateway.clone(),
                        gateway_merchant_id: config.google_pay_gateway_merchant_id.clone(),
                    },
                },
            }],
        },
    }
}

/// The Payment Request amount for integer cents: "45.99", "0.05". `None`
/// for a negative amount, which no sheet accepts.
pub fn amount_value(cents: i64) -> Option<String> {
    (cents >= 0).then(|| format!("{}.{:02}", cents / 100, cents % 100))
}

pub fn details(config: &WalletConfig, total: Money) -> Result<Details, WalletError> {
    let value = amount_value(total.cents)
        .ok_or_else(|| WalletError::Failed("negative total".to_owned()))?;
    Ok(Details {
        total: Item {
            label: config.merchant_name.clone(),
            amount: Amount {
                currency: total.currency,
                value,
            },
        },
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, WalletError> {
    let json = serde_json::to_string(value).map_err(|e| WalletError::Failed(e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|e| WalletError::from_js(&e))
}

/// The method data of one wallet, as the `PaymentRequest` constructor takes it.
pub fn method_data(
    method: WalletMethod,
    config: &WalletConfig,
) -> Result<js_sys::Array, WalletError> {
    let data = match method {
        WalletMethod::ApplePay => to_js(&apple_pay(config))?,
        WalletMethod::GooglePay => to_js(&google_pay(config))?,
    };
    Ok(js_sys::Array::of1(&data))
}

/// A request for one wallet and this total, ready before any click.
pub fn request(
    method: WalletMethod,
    config: &WalletConfig,
    total: Money,
) -> Result<PaymentRequest, WalletError> {
    let method_data = method_data(method, config)?;
    let details = to_js(&details(config, total)?)?;
    PaymentRequest::build(&method_data, &details)
}
