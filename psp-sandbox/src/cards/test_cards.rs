//! The sandbox's issuer: the test-card table of API.md. Any other valid
//! number is declined as `invalid_card`, as a test-mode PSP does with real
//! cards.

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

const TABLE: [(&str, Outcome); 12] = [
    ("4970100000000006", Outcome::Approve),
    ("5132850000000008", Outcome::Approve),
    ("4242424242424242", Outcome::Approve),
    ("5555555555554444", Outcome::Approve),
    ("2223003122003222", Outcome::Approve),
    ("6759649826438453", Outcome::Approve),
    ("378282246310005", Outcome::Approve),
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

pub fn outcome(number: &CardNumber) -> Outcome {
    TABLE
        .iter()
        .find(|(digits, _)| *digits == number.digits())
        .map_or(
            Outcome::Decline(DeclineCode::InvalidCard),
            |(_, outcome)| *outcome,
        )
}

#[cfg(test)]
mod tests {
    use super::super::brand::brands_of;
    use super::{CardNumber, TABLE};

    #[test]
    fn every_test_card_is_a_valid_number_of_an_accepted_brand() {
        for (digits, _) in TABLE {
            let number = CardNumber::parse(digits).unwrap();
            assert!(brands_of(&number).is_some(), "{digits}");
        }
    }
}
