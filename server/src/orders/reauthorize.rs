//! Authorizations that outlive production. A card is debited only at
//! shipment, and an authorization holds about a week; a photo book can take
//! longer. When the shopper agreed at checkout that the PSP keeps the card
//! for this order, the shop authorizes the same amount again on the stored
//! card (merchant-initiated) a day before the current authorization ends,
//! moves the order to the new authorization, then voids the old one.
//! Shipping captures whichever is live. Only when the PSP refuses (or no
//! consent was given) does the old authorization lapse and the order page
//! ask the shopper to pay again, production waiting.

use super::*;

/// How long before its end an authorization is renewed: time for the
/// reconciler's minute-by-minute passes to try, and for an operator to see
/// a refusal before it matters.
pub const REAUTHORIZE_LEAD_SECONDS: i64 = 24 * 3600;

/// What a renewal came to, for the reconciler's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Renewal {
    /// The order now holds `payment_id`'s authorization.
    Renewed {
        order_id: String,
        payment_id: String,
    },
    /// The PSP refused: the shopper will be asked to pay when it lapses.
    Refused { order_id: String },
    /// Another action held the order, or it moved on: tried next pass.
    Skipped { order_id: String },
}

impl Orders<'_> {
    /// Renews every authorization ending within the lead time whose card is
    /// kept on file.
    pub async fn reauthorize_due(&self, now: i64) -> Result<Vec<Renewal>, OrderError> {
        let mut renewals = Vec::new();
        for row in self
            .db
            .orders_to_reauthorize(now + REAUTHORIZE_LEAD_SECONDS)
            .await?
        {
            let order_id = row.id.clone();
            let renewal = match self.claim(&row, "reauthorize", now).await {
                Ok(claim) => {
                    let renewed = self.reauthorize(&row, now).await;
                    self.release(claim).await;
                    match renewed {
                        Ok(renewal) => renewal,
                        Err(error) => {
                            tracing::warn!(%error, order = %order_id, "authorization not renewed; tried again next pass");
                            Renewal::Skipped { order_id }
                        }
                    }
                }
                Err(OrderError::Busy) => Renewal::Skipped { order_id },
                Err(error) => return Err(error),
            };
            renewals.push(renewal);
        }
        Ok(renewals)
    }

    async fn reauthorize(&self, row: &OrderRow, now: i64) -> Result<Renewal, OrderError> {
        let (Some(stored_card), Some(old_payment)) =
            (row.stored_card_id.as_deref(), row.payment_id.as_deref())
        else {
            return Ok(Renewal::Skipped {
                order_id: row.id.clone(),
            });
        };
        let attempt = row.payment_attempt + 1;
        // Its own key space: a refused renewal leaves the attempt number
        // unused, and the card page or wallet that may take it later must
        // not meet this request's key with another body.
        let key = format!("order-{}-reauth-{attempt}", row.id);
        let description = format!("Commande {}", row.number.as_deref().unwrap_or_default());
        let payment = self
            .psp
            .authorize_stored_card(stored_card, row.total_cents, &row.id, &description, &key)
            .await?;
        let opened = Opened {
            attempt,
            method: PaymentMethod::Card,
            initiator: PaymentInitiator::Merchant,
        };
        self.remember(&row.id, opened, &payment, now).await?;
        // Read back before the order moves to it: a replayed answer (a pass
        // that died before switching) may name an authorization voided
        // since as belonging to no order.
        let payment = if payment.status == PaymentStatus::Authorized {
            self.psp.payment(&payment.id).await?
        } else {
            payment
        };
        if payment.status != PaymentStatus::Authorized {
            tracing::warn!(order = %row.id, payment = %payment.id, "the PSP refused to authorize the stored card again");
            self.db.mark_reauthorization_declined(&row.id, now).await?;
            return Ok(Renewal::Refused {
                order_id: row.id.clone(),
            });
        }
        let end = self.authorization_end(&payment).await?;
        if !self
            .db
            .switch_authorization(&row.id, old_payment, attempt, &payment.id, end, now)
            .await?
        {
            // The order moved on (cancelled, lapsed) while the PSP answered:
            // the new authorization belongs to nothing, so it is released.
            let key = format!("order-{}-reauth-cancel-{attempt}", row.id);
            self.psp.cancel(&payment.id, &key).await?;
            return Ok(Renewal::Skipped {
                order_id: row.id.clone(),
            });
        }
        tracing::info!(order = %row.id, old = %old_payment, new = %payment.id, "authorization renewed on the stored card");
        // The old authorization no longer holds anything the order needs;
        // its cancellation news is about a payment the order left.
        let key = format!("order-{}-cancel-{}", row.id, row.payment_attempt);
        match self.psp.cancel(old_payment, &key).await {
            Ok(voided) => {
                self.remember_or_log(&row.id, Opened::current(row), &voided, now)
                    .await;
            }
            Err(ProviderError::InvalidState | ProviderError::AuthorizationExpired) => {}
            Err(error) => {
                tracing::warn!(%error, order = %row.id, payment = %old_payment, "old authorization not voided; it lapses by itself");
            }
        }
        Ok(Renewal::Renewed {
            order_id: row.id.clone(),
            payment_id: payment.id,
        })
    }
}
