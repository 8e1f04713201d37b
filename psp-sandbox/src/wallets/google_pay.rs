//! Google Pay: the `paymentMethodData` of the `PaymentResponse`'s
//! `details`, whose `tokenizationData.token` is a string holding JSON.

use super::{CheckedWallet, InvalidToken, answer_lost, brand_of, is_last4, outcome_of};
use serde_json::Value;

pub fn check(token: &Value) -> Result<CheckedWallet, InvalidToken> {
    let invalid = |message| Err(InvalidToken(message));
    let Some(data) = token.as_object() else {
        return invalid("a Google Pay token is the paymentMethodData object");
    };
    if data.get("type").and_then(Value::as_str) != Some("CARD") {
        return invalid("paymentMethodData.type must be CARD");
    }
    let Some(info) = data.get("info").and_then(Value::as_object) else {
        return invalid("paymentMethodData.info must be an object");
    };
    let Some(network) = info.get("cardNetwork").and_then(Value::as_str) else {
        return invalid("info.cardNetwork must be a string");
    };
    let last4 = match info.get("cardDetails") {
        None | Some(Value::Null) => None,
        Some(Value::String(details)) if is_last4(details) => Some(details.clone()),
        Some(_) => return invalid("info.cardDetails must be the card's last four digits"),
    };
    let Some(tokenization) = data.get("tokenizationData").and_then(Value::as_object) else {
        return invalid("paymentMethodData.tokenizationData must be an object");
    };
    if tokenization.get("type").and_then(Value::as_str) != Some("PAYMENT_GATEWAY") {
        return invalid("tokenizationData.type must be PAYMENT_GATEWAY");
    }
    // A gateway token is a JSON object serialized into a string.
    let payload = tokenization
        .get("token")
        .and_then(Value::as_str)
        .and_then(|token| serde_json::from_str::<Value>(token).ok())
        .filter(Value::is_object);
    let Some(payload) = payload else {
        return invalid("tokenizationData.token must be a string holding a JSON object");
    };
    Ok(CheckedWallet {
        brand: brand_of(network),
        last4,
        outcome: outcome_of(&payload),
        answer_lost: answer_lost(&payload),
    })
}
