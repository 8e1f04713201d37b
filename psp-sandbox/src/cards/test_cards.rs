//! The sandbox's issuer: the test-card table of API.md. Any other valid
//! number is declined as `invalid_card`, as a test-mode PSP does with real
//! cards. Each card also says what the issuer answers when the merchant
//! charges it later without the shopper (a stored card, API.md "Stored
//! cards and merchant-initiated payments").

use super::{CardNumber, DeclineCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Approve,
    Decline(DeclineCode),
    /// 3-D Secure: `passes` is whether the right one-time code can succeed.
    Challenge {
        passes: bool,
    },
}

/// The issuer's answer to a merchant-initiated authorization. There is no
/// challenge: the shopper is absent, and the first payment's
/// authentication covers later ones (as the card networks' MIT rules say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MerchantInitiated {
    Approve,
    Decline(DeclineCode),
}

impl MerchantInitiated {
    /// How a stored card keeps it: `approve`, or the decline code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Decline(code) => code.as_str(),
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "approve" => Some(Self::Approve),
            code => DeclineCode::parse(code).map(Self::Decline),
        }
    }
}

const TABLE: [(&str, Outcome); 14] = [
    ("4970100000000006", Outcome::Approve),
    ("5132850000000008", Outcome::Approve),
    ("4242424242424242", Outcome::Approve),
    ("5555555555554444", Outcome::Approve),
    ("2223003122003222", Outcome::Approve),
    ("6759649826438453", Outcome::Approve),
    ("378282246310005", Outcome::Approve),
    // Authorize with the shopper; refused once stored (see below).
    ("4000000000000341", Outcome::Approve),
    ("4000000000009979", Outcome::Approve),
    (
        "4000000000000002",
        Outcome::Decline(DeclineCode::CardDeclined),
    ),
    (
        "4000000000009995",
        Outcome::Decline(DeclineCode::InsufficientFunds),
    ),
    (
        "4000000000000069",
        Outcome::Decline(DeclineCode::ExpiredCard),
    ),
    ("4000000000003220", Outcome::Challenge { passes: true }),
    ("4000008400001629", Outcome::Challenge { passes: false }),
];

/// The cards whose merchant-initiated authorizations are refused; every
/// other card that can be stored (it authorized) authorizes them too.
const MERCHANT_INITIATED_DECLINES: [(&str, DeclineCode); 2] = [
    ("4000000000000341", DeclineCode::CardDeclined),
    ("4000000000009979", DeclineCode::InsufficientFunds),
];

pub fn outcome(number: &CardNumber) -> Outcome {
    TABLE
        .iter()
        .find(|(digits, _)| *digits == number.digits())
        .map_or(
            Outcome::Decline(DeclineCode::InvalidCard),
            |(_, outcome)| *outcome,
        )
}

pub fn merchant_initiated(number: &CardNumber) -> MerchantInitiated {
    MERCHANT_INITIATED_DECLINES
        .iter()
        .find(|(digits, _)| *digits == number.digits())
        .map_or(MerchantInitiated::Approve, |(_, code)| {
            MerchantInitiated::Decline(*code)
        })
}

#[cfg(test)]
mod tests {
    use super::super::brand::brands_of;
    use super::{
        CardNumber, DeclineCode, MERCHANT_INITIATED_DECLINES, MerchantInitiated, Outcome, TABLE,
    };

    #[test]
    fn every_test_card_is_a_valid_number_of_an_accepted_brand() {
        for (digits, _) in TABLE {
            let number = CardNumber::parse(digits).unwrap();
            assert!(brands_of(&number).is_some(), "{digits}");
        }
    }

    #[test]
    fn cards_refused_on_file_are_test_cards_that_authorize_with_the_shopper() {
        for (digits, _) in MERCHANT_INITIATED_DECLINES {
            let number = CardNumber::parse(digits).unwrap();
            assert_eq!(super::outcome(&number), Outcome::Approve, "{digits}");
        }
        let ordinary = CardNumber::parse("4242424242424242").unwrap();
        assert_eq!(
            super::merchant_initiated(&ordinary),
            MerchantInitiated::Approve
        );
    }

    #[test]
    fn the_merchant_initiated_answer_is_kept_as_text_and_read_back() {
        for answer in [
            MerchantInitiated::Approve,
            MerchantInitiated::Decline(DeclineCode::CardDeclined),
            MerchantInitiated::Decline(DeclineCode::InsufficientFunds),
        ] {
            assert_eq!(MerchantInitiated::parse(answer.as_str()), Some(answer));
        }
        assert_eq!(MerchantInitiated::parse("maybe"), None);
    }
}
