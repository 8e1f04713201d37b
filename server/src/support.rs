//! Support requests without HTTP or SQL: what a request from the contact
//! form must satisfy to be stored (topic from the contract's enum, lengths,
//! an e-mail address in the accounts' canonical form), the reference handed
//! back to the shopper, the per-address hourly allowance, and an operator's
//! answer.

use crate::accounts::email::Email;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use shop_api::support::{
    ANSWER_MAX_CHARS, MESSAGE_MAX_CHARS, NewSupportRequest, ORDER_REFERENCE_MAX_CHARS,
    REFERENCE_ALPHABET, REFERENCE_PREFIX, REQUESTS_PER_HOUR, SupportTopic,
};

/// The allowance's window.
pub const WINDOW_SECONDS: i64 = 3600;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SupportError {
    #[error("the message is empty")]
    EmptyMessage,
    #[error("the message is longer than {MESSAGE_MAX_CHARS} characters")]
    MessageTooLong,
    #[error("the order reference is too long or has control characters")]
    InvalidOrderReference,
    #[error("invalid e-mail address")]
    InvalidEmail,
    #[error("the answer is empty or longer than {ANSWER_MAX_CHARS} characters")]
    InvalidAnswer,
}

/// A request fit to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRequest {
    pub topic: SupportTopic,
    pub order_reference: Option<String>,
    pub message: String,
    pub email: Email,
    pub language: shop_api::Language,
}

/// Trims what the shopper typed and checks it. Line breaks and tabs are
/// kept in the message (it is a letter); other control characters are
/// dropped rather than refused, since they are invisible to the shopper.
pub fn check(request: NewSupportRequest) -> Result<CheckedRequest, SupportError> {
    let message: String = request
        .message
        .trim()
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    if message.is_empty() {
        return Err(SupportError::EmptyMessage);
    }
    if message.chars().count() > MESSAGE_MAX_CHARS {
        return Err(SupportError::MessageTooLong);
    }
    let order_reference = match request.order_reference.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(reference) => {
            if reference.chars().count() > ORDER_REFERENCE_MAX_CHARS
                || reference.chars().any(char::is_control)
            {
                return Err(SupportError::InvalidOrderReference);
            }
            Some(reference.to_owned())
        }
    };
    let email = Email::parse(&request.email).ok_or(SupportError::InvalidEmail)?;
    Ok(CheckedRequest {
        topic: request.topic,
        order_reference,
        message,
        email,
        language: request.language.unwrap_or_default(),
    })
}

/// An operator's answer, trimmed.
pub fn check_answer(answer: &str) -> Result<String, SupportError> {
    let answer = answer.trim();
    if answer.is_empty() || answer.chars().count() > ANSWER_MAX_CHARS {
        return Err(SupportError::InvalidAnswer);
    }
    Ok(answer.to_owned())
}

/// A new random reference: `AS-` and two groups of four characters, about
/// 40 bits; the database's unique constraint catches the rare collision.
pub fn new_reference() -> String {
    let mut bytes = [0u8; 8];
    OsRng.fill_bytes(&mut bytes);
    reference_from(bytes)
}

fn reference_from(bytes: [u8; 8]) -> String {
    // 256 is not a multiple of 31: the slight bias towards the first
    // characters does not matter for a reference that is not a secret.
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| char::from(REFERENCE_ALPHABET[usize::from(*b) % REFERENCE_ALPHABET.len()]))
        .collect();
    let (first, second) = chars.split_at(4);
    format!(
        "{REFERENCE_PREFIX}{}-{}",
        first.iter().collect::<String>(),
        second.iter().collect::<String>()
    )
}

/// Whether one more request is allowed from an address that sent
/// `sent_in_window` requests in the last hour, the oldest at
/// `oldest_in_window`. `Err` holds the seconds to wait.
pub fn allowance(
    sent_in_window: usize,
    oldest_in_window: Option<i64>,
    now: i64,
) -> Result<(), u64> {
    if sent_in_window < REQUESTS_PER_HOUR {
        return Ok(());
    }
    let frees_at = oldest_in_window.unwrap_or(now) + WINDOW_SECONDS;
    Err(u64::try_from(frees_at - now).unwrap_or(0).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use shop_api::support::is_reference;

    fn request(message: &str, email: &str, order: Option<&str>) -> NewSupportRequest {
        NewSupportRequest {
            topic: SupportTopic::Claim,
            order_reference: order.map(str::to_owned),
            message: message.to_owned(),
            email: email.to_owned(),
            language: None,
        }
    }

    #[test]
    fn a_request_is_trimmed_and_its_email_canonical() {
        let checked = check(request(
            "  Colis abîmé\u{7}\n merci  ",
            " Marie@Exemple.FR ",
            Some("  "),
        ))
        .unwrap();
        assert_eq!(checked.message, "Colis abîmé\n merci");
        assert_eq!(checked.email.as_str(), "marie@exemple.fr");
        assert_eq!(checked.order_reference, None);
    }

    #[test]
    fn bad_requests_are_refused_with_their_reason() {
        let long = "é".repeat(MESSAGE_MAX_CHARS + 1);
        let cases = [
            (request(" \n ", "a@b.fr", None), SupportError::EmptyMessage),
            (request(&long, "a@b.fr", None), SupportError::MessageTooLong),
            (
                request("x", "pas-une-adresse", None),
                SupportError::InvalidEmail,
            ),
            (
                request("x", "a@b.fr", Some(&"7".repeat(65))),
                SupportError::InvalidOrderReference,
            ),
        ];
        for (request, error) in cases {
            assert_eq!(check(request), Err(error));
        }
        let longest = "é".repeat(MESSAGE_MAX_CHARS);
        assert!(check(request(&longest, "a@b.fr", None)).is_ok());
    }

    #[test]
    fn references_use_the_unambiguous_alphabet() {
        assert_eq!(reference_from([0; 8]), "AS-2222-2222");
        assert_eq!(reference_from([30, 31, 255, 0, 1, 2, 3, 4]), "AS-Z292-3456");
        for _ in 0..100 {
            assert!(is_reference(&new_reference()));
        }
    }

    #[test]
    fn the_allowance_refuses_beyond_the_hourly_count_until_the_oldest_ages_out() {
        assert_eq!(allowance(REQUESTS_PER_HOUR - 1, Some(1000), 1000), Ok(()));
        assert_eq!(allowance(REQUESTS_PER_HOUR, Some(1000), 1600), Err(3000));
        assert_eq!(allowance(REQUESTS_PER_HOUR, Some(1000), 4599), Err(1));
    }

    #[test]
    fn answers_are_trimmed_and_bounded() {
        assert_eq!(check_answer("  Bonjour  ").unwrap(), "Bonjour");
        assert_eq!(check_answer("   "), Err(SupportError::InvalidAnswer));
        let long = "a".repeat(ANSWER_MAX_CHARS + 1);
        assert_eq!(check_answer(&long), Err(SupportError::InvalidAnswer));
    }
}
