//! Orders and their payment, as the storefront sees them. The server prices
//! the order from the signed-in shopper's cart; the storefront sends only
//! the delivery address, the delivery option and an idempotency key.

pub mod number;
pub mod payments;
pub mod standing;
pub mod tracking;

use crate::Money;
use crate::calendar::Date;
use crate::cart::CartTotals;
use crate::catalogue::ProductChoice;
pub use number::OrderNumber;
pub use payments::{
    OrderPage, PaymentHistory, PaymentInitiator, PaymentRecord, PaymentRecordStatus, RefundRecord,
    RefundRequest,
};
use serde::{Deserialize, Serialize};
pub use standing::{Fulfilment, Headline, PaymentState, Standing};
pub use tracking::{
    Carrier, ShipRequest, Shipment, TimelineEvent, TimelineKind, TrackAnswer, TrackRequest,
    TrackedLine, TrackedOrder,
};

/// Header carrying the storefront's idempotency key on `POST /api/v1/orders`:
/// a retried request (double click, reload, dropped connection) answers the
/// order the first one made.
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";

/// A French delivery address (saved for next time).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    /// ISO 3166-1 alpha-2; the shop delivers to `FR` (mainland, Corsica and
    /// overseas departments) and Monaco (`MC`).
    pub country: String,
    pub phone: String,
}

/// What is wrong with an address field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressField {
    Name,
    Street,
    Postcode,
    City,
    Country,
    Phone,
}

pub const DELIVERY_COUNTRIES: [&str; 2] = ["FR", "MC"];

impl Address {
    /// The fields a shopper must correct, both sides check the same rules:
    /// every field filled (something that shows, at most 100 characters), a 5-digit postcode, a
    /// phone number of 10 digits (or +33/+377 and 9 to 8 digits).
    pub fn invalid_fields(&self) -> Vec<AddressField> {
        let mut invalid = Vec::new();
        let filled = |text: &str| {
            let text = text.trim();
            crate::text::shows_something(text)
                && text.chars().count() <= 100
                && !text.chars().any(char::is_control)
        };
        if !filled(&self.name) {
            invalid.push(AddressField::Name);
        }
        if !filled(&self.street) {
            invalid.push(AddressField::Street);
        }
        let postcode = self.postcode.trim();
        if postcode.len() != 5 || !postcode.bytes().all(|b| b.is_ascii_digit()) {
            invalid.push(AddressField::Postcode);
        }
        if !filled(&self.city) {
            invalid.push(AddressField::City);
        }
        if !DELIVERY_COUNTRIES.contains(&self.country.as_str()) {
            invalid.push(AddressField::Country);
        }
        if !valid_phone(&self.phone) {
            invalid.push(AddressField::Phone);
        }
        invalid
    }
}

fn valid_phone(phone: &str) -> bool {
    let compact: String = phone
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = compact.strip_prefix("+33") {
        digits(rest, 9)
    } else if let Some(rest) = compact.strip_prefix("+377") {
        digits(rest, 8)
    } else {
        digits(&compact, 10) && compact.starts_with('0')
    }
}

/// Body of `POST /api/v1/orders` (with the [`IDEMPOTENCY_HEADER`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOrder {
    pub delivery_address: Address,
    pub delivery_option_id: String,
    /// The version of the CGV the shopper ticked "J'accepte" for; an order
    /// is made only when it is the current one ([`TERMS_VERSION`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_terms: Option<String>,
    /// The shopper agreed (an unticked box) that the PSP keeps the card for
    /// this order's payment, so that the shop can authorize it again if
    /// production outlasts the first authorization.
    #[serde(default)]
    pub keep_card: bool,
}

/// The CGV in force (`legal::CGV_VERSION`, shown at `/cgv`): a shopper
/// accepts this version at checkout, and the order keeps the version and
/// the time of acceptance.
pub const TERMS_VERSION: &str = crate::legal::CGV_VERSION;

/// The CGV as accepted with an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedTerms {
    pub version: String,
    /// Unix seconds.
    pub accepted_at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// The shopper has not paid yet (or is in 3-D Secure).
    AwaitingPayment,
    /// The last card was refused: the shopper may try another.
    PaymentFailed,
    /// Card authorized: debited at shipment.
    Authorized,
    /// Paid with a wallet: debited already, while the order is processed.
    Paid,
    InProduction,
    /// Shipped: the card was debited.
    Shipped,
    Delivered,
    /// Cancelled before shipment: the authorization was voided.
    Cancelled,
    /// The authorization lapsed before shipment: the shopper pays again.
    PaymentExpired,
}

impl OrderStatus {
    /// Whether the shopper can (still) pay this order.
    pub fn payable(self) -> bool {
        matches!(
            self,
            OrderStatus::AwaitingPayment | OrderStatus::PaymentFailed | OrderStatus::PaymentExpired
        )
    }

    /// Whether the shopper may still cancel: only before production starts
    /// (operators may cancel later, the shopper asks customer service).
    pub fn cancellable_by_shopper(self) -> bool {
        matches!(
            self,
            OrderStatus::AwaitingPayment
                | OrderStatus::PaymentFailed
                | OrderStatus::PaymentExpired
                | OrderStatus::Authorized
                | OrderStatus::Paid
        )
    }

    /// Production has started (or the parcel left): too late for the
    /// shopper to cancel.
    pub fn production_started(self) -> bool {
        matches!(
            self,
            OrderStatus::InProduction | OrderStatus::Shipped | OrderStatus::Delivered
        )
    }

    /// Shipped, delivered or cancelled: the PSP's news can no longer move
    /// it ([`standing::settled`]).
    pub fn settled(self) -> bool {
        standing::settled(self)
    }
}

/// Why the last card was refused; the storefront says it in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentDecline {
    Declined,
    InsufficientFunds,
    ExpiredCard,
    AuthenticationFailed,
    InvalidCard,
    #[serde(other)]
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub project_id: String,
    pub project_name: String,
    pub choice: ProductChoice,
    pub copies: u32,
    pub total: Money,
}

/// How the order is (being) paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    #[default]
    Card,
    ApplePay,
    GooglePay,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderPayment {
    #[serde(default)]
    pub method: PaymentMethod,
    /// The PSP's hosted card page to frame, while the order is payable.
    pub hosted_page_url: Option<String>,
    pub last_decline: Option<PaymentDecline>,
    /// True once the card has been debited (at shipment for cards).
    pub debited: bool,
    /// Given back to the shopper so far, when anything was.
    #[serde(default)]
    pub refunded: Option<Money>,
    /// The card's brand as the PSP names it (`visa`, `cartes_bancaires`…;
    /// [`standing::brand_name`] gives the shopper's word), once known.
    #[serde(default)]
    pub brand: Option<String>,
    /// The card's last four digits, once known (never more of it).
    #[serde(default)]
    pub last4: Option<String>,
    /// What the card's current authorization holds: `None` once captured,
    /// for wallets (debited at once), and before any authorization.
    #[serde(default)]
    pub authorized: Option<Money>,
    /// Unix seconds of the debit (a card's capture at shipment, a wallet's
    /// payment), once debited.
    #[serde(default)]
    pub debited_at: Option<i64>,
    /// Too many cards were refused on this order or its account (card
    /// testing): no card page (`hosted_page_url` is `None`) and no wallet
    /// until this time (Unix seconds). Absent otherwise, and from older
    /// servers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// Internal: in the signed-in shopper's addresses, never shown.
    pub id: String,
    /// What the shopper sees and quotes (`SP-7K3M-9Q2D`).
    pub number: String,
    pub status: OrderStatus,
    /// Unix seconds.
    pub created_at: i64,
    pub lines: Vec<OrderLine>,
    pub totals: CartTotals,
    pub delivery_address: Address,
    pub delivery_option_id: String,
    pub payment: OrderPayment,
    /// `None` for orders made before the CGV were asked at checkout.
    #[serde(default)]
    pub accepted_terms: Option<AcceptedTerms>,
    /// The steps reached so far, oldest first.
    #[serde(default)]
    pub timeline: Vec<TimelineEvent>,
    /// Once shipped with a parcel number.
    #[serde(default)]
    pub shipment: Option<Shipment>,
    /// Computed when the order was placed; never changes afterwards.
    #[serde(default)]
    pub estimated_delivery: Option<Date>,
}

/// One line of `GET /api/v1/orders`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: String,
    pub number: String,
    pub status: OrderStatus,
    pub created_at: i64,
    pub total: Money,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address() -> Address {
        Address {
            name: "Camille Martin".into(),
            street: "12 rue des Lilas".into(),
            postcode: "35000".into(),
            city: "Rennes".into(),
            country: "FR".into(),
            phone: "06 12 34 56 78".into(),
        }
    }

    #[test]
    fn a_french_address_is_accepted() {
        assert_eq!(address().invalid_fields(), []);
        let monaco = Address {
            postcode: "98000".into(),
            country: "MC".into(),
            phone: "+377 93 15 80 00".into(),
            ..address()
        };
        assert_eq!(monaco.invalid_fields(), []);
        let international = Address {
            phone: "+33 6 12 34 56 78".into(),
            ..address()
        };
        assert_eq!(international.invalid_fields(), []);
    }

    #[test]
    fn each_wrong_field_is_named() {
        let wrong = Address {
            name: " ".into(),
            street: String::new(),
            postcode: "3500".into(),
            city: "x".repeat(101),
            country: "DE".into(),
            phone: "12345".into(),
        };
        assert_eq!(
            wrong.invalid_fields(),
            [
                AddressField::Name,
                AddressField::Street,
                AddressField::Postcode,
                AddressField::City,
                AddressField::Country,
                AddressField::Phone
            ]
        );
        // Invisible characters alone are no name (found by
        // `server/tests/malformed_fields.rs`: accepted before).
        let invisible = Address {
            name: "\u{200b}\u{200e}".into(),
            ..address()
        };
        assert_eq!(invisible.invalid_fields(), [AddressField::Name]);
    }

    #[test]
    fn a_payment_from_an_older_server_still_parses() {
        let older: OrderPayment = serde_json::from_str(
            r#"{"method": "card", "hosted_page_url": null, "last_decline": null, "debited": false}"#,
        )
        .unwrap();
        assert_eq!(older.brand, None);
        assert_eq!(older.authorized, None);
        assert_eq!(older.debited_at, None);
    }

    #[test]
    fn only_unpaid_orders_are_payable() {
        assert!(OrderStatus::PaymentFailed.payable());
        assert!(!OrderStatus::Authorized.payable());
        assert!(!OrderStatus::Shipped.payable());
    }

    #[test]
    fn shoppers_cancel_only_before_production() {
        assert!(OrderStatus::Authorized.cancellable_by_shopper());
        assert!(OrderStatus::Paid.cancellable_by_shopper());
        assert!(OrderStatus::AwaitingPayment.cancellable_by_shopper());
        for late in [
            OrderStatus::InProduction,
            OrderStatus::Shipped,
            OrderStatus::Delivered,
            OrderStatus::Cancelled,
        ] {
            assert!(!late.cancellable_by_shopper(), "{late:?}");
        }
        assert!(OrderStatus::InProduction.production_started());
        assert!(!OrderStatus::Cancelled.production_started());
    }

    #[test]
    fn retry_at_is_optional_both_ways_for_older_clients_and_servers() {
        let older =
            r#"{"method":"card","hosted_page_url":null,"last_decline":"declined","debited":false}"#;
        let payment: OrderPayment = serde_json::from_str(older).unwrap();
        assert_eq!(payment.retry_at, None);
        let json = serde_json::to_value(&payment).unwrap();
        assert!(json.get("retry_at").is_none());
        let blocked = OrderPayment {
            retry_at: Some(1_800_003_600),
            ..payment
        };
        assert_eq!(
            serde_json::to_value(&blocked).unwrap()["retry_at"],
            1_800_003_600
        );
    }
}
