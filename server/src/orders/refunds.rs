//! Refunds an operator makes on a debited order (a wallet order, or a card
//! order once shipped): all that is left or a part, each with its reason,
//! under a claim on the order like every action that moves money. Money
//! and fulfilment are separate: a shipped order refunded in full stays
//! shipped. (An order not shipped yet whose money is all given back is
//! cancelled by the PSP's news, as before: it cannot ship unpaid.)
//!
//! Refund `n` of an order (n = refunds recorded so far + 1) carries the PSP
//! idempotency key `order-{id}-refund-no-{n}`: a request retried after its
//! answer was lost asks the same refund with the same key, and the PSP
//! replays it instead of giving the money back twice. (The cancellation's
//! own refund keeps its older key, `order-{id}-refund-{attempt}`.)

use super::*;
use crate::db::NewRefund;
use shop_api::order::RefundRequest;

/// The reason a cancellation's refund is recorded with.
pub const CANCELLATION_REASON: &str = "Commande annulée";

impl Orders<'_> {
    /// Gives back `request.amount_cents` (all that is left by default) of
    /// the order's debited payment, and answers the order.
    pub async fn refund(
        &self,
        row: OrderRow,
        request: &RefundRequest,
        now: i64,
    ) -> Result<Order, OrderError> {
        let reason = request
            .checked_reason()
            .ok_or(OrderError::InvalidRefundReason)?;
        // Before the money is in there is nothing to give back: an
        // authorization is released by cancelling.
        if !row.debited {
            return Err(OrderError::InvalidState);
        }
        let payment_id = row.payment_id.clone().ok_or(OrderError::InvalidState)?;
        let claim = self.claim(&row, "refund", now).await?;
        let done = self
            .refund_claimed(&row, &payment_id, request.amount_cents, reason, now)
            .await;
        self.release(claim).await;
        done?;
        Ok(to_order(&self.reread(&row.id).await?))
    }

    /// What the shop knows was given back of this payment so far.
    pub(super) async fn refunded_so_far(
        &self,
        row: &OrderRow,
        payment_id: &str,
    ) -> Result<i64, OrderError> {
        Ok(match self.db.payment_record(payment_id).await? {
            Some(record) => record.refunded.cents.max(row.refunded_cents),
            None => row.refunded_cents,
        })
    }

    /// A cancellation gives back all that is left: recorded among the
    /// order's refunds with the shop's own reason. `before` is read before
    /// the PSP is called, since the refund's webhook may come in before
    /// its answer is handled.
    pub(super) async fn record_cancellation_refund(
        &self,
        row: &OrderRow,
        payment: &Payment,
        before: i64,
        now: i64,
    ) -> Result<(), OrderError> {
        let amount = payment.refunded_cents - before;
        // A replayed answer (a retried cancellation) adds nothing new.
        if amount <= 0 {
            return Ok(());
        }
        let number = self.db.refund_count(&row.id).await? + 1;
        self.db
            .insert_refund(&NewRefund {
                order_id: &row.id,
                number,
                payment_id: &payment.id,
                amount_cents: amount,
                reason: CANCELLATION_REASON,
                now,
                pending: false,
            })
            .await?;
        Ok(())
    }

    async fn refund_claimed(
        &self,
        row: &OrderRow,
        payment_id: &str,
        asked: Option<i64>,
        reason: &str,
        now: i64,
    ) -> Result<(), OrderError> {
        if self
            .complete_pending_refund(row, asked, reason, now)
            .await?
        {
            return Ok(());
        }
        // What is left as the shop's own refunds say: each is recorded only
        // once the PSP answered it. When an answer was lost the PSP's news
        // may already show the money back, but the refunds have not moved,
        // so the retry asks the same amount under the same key and is
        // replayed. A refund made at the PSP itself is the PSP's to refuse
        // (`amount_too_large`, below).
        let captured = match self.db.payment_record(payment_id).await? {
            Some(record) => record.captured.cents,
            None => row.total_cents,
        };
        let left = captured - self.db.refunds_recorded(&row.id, payment_id).await?;
        let amount = asked.unwrap_or(left);
        if amount <= 0 || amount > left {
            return Err(OrderError::RefundTooLarge {
                asked: amount,
                left,
            });
        }
        // Written before the PSP is asked: a lost answer leaves it pending,
        // with its reason, to be completed by the next request.
        let number = self.db.refund_count(&row.id).await? + 1;
        self.db
            .insert_refund(&NewRefund {
                order_id: &row.id,
                number,
                payment_id,
                amount_cents: amount,
                reason,
                now,
                pending: true,
            })
            .await?;
        self.ask_refund(row, payment_id, number, amount, left, now)
            .await
    }

    /// A refund asked before whose answer never came is completed first,
    /// under its own key and amount (the PSP replays it, or makes it now):
    /// `true` when it was the refund asked again now.
    async fn complete_pending_refund(
        &self,
        row: &OrderRow,
        asked: Option<i64>,
        reason: &str,
        now: i64,
    ) -> Result<bool, OrderError> {
        let Some(pending) = self.db.pending_refund(&row.id).await? else {
            return Ok(false);
        };
        self.ask_refund(
            row,
            &pending.payment_id,
            pending.number,
            pending.amount_cents,
            pending.amount_cents,
            now,
        )
        .await?;
        let same =
            pending.reason == reason && asked.is_none_or(|cents| cents == pending.amount_cents);
        if same {
            Ok(true)
        } else {
            // Another amount or reason may be a correction of the first, or
            // a second gesture: the operator says which, knowing.
            Err(OrderError::EarlierRefundCompleted {
                amount_cents: pending.amount_cents,
            })
        }
    }

    /// Asks the PSP for refund `number` and settles its row.
    async fn ask_refund(
        &self,
        row: &OrderRow,
        payment_id: &str,
        number: i64,
        amount: i64,
        left: i64,
        now: i64,
    ) -> Result<(), OrderError> {
        let key = format!("order-{}-refund-no-{number}", row.id);
        let payment = match self.psp.refund(payment_id, Some(amount), &key).await {
            Ok(payment) => payment,
            // The PSP knows of less to give back than the shop did (a
            // refund made at the PSP itself): read and applied, then said.
            Err(ProviderError::Invalid(code)) => {
                tracing::warn!(order = %row.id, %code, "the PSP refused the refund's amount");
                self.db
                    .settle_refund(&row.id, number, false, now, None)
                    .await?;
                if let Ok(payment) = self.psp.payment(payment_id).await {
                    self.apply(row, &payment, now).await?;
                }
                return Err(OrderError::RefundTooLarge {
                    asked: amount,
                    left,
                });
            }
            // No answer: the refund stays pending for the next request.
            Err(error) => return Err(error.into()),
        };
        let notice = match self.db.account(row.account_id).await? {
            Some(account) => Some((
                format!("order-refunded:{}:{number}", row.id),
                self.letters.order_refunded(
                    account.language,
                    &account.email,
                    &view::to_order(row),
                    Money::eur(amount),
                ),
            )),
            None => None,
        };
        self.db
            .settle_refund(
                &row.id,
                number,
                true,
                now,
                notice.as_ref().map(|(key, mail)| (key.as_str(), mail)),
            )
            .await?;
        tracing::info!(order = %row.id, number, amount_cents = amount, "refund made");
        self.apply(row, &payment, now).await
    }
}
