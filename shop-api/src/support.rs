//! Support requests: what the help centre's contact form sends, the
//! reference the shopper is given back, and what the operator API lists and
//! answers. The limits here are checked by both sides: the storefront to
//! say so next to the field, the server because only its check counts.

use serde::{Deserialize, Serialize};

/// A message is at most this many characters (after trimming): three
/// thousand, so that any valid request, even all in 4-byte characters, fits
/// in the API's 16 KiB body limit.
pub const MESSAGE_MAX_CHARS: usize = 3000;
/// An operator's answer is at most this many characters (after trimming).
pub const ANSWER_MAX_CHARS: usize = 8000;
/// The optional order reference the shopper types: at most this many
/// characters. It is free text: a shopper may copy it from an e-mail.
pub const ORDER_REFERENCE_MAX_CHARS: usize = 64;
/// Requests accepted from one client address within an hour.
pub const REQUESTS_PER_HOUR: usize = 5;
/// The operator list's page size when `limit` is absent, and its ceiling.
pub const DEFAULT_PAGE: u32 = 50;
pub const MAX_PAGE: u32 = 200;

/// The characters of a reference: no 0/O, 1/I/L, so that a reference read
/// aloud on the phone or copied by hand cannot be misread.
pub const REFERENCE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// `AS-` then two groups of four characters of [`REFERENCE_ALPHABET`].
pub const REFERENCE_PREFIX: &str = "AS-";

/// What the request is about; the shop routes it by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportTopic {
    Order,
    Delivery,
    Payment,
    Account,
    Photos,
    Claim,
    Other,
}

impl SupportTopic {
    pub const ALL: [SupportTopic; 7] = [
        SupportTopic::Order,
        SupportTopic::Delivery,
        SupportTopic::Payment,
        SupportTopic::Account,
        SupportTopic::Photos,
        SupportTopic::Claim,
        SupportTopic::Other,
    ];

    /// The wire name, also stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            SupportTopic::Order => "order",
            SupportTopic::Delivery => "delivery",
            SupportTopic::Payment => "payment",
            SupportTopic::Account => "account",
            SupportTopic::Photos => "photos",
            SupportTopic::Claim => "claim",
            SupportTopic::Other => "other",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// `POST /api/v1/support`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSupportRequest {
    pub topic: SupportTopic,
    /// Empty or absent when the request is not about one order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_reference: Option<String>,
    pub message: String,
    /// Where the answer goes.
    pub email: String,
    /// The storefront's language: the acknowledgement and the answer are
    /// written in it (French when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::Language>,
}

/// The answer to `POST /api/v1/support` (201).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportReceipt {
    /// e.g. `AS-7KQ2-M9XD`.
    pub reference: String,
}

/// `POST /api/v1/operator/support/{reference}/answer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportAnswer {
    pub answer: String,
}

/// One stored request, as operators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportTicket {
    /// Increasing with time: the cursor of `?before=`.
    pub id: i64,
    pub reference: String,
    pub topic: SupportTopic,
    pub order_reference: Option<String>,
    pub message: String,
    pub email: String,
    /// Unix seconds.
    pub created_at: i64,
    pub answer: Option<String>,
    pub answered_at: Option<i64>,
}

/// `GET /api/v1/operator/support?limit=&before=`: newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportTickets {
    pub requests: Vec<SupportTicket>,
    /// Pass as `before` for the next (older) page; absent on the last page.
    pub next_before: Option<i64>,
}

/// Whether `reference` has the shape the server hands out (case-insensitive
/// so that a reference typed in lower case is still found).
pub fn is_reference(reference: &str) -> bool {
    let upper = reference.to_ascii_uppercase();
    let Some(rest) = upper.strip_prefix(REFERENCE_PREFIX) else {
        return false;
    };
    let bytes = rest.as_bytes();
    bytes.len() == 9
        && bytes[4] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || REFERENCE_ALPHABET.contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphabet_has_no_ambiguous_character() {
        for ambiguous in b"01OIL" {
            assert!(!REFERENCE_ALPHABET.contains(ambiguous));
        }
        assert_eq!(REFERENCE_ALPHABET.len(), 31);
    }

    #[test]
    fn references_are_recognised() {
        assert!(is_reference("AS-7KQ2-M9XD"));
        assert!(is_reference("as-7kq2-m9xd"));
        for bad in [
            "AS-7KQ2M9XD",
            "AS-7KQ2-M9X0",
            "XX-7KQ2-M9XD",
            "AS-7KQ2-M9XDA",
            "",
        ] {
            assert!(!is_reference(bad), "{bad}");
        }
    }

    #[test]
    fn topics_travel_by_name_and_unknown_ones_are_refused() {
        for topic in SupportTopic::ALL {
            let json = serde_json::to_string(&topic).unwrap();
            assert_eq!(json, format!("\"{}\"", topic.as_str()));
            assert_eq!(SupportTopic::parse(topic.as_str()), Some(topic));
        }
        assert!(serde_json::from_str::<SupportTopic>("\"teapot\"").is_err());
    }
}
