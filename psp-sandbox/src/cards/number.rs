//! A card number reduced to its digits and checked with Luhn.

use super::CardError;

/// Spaces and dashes are how people copy numbers; anything else is a typo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardNumber(String);

impl CardNumber {
    pub fn parse(input: &str) -> Result<Self, CardError> {
        let mut digits = String::with_capacity(19);
        for c in input.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' => {}
                _ => return Err(CardError::InvalidNumber),
            }
        }
        if !(12..=19).contains(&digits.len()) || !luhn_valid(&digits) {
            return Err(CardError::InvalidNumber);
        }
        Ok(Self(digits))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        self.0.starts_with(prefix)
    }

    /// The first `n` digits as a number, for range checks on prefixes.
    pub fn prefix(&self, n: usize) -> u32 {
        self.0
            .bytes()
            .take(n)
            .fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
    }

    /// Never 0: a parsed number has 12 to 19 digits.
    pub fn digit_count(&self) -> usize {
        self.0.len()
    }

    pub fn last4(&self) -> &str {
        &self.0[self.0.len() - 4..]
    }
}

/// Expects ASCII digits only.
pub fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}
