//! Order numbers as shoppers see them: `SP-7K3M-9Q2D`. Eight characters from
//! an alphabet without the ones people confuse (0/O, 1/I/L), so a number read
//! over the phone or copied from a parcel label is typed right. The server
//! draws them at random (they are not a count of orders) and keeps them
//! unique; the internal id never leaves the shopper's own pages.

use std::fmt;

/// 31 characters: digits 2–9 and capitals without I, L and O.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// Characters drawn per number (two groups of four).
pub const LENGTH: usize = 8;

const PREFIX: &str = "SP";

/// A well-formed order number in its canonical form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrderNumber(String);

impl OrderNumber {
    /// A number from random bytes, each used only when below the largest
    /// multiple of 31 (rejection sampling: every character equally likely).
    /// `None` when the bytes ran out before eight characters were drawn;
    /// the caller draws more.
    pub fn from_random_bytes(bytes: &[u8]) -> Option<OrderNumber> {
        let limit = (256 / ALPHABET.len() * ALPHABET.len()) as u8;
        let drawn: Vec<u8> = bytes
            .iter()
            .filter(|b| **b < limit)
            .take(LENGTH)
            .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()])
            .collect();
        (drawn.len() == LENGTH).then(|| OrderNumber::from_chars(&drawn))
    }

    fn from_chars(chars: &[u8]) -> OrderNumber {
        let text = String::from_utf8_lossy(chars);
        OrderNumber(format!("{PREFIX}-{}-{}", &text[..4], &text[4..]))
    }

    /// What a shopper typed, read generously: any case, spaces and dashes
    /// anywhere, with or without the `SP` prefix. `None` when it cannot be
    /// a number of ours.
    pub fn parse(typed: &str) -> Option<OrderNumber> {
        let compact: Vec<u8> = typed
            .bytes()
            .filter(|b| !matches!(b, b' ' | b'-' | b'\t'))
            .map(|b| b.to_ascii_uppercase())
            .collect();
        let body = match compact.strip_prefix(PREFIX.as_bytes()) {
            Some(body) if body.len() == LENGTH => body,
            _ => compact.as_slice(),
        };
        (body.len() == LENGTH && body.iter().all(|b| ALPHABET.contains(b)))
            .then(|| OrderNumber::from_chars(body))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrderNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphabet_has_no_ambiguous_character() {
        for ambiguous in b"01OIL" {
            assert!(!ALPHABET.contains(ambiguous));
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), 31);
    }

    #[test]
    fn numbers_are_sp_and_two_groups_of_four() {
        let bytes: Vec<u8> = (0..=255).collect();
        let number = OrderNumber::from_random_bytes(&bytes).unwrap();
        assert_eq!(number.as_str(), "SP-2345-6789");
        let text = number.as_str();
        assert_eq!(text.len(), 12);
        assert!(text.starts_with("SP-"));
        assert_eq!(&text[7..8], "-");
    }

    #[test]
    fn bytes_above_the_last_multiple_of_31_are_skipped() {
        // 248..=255 would favour the first eight characters: never used.
        let mut bytes = vec![248, 249, 255];
        bytes.extend([30u8; 8]);
        assert_eq!(
            OrderNumber::from_random_bytes(&bytes).unwrap().as_str(),
            "SP-ZZZZ-ZZZZ"
        );
        assert_eq!(OrderNumber::from_random_bytes(&[250; 64]), None);
        assert_eq!(OrderNumber::from_random_bytes(&[1; 7]), None);
    }

    #[test]
    fn typed_numbers_are_read_generously() {
        let canonical = Some(OrderNumber("SP-7K3M-9Q2D".into()));
        for typed in [
            "SP-7K3M-9Q2D",
            "sp-7k3m-9q2d",
            " SP 7K3M 9Q2D ",
            "7K3M-9Q2D",
            "7k3m9q2d",
            "SP7K3M9Q2D",
        ] {
            assert_eq!(OrderNumber::parse(typed), canonical, "{typed}");
        }
        for wrong in [
            "",
            "SP-7K3M-9Q2",
            "SP-7K3M-9Q2D4",
            "SP-0K3M-9Q2D",
            "SP-7K3M-9Q2É",
        ] {
            assert_eq!(OrderNumber::parse(wrong), None, "{wrong}");
        }
    }
}
