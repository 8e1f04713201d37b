//! What the PSP says of an order's payment, by webhook or by poll,
//! applied through `lifecycle`'s rules after `payment_check`'s checks.

use super::*;

impl Orders<'_> {
    /// Polls the PSP for an order whose payment may have moved.
    pub(super) async fn refresh(
        &self,
        row: OrderRow,
        shop_origin: &str,
        now: i64,
    ) -> Result<OrderRow, OrderError> {
        let status = row.status;
        let Some(payment_id) = row.payment_id.clone() else {
            if status.payable() && status != OrderStatus::PaymentExpired {
                return Ok(self.open_payment(&row, shop_origin, now).await);
            }
            return Ok(row);
        };
        // Only shipped, delivered and cancelled orders are settled; an expired
        // one may be paid again on a new payment.
        if status.settled() {
            return Ok(row);
        }
        match self.psp.payment(&payment_id).await {
            Ok(payment) => {
                self.apply(&row, &payment, now).await?;
                let row = self.reread(&row.id).await?;
                if needs_card_page(&row, &payment) {
                    return self.offer_card_again(row, shop_origin, now).await;
                }
                Ok(row)
            }
            // The PSP is down: show what the shop knows.
            Err(error) => {
                tracing::warn!(%error, order = %row.id, "PSP poll failed");
                Ok(row)
            }
        }
    }

    /// A fresh card page for a payable order whose payment can no longer
    /// be paid: its session was closed, or a wallet payment never went
    /// through. Not while another action holds the order (a wallet call in
    /// flight); the wallet payment is closed first, so a late call cannot
    /// capture it once the card is offered.
    async fn offer_card_again(
        &self,
        row: OrderRow,
        shop_origin: &str,
        now: i64,
    ) -> Result<OrderRow, OrderError> {
        // Card testing: the page closed at the limit stays closed until
        // the hour has passed (`declines.rs`); then this read reopens it.
        if self.payment_block(&row, now).await?.is_some() {
            return Ok(row);
        }
        let claim = match self.claim(&row, "reopen", now).await {
            Ok(claim) => claim,
            Err(OrderError::Busy) => return Ok(row),
            Err(error) => return Err(error),
        };
        let reopened = self.reopen_claimed(&row, shop_origin, now).await;
        self.release(claim).await;
        reopened
    }

    pub(super) async fn reopen_claimed(
        &self,
        row: &OrderRow,
        shop_origin: &str,
        now: i64,
    ) -> Result<OrderRow, OrderError> {
        if let Some(payment_id) = row.payment_id.as_deref()
            && row.payment_method != PaymentMethod::Card
            && !self.close_unpaid(row, payment_id, now).await?
        {
            return self.reread(&row.id).await;
        }
        Ok(self.reopen_card(row, shop_origin, now).await)
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
            // An earlier attempt's payment: its record follows, the order
            // does not.
            if payment_check::mismatch(row, payment).is_none()
                && self.db.is_payment_of(&row.id, &payment.id).await?
            {
                self.remember(&row.id, Opened::current(row), payment, now)
                    .await?;
            }
            return Ok(());
        }
        if let Some(reason) = payment_check::mismatch(row, payment) {
            tracing::error!(order = %row.id, payment = %payment.id, %reason, "PSP news held for review: not this order's payment");
            self.db
                .hold_payment(&row.id, &payment.id, &reason, now)
                .await?;
            return Ok(());
        }
        self.remember(&row.id, Opened::current(row), payment, now)
            .await?;
        if payment.refunded_cents > row.refunded_cents
            && self
                .db
                .record_refund(&row.id, payment.refunded_cents)
                .await?
        {
            tracing::info!(order = %row.id, refunded_cents = payment.refunded_cents, "refund recorded");
        }
        if let Some(card) = &payment.card {
            self.db
                .record_card(
                    &row.id,
                    &payment.id,
                    &card.brand,
                    card.last4.as_deref(),
                    payment.stored_card_id.as_deref(),
                )
                .await?;
        }
        // Card testing: every refusal counts, stale news included (a poll
        // may have seen a later one first); at a limit the page closes.
        if payment.status == PaymentStatus::Declined {
            self.note_decline(row, payment, now).await?;
        }
        let current = row.status;
        let decline = (payment.status == PaymentStatus::Declined)
            .then(|| payment.decline.map_or(PaymentDecline::Other, decline_of));
        let Some(next) = after_payment(current, row.debited, payment.status) else {
            // Same status, but a new refusal reason is still news.
            if decline.is_some() && current == OrderStatus::PaymentFailed {
                self.change_status(
                    &row.id,
                    &PaymentChange {
                        payment_id: Some(payment.id.clone()),
                        from: row.status,
                        to: row.status,
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
            .change_status(
                &row.id,
                &PaymentChange {
                    payment_id: Some(payment.id.clone()),
                    from: row.status,
                    to: next,
                    psp_updated_at: payment.updated_at,
                    last_decline: decline,
                    authorization_expires_at: self.authorization_end(payment).await?,
                    debited: payment.status == PaymentStatus::Captured,
                    now,
                },
            )
            .await?;
        if changed {
            tracing::info!(order = %row.id, from = ?row.status, to = ?next, "order status changed");
        }
        Ok(())
    }
}

impl Orders<'_> {
    /// When an authorization stops holding: the PSP's word, or the shop's
    /// deadline for the card's brand (from the authorization) when earlier.
    pub(super) async fn authorization_end(
        &self,
        payment: &Payment,
    ) -> Result<Option<i64>, OrderError> {
        let reported = payment.authorization_expires_at;
        let (Some(authorized_at), Some(card)) = (payment.authorized_at, &payment.card) else {
            return Ok(reported);
        };
        let Some(days) = self.db.authorization_days(&card.brand).await? else {
            return Ok(reported);
        };
        let deadline = authorized_at + days * 86_400;
        Ok(Some(reported.map_or(deadline, |end| end.min(deadline))))
    }
}

/// Whether a payable order's current payment is past paying: a closed
/// session, or a wallet payment that was refused or never reached.
fn needs_card_page(row: &OrderRow, payment: &Payment) -> bool {
    let status = row.status;
    if !status.payable() || status == OrderStatus::PaymentExpired {
        return false;
    }
    payment.status == PaymentStatus::Cancelled
        || (row.payment_method != PaymentMethod::Card
            && matches!(
                payment.status,
                PaymentStatus::AwaitingShopper | PaymentStatus::Declined
            ))
}
