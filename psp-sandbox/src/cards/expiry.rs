//! A card's expiry month: valid through the last day of that month.

use super::CardError;

/// A calendar month, ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expiry {
    pub month: u32,
    /// Four digits: `AA` is read as 20AA.
    pub year: i32,
}

impl Expiry {
    /// `MM/AA`, with spaces tolerated around the slash; the slash itself may
    /// be missing (`MMAA`) as some keyboards skip it.
    pub fn parse(input: &str) -> Result<Self, CardError> {
        let compact: String = input.chars().filter(|c| *c != ' ').collect();
        let (month, year) = match compact.split_once('/') {
            Some((month, year)) => (month, year),
            // `MMAA`: split by bytes only where that is a character's
            // edge (a multi-byte character there is no expiry, not a panic).
            None if compact.len() == 4 => compact
                .split_at_checked(2)
                .ok_or(CardError::InvalidExpiry)?,
            None => return Err(CardError::InvalidExpiry),
        };
        let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !two_digits(month) || !two_digits(year) {
            return Err(CardError::InvalidExpiry);
        }
        let month: u32 = month.parse().map_err(|_| CardError::InvalidExpiry)?;
        let year: i32 = year.parse().map_err(|_| CardError::InvalidExpiry)?;
        if !(1..=12).contains(&month) {
            return Err(CardError::InvalidExpiry);
        }
        Ok(Self {
            month,
            year: 2000 + year,
        })
    }

    pub fn is_past(self, today: YearMonth) -> bool {
        YearMonth {
            year: self.year,
            month: self.month,
        } < today
    }
}
