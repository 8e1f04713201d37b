//! Orders: made from the signed-in shopper's cart, paid by card through the
//! PSP (authorized now, captured at shipment), and kept in step with the
//! PSP by webhooks and by polls (so a lost webhook cannot leave an order
//! stuck). No HTTP here; SQL is in `db/orders.rs`; the PSP is reached only
//! through [`PaymentProvider`].
//!
//! Expiring authorizations: a card authorization lasts 7 days at the PSP,
//! and a photo book can take longer to make. The shop keeps its promise to
//! debit only at shipment, so it never captures early: operators see every
//! authorization that expires within [`EXPIRY_WARNING_SECONDS`] first in
//! their list (and a warning is logged once per order) so that they ship it
//! in time; if one lapses all the same, the order becomes `payment_expired`
//! and the shopper is asked to pay again (a new PSP payment for the same
//! order), production waiting until then.

mod card;
mod claims;
mod create;
pub use create::OrderingShop;
pub mod declines;
mod expiry;
pub mod lifecycle;
mod news;
pub mod notices;
mod numbers;
mod operator;
pub mod payment_check;
mod reading;
pub mod reauthorize;
mod record;
mod refunds;
mod refusals;
mod view;
mod wallet;

pub use create::normalized_address;
use numbers::*;
pub use numbers::{new_order_number, number_old_orders};
pub use operator::checked_shipment;
use record::Opened;
use refusals::*;
pub use view::{to_order, to_summary, to_tracked};

use crate::catalogue::cart::totals;
use crate::db::{Database, DbError, NewOrderRow, OrderRow, PaymentChange};
use crate::mail::letters::Letters;
use crate::payments::{
    CaptureMode, DeclineReason, NewCardPayment, Payment, PaymentProvider, PaymentStatus,
    ProviderError, Wallet,
};
use lifecycle::{OperatorAction, after_payment, allows};
use shop_api::Money;
use shop_api::calendar::{Date, estimated_delivery};
use shop_api::cart::CartTotals;
use shop_api::order::tracking::valid_tracking_number;
use shop_api::order::{
    AcceptedTerms, Address, Carrier, NewOrder, Order, OrderLine, OrderNumber, OrderPayment,
    OrderStatus, OrderSummary, PaymentDecline, PaymentInitiator, PaymentMethod, ShipRequest,
    Shipment, TERMS_VERSION, TimelineEvent, TimelineKind, TrackedLine, TrackedOrder,
};
use shop_api::project::check_rules;
use shop_api::wallet::WalletMethod;

/// The shop's name as wallets show it.
pub const MERCHANT_NAME: &str = "Service Photo";

/// Operators are warned this long before an authorization expires.
pub const EXPIRY_WARNING_SECONDS: i64 = 48 * 3600;

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    #[error("the address has fields to correct")]
    InvalidAddress,
    #[error("the idempotency key is missing or not 1 to 255 visible characters")]
    InvalidIdempotencyKey,
    #[error("the current CGV were not accepted")]
    TermsNotAccepted,
    #[error("the cart is empty")]
    CartEmpty,
    #[error("a project is not saved as the cart has it, or lacks photos")]
    ProjectNotReady,
    #[error("no such delivery option")]
    UnknownDeliveryOption,
    #[error("the cart does not price: {0}")]
    Pricing(String),
    #[error("no such order")]
    NotFound,
    #[error("the order's state does not allow this")]
    InvalidState,
    #[error("another action on this order is in progress")]
    Busy,
    #[error("production has started: the shopper can no longer cancel")]
    ProductionStarted,
    #[error("no free order number after several draws")]
    NumberUnavailable,
    #[error("unknown carrier, or a tracking number that is not 6 to 40 capitals and digits")]
    InvalidShipment,
    #[error("the authorization expired before capture")]
    AuthorizationExpired,
    #[error("the payment provider did not answer: {0}")]
    PaymentUnavailable(String),
    #[error("the wallet token or validation URL was refused")]
    InvalidWalletRequest,
    #[error("a refund needs a reason of 1 to 500 characters")]
    InvalidRefundReason,
    #[error("a refund of {asked} cents when {left} cents can be given back")]
    RefundTooLarge { asked: i64, left: i64 },
    #[error(
        "an earlier refund of {amount_cents} cents, whose answer was lost, was completed first: ask again for more"
    )]
    EarlierRefundCompleted { amount_cents: i64 },
    #[error("too many cards refused (card testing): no payment before {retry_at}")]
    TooManyPaymentAttempts {
        /// Unix seconds.
        retry_at: i64,
        retry_after_seconds: u64,
    },
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Files(#[from] crate::projects::files::FileError),
}

impl From<ProviderError> for OrderError {
    fn from(error: ProviderError) -> Self {
        match error {
            ProviderError::AuthorizationExpired => OrderError::AuthorizationExpired,
            ProviderError::InvalidState => OrderError::InvalidState,
            other => OrderError::PaymentUnavailable(other.to_string()),
        }
    }
}

/// Orders of the shop, with the PSP they are paid through.
pub struct Orders<'a> {
    pub db: &'a Database,
    pub psp: &'a dyn PaymentProvider,
    /// The words of the messages a status change sends.
    pub letters: &'a Letters,
}

impl Orders<'_> {
    /// Applies a status change with the message it sends
    /// (`notices::for_change`), in one transaction.
    async fn change_status(&self, id: &str, change: &PaymentChange) -> Result<bool, DbError> {
        let letters = self.letters;
        self.db
            .change_order_status(id, change, &|from, row, to| {
                notices::for_change(letters, from, row, to)
            })
            .await
    }

    /// The account's order; another account's is "not found".
    async fn owned(&self, account_id: i64, id: &str) -> Result<OrderRow, OrderError> {
        self.db
            .order(account_id, id)
            .await?
            .ok_or(OrderError::NotFound)
    }

    /// The order as stored now, after a change.
    async fn reread(&self, id: &str) -> Result<OrderRow, OrderError> {
        self.db.order_by_id(id).await?.ok_or(OrderError::NotFound)
    }

    async fn existing(&self, account_id: i64, key: &str) -> Result<Option<OrderRow>, OrderError> {
        Ok(self.db.order_by_key(account_id, key).await?)
    }
}
