//! Card rules without HTTP or SQL: what the hosted page's checks are
//! re-done with on the server (never trust the page), and which outcome the
//! sandbox gives each test card. Only brand, last four digits and expiry
//! leave this module; the number and security code are dropped here.

mod brand;
mod expiry;
mod number;
mod test_cards;

pub use brand::Brand;
pub use expiry::{Expiry, YearMonth};
pub use number::CardNumber;
pub use test_cards::{MerchantInitiated, Outcome};

/// Why an issuer (here: the test-card table or 3-D Secure) refused a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclineCode {
    CardDeclined,
    InsufficientFunds,
    ExpiredCard,
    AuthenticationFailed,
    InvalidCard,
}

impl DeclineCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CardDeclined => "card_declined",
            Self::InsufficientFunds => "insufficient_funds",
            Self::ExpiredCard => "expired_card",
            Self::AuthenticationFailed => "authentication_failed",
            Self::InvalidCard => "invalid_card",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [
            Self::CardDeclined,
            Self::InsufficientFunds,
            Self::ExpiredCard,
            Self::AuthenticationFailed,
            Self::InvalidCard,
        ]
        .into_iter()
        .find(|code| code.as_str() == value)
    }
}

/// What the shopper typed, as the page sends it.
#[derive(Debug, Clone, Copy)]
pub struct Submission<'a> {
    pub number: &'a str,
    /// `MM/AA`.
    pub expiry: &'a str,
    pub security_code: &'a str,
    pub holder: &'a str,
    /// The shopper's choice for a co-badged card.
    pub brand: Option<&'a str>,
}

/// A card that passed every check: what may be kept about it, and what the
/// sandbox's issuer decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCard {
    pub brand: Brand,
    pub last4: String,
    pub expiry: Expiry,
    pub outcome: Outcome,
    /// What the issuer answers if the card is stored and charged later
    /// without the shopper.
    pub merchant_initiated: MerchantInitiated,
}

/// A refusal before any issuer is asked, tied to the field at fault so that
/// the page can show it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    #[error("the card number is not valid")]
    InvalidNumber,
    #[error("the card's brand is not accepted or its length is wrong")]
    UnknownBrand,
    #[error("the expiry date must read MM/AA with a month from 01 to 12")]
    InvalidExpiry,
    #[error("the card has expired")]
    ExpiredCard,
    #[error("the security code must have {0} digits")]
    InvalidSecurityCode(usize),
    #[error("the cardholder's name is required (at most 100 characters)")]
    InvalidHolder,
    #[error("this card has two brands: choose one")]
    BrandChoiceRequired,
    #[error("the chosen brand is not one of this card's brands")]
    BrandNotOnCard,
}

impl CardError {
    /// The page's field this refusal belongs to.
    pub fn field(self) -> &'static str {
        match self {
            Self::InvalidNumber | Self::UnknownBrand => "number",
            Self::InvalidExpiry | Self::ExpiredCard => "expiry",
            Self::InvalidSecurityCode(_) => "security_code",
            Self::InvalidHolder => "holder",
            Self::BrandChoiceRequired | Self::BrandNotOnCard => "brand",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::InvalidNumber => "invalid_number",
            Self::UnknownBrand => "unknown_brand",
            Self::InvalidExpiry => "invalid_expiry",
            Self::ExpiredCard => "expired_card",
            Self::InvalidSecurityCode(_) => "invalid_security_code",
            Self::InvalidHolder => "invalid_holder",
            Self::BrandChoiceRequired => "brand_choice_required",
            Self::BrandNotOnCard => "brand_not_on_card",
        }
    }
}

pub const HOLDER_MAX_CHARS: usize = 100;

/// Checks a submission as of `today` (the sandbox clock's month).
pub fn check(submission: Submission<'_>, today: YearMonth) -> Result<CheckedCard, CardError> {
    let number = CardNumber::parse(submission.number)?;
    let brands = brand::brands_of(&number).ok_or(CardError::UnknownBrand)?;
    let expiry = Expiry::parse(submission.expiry)?;
    if expiry.is_past(today) {
        return Err(CardError::ExpiredCard);
    }
    let brand = choose(&brands, submission.brand)?;
    let code_length = brand::security_code_length(&brands);
    let code = submission.security_code.trim();
    if code.len() != code_length || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CardError::InvalidSecurityCode(code_length));
    }
    let holder = submission.holder.trim();
    if holder.is_empty() || holder.chars().count() > HOLDER_MAX_CHARS {
        return Err(CardError::InvalidHolder);
    }
    Ok(CheckedCard {
        brand,
        last4: number.last4().to_owned(),
        expiry,
        outcome: test_cards::outcome(&number),
        merchant_initiated: test_cards::merchant_initiated(&number),
    })
}

fn choose(brands: &[Brand], chosen: Option<&str>) -> Result<Brand, CardError> {
    match (brands, chosen) {
        ([only], None) => Ok(*only),
        (_, None) => Err(CardError::BrandChoiceRequired),
        (_, Some(name)) => brands
            .iter()
            .copied()
            .find(|brand| brand.as_str() == name)
            .ok_or(CardError::BrandNotOnCard),
    }
}

#[cfg(test)]
mod tests;
