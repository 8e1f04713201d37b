//! Apple Pay: the `token` of the `ApplePayPayment`. The last four digits
//! are those that end `paymentMethod.displayName` (`"Visa 4242"`).

use super::{CheckedWallet, InvalidToken, answer_lost, brand_of, outcome_of};
use serde_json::Value;

pub fn check(token: &Value) -> Result<CheckedWallet, InvalidToken> {
    let invalid = |message| Err(InvalidToken(message));
    let Some(token) = token.as_object() else {
        return invalid("an Apple Pay token is the ApplePayPayment's token object");
    };
    let Some(payment_data) = token.get("paymentData").filter(|data| data.is_object()) else {
        return invalid("token.paymentData must be an object");
    };
    let Some(method) = token.get("paymentMethod").and_then(Value::as_object) else {
        return invalid("token.paymentMethod must be an object");
    };
    let Some(network) = method.get("network").and_then(Value::as_str) else {
        return invalid("paymentMethod.network must be a string");
    };
    let last4 = match method.get("displayName") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => trailing_last4(name),
        Some(_) => return invalid("paymentMethod.displayName must be a string"),
    };
    if !matches!(
        method.get("type"),
        None | Some(Value::Null | Value::String(_))
    ) {
        return invalid("paymentMethod.type must be a string");
    }
    let identifies = token
        .get("transactionIdentifier")
        .and_then(Value::as_str)
        .is_some_and(|id| !id.is_empty());
    if !identifies {
        return invalid("token.transactionIdentifier must be a non-empty string");
    }
    Ok(CheckedWallet {
        brand: brand_of(network),
        last4,
        outcome: outcome_of(payment_data),
        answer_lost: answer_lost(payment_data),
    })
}

/// The last four of the digits that end `name`, if there are four.
fn trailing_last4(name: &str) -> Option<String> {
    let name = name.trim_end();
    let digits = name.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits < 4 {
        return None;
    }
    name.get(name.len() - 4..).map(str::to_owned)
}
