//! Enumerations stored as words in text columns (an order's status, its
//! payment method, a refusal reason, a carrier): the API's own snake_case
//! names, written and read through serde so that the two cannot drift.
//! Reading a word the shop does not know fails.

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::Row;
use sqlx::any::AnyRow;

/// The word stored for `value`.
pub fn word_of<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(word)) => word,
        // Only unit variants are stored as words.
        _ => String::new(),
    }
}

/// The value a stored word names.
pub fn parse_word<T: DeserializeOwned>(word: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(word.to_owned())).ok()
}

#[derive(Debug, thiserror::Error)]
#[error("unknown word {word:?} in column {column}")]
struct UnknownWord {
    column: String,
    word: String,
}

fn decoded<T: DeserializeOwned>(column: &str, stored: &str) -> Result<T, sqlx::Error> {
    parse_word(stored).ok_or_else(|| sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: Box::new(UnknownWord {
            column: column.to_owned(),
            word: stored.to_owned(),
        }),
    })
}

pub fn word<T: DeserializeOwned>(row: &AnyRow, column: &str) -> Result<T, sqlx::Error> {
    let stored: String = row.try_get(column)?;
    decoded(column, &stored)
}

pub fn optional_word<T: DeserializeOwned>(
    row: &AnyRow,
    column: &str,
) -> Result<Option<T>, sqlx::Error> {
    let stored: Option<String> = row.try_get(column)?;
    stored.map(|stored| decoded(column, &stored)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shop_api::order::{Carrier, OrderStatus, PaymentMethod};

    #[test]
    fn words_round_trip_and_unknown_words_fail() {
        assert_eq!(word_of(OrderStatus::PaymentExpired), "payment_expired");
        assert_eq!(word_of(PaymentMethod::ApplePay), "apple_pay");
        assert_eq!(word_of(Carrier::MondialRelay), "mondial_relay");
        assert_eq!(
            parse_word::<OrderStatus>("in_production"),
            Some(OrderStatus::InProduction)
        );
        assert_eq!(parse_word::<OrderStatus>("payable"), None);
        assert!(decoded::<OrderStatus>("status", "AWAITING").is_err());
    }
}
