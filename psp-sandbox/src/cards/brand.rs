//! Which brands a number belongs to, from its prefix and length, and how
//! long its security code is.

use super::CardNumber;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Brand {
    Visa,
    Mastercard,
    Maestro,
    Amex,
    CartesBancaires,
}

impl Brand {
    /// The name on the wire (API and page).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Visa => "visa",
            Self::Mastercard => "mastercard",
            Self::Maestro => "maestro",
            Self::Amex => "amex",
            Self::CartesBancaires => "cartes_bancaires",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [
            Self::Visa,
            Self::Mastercard,
            Self::Maestro,
            Self::Amex,
            Self::CartesBancaires,
        ]
        .into_iter()
        .find(|brand| brand.as_str() == value)
    }
}

/// The sandbox's own Cartes Bancaires BIN prefixes: those of its co-badged
/// test cards. Real CB detection needs the CB BIN table, which a PSP gets
/// from the scheme; a number outside this list is never co-badged here.
/// Keep in step with `static/pay.js`.
pub const CB_PREFIXES: [&str; 2] = ["497010", "513285"];

/// The card's brands, Cartes Bancaires first when co-badged; `None` when no
/// accepted brand has this prefix at this length.
pub fn brands_of(number: &CardNumber) -> Option<Vec<Brand>> {
    let network = network_of(number)?;
    let mut brands = Vec::with_capacity(2);
    if CB_PREFIXES.iter().any(|prefix| number.starts_with(prefix)) {
        brands.push(Brand::CartesBancaires);
    }
    brands.push(network);
    Some(brands)
}

fn network_of(number: &CardNumber) -> Option<Brand> {
    let len = number.digit_count();
    let two = number.prefix(2);
    let four = number.prefix(4);
    if number.starts_with("4") {
        return matches!(len, 13 | 16 | 19).then_some(Brand::Visa);
    }
    if (51..=55).contains(&two) || (2221..=2720).contains(&four) {
        return (len == 16).then_some(Brand::Mastercard);
    }
    if two == 34 || two == 37 {
        return (len == 15).then_some(Brand::Amex);
    }
    if is_maestro_prefix(number) {
        return (12..=19).contains(&len).then_some(Brand::Maestro);
    }
    None
}

/// Maestro: 50, 56–58 and the 6 series, except the ranges other networks
/// hold there (Discover 6011, 644–649 and 65; UnionPay 62), which the
/// sandbox does not accept.
fn is_maestro_prefix(number: &CardNumber) -> bool {
    let two = number.prefix(2);
    let three = number.prefix(3);
    let four = number.prefix(4);
    let others = four == 6011 || two == 62 || two == 65 || (644..=649).contains(&three);
    two == 50 || (56..=58).contains(&two) || (number.starts_with("6") && !others)
}

/// 4 digits for American Express, 3 for every other brand — a co-badged
/// card's code is the network's.
pub fn security_code_length(brands: &[Brand]) -> usize {
    if brands.contains(&Brand::Amex) { 4 } else { 3 }
}
