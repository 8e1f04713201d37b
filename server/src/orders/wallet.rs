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
}
