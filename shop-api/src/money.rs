//! Money: integer cents with a currency, never a float. Shown to shoppers
//! in French form ("1 234,56 €").

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "EUR")]
    Eur,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Money {
    /// Minor units (cents).
    pub cents: i64,
    pub currency: Currency,
}

/// French typography: a narrow no-break space between thousands, a
/// no-break space before the currency sign (as `Intl.NumberFormat("fr-FR")`).
const THOUSANDS: char = '\u{202f}';
const BEFORE_SIGN: char = '\u{a0}';

impl Money {
    pub const fn eur(cents: i64) -> Self {
        Self {
            cents,
            currency: Currency::Eur,
        }
    }

    /// `None` on overflow: a total that large is refused, not wrapped.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        (self.currency == other.currency).then_some(())?;
        Some(Money {
            cents: self.cents.checked_add(other.cents)?,
            currency: self.currency,
        })
    }

    pub fn checked_mul(self, factor: i64) -> Option<Money> {
        Some(Money {
            cents: self.cents.checked_mul(factor)?,
            currency: self.currency,
        })
    }

    /// "1 234,56 €", "-0,50 €".
    pub fn format_fr(&self) -> String {
        let sign = if self.cents < 0 { "-" } else { "" };
        let cents = self.cents.unsigned_abs();
        let units = (cents / 100).to_string();
        let mut grouped = String::new();
        for (i, digit) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push(THOUSANDS);
            }
            grouped.push(digit);
        }
        let symbol = match self.currency {
            Currency::Eur => "€",
        };
        format!("{sign}{grouped},{:02}{BEFORE_SIGN}{symbol}", cents % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_formatting() {
        let n = |s: &str| s.replace(' ', "\u{202f}").replace('|', "\u{a0}");
        assert_eq!(Money::eur(0).format_fr(), n("0,00|€"));
        assert_eq!(Money::eur(5).format_fr(), n("0,05|€"));
        assert_eq!(Money::eur(123_456).format_fr(), n("1 234,56|€"));
        assert_eq!(Money::eur(100_000_000).format_fr(), n("1 000 000,00|€"));
        assert_eq!(Money::eur(-50).format_fr(), n("-0,50|€"));
        assert_eq!(Money::eur(99_999).format_fr(), n("999,99|€"));
    }

    #[test]
    fn arithmetic_refuses_overflow() {
        assert_eq!(
            Money::eur(150).checked_add(Money::eur(50)),
            Some(Money::eur(200))
        );
        assert_eq!(Money::eur(i64::MAX).checked_add(Money::eur(1)), None);
        assert_eq!(Money::eur(i64::MAX).checked_mul(2), None);
        assert_eq!(Money::eur(19).checked_mul(3), Some(Money::eur(57)));
    }

    #[test]
    fn wire_form_is_cents_and_code() {
        let json = serde_json::to_string(&Money::eur(1299)).unwrap();
        assert_eq!(json, r#"{"cents":1299,"currency":"EUR"}"#);
    }
}
