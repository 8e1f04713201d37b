//! Payments without HTTP or SQL: their statuses and the rules that move a
//! payment from one to the next (API.md, "Payment statuses"). Every rule
//! says which webhook events the change emits.

mod new;
mod on_file;
mod view;

pub use new::{InvalidRequest, NewPayment};
pub use view::PaymentView;

use crate::cards::{Brand, CheckedCard, DeclineCode, MerchantInitiated, Outcome};
use crate::wallets::{self, CheckedWallet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    RequiresPaymentMethod,
    RequiresChallenge,
    Authorized,
    Declined,
    Captured,
    Cancelled,
    Expired,
    Refunded,
    PartiallyRefunded,
}

const STATUSES: [Status; 9] = [
    Status::RequiresPaymentMethod,
    Status::RequiresChallenge,
    Status::Authorized,
    Status::Declined,
    Status::Captured,
    Status::Cancelled,
    Status::Expired,
    Status::Refunded,
    Status::PartiallyRefunded,
];

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RequiresPaymentMethod => "requires_payment_method",
            Self::RequiresChallenge => "requires_challenge",
            Self::Authorized => "authorized",
            Self::Declined => "declined",
            Self::Captured => "captured",
            Self::Cancelled => "cancelled",
            Self::Expired => "expired",
            Self::Refunded => "refunded",
            Self::PartiallyRefunded => "partially_refunded",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        STATUSES.into_iter().find(|s| s.as_str() == value)
    }

    /// Whether the hosted page still takes a card.
    pub fn takes_card(self) -> bool {
        matches!(self, Self::RequiresPaymentMethod | Self::Declined)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureMode {
    Manual,
    Automatic,
}

impl CaptureMode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::Automatic => "automatic",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [Self::Manual, Self::Automatic]
            .into_iter()
            .find(|m| m.as_str() == value)
    }
}

/// Who starts a payment: the shopper on the hosted page, or the merchant
/// alone on a stored card (card on file, API.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Initiator {
    Shopper,
    Merchant,
}

impl Initiator {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Shopper => "shopper",
            Self::Merchant => "merchant",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [Self::Shopper, Self::Merchant]
            .into_iter()
            .find(|i| i.as_str() == value)
    }
}

/// What is kept of a card: never its number or security code. A wallet
/// gives no expiry, and may give no last four digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub brand: Brand,
    pub last4: Option<String>,
    pub expiry_month: Option<u32>,
    pub expiry_year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    Authorized,
    Declined,
    Captured,
    Cancelled,
    Expired,
    Refunded,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Authorized => "payment.authorized",
            Self::Declined => "payment.declined",
            Self::Captured => "payment.captured",
            Self::Cancelled => "payment.cancelled",
            Self::Expired => "payment.expired",
            Self::Refunded => "payment.refunded",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    #[error("the payment's status does not allow this")]
    InvalidState,
    #[error("the authorization has lapsed")]
    AuthorizationExpired,
    #[error("the amount is more than what remains")]
    AmountTooLarge,
    #[error("the amount must be a positive number of cents")]
    InvalidAmount,
}

/// The one-time code that passes the sandbox's 3-D Secure.
pub const CHALLENGE_CODE: &str = "123456";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub id: String,
    pub status: Status,
    pub amount: i64,
    pub currency: String,
    pub capture_mode: CaptureMode,
    pub merchant_reference: String,
    /// Who may frame the hosted page; `None` for a merchant-initiated
    /// payment, which has no page.
    pub allowed_origin: Option<String>,
    pub description: Option<String>,
    pub initiator: Initiator,
    /// The shopper agreed that the card authorizing this payment be kept.
    pub store_card: bool,
    /// The card stored by this payment, or the one a merchant-initiated
    /// payment was made on.
    pub stored_card_id: Option<String>,
    /// Kept from the card last submitted while it may still be stored
    /// (after a 3-D Secure challenge): the issuer's answer to later
    /// merchant-initiated use. Moved to the stored card once stored.
    pub card_merchant_initiated: Option<MerchantInitiated>,
    pub created_at: i64,
    /// The last change; stamped by the ledger when it saves one.
    pub updated_at: i64,
    pub authorized_at: Option<i64>,
    pub authorization_expires_at: Option<i64>,
    pub captured_amount: i64,
    pub refunded_amount: i64,
    pub card: Option<Card>,
    pub decline_code: Option<DeclineCode>,
    /// Set while a 3-D Secure challenge waits: whether it can pass.
    pub challenge_passes: Option<bool>,
}

type Events = Result<Vec<EventType>, PaymentError>;

impl Payment {
    /// A lapsed authorization becomes `expired`; applied before anything
    /// else looks at the payment.
    pub fn expire_if_lapsed(&mut self, now: i64) -> Vec<EventType> {
        let lapsed = self.status == Status::Authorized
            && self.authorization_expires_at.is_some_and(|at| now >= at);
        if lapsed {
            self.status = Status::Expired;
            vec![EventType::Expired]
        } else {
            Vec::new()
        }
    }

    /// A card that passed the checks: the issuer's outcome decides. A
    /// declined payment takes another card.
    pub fn submit_card(&mut self, card: &CheckedCard, now: i64, authorization_days: i64) -> Events {
        if !self.takes_card() {
            return Err(PaymentError::InvalidState);
        }
        self.card_merchant_initiated = self.store_card.then_some(card.merchant_initiated);
        self.card = Some(Card {
            brand: card.brand,
            last4: Some(card.last4.clone()),
            expiry_month: Some(card.expiry.month),
            expiry_year: Some(card.expiry.year),
        });
        self.status = Status::RequiresPaymentMethod;
        Ok(match card.outcome {
            Outcome::Approve => self.authorize(now, authorization_days),
            Outcome::Decline(code) => self.decline(code),
            Outcome::Challenge { passes } => {
                self.status = Status::RequiresChallenge;
                self.challenge_passes = Some(passes);
                Vec::new()
            }
        })
    }

    /// A wallet token (API.md, "Wallets"): only on an automatic-capture
    /// payment, since the token authorizes and captures at once. The card
    /// the wallet named replaces any earlier attempt's.
    pub fn pay_with_wallet(
        &mut self,
        wallet: &CheckedWallet,
        now: i64,
        authorization_days: i64,
    ) -> Events {
        if !self.takes_wallet() {
            return Err(PaymentError::InvalidState);
        }
        self.card = wallet.brand.map(|brand| Card {
            brand,
            last4: wallet.last4.clone(),
            expiry_month: None,
            expiry_year: None,
        });
        self.status = Status::RequiresPaymentMethod;
        Ok(match wallet.outcome {
            wallets::Outcome::Approve => self.authorize(now, authorization_days),
            wallets::Outcome::Decline(code) => self.decline(code),
        })
    }

    /// Whether the hosted page still takes a card: never for a
    /// merchant-initiated payment, which the shopper does not see.
    pub fn takes_card(&self) -> bool {
        self.initiator == Initiator::Shopper && self.status.takes_card()
    }

    /// Whether a wallet token may pay this payment now.
    pub fn takes_wallet(&self) -> bool {
        self.capture_mode == CaptureMode::Automatic && self.takes_card()
    }

    /// One try: a wrong code declines the payment (another card may follow).
    pub fn answer_challenge(&mut self, code: &str, now: i64, authorization_days: i64) -> Events {
        if self.status != Status::RequiresChallenge {
            return Err(PaymentError::InvalidState);
        }
        let passes = self.challenge_passes.take().unwrap_or(false);
        Ok(if passes && code.trim() == CHALLENGE_CODE {
            self.authorize(now, authorization_days)
        } else {
            self.decline(DeclineCode::AuthenticationFailed)
        })
    }

    pub fn capture(&mut self, amount: Option<i64>) -> Events {
        match self.status {
            Status::Authorized => {}
            Status::Expired => return Err(PaymentError::AuthorizationExpired),
            _ => return Err(PaymentError::InvalidState),
        }
        let amount = checked_amount(amount, self.amount)?;
        self.captured_amount = amount;
        self.status = Status::Captured;
        Ok(vec![EventType::Captured])
    }

    pub fn cancel(&mut self) -> Events {
        match self.status {
            Status::RequiresPaymentMethod
            | Status::RequiresChallenge
            | Status::Declined
            | Status::Authorized => {
                self.status = Status::Cancelled;
                self.challenge_passes = None;
                Ok(vec![EventType::Cancelled])
            }
            _ => Err(PaymentError::InvalidState),
        }
    }

    pub fn refund(&mut self, amount: Option<i64>) -> Events {
        if !matches!(self.status, Status::Captured | Status::PartiallyRefunded) {
            return Err(PaymentError::InvalidState);
        }
        let rest = self.captured_amount - self.refunded_amount;
        let amount = checked_amount(amount, rest)?;
        self.refunded_amount += amount;
        self.status = if self.refunded_amount == self.captured_amount {
            Status::Refunded
        } else {
            Status::PartiallyRefunded
        };
        Ok(vec![EventType::Refunded])
    }

    fn authorize(&mut self, now: i64, authorization_days: i64) -> Vec<EventType> {
        self.status = Status::Authorized;
        self.decline_code = None;
        self.authorized_at = Some(now);
        self.authorization_expires_at = Some(now + authorization_days * 86_400);
        if self.capture_mode == CaptureMode::Automatic {
            self.captured_amount = self.amount;
            self.status = Status::Captured;
            vec![EventType::Authorized, EventType::Captured]
        } else {
            vec![EventType::Authorized]
        }
    }

    fn decline(&mut self, code: DeclineCode) -> Vec<EventType> {
        self.status = Status::Declined;
        self.decline_code = Some(code);
        vec![EventType::Declined]
    }
}

/// `None` means all of `limit`.
fn checked_amount(amount: Option<i64>, limit: i64) -> Result<i64, PaymentError> {
    match amount {
        None => Ok(limit),
        Some(amount) if amount <= 0 => Err(PaymentError::InvalidAmount),
        Some(amount) if amount > limit => Err(PaymentError::AmountTooLarge),
        Some(amount) => Ok(amount),
    }
}

#[cfg(test)]
mod tests;
