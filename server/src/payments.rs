//! Card payments as the shop sees them, whatever the provider: the
//! [`PaymentProvider`] trait is the only way the rest of the server talks
//! to a PSP. `sandbox.rs` implements it for the PSP sandbox (the only file
//! that knows its wire format); `webhook.rs` checks and reads the events a
//! PSP sends. Swapping in a real PSP is another implementation of the trait.

pub mod sandbox;
pub mod webhook;

use std::future::Future;
use std::pin::Pin;

/// How the money moves once the card is authorized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureMode {
    /// Cards: authorize at order time, capture at shipment.
    Manual,
    /// Wallets: capture right after authorization.
    Automatic,
}

/// The wallets the PSP takes tokens from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wallet {
    ApplePay,
    GooglePay,
}

/// A payment's state at the provider, in the shop's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentStatus {
    AwaitingShopper,
    Authorized,
    Declined,
    Captured,
    Cancelled,
    Expired,
    /// Refunded in full.
    Refunded,
    /// Part of the captured amount given back: the order stands.
    PartiallyRefunded,
}

/// Why a card was refused, for the shopper's message (never shown raw).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclineReason {
    Declined,
    InsufficientFunds,
    ExpiredCard,
    AuthenticationFailed,
    InvalidCard,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub id: String,
    pub status: PaymentStatus,
    pub amount_cents: i64,
    /// Given back so far.
    pub refunded_cents: i64,
    /// ISO 4217, as the provider states it.
    pub currency: String,
    /// The shop's reference for the payment (the order's id), as the
    /// provider states it.
    pub merchant_reference: Option<String>,
    /// Where the shopper enters their card (framed by the storefront).
    pub hosted_page_url: Option<String>,
    /// Unix seconds; set once authorized.
    pub authorization_expires_at: Option<i64>,
    /// Unix seconds of the (latest) authorization, in the provider's time.
    pub authorized_at: Option<i64>,
    pub decline: Option<DeclineReason>,
    /// Unix seconds of the provider's last change, to order events.
    pub updated_at: i64,
    /// The card this payment stored at the provider (asked with
    /// [`NewCardPayment::store_card`], set once authorized), or the stored
    /// card a merchant-initiated payment was made on.
    pub stored_card_id: Option<String>,
    /// The card that paid or was refused, once known (never its number).
    pub card: Option<CardSummary>,
    /// Taken so far (zero until captured).
    pub captured_cents: i64,
}

/// What the shop may know and show of a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardSummary {
    /// `visa`, `mastercard`, `maestro`, `amex` or `cartes_bancaires`.
    pub brand: String,
    /// `None` when a wallet did not give the digits.
    pub last4: Option<String>,
}

/// A webhook event, read by the provider that sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentEvent {
    /// Unique per event: a redelivered event has the same id.
    pub id: String,
    pub payment: Payment,
}

pub struct NewCardPayment<'a> {
    pub amount_cents: i64,
    pub merchant_reference: &'a str,
    /// The shop's origin: the only one allowed to frame the hosted page.
    pub allowed_origin: &'a str,
    pub description: &'a str,
    pub capture_mode: CaptureMode,
    /// The shopper agreed that the provider keep the card for this order's
    /// payment (re-authorizations before the first lapses). `Manual` only.
    pub store_card: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// No answer (network, timeout): the call may or may not have happened;
    /// retrying with the same idempotency key is safe.
    #[error("the payment provider did not answer: {0}")]
    Unreachable(String),
    /// The authorization lapsed before capture.
    #[error("the authorization has expired")]
    AuthorizationExpired,
    /// The payment is not in a state that allows this.
    #[error("the payment is not in a state that allows this")]
    InvalidState,
    #[error("no such payment at the provider")]
    NotFound,
    /// The provider judged a request's content wrong (e.g. a wallet token
    /// or validation URL).
    #[error("the payment provider refused the request's content: {0}")]
    Invalid(String),
    /// Anything else the provider refused or answered unreadably.
    #[error("the payment provider refused: {0}")]
    Refused(String),
}

pub type ProviderFuture<'a, T> =
    Pin<Box<dyn Future<Output = Result<T, ProviderError>> + Send + 'a>>;

/// What the shop needs from a card PSP. Every creating call takes an
/// idempotency key so that a retried request never makes a second payment
/// or a second capture.
pub trait PaymentProvider: Send + Sync {
    fn create_card_payment<'a>(
        &'a self,
        payment: NewCardPayment<'a>,
        idempotency_key: &'a str,
    ) -> ProviderFuture<'a, Payment>;

    fn payment<'a>(&'a self, id: &'a str) -> ProviderFuture<'a, Payment>;

    fn capture<'a>(&'a self, id: &'a str, idempotency_key: &'a str) -> ProviderFuture<'a, Payment>;

    fn cancel<'a>(&'a self, id: &'a str, idempotency_key: &'a str) -> ProviderFuture<'a, Payment>;

    /// Pays an `Automatic` payment with a wallet's token (the JSON of what
    /// the browser's `PaymentResponse` carried): authorized and captured at
    /// once, or declined.
    fn pay_with_wallet<'a>(
        &'a self,
        id: &'a str,
        wallet: Wallet,
        token_json: &'a str,
        idempotency_key: &'a str,
    ) -> ProviderFuture<'a, Payment>;

    /// Apple Pay's merchant validation: the opaque session (JSON text) for
    /// the `validationURL` the browser gave.
    fn apple_pay_session<'a>(
        &'a self,
        validation_url: &'a str,
        domain: &'a str,
        display_name: &'a str,
        idempotency_key: &'a str,
    ) -> ProviderFuture<'a, String>;

    /// A merchant-initiated payment in manual capture on a card stored by
    /// an earlier payment (its [`Payment::stored_card_id`]), authorized at
    /// once without the shopper: `Authorized` with a new
    /// `authorization_expires_at`, or `Declined` (an `Ok`, with the
    /// reason). An unknown or deleted stored card is
    /// [`ProviderError::NotFound`].
    fn authorize_stored_card<'a>(
        &'a self,
        stored_card_id: &'a str,
        amount_cents: i64,
        merchant_reference: &'a str,
        description: &'a str,
        idempotency_key: &'a str,
    ) -> ProviderFuture<'a, Payment>;

    /// Gives a captured payment's money back: `amount_cents`, or all that
    /// is left when `None` (a paid order cancelled). More than is left is
    /// refused ([`ProviderError::Invalid`]).
    fn refund<'a>(
        &'a self,
        id: &'a str,
        amount_cents: Option<i64>,
        idempotency_key: &'a str,
    ) -> ProviderFuture<'a, Payment>;

    /// Reads a webhook body whose signature was already checked.
    fn parse_event(&self, body: &[u8]) -> Result<PaymentEvent, ProviderError>;
}

impl Payment {
    /// The card last presented, brand and last four digits only (`"visa
    /// 0002"`, empty when none): tells apart refusals of several cards
    /// within the same second (`updated_at` is in seconds).
    pub fn card_label(&self) -> String {
        self.card.as_ref().map_or_else(String::new, |card| {
            format!(
                "{} {}",
                card.brand,
                card.last4.as_deref().unwrap_or_default()
            )
        })
    }
}
