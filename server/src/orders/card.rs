//! Card payments: the PSP's hosted page for each attempt, and paying
//! again after a lapsed authorization or a wallet's refusal.

use super::*;

impl Orders<'_> {
    /// Opens the PSP payment of the order's current attempt. The PSP not
    /// answering is not an error for the shopper: the order is kept and the
    /// next read tries again (same idempotency key, so never twice).
    pub(super) async fn open_payment(
        &self,
        row: &OrderRow,
        shop_origin: &str,
        now: i64,
    ) -> OrderRow {
        // Card testing: no page while the order or its account has had too
        // many cards refused (`declines.rs`); the next read after the wait
        // opens it.
        if self.card_blocked(row, now).await {
            return row.clone();
        }
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
                    store_card: row.keep_card,
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
                        PaymentMethod::Card,
                        now,
                    )
                    .await;
                match stored {
                    Ok(()) => {
                        let opened = Opened {
                            attempt: row.payment_attempt,
                            method: PaymentMethod::Card,
                            initiator: PaymentInitiator::Shopper,
                        };
                        self.remember_or_log(&row.id, opened, &payment, now).await;
                        OrderRow {
                            payment_id: Some(payment.id),
                            hosted_page_url: payment.hosted_page_url,
                            payment_method: PaymentMethod::Card,
                            ..row.clone()
                        }
                    }
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
        let status = row.status;
        if !status.payable() {
            return Err(OrderError::InvalidState);
        }
        // Card testing: asking again opens nothing while blocked (429).
        self.refuse_when_blocked(&row, now).await?;
        if status != OrderStatus::PaymentExpired && row.payment_id.is_some() {
            return self.shopper_order(&row, now).await;
        }
        // Asked again (a double click, a second tab): the page opened after
        // the lapse is still the one to pay, and a second would be left
        // open beside it.
        if status == OrderStatus::PaymentExpired
            && let Some(current) = row.payment_id.as_deref()
            && self
                .psp
                .payment(current)
                .await
                .is_ok_and(|payment| payment.status == PaymentStatus::AwaitingShopper)
        {
            return self.shopper_order(&row, now).await;
        }
        // A cancellation racing this must not find a fresh payment opened
        // on the order it just cancelled.
        let claim = self.claim(&row, "pay-again", now).await?;
        let row = if status == OrderStatus::PaymentExpired {
            let next = OrderRow {
                payment_attempt: row.payment_attempt + 1,
                payment_id: None,
                ..row
            };
            self.open_payment(&next, shop_origin, now).await
        } else {
            self.open_payment(&row, shop_origin, now).await
        };
        self.release(claim).await;
        self.shopper_order(&row, now).await
    }

    /// A fresh card payment after a wallet attempt that did not pay.
    pub(super) async fn reopen_card(
        &self,
        row: &OrderRow,
        shop_origin: &str,
        now: i64,
    ) -> OrderRow {
        let next = OrderRow {
            payment_attempt: row.payment_attempt + 1,
            payment_id: None,
            ..row.clone()
        };
        self.open_payment(&next, shop_origin, now).await
    }
}
