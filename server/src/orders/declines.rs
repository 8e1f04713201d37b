//! Card testing (issue #10): a shopper or a bot may not try card after
//! card on the shop's payment form. Every refusal the shop learns of
//! (webhook or poll, through `news.rs`'s `apply`) is recorded once
//! (`payment_declines`); an order with [`ORDER_DECLINE_LIMIT`] refusals in
//! the last [`DECLINE_WINDOW_SECONDS`], or an account with
//! [`ACCOUNT_DECLINE_LIMIT`] over all its orders, is blocked until enough
//! of them are that old ([`blocked_until`]). Reaching a limit closes the
//! card page at the PSP (its iframe then takes no more numbers); while
//! blocked no card page is opened (`card.rs`, `news.rs`), a wallet or a
//! new payment is refused ([`OrderError::TooManyPaymentAttempts`]) and the
//! shopper's order carries `retry_at`. Once the hour has passed, reading
//! the order opens a fresh page.
//!
//! The shop hears of refusals after the PSP made them, so a fast bot may
//! slip in a card or two between the limit and the close: the bound is
//! "about 5", not exactly 5. A PSP's own attempt limit on the session
//! would close that gap where the PSP offers one.

use super::*;
use crate::db::NewDecline;

/// Refused cards an order may take in [`DECLINE_WINDOW_SECONDS`].
pub const ORDER_DECLINE_LIMIT: usize = 5;
/// Refused cards an account may take over all its orders in
/// [`DECLINE_WINDOW_SECONDS`]: more orders do not buy more tries.
pub const ACCOUNT_DECLINE_LIMIT: usize = 20;
/// The rolling window the limits count over.
pub const DECLINE_WINDOW_SECONDS: i64 = 3600;

/// Until when paying is refused, given when the order's and the account's
/// refusals were recorded (any order) and now; `None` when it is not.
/// A limit holds until the refusal that made it reached is an hour old,
/// i.e. until fewer than the limit remain in the window.
pub fn blocked_until(order_declines: &[i64], account_declines: &[i64], now: i64) -> Option<i64> {
    let until = |times: &[i64], limit: usize| {
        let mut recent: Vec<i64> = times
            .iter()
            .copied()
            .filter(|&at| at > now - DECLINE_WINDOW_SECONDS)
            .collect();
        if recent.len() < limit {
            return None;
        }
        recent.sort_unstable();
        // The window must lose `len - limit + 1` refusals: the oldest of
        // those left counted is at `len - limit`.
        Some(recent[recent.len() - limit] + DECLINE_WINDOW_SECONDS)
    };
    match (
        until(order_declines, ORDER_DECLINE_LIMIT),
        until(account_declines, ACCOUNT_DECLINE_LIMIT),
    ) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

impl Orders<'_> {
    /// Until when the order (or its account) may not pay, if blocked.
    pub(super) async fn payment_block(
        &self,
        row: &OrderRow,
        now: i64,
    ) -> Result<Option<i64>, OrderError> {
        let (order, account) = self
            .db
            .decline_times(&row.id, row.account_id, now - DECLINE_WINDOW_SECONDS)
            .await?;
        Ok(blocked_until(&order, &account, now))
    }

    /// Whether no card page may be opened for the order now. A database
    /// failure counts as blocked (logged): the next read tries again.
    pub(super) async fn card_blocked(&self, row: &OrderRow, now: i64) -> bool {
        match self.payment_block(row, now).await {
            Ok(until) => until.is_some(),
            Err(error) => {
                tracing::error!(%error, order = %row.id, "refusal count unavailable: no card page opened");
                true
            }
        }
    }

    /// Refuses a payment (wallet, paying again) while the order is blocked.
    pub(super) async fn refuse_when_blocked(
        &self,
        row: &OrderRow,
        now: i64,
    ) -> Result<(), OrderError> {
        match self.payment_block(row, now).await? {
            Some(retry_at) => Err(OrderError::TooManyPaymentAttempts {
                retry_at,
                retry_after_seconds: u64::try_from(retry_at - now).unwrap_or(1).max(1),
            }),
            None => Ok(()),
        }
    }

    /// The shopper's view of the order: while it is payable but blocked,
    /// when they may try again, and no card page.
    pub(super) async fn shopper_order(
        &self,
        row: &OrderRow,
        now: i64,
    ) -> Result<Order, OrderError> {
        let mut order = to_order(row);
        if order.status.payable()
            && let Some(retry_at) = self.payment_block(row, now).await?
        {
            order.payment.retry_at = Some(retry_at);
            order.payment.hosted_page_url = None;
        }
        Ok(order)
    }

    /// Records a refusal of the order's own payment (`apply` checked it
    /// is), and at a limit closes the card pages it concerns: the order's,
    /// and at the account's limit every open one of the account.
    pub(super) async fn note_decline(
        &self,
        row: &OrderRow,
        payment: &Payment,
        now: i64,
    ) -> Result<(), OrderError> {
        let recorded = self
            .db
            .record_decline(&NewDecline {
                order_id: &row.id,
                account_id: row.account_id,
                payment_id: &payment.id,
                psp_updated_at: payment.updated_at,
                card: &payment.card_label(),
                now,
            })
            .await?;
        if recorded {
            tracing::info!(order = %row.id, payment = %payment.id, "card refusal recorded");
        }
        // Not only when new: a close that failed is retried by the next
        // news of the same refusal (a poll, a redelivered webhook).
        let (order, account) = self
            .db
            .decline_times(&row.id, row.account_id, now - DECLINE_WINDOW_SECONDS)
            .await?;
        if blocked_until(&order, &account, now).is_none() {
            return Ok(());
        }
        tracing::warn!(order = %row.id, account = row.account_id, "too many card refusals: card page closed until the hour has passed");
        self.close_page(&row.id, &payment.id, row.payment_attempt)
            .await;
        if blocked_until(&[], &account, now).is_some() {
            for page in self.db.open_card_pages(row.account_id).await? {
                if page.payment_id != payment.id {
                    self.close_page(&page.order_id, &page.payment_id, page.payment_attempt)
                        .await;
                }
            }
        }
        Ok(())
    }

    /// Closes an unpaid card page at the PSP so that it takes no more
    /// cards. Read first: a card authorized meanwhile is left alone (a
    /// cancel would void it). The PSP not answering is logged; the next
    /// refusal's news tries again.
    async fn close_page(&self, order_id: &str, payment_id: &str, attempt: i64) {
        match self.psp.payment(payment_id).await {
            Ok(payment)
                if matches!(
                    payment.status,
                    PaymentStatus::AwaitingShopper | PaymentStatus::Declined
                ) => {}
            Ok(_) => return,
            Err(error) => {
                tracing::warn!(%error, order = %order_id, "card page not read before closing");
                return;
            }
        }
        let key = format!("order-{order_id}-cancel-{attempt}");
        match self.psp.cancel(payment_id, &key).await {
            Ok(_) | Err(ProviderError::InvalidState) => {}
            Err(error) => tracing::warn!(%error, order = %order_id, "card page not closed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn four_refusals_on_an_order_do_not_block_the_fifth_does() {
        let four = [NOW - 50, NOW - 40, NOW - 30, NOW - 20];
        assert_eq!(blocked_until(&four, &four, NOW), None);
        let five = [NOW - 50, NOW - 40, NOW - 30, NOW - 20, NOW - 10];
        // Until the first of the five is an hour old.
        assert_eq!(
            blocked_until(&five, &five, NOW),
            Some(NOW - 50 + DECLINE_WINDOW_SECONDS)
        );
    }

    #[test]
    fn the_window_rolls_an_hour_old_refusal_no_longer_counts() {
        let five = [NOW - 3600, NOW - 40, NOW - 30, NOW - 20, NOW - 10];
        assert_eq!(blocked_until(&five, &five, NOW), None);
        let first = NOW - 3599;
        let five = [first, NOW - 40, NOW - 30, NOW - 20, NOW - 10];
        assert_eq!(blocked_until(&five, &five, NOW), Some(first + 3600));
        // One second before that, still blocked; at it, free.
        assert_eq!(
            blocked_until(&five, &five, first + 3599),
            Some(first + 3600)
        );
        assert_eq!(blocked_until(&five, &five, first + 3600), None);
    }

    #[test]
    fn beyond_the_limit_the_wait_lasts_until_fewer_than_five_remain() {
        // Seven refusals (two slipped in before the page closed): blocked
        // until the third oldest is an hour old, unsorted input too.
        let seven = [
            NOW - 10,
            NOW - 70,
            NOW - 60,
            NOW - 50,
            NOW - 40,
            NOW - 30,
            NOW - 20,
        ];
        assert_eq!(
            blocked_until(&seven, &seven, NOW),
            Some(NOW - 50 + DECLINE_WINDOW_SECONDS)
        );
    }

    #[test]
    fn the_account_counts_twenty_over_all_its_orders() {
        let none: [i64; 0] = [];
        let nineteen: Vec<i64> = (1..=19).map(|i| NOW - 100 * i).collect();
        assert_eq!(blocked_until(&none, &nineteen, NOW), None);
        let twenty: Vec<i64> = (1..=20).map(|i| NOW - 100 * i).collect();
        assert_eq!(
            blocked_until(&none, &twenty, NOW),
            Some(NOW - 2000 + DECLINE_WINDOW_SECONDS)
        );
        // Refusals older than the hour do not count.
        let mut old: Vec<i64> = (1..=19).map(|i| NOW - 100 * i).collect();
        old.push(NOW - DECLINE_WINDOW_SECONDS - 1);
        assert_eq!(blocked_until(&none, &old, NOW), None);
    }

    #[test]
    fn both_limits_reached_the_later_end_wins() {
        let order = [NOW - 500, NOW - 400, NOW - 300, NOW - 200, NOW - 100];
        let account: Vec<i64> = (1..=20).map(|i| NOW - 10 * i).collect();
        assert_eq!(
            blocked_until(&order, &account, NOW),
            Some(NOW - 200 + DECLINE_WINDOW_SECONDS)
        );
    }
}
