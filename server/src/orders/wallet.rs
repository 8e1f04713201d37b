//! Apple Pay and Google Pay: the merchant session, and paying an order
//! with a wallet's token on a payment captured at once.

use super::*;

impl Orders<'_> {
    /// Apple Pay's merchant validation for a payable order.
    pub async fn apple_pay_session(
        &self,
        account_id: i64,
        id: &str,
        validation_url: &str,
        domain: &str,
        now: i64,
    ) -> Result<String, OrderError> {
        let row = self.owned(account_id, id).await?;
        if !row.status.payable() {
            return Err(OrderError::InvalidState);
        }
        // Card testing: no wallet sheet while blocked (`declines.rs`).
        self.refuse_when_blocked(&row, now).await?;
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
        if !row.status.payable() {
            return Err(OrderError::InvalidState);
        }
        // Card testing: refused before the PSP is called (`declines.rs`).
        self.refuse_when_blocked(&row, now).await?;
        let claim = self.claim(&row, "wallet", now).await?;
        let paid = self
            .pay_claimed_with_wallet(&row, method, token_json, shop_origin, now)
            .await;
        self.release(claim).await;
        paid
    }

    async fn pay_claimed_with_wallet(
        &self,
        row: &OrderRow,
        method: WalletMethod,
        token_json: &str,
        shop_origin: &str,
        now: i64,
    ) -> Result<Order, OrderError> {
        let (wallet, method_name) = match method {
            WalletMethod::ApplePay => (Wallet::ApplePay, PaymentMethod::ApplePay),
            WalletMethod::GooglePay => (Wallet::GooglePay, PaymentMethod::GooglePay),
        };
        let attempt = row.payment_attempt + 1;
        // Not the card page's key space: a card page opened later on the
        // same attempt number (after a lost answer) is another request.
        let key = format!("order-{}-wallet-payment-{attempt}", row.id);
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
        let opened = Opened {
            attempt,
            method: method_name,
            initiator: PaymentInitiator::Shopper,
        };
        self.remember(&row.id, opened, &payment, now).await?;
        // The card page opened before is closed, so the order cannot be
        // paid twice. The order no longer follows that payment, so its
        // cancellation event changes nothing. (Should the PSP not answer,
        // a card paid there all the same belongs to no live order: the
        // reconciler voids it.)
        if let Some(card_payment) = row.payment_id.as_deref()
            && row.payment_method == PaymentMethod::Card
        {
            let key = format!("order-{}-cancel-{}", row.id, row.payment_attempt);
            match self.psp.cancel(card_payment, &key).await {
                Ok(closed) => {
                    self.remember_or_log(&row.id, Opened::current(row), &closed, now)
                        .await;
                }
                Err(ProviderError::InvalidState) => {}
                Err(error) => tracing::warn!(%error, order = %row.id, "card page not closed"),
            }
        }
        let row = self.reread(&row.id).await?;
        let key = format!("order-{}-wallet-{attempt}", row.id);
        match self
            .wallet_outcome(&payment.id, wallet, token_json, &key)
            .await
        {
            // The call never reached the PSP: nothing was paid.
            WalletOutcome::Answered(result) if result.status == PaymentStatus::AwaitingShopper => {
                self.reopen_claimed(&row, shop_origin, now).await?;
                return Err(OrderError::PaymentUnavailable(
                    "the wallet payment did not reach the PSP".into(),
                ));
            }
            WalletOutcome::Answered(result) => self.apply(&row, &result, now).await?,
            WalletOutcome::Refused(error) => {
                if self.close_unpaid(&row, &payment.id, now).await? {
                    self.reopen_card(&row, shop_origin, now).await;
                }
                return Err(error);
            }
            WalletOutcome::Unknown(error) => {
                // It may have debited: the order keeps following it, and
                // offers nothing else until the PSP says (a poll or its
                // webhook).
                tracing::warn!(%error, order = %row.id, payment = %payment.id, "wallet payment outcome unknown: kept, no card offered until the PSP answers");
                return Err(OrderError::PaymentUnavailable(error.to_string()));
            }
        }
        let row = self.reread(&row.id).await?;
        if row.status.payable() {
            // Refused: the card remains, on a new card page.
            let reopened = self.reopen_claimed(&row, shop_origin, now).await?;
            return self.shopper_order(&reopened, now).await;
        }
        self.shopper_order(&row, now).await
    }

    /// The wallet call's result, made certain: an answer that did not come
    /// (timeout, 5xx) or was a conflict may hide a capture, so the same
    /// call is made again with the same key and body (the PSP replays what
    /// it did, or does it now), then the payment is read.
    async fn wallet_outcome(
        &self,
        payment_id: &str,
        wallet: Wallet,
        token_json: &str,
        key: &str,
    ) -> WalletOutcome {
        let mut last = None;
        for _ in 0..2 {
            match self
                .psp
                .pay_with_wallet(payment_id, wallet, token_json, key)
                .await
            {
                Ok(payment) => return WalletOutcome::Answered(payment),
                Err(ProviderError::Invalid(_)) => {
                    return WalletOutcome::Refused(OrderError::InvalidWalletRequest);
                }
                Err(error) => last = Some(error),
            }
        }
        match self.psp.payment(payment_id).await {
            Ok(payment) => WalletOutcome::Answered(payment),
            Err(error) => WalletOutcome::Unknown(last.unwrap_or(error)),
        }
    }

    /// Closes a wallet payment the shopper did not pay, so that a late
    /// call cannot capture it after the card is offered again; answers
    /// whether it is closed (`false`: it was paid meanwhile, and that news
    /// is applied).
    pub(super) async fn close_unpaid(
        &self,
        row: &OrderRow,
        payment_id: &str,
        now: i64,
    ) -> Result<bool, OrderError> {
        let key = format!("order-{}-cancel-{}", row.id, row.payment_attempt);
        match self.psp.cancel(payment_id, &key).await {
            Ok(closed) => {
                self.remember_or_log(&row.id, Opened::current(row), &closed, now)
                    .await;
                Ok(true)
            }
            Err(ProviderError::InvalidState) => {
                let payment = self.psp.payment(payment_id).await?;
                self.apply(row, &payment, now).await?;
                Ok(!matches!(
                    payment.status,
                    PaymentStatus::Authorized | PaymentStatus::Captured
                ))
            }
            Err(error) => Err(error.into()),
        }
    }
}

/// What came of a wallet call once resolved with the PSP.
enum WalletOutcome {
    /// The payment as the PSP holds it (captured, or declined).
    Answered(Payment),
    /// The request itself was refused (token, validation): nothing moved.
    Refused(OrderError),
    /// The PSP could not say: the payment may have been captured.
    Unknown(ProviderError),
}
