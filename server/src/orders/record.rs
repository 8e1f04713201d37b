//! The payment record kept in step: each PSP payment the shop opens (card
//! page, wallet, re-authorization) is stored at once, and every answer or
//! piece of news the shop applies updates it (`db/payments.rs` keeps the
//! newest by the PSP's time). Operators read it as the order's history.

use super::*;
use crate::db::PaymentNews;
use shop_api::order::{PaymentInitiator, PaymentRecordStatus};

/// The PSP's status in the record's words.
pub(super) fn record_status(status: PaymentStatus) -> PaymentRecordStatus {
    match status {
        PaymentStatus::AwaitingShopper => PaymentRecordStatus::AwaitingShopper,
        PaymentStatus::Authorized => PaymentRecordStatus::Authorized,
        PaymentStatus::Declined => PaymentRecordStatus::Declined,
        PaymentStatus::Captured => PaymentRecordStatus::Captured,
        PaymentStatus::Cancelled => PaymentRecordStatus::Cancelled,
        PaymentStatus::Expired => PaymentRecordStatus::Expired,
        PaymentStatus::Refunded => PaymentRecordStatus::Refunded,
        PaymentStatus::PartiallyRefunded => PaymentRecordStatus::PartiallyRefunded,
    }
}

/// How an order's payment was opened, kept with its first record.
#[derive(Debug, Clone, Copy)]
pub(super) struct Opened {
    pub attempt: i64,
    pub method: PaymentMethod,
    pub initiator: PaymentInitiator,
}

impl Opened {
    /// The order's current payment as the order row knows it (a news
    /// about a payment the record missed is stored with these).
    pub(super) fn current(row: &OrderRow) -> Self {
        Opened {
            attempt: row.payment_attempt,
            method: row.payment_method,
            // Only the re-authorization opens merchant payments, and it
            // records them itself first.
            initiator: PaymentInitiator::Shopper,
        }
    }
}

impl Orders<'_> {
    /// Stores what the PSP said of one of the order's payments.
    pub(super) async fn remember(
        &self,
        order_id: &str,
        opened: Opened,
        payment: &Payment,
        now: i64,
    ) -> Result<(), OrderError> {
        // What the authorization holds now: nothing once captured, voided
        // or lapsed.
        let authorized_cents = if payment.status == PaymentStatus::Authorized {
            payment.amount_cents
        } else {
            0
        };
        self.db
            .record_payment(&PaymentNews {
                payment_id: &payment.id,
                order_id,
                attempt: opened.attempt,
                method: opened.method,
                initiator: opened.initiator,
                status: record_status(payment.status),
                amount_cents: payment.amount_cents,
                currency: &payment.currency,
                authorized_cents,
                captured_cents: payment.captured_cents,
                refunded_cents: payment.refunded_cents,
                card_brand: payment.card.as_ref().map(|card| card.brand.as_str()),
                card_last4: payment.card.as_ref().and_then(|card| card.last4.as_deref()),
                decline: payment.decline.map(decline_of),
                authorized_at: payment.authorized_at,
                authorization_expires_at: payment.authorization_expires_at,
                updated_at: payment.updated_at,
                now,
            })
            .await?;
        Ok(())
    }

    /// [`Self::remember`] where the order's action goes on whatever the
    /// record says (the PSP acted; the history is only behind): logged.
    pub(super) async fn remember_or_log(
        &self,
        order_id: &str,
        opened: Opened,
        payment: &Payment,
        now: i64,
    ) {
        if let Err(error) = self.remember(order_id, opened, payment, now).await {
            tracing::error!(%error, order = %order_id, payment = %payment.id, "payment record not updated");
        }
    }
}
