//! One action at a time on an order's money. Shipping, cancelling, paying
//! with a wallet and paying again each claim the order first (a
//! compare-and-set on its status and a free claim), then call the PSP,
//! then settle and release. Two actions racing: the second finds the order
//! claimed and is told so (409), so an order is never shipped *and*
//! refunded, both answering 200. A claim left by a process that died lapses
//! after [`CLAIM_LIFETIME_SECONDS`]; the next action retries with the same
//! PSP idempotency keys, so nothing moves twice.

use super::*;

/// Longer than any PSP call with its retries.
pub(super) const CLAIM_LIFETIME_SECONDS: i64 = 120;

/// An order held by one action until released.
pub(super) struct Claim {
    order_id: String,
    token: String,
}

impl Orders<'_> {
    /// Takes the order as `row` shows it, or answers `Busy` when another
    /// action holds it or it moved since it was read.
    pub(super) async fn claim(
        &self,
        row: &OrderRow,
        action: &str,
        now: i64,
    ) -> Result<Claim, OrderError> {
        let token = format!("{action}-{}", new_order_id());
        let taken = self
            .db
            .claim_order(
                &row.id,
                row.status,
                &token,
                now,
                now - CLAIM_LIFETIME_SECONDS,
            )
            .await?;
        if !taken {
            return Err(OrderError::Busy);
        }
        Ok(Claim {
            order_id: row.id.clone(),
            token,
        })
    }

    /// Frees the order. A failure here only delays the next action until
    /// the claim lapses, so it is logged, not returned.
    pub(super) async fn release(&self, claim: Claim) {
        if let Err(error) = self.db.release_order(&claim.order_id, &claim.token).await {
            tracing::error!(%error, order = %claim.order_id, "order claim not released; it lapses by itself");
        }
    }
}
