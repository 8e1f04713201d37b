//! Wallet tokens without HTTP or SQL (API.md, "Wallets"): the shape each
//! wallet's token must have, the card it names (network and last four
//! digits, nothing more) and the sandbox issuer's outcome. The token itself
//! goes no further than `check`: it stands for a card, so it is never
//! stored or logged.

mod apple_pay;
mod google_pay;
pub mod merchant_session;

use crate::cards::{Brand, DeclineCode};
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    ApplePay,
    GooglePay,
}

/// What the sandbox's issuer decides for a wallet token: there is no 3-D
/// Secure step, the wallet authenticated the shopper already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Approve,
    Decline(DeclineCode),
}

/// A token of the right shape: what may be kept about its card, and the
/// outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedWallet {
    /// `None` for a network the sandbox does not know.
    pub brand: Option<Brand>,
    pub last4: Option<String>,
    pub outcome: Outcome,
    /// The test token `approve_then_timeout`: the payment is captured, then
    /// the answer is lost (a `504`), as when a PSP times out after acting.
    pub answer_lost: bool,
}

/// A token without its method's shape; the message says what is missing
/// (never what the token holds).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidToken(pub &'static str);

pub fn check(method: Method, token: &Value) -> Result<CheckedWallet, InvalidToken> {
    match method {
        Method::ApplePay => apple_pay::check(token),
        Method::GooglePay => google_pay::check(token),
    }
}

/// The brand of a wallet's network name: Google spells them `VISA`,
/// `CARTES_BANCAIRES`, Apple `Visa`, `CartesBancaires`, `MasterCard`.
fn brand_of(network: &str) -> Option<Brand> {
    let name: String = network
        .chars()
        .filter(|c| !matches!(c, '_' | ' ' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    match name.as_str() {
        "visa" => Some(Brand::Visa),
        "mastercard" => Some(Brand::Mastercard),
        "amex" | "americanexpress" => Some(Brand::Amex),
        "cartesbancaires" => Some(Brand::CartesBancaires),
        "maestro" => Some(Brand::Maestro),
        _ => None,
    }
}

/// The test outcome of a token's payload: its `sandbox` field; any other
/// payload is a real-looking token the sandbox cannot charge.
fn outcome_of(payload: &Value) -> Outcome {
    match payload.get("sandbox").and_then(Value::as_str) {
        Some("approve" | "approve_then_timeout") => Outcome::Approve,
        Some("insufficient_funds") => Outcome::Decline(DeclineCode::InsufficientFunds),
        _ => Outcome::Decline(DeclineCode::CardDeclined),
    }
}

fn answer_lost(payload: &Value) -> bool {
    payload.get("sandbox").and_then(Value::as_str) == Some("approve_then_timeout")
}

fn is_last4(value: &str) -> bool {
    value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests;
