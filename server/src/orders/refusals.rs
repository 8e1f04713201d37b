//! The PSP's refusal reasons in the shop's words (what the order keeps and
//! the storefront explains).

use super::*;

pub(super) fn decline_of(reason: DeclineReason) -> PaymentDecline {
    match reason {
        DeclineReason::Declined => PaymentDecline::Declined,
        DeclineReason::InsufficientFunds => PaymentDecline::InsufficientFunds,
        DeclineReason::ExpiredCard => PaymentDecline::ExpiredCard,
        DeclineReason::AuthenticationFailed => PaymentDecline::AuthenticationFailed,
        DeclineReason::InvalidCard => PaymentDecline::InvalidCard,
        DeclineReason::Other => PaymentDecline::Other,
    }
}
