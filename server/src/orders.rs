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

pub mod lifecycle;
pub mod payment_check;

use crate::catalogue::cart::totals;
use crate::db::{Database, DbError, NewOrderRow, OrderRow, PaymentChange};
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
    OrderStatus, OrderSummary, PaymentDecline, PaymentMethod, ShipRequest, Shipment, TERMS_VERSION,
    TimelineEvent, TimelineKind, TrackedLine, TrackedOrder,
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
    #[error(transparent)]
    Db(#[from] DbError),
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

pub fn status_name(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::AwaitingPayment => "awaiting_payment",
        OrderStatus::PaymentFailed => "payment_failed",
        OrderStatus::Authorized => "authorized",
        OrderStatus::Paid => "paid",
        OrderStatus::InProduction => "in_production",
        OrderStatus::Shipped => "shipped",
        OrderStatus::Delivered => "delivered",
        OrderStatus::Cancelled => "cancelled",
        OrderStatus::PaymentExpired => "payment_expired",
    }
}

fn parse_status(name: &str) -> OrderStatus {
    [
        OrderStatus::AwaitingPayment,
        OrderStatus::PaymentFailed,
        OrderStatus::Authorized,
        OrderStatus::Paid,
        OrderStatus::InProduction,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
        OrderStatus::PaymentExpired,
    ]
    .into_iter()
    .find(|s| status_name(*s) == name)
    .unwrap_or(OrderStatus::AwaitingPayment)
}

fn decline_name(reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::Declined => "declined",
        DeclineReason::InsufficientFunds => "insufficient_funds",
        DeclineReason::ExpiredCard => "expired_card",
        DeclineReason::AuthenticationFailed => "authentication_failed",
        DeclineReason::InvalidCard => "invalid_card",
        DeclineReason::Other => "other",
    }
}

fn parse_decline(name: &str) -> PaymentDecline {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .unwrap_or(PaymentDecline::Other)
}

/// A random order id: 128 bits, hex.
fn new_order_id() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh order number from the operating system's CSPRNG (the one
/// `new_order_id` uses); uniqueness is the database's, callers retry.
pub fn new_order_number() -> OrderNumber {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    loop {
        // 8 of 32 bytes are rejected on average (≥ 248): 32 are plenty, and
        // the loop draws again in the rare case they are not.
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        if let Some(number) = OrderNumber::from_random_bytes(&bytes) {
            return number;
        }
    }
}

/// Draws for a number before giving up: with 31⁸ numbers, a second draw is
/// already rare; the tenth means something else is wrong.
const NUMBER_ATTEMPTS: usize = 10;

/// Numbers the orders made before numbers existed (run at start-up, before
/// the first request, after migration 0009).
pub async fn number_old_orders(db: &Database) -> Result<(), DbError> {
    let ids = db.order_ids_without_number().await?;
    for id in &ids {
        for _ in 0..NUMBER_ATTEMPTS {
            if db.set_order_number(id, new_order_number().as_str()).await? {
                break;
            }
        }
    }
    if !ids.is_empty() {
        tracing::info!(orders = ids.len(), "order numbers given to older orders");
    }
    Ok(())
}

fn carrier_name(carrier: Carrier) -> String {
    serde_json::to_value(carrier)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn parse_carrier(name: &str) -> Carrier {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).unwrap_or(Carrier::Other)
}

/// The operator's parcel as stored: a known carrier and a tracking number
/// (spaces dropped, capitals) that can go into the carrier's URL.
pub fn checked_shipment(request: &ShipRequest) -> Result<(Carrier, String), OrderError> {
    let number: String = request
        .tracking_number
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if request.carrier == Carrier::Other || !valid_tracking_number(&number) {
        return Err(OrderError::InvalidShipment);
    }
    Ok((request.carrier, number))
}

/// The steps the order has reached, oldest first.
fn timeline(row: &OrderRow) -> Vec<TimelineEvent> {
    let mut events: Vec<TimelineEvent> = [
        (TimelineKind::Ordered, Some(row.created_at)),
        (TimelineKind::PaymentAuthorized, row.authorized_at),
        (TimelineKind::InProduction, row.production_started_at),
        (TimelineKind::Shipped, row.shipped_at),
        (TimelineKind::Delivered, row.delivered_at),
        (TimelineKind::Cancelled, row.cancelled_at),
    ]
    .into_iter()
    .filter_map(|(kind, at)| at.map(|at| TimelineEvent { kind, at }))
    .collect();
    // Stable: steps of the same second keep their natural order.
    events.sort_by_key(|event| event.at);
    events
}

/// The parcel, once the order has shipped.
fn shipment(row: &OrderRow, status: OrderStatus) -> Option<Shipment> {
    if !matches!(status, OrderStatus::Shipped | OrderStatus::Delivered) {
        return None;
    }
    let carrier = parse_carrier(row.carrier.as_deref()?);
    let tracking_number = row.tracking_number.clone()?;
    Some(Shipment {
        carrier,
        tracking_url: carrier.tracking_url(&tracking_number),
        tracking_number,
    })
}

/// What number + e-mail show: no address, no payment, no price, no id.
pub fn to_tracked(row: &OrderRow) -> TrackedOrder {
    let status = parse_status(&row.status);
    let lines: Vec<OrderLine> = serde_json::from_str(&row.lines_json).unwrap_or_default();
    TrackedOrder {
        number: row.number.clone().unwrap_or_default(),
        status,
        lines: lines
            .into_iter()
            .map(|line| TrackedLine {
                project_name: line.project_name,
                product_id: line.choice.product_id,
                copies: line.copies,
            })
            .collect(),
        timeline: timeline(row),
        shipment: shipment(row, status),
        estimated_delivery: row.estimated_delivery.as_deref().and_then(Date::parse),
    }
}

fn valid_idempotency_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 255 && key.bytes().all(|b| b.is_ascii_graphic())
}

/// The API's view of a stored order.
pub fn to_order(row: &OrderRow) -> Order {
    let status = parse_status(&row.status);
    let totals: CartTotals = serde_json::from_str(&row.totals_json).unwrap_or(CartTotals {
        lines: Vec::new(),
        subtotal: Money::eur(0),
        delivery: None,
        missing_for_free_delivery: None,
        vat_included: Money::eur(0),
        total: Money::eur(row.total_cents),
    });
    Order {
        id: row.id.clone(),
        number: row.number.clone().unwrap_or_default(),
        status,
        created_at: row.created_at,
        lines: serde_json::from_str(&row.lines_json).unwrap_or_default(),
        totals,
        delivery_address: serde_json::from_str(&row.address_json).unwrap_or_default(),
        delivery_option_id: row.delivery_option_id.clone(),
        payment: OrderPayment {
            method: match row.payment_method.as_str() {
                "apple_pay" => PaymentMethod::ApplePay,
                "google_pay" => PaymentMethod::GooglePay,
                _ => PaymentMethod::Card,
            },
            hosted_page_url: if status.payable() {
                row.hosted_page_url.clone()
            } else {
                None
            },
            last_decline: row.last_decline.as_deref().map(parse_decline),
            debited: row.debited,
            refunded: (row.refunded_cents > 0).then(|| Money::eur(row.refunded_cents)),
        },
        accepted_terms: row.terms_version.clone().zip(row.terms_accepted_at).map(
            |(version, accepted_at)| AcceptedTerms {
                version,
                accepted_at,
            },
        ),
        timeline: timeline(row),
        shipment: shipment(row, status),
        estimated_delivery: row.estimated_delivery.as_deref().and_then(Date::parse),
    }
}

pub fn to_summary(row: &OrderRow) -> OrderSummary {
    OrderSummary {
        id: row.id.clone(),
        number: row.number.clone().unwrap_or_default(),
        status: parse_status(&row.status),
        created_at: row.created_at,
        total: Money::eur(row.total_cents),
    }
}

/// Orders of the shop, with the PSP they are paid through.
pub struct Orders<'a> {
    pub db: &'a Database,
    pub psp: &'a dyn PaymentProvider,
}

impl Orders<'_> {
    /// Makes the order from the account's cart (or answers the one this
    /// idempotency key already made) and opens its card payment.
    pub async fn create(
        &self,
        account_id: i64,
        idempotency_key: &str,
        request: &NewOrder,
        shop_origin: &str,
        now: i64,
    ) -> Result<(Order, bool), OrderError> {
        if !valid_idempotency_key(idempotency_key) {
            return Err(OrderError::InvalidIdempotencyKey);
        }
        if request.accepted_terms.as_deref() != Some(TERMS_VERSION) {
            return Err(OrderError::TermsNotAccepted);
        }
        if !request.delivery_address.invalid_fields().is_empty() {
            return Err(OrderError::InvalidAddress);
        }
        let mut cart = self.db.cart(account_id).await?;
        if cart.lines.is_empty() {
            // A retried request after the cart was emptied by this order's
            // authorization still finds its order.
            if let Some(existing) = self.existing(account_id, idempotency_key).await? {
                return Ok((to_order(&existing), false));
            }
            return Err(OrderError::CartEmpty);
        }
        let catalogue = self.db.catalogue().await?;
        let delivery_max_days = catalogue
            .delivery_options
            .iter()
            .find(|o| o.id == request.delivery_option_id)
            .map(|o| o.max_days)
            .ok_or(OrderError::UnknownDeliveryOption)?;
        let mut production_days = Vec::with_capacity(cart.lines.len());
        for line in &cart.lines {
            let project = self
                .db
                .project(account_id, &line.project_id)
                .await?
                .ok_or(OrderError::ProjectNotReady)?;
            let product = catalogue
                .products
                .iter()
                .find(|p| p.id == project.choice.product_id)
                .ok_or(OrderError::ProjectNotReady)?;
            let kind = product.kind;
            production_days.push(product.production_days);
            let photos = u32::try_from(project.photos.len()).unwrap_or(u32::MAX);
            if project.choice != line.choice
                || !project.missing_photo_ids.is_empty()
                || check_rules(kind, &project.choice, photos).is_err()
            {
                return Err(OrderError::ProjectNotReady);
            }
        }
        cart.delivery_option_id = Some(request.delivery_option_id.clone());
        let contents = cart
            .contents()
            .ok_or_else(|| OrderError::Pricing("overflow".into()))?;
        let totals =
            totals(&catalogue, &contents).map_err(|e| OrderError::Pricing(e.to_string()))?;
        let lines: Vec<OrderLine> = cart
            .lines
            .iter()
            .zip(&totals.lines)
            .map(|(line, quote)| OrderLine {
                project_id: line.project_id.clone(),
                project_name: line.project_name.clone(),
                choice: line.choice.clone(),
                copies: line.copies,
                total: quote.total,
            })
            .collect();
        let id = new_order_id();
        // Fixed now, from the order's date: later catalogue changes do not
        // move a promise already made.
        let estimate = estimated_delivery(now, production_days, delivery_max_days).to_string();
        let address_json = to_json(&request.delivery_address);
        let lines_json = to_json(&lines);
        let totals_json = to_json(&totals);
        let mut inserted = None;
        for _ in 0..NUMBER_ATTEMPTS {
            let number = new_order_number();
            inserted = self
                .db
                .insert_order(&NewOrderRow {
                    id: &id,
                    account_id,
                    idempotency_key,
                    status: status_name(OrderStatus::AwaitingPayment),
                    now,
                    address_json: &address_json,
                    delivery_option_id: &request.delivery_option_id,
                    lines_json: &lines_json,
                    totals_json: &totals_json,
                    total_cents: totals.total.cents,
                    number: number.as_str(),
                    estimated_delivery: &estimate,
                    terms_version: TERMS_VERSION,
                })
                .await?;
            if inserted.is_some() {
                break;
            }
        }
        let (row, created) = inserted.ok_or(OrderError::NumberUnavailable)?;
        let row = if row.payment_id.is_none() {
            self.open_payment(&row, shop_origin, now).await
        } else {
            row
        };
        Ok((to_order(&row), created))
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

    /// Opens the PSP payment of the order's current attempt. The PSP not
    /// answering is not an error for the shopper: the order is kept and the
    /// next read tries again (same idempotency key, so never twice).
    async fn open_payment(&self, row: &OrderRow, shop_origin: &str, now: i64) -> OrderRow {
        let key = format!("order-{}-payment-{}", row.id, row.payment_attempt);
        let description = format!("Commande {}", row.number.as_deref().unwrap_or_default());
        let created = self
            .psp
            .create_card_payment(
                NewCardPayment {
                    amount_cents: row.total_cents,
                    merchant_reference: &row.id,
                    allowed_origin: shop_origin,
                    description: &description,
                    capture_mode: CaptureMode::Manual,
                    store_card: false,
                },
                &key,
            )
            .await;
        match created {
            Ok(payment) => {
                let stored = self
                    .db
                    .set_order_payment(
                        &row.id,
                        row.payment_attempt,
                        &payment.id,
                        payment.hosted_page_url.as_deref(),
                        "card",
                        now,
                    )
                    .await;
                match stored {
                    Ok(()) => OrderRow {
                        payment_id: Some(payment.id),
                        hosted_page_url: payment.hosted_page_url,
                        payment_method: "card".into(),
                        ..row.clone()
                    },
                    Err(error) => {
                        tracing::error!(%error, order = %row.id, "could not record the PSP payment");
                        row.clone()
                    }
                }
            }
            Err(error) => {
                tracing::warn!(%error, order = %row.id, "PSP payment not opened; will retry");
                row.clone()
            }
        }
    }

    /// The shopper's order, brought up to date with the PSP when its
    /// payment can still change.
    pub async fn get(
        &self,
        account_id: i64,
        id: &str,
        shop_origin: &str,
        now: i64,
    ) -> Result<Order, OrderError> {
        let row = self.owned(account_id, id).await?;
        let row = self.refresh(row, shop_origin, now).await?;
        Ok(to_order(&row))
    }

    pub async fn list(&self, account_id: i64) -> Result<Vec<OrderSummary>, OrderError> {
        Ok(self
            .db
            .orders_of(account_id)
            .await?
            .iter()
            .map(to_summary)
            .collect())
    }

    /// Polls the PSP for an order whose payment may have moved.
    async fn refresh(
        &self,
        row: OrderRow,
        shop_origin: &str,
        now: i64,
    ) -> Result<OrderRow, OrderError> {
        let status = parse_status(&row.status);
        let Some(payment_id) = row.payment_id.clone() else {
            if status.payable() && status != OrderStatus::PaymentExpired {
                return Ok(self.open_payment(&row, shop_origin, now).await);
            }
            return Ok(row);
        };
        // Only shipped, delivered and cancelled orders are settled; an expired
        // one may be paid again on a new payment.
        if matches!(
            status,
            OrderStatus::Shipped | OrderStatus::Delivered | OrderStatus::Cancelled
        ) {
            return Ok(row);
        }
        match self.psp.payment(&payment_id).await {
            Ok(payment) => {
                self.apply(&row, &payment, now).await?;
                Ok(self.db.order_by_id(&row.id).await?.unwrap_or(row))
            }
            // The PSP is down: show what the shop knows.
            Err(error) => {
                tracing::warn!(%error, order = %row.id, "PSP poll failed");
                Ok(row)
            }
        }
    }

    /// Applies what the PSP says of the order's payment (webhook or poll).
    /// Stale news (an earlier attempt's payment, an older state) changes
    /// nothing.
    pub async fn apply(
        &self,
        row: &OrderRow,
        payment: &Payment,
        now: i64,
    ) -> Result<(), OrderError> {
        if row.payment_id.as_deref() != Some(payment.id.as_str()) {
            return Ok(());
        }
        if let Some(reason) = payment_check::mismatch(row, payment) {
            tracing::error!(order = %row.id, payment = %payment.id, %reason, "PSP news held for review: not this order's payment");
            self.db
                .hold_payment(&row.id, &payment.id, &reason, now)
                .await?;
            return Ok(());
        }
        if payment.refunded_cents > row.refunded_cents
            && self
                .db
                .record_refund(&row.id, payment.refunded_cents)
                .await?
        {
            tracing::info!(order = %row.id, refunded_cents = payment.refunded_cents, "refund recorded");
        }
        let current = parse_status(&row.status);
        let decline = (payment.status == PaymentStatus::Declined)
            .then(|| payment.decline.map(decline_name).unwrap_or("other"));
        let Some(next) = after_payment(current, payment.status) else {
            // Same status, but a new refusal reason is still news.
            if decline.is_some() && current == OrderStatus::PaymentFailed {
                self.db
                    .change_order_status(
                        &row.id,
                        &PaymentChange {
                            from: &row.status,
                            to: &row.status,
                            psp_updated_at: payment.updated_at,
                            last_decline: decline,
                            authorization_expires_at: None,
                            debited: false,
                            now,
                        },
                    )
                    .await?;
            }
            return Ok(());
        };
        let changed = self
            .db
            .change_order_status(
                &row.id,
                &PaymentChange {
                    from: &row.status,
                    to: status_name(next),
                    psp_updated_at: payment.updated_at,
                    last_decline: decline,
                    authorization_expires_at: payment.authorization_expires_at,
                    debited: payment.status == PaymentStatus::Captured,
                    now,
                },
            )
            .await?;
        if changed {
            tracing::info!(order = %row.id, from = %row.status, to = status_name(next), "order status changed");
            if matches!(next, OrderStatus::Authorized | OrderStatus::Paid) {
                self.db
                    .empty_cart_for_order(&row.id, row.account_id)
                    .await?;
            }
        }
        Ok(())
    }

    /// The shopper cancels before production starts: the authorization is
    /// voided (or the wallet payment refunded). Later, only customer
    /// service (an operator) can.
    pub async fn cancel(&self, account_id: i64, id: &str, now: i64) -> Result<Order, OrderError> {
        let row = self.owned(account_id, id).await?;
        let status = parse_status(&row.status);
        // Production may have started before the authorization lapsed
        // (`payment_expired`): its date says so.
        if status.production_started() || row.production_started_at.is_some() {
            return Err(OrderError::ProductionStarted);
        }
        if !status.cancellable_by_shopper() {
            return Err(OrderError::InvalidState);
        }
        self.operate(row, OperatorAction::Cancel, now).await
    }

    /// The order with this number placed with this e-mail, for a visitor
    /// who has both; `None` whichever is wrong.
    pub async fn track(
        &self,
        number: Option<&OrderNumber>,
        email: &str,
    ) -> Result<Option<TrackedOrder>, OrderError> {
        // A malformed number still costs one query, like a wrong one.
        let number = number.map_or("", OrderNumber::as_str);
        // Not polled at the PSP (unlike the shopper's own page): a visitor
        // repeating a right pair must not make the shop call the PSP at
        // will; webhooks keep the status current.
        let row = self.db.order_by_number_and_email(number, email).await?;
        Ok(row.as_ref().map(to_tracked))
    }

    /// The operator ships, with the parcel's carrier and tracking number
    /// when given (stored before the capture, so the shipped order has it).
    pub async fn ship(
        &self,
        row: OrderRow,
        parcel: Option<&ShipRequest>,
        now: i64,
    ) -> Result<Order, OrderError> {
        if let Some(parcel) = parcel {
            let (carrier, tracking_number) = checked_shipment(parcel)?;
            if !allows(parse_status(&row.status), OperatorAction::Ship) {
                return Err(OrderError::InvalidState);
            }
            self.db
                .set_shipment(&row.id, &carrier_name(carrier), &tracking_number)
                .await?;
        }
        self.operate(row, OperatorAction::Ship, now).await
    }

    /// A new payment for an order whose authorization lapsed (or whose
    /// payment never opened).
    pub async fn pay_again(
        &self,
        account_id: i64,
        id: &str,
        shop_origin: &str,
        now: i64,
    ) -> Result<Order, OrderError> {
        let row = self.owned(account_id, id).await?;
        let row = self.refresh(row, shop_origin, now).await?;
        let status = parse_status(&row.status);
        if !status.payable() {
            return Err(OrderError::InvalidState);
        }
        let row = if status == OrderStatus::PaymentExpired {
            let next = OrderRow {
                payment_attempt: row.payment_attempt + 1,
                payment_id: None,
                ..row
            };
            self.open_payment(&next, shop_origin, now).await
        } else if row.payment_id.is_none() {
            self.open_payment(&row, shop_origin, now).await
        } else {
            row
        };
        Ok(to_order(&row))
    }

    /// An operator's step: production, shipping (which captures the
    /// payment), delivery, or cancellation (which voids it).
    /// Releases what the order's current payment holds on the card. A
    /// payment the PSP will not void because it lapsed or closed already
    /// holds nothing: that is checked, not assumed.
    async fn void(&self, row: &OrderRow, payment_id: &str, now: i64) -> Result<(), OrderError> {
        let key = format!("order-{}-cancel-{}", row.id, row.payment_attempt);
        match self.psp.cancel(payment_id, &key).await {
            Ok(payment) => self.apply(row, &payment, now).await,
            Err(ProviderError::InvalidState | ProviderError::AuthorizationExpired) => {
                let payment = self.psp.payment(payment_id).await?;
                match payment.status {
                    PaymentStatus::Authorized | PaymentStatus::Captured => {
                        Err(OrderError::InvalidState)
                    }
                    _ => Ok(()),
                }
            }
            Err(error) => Err(error.into()),
        }
    }

    pub async fn operate(
        &self,
        row: OrderRow,
        action: OperatorAction,
        now: i64,
    ) -> Result<Order, OrderError> {
        let status = parse_status(&row.status);
        if !allows(status, action) {
            return Err(OrderError::InvalidState);
        }
        let simple = |to: OrderStatus| PaymentChange {
            from: &row.status,
            to: status_name(to),
            psp_updated_at: row.psp_updated_at,
            last_decline: None,
            authorization_expires_at: None,
            debited: false,
            now,
        };
        match action {
            OperatorAction::StartProduction => {
                self.db
                    .change_order_status(&row.id, &simple(OrderStatus::InProduction))
                    .await?;
            }
            OperatorAction::MarkDelivered => {
                self.db
                    .change_order_status(&row.id, &simple(OrderStatus::Delivered))
                    .await?;
            }
            // Paid with a wallet: the money is in; shipping moves nothing.
            OperatorAction::Ship if row.debited => {
                self.db
                    .change_order_status(&row.id, &simple(OrderStatus::Shipped))
                    .await?;
            }
            OperatorAction::Cancel if row.debited => {
                let payment_id = row.payment_id.as_deref().ok_or(OrderError::InvalidState)?;
                let key = format!("order-{}-refund-{}", row.id, row.payment_attempt);
                let payment = self.psp.refund(payment_id, &key).await?;
                self.apply(&row, &payment, now).await?;
            }
            OperatorAction::Ship => {
                let payment_id = row.payment_id.as_deref().ok_or(OrderError::InvalidState)?;
                let key = format!("order-{}-capture-{}", row.id, row.payment_attempt);
                match self.psp.capture(payment_id, &key).await {
                    Ok(payment) => self.apply(&row, &payment, now).await?,
                    Err(ProviderError::AuthorizationExpired) => {
                        // Read the payment's expired state and apply it.
                        if let Ok(payment) = self.psp.payment(payment_id).await {
                            self.apply(&row, &payment, now).await?;
                        }
                        return Err(OrderError::AuthorizationExpired);
                    }
                    Err(error) => return Err(error.into()),
                }
            }
            OperatorAction::Cancel => {
                if let Some(payment_id) = row.payment_id.as_deref() {
                    self.void(&row, payment_id, now).await?;
                }
                // Whatever the PSP's answer moved (or did not: an unpaid
                // session, a new payment after a lapsed one), the order
                // ends cancelled, from the status it has now.
                let now_stored = self.reread(&row.id).await?;
                if parse_status(&now_stored.status) != OrderStatus::Cancelled {
                    self.db
                        .change_order_status(
                            &row.id,
                            &PaymentChange {
                                from: &now_stored.status,
                                ..simple(OrderStatus::Cancelled)
                            },
                        )
                        .await?;
                }
            }
        }
        let row = self.reread(&row.id).await?;
        Ok(to_order(&row))
    }

    /// Apple Pay's merchant validation for a payable order.
    pub async fn apple_pay_session(
        &self,
        account_id: i64,
        id: &str,
        validation_url: &str,
        domain: &str,
    ) -> Result<String, OrderError> {
        let row = self.owned(account_id, id).await?;
        if !parse_status(&row.status).payable() {
            return Err(OrderError::InvalidState);
        }
        // A merchant session moves no money and lapses after 5 minutes: each
        // validation (a sheet opened again later, say) needs a fresh one, so
        // every request has its own key. Replaying the first answer would
        // hand the sheet a session Apple refuses.
        let key = format!("order-{}-apple-session-{}", row.id, new_order_id());
        self.psp
            .apple_pay_session(validation_url, domain, MERCHANT_NAME, &key)
            .await
            .map_err(|error| match error {
                ProviderError::Invalid(_) => OrderError::InvalidWalletRequest,
                other => other.into(),
            })
    }

    /// Pays a payable order with a wallet's token: a new PSP payment in
    /// automatic capture replaces the card one (closed first, so the order
    /// cannot be paid twice), and the token authorizes and captures it. A
    /// refusal leaves the order payable by card, on a fresh card page.
    pub async fn pay_with_wallet(
        &self,
        account_id: i64,
        id: &str,
        method: WalletMethod,
        token_json: &str,
        shop_origin: &str,
        now: i64,
    ) -> Result<Order, OrderError> {
        let row = self.owned(account_id, id).await?;
        let row = self.refresh(row, shop_origin, now).await?;
        if !parse_status(&row.status).payable() {
            return Err(OrderError::InvalidState);
        }
        let (wallet, method_name) = match method {
            WalletMethod::ApplePay => (Wallet::ApplePay, "apple_pay"),
            WalletMethod::GooglePay => (Wallet::GooglePay, "google_pay"),
        };
        let attempt = row.payment_attempt + 1;
        let key = format!("order-{}-payment-{attempt}", row.id);
        let description = format!("Commande {}", row.number.as_deref().unwrap_or_default());
        let payment = self
            .psp
            .create_card_payment(
                NewCardPayment {
                    amount_cents: row.total_cents,
                    merchant_reference: &row.id,
                    allowed_origin: shop_origin,
                    description: &description,
                    capture_mode: CaptureMode::Automatic,
                    store_card: false,
                },
                &key,
            )
            .await?;
        self.db
            .set_order_payment(&row.id, attempt, &payment.id, None, method_name, now)
            .await?;
        // The card page opened before is closed, so the order cannot be
        // paid twice. The order no longer follows that payment, so its
        // cancellation event changes nothing.
        if let Some(card_payment) = row.payment_id.as_deref()
            && row.payment_method == "card"
        {
            let key = format!("order-{}-cancel-{}", row.id, row.payment_attempt);
            match self.psp.cancel(card_payment, &key).await {
                Ok(_) | Err(ProviderError::InvalidState) => {}
                Err(error) => tracing::warn!(%error, order = %row.id, "card page not closed"),
            }
        }
        let row = self.reread(&row.id).await?;
        let key = format!("order-{}-wallet-{attempt}", row.id);
        let paid = self
            .psp
            .pay_with_wallet(&payment.id, wallet, token_json, &key)
            .await
            .map_err(|error| match error {
                ProviderError::Invalid(_) => OrderError::InvalidWalletRequest,
                other => other.into(),
            });
        match paid {
            Ok(result) => self.apply(&row, &result, now).await?,
            Err(error) => {
                self.reopen_card(&row, shop_origin, now).await;
                return Err(error);
            }
        }
        let row = self.reread(&row.id).await?;
        if parse_status(&row.status).payable() {
            // Refused: the card remains, on a new card page.
            let reopened = self.reopen_card(&row, shop_origin, now).await;
            return Ok(to_order(&reopened));
        }
        Ok(to_order(&row))
    }

    /// A fresh card payment after a wallet attempt that did not pay.
    async fn reopen_card(&self, row: &OrderRow, shop_origin: &str, now: i64) -> OrderRow {
        let next = OrderRow {
            payment_attempt: row.payment_attempt + 1,
            payment_id: None,
            ..row.clone()
        };
        self.open_payment(&next, shop_origin, now).await
    }

    /// Logs once per order each authorization that expires within the
    /// warning window, and answers the orders at risk for operators.
    pub async fn expiring(&self, now: i64) -> Result<Vec<OrderRow>, OrderError> {
        let mut at_risk = Vec::new();
        for row in self.db.authorized_orders().await? {
            let Some(expires_at) = row.authorization_expires_at else {
                continue;
            };
            if expires_at - now <= EXPIRY_WARNING_SECONDS {
                if self.db.mark_expiry_warned(&row.id).await? {
                    tracing::warn!(order = %row.id, expires_at, "card authorization expires soon: ship before it does");
                }
                at_risk.push(row);
            }
        }
        Ok(at_risk)
    }
}

/// Snapshots are the API's own types as JSON (they always serialize).
fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The address as saved: trimmed fields.
pub fn normalized_address(address: &Address) -> Address {
    Address {
        name: address.name.trim().to_owned(),
        street: address.street.trim().to_owned(),
        postcode: address.postcode.trim().to_owned(),
        city: address.city.trim().to_owned(),
        country: address.country.trim().to_owned(),
        phone: address.phone.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parcel(carrier: Carrier, number: &str) -> ShipRequest {
        ShipRequest {
            carrier,
            tracking_number: number.into(),
        }
    }

    #[test]
    fn a_parcel_is_a_known_carrier_and_a_clean_tracking_number() {
        assert_eq!(
            checked_shipment(&parcel(Carrier::Colissimo, " 6a 1234 5678 901 ")).unwrap(),
            (Carrier::Colissimo, "6A12345678901".to_owned())
        );
        for wrong in [
            parcel(Carrier::Other, "6A12345678901"),
            parcel(Carrier::Dpd, "12345"),
            parcel(Carrier::Dpd, "1234-5678"),
            parcel(Carrier::Dpd, &"9".repeat(41)),
        ] {
            assert!(matches!(
                checked_shipment(&wrong),
                Err(OrderError::InvalidShipment)
            ));
        }
        assert_eq!(carrier_name(Carrier::MondialRelay), "mondial_relay");
        assert_eq!(parse_carrier("mondial_relay"), Carrier::MondialRelay);
        assert_eq!(parse_carrier("pigeon"), Carrier::Other);
    }

    #[test]
    fn numbers_are_well_formed_and_differ() {
        let first = new_order_number();
        let second = new_order_number();
        assert_eq!(OrderNumber::parse(first.as_str()).as_ref(), Some(&first));
        assert_ne!(first, second);
    }
}
