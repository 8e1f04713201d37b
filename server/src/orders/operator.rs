//! Operator steps (production, shipping, delivery, cancellation) and the
//! shopper's own cancellation, which is the operator's one done earlier.

use super::*;

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

impl Orders<'_> {
    /// The shopper cancels before production starts: the authorization is
    /// voided (or the wallet payment refunded). Later, only customer
    /// service (an operator) can.
    pub async fn cancel(&self, account_id: i64, id: &str, now: i64) -> Result<Order, OrderError> {
        let row = self.owned(account_id, id).await?;
        let status = row.status;
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
            if !allows(row.status, OperatorAction::Ship) {
                return Err(OrderError::InvalidState);
            }
            self.db
                .set_shipment(&row.id, carrier, &tracking_number)
                .await?;
        }
        self.operate(row, OperatorAction::Ship, now).await
    }

    /// Releases what the order's current payment holds on the card. A
    /// payment the PSP will not void because it lapsed or closed already
    /// holds nothing: that is checked, not assumed.
    pub(super) async fn void(
        &self,
        row: &OrderRow,
        payment_id: &str,
        now: i64,
    ) -> Result<(), OrderError> {
        let key = format!("order-{}-cancel-{}", row.id, row.payment_attempt);
        match self.psp.cancel(payment_id, &key).await {
            Ok(payment) => self.apply(row, &payment, now).await,
            Err(ProviderError::InvalidState | ProviderError::AuthorizationExpired) => {
                let payment = self.psp.payment(payment_id).await?;
                // What the PSP says is news like any other: recorded and
                // applied (a lapse shows as such before the cancellation).
                self.apply(row, &payment, now).await?;
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

    /// An operator's step: production, shipping (which captures the
    /// payment), delivery, or cancellation (which voids or refunds it),
    /// under a claim on the order so that no other action moves its money
    /// meanwhile.
    pub async fn operate(
        &self,
        row: OrderRow,
        action: OperatorAction,
        now: i64,
    ) -> Result<Order, OrderError> {
        let status = row.status;
        if !allows(status, action) {
            return Err(OrderError::InvalidState);
        }
        let claim = self.claim(&row, action.name(), now).await?;
        let done = self.perform(&row, action, now).await;
        self.release(claim).await;
        done?;
        let row = self.reread(&row.id).await?;
        Ok(to_order(&row))
    }

    /// The step itself, once the order is claimed.
    async fn perform(
        &self,
        row: &OrderRow,
        action: OperatorAction,
        now: i64,
    ) -> Result<(), OrderError> {
        let simple = |to: OrderStatus| PaymentChange {
            payment_id: None,
            from: row.status,
            to,
            psp_updated_at: row.psp_updated_at,
            last_decline: None,
            authorization_expires_at: None,
            debited: false,
            now,
        };
        // A step that moves no money still loses to news applied since the
        // order was read: the order is then not where the operator saw it.
        let step = |to: OrderStatus| async move {
            if self.change_status(&row.id, &simple(to)).await? {
                Ok(())
            } else {
                Err(OrderError::InvalidState)
            }
        };
        match action {
            OperatorAction::StartProduction => step(OrderStatus::InProduction).await?,
            OperatorAction::MarkDelivered => step(OrderStatus::Delivered).await?,
            // Paid with a wallet: the money is in, unless it was given back
            // at the PSP meanwhile (a refund by customer service there):
            // asked, applied, and only then shipped.
            OperatorAction::Ship if row.debited => {
                let payment_id = row.payment_id.as_deref().ok_or(OrderError::InvalidState)?;
                let payment = self.psp.payment(payment_id).await?;
                self.apply(row, &payment, now).await?;
                if !matches!(
                    payment.status,
                    PaymentStatus::Captured | PaymentStatus::PartiallyRefunded
                ) {
                    return Err(OrderError::InvalidState);
                }
                step(OrderStatus::Shipped).await?;
            }
            OperatorAction::Cancel if row.debited => {
                let payment_id = row.payment_id.as_deref().ok_or(OrderError::InvalidState)?;
                let key = format!("order-{}-refund-{}", row.id, row.payment_attempt);
                let before = self.refunded_so_far(row, payment_id).await?;
                let payment = self.psp.refund(payment_id, None, &key).await?;
                self.record_cancellation_refund(row, &payment, before, now)
                    .await?;
                self.apply(row, &payment, now).await?;
            }
            OperatorAction::Ship => {
                let payment_id = row.payment_id.as_deref().ok_or(OrderError::InvalidState)?;
                let key = format!("order-{}-capture-{}", row.id, row.payment_attempt);
                match self.psp.capture(payment_id, &key).await {
                    Ok(payment) => self.apply(row, &payment, now).await?,
                    Err(ProviderError::AuthorizationExpired) => {
                        // Read the payment's expired state and apply it.
                        if let Ok(payment) = self.psp.payment(payment_id).await {
                            self.apply(row, &payment, now).await?;
                        }
                        return Err(OrderError::AuthorizationExpired);
                    }
                    Err(error) => return Err(error.into()),
                }
            }
            OperatorAction::Cancel => {
                if let Some(payment_id) = row.payment_id.as_deref() {
                    self.void(row, payment_id, now).await?;
                }
                // Whatever the PSP's answer moved (or did not: an unpaid
                // session, a new payment after a lapsed one), the order
                // ends cancelled, from the status it has now.
                // The PSP's answer may have moved the order (a lapse heard
                // only now) and its news time with it: both are read again.
                let now_stored = self.reread(&row.id).await?;
                if now_stored.status != OrderStatus::Cancelled
                    && !self
                        .change_status(
                            &row.id,
                            &PaymentChange {
                                from: now_stored.status,
                                psp_updated_at: now_stored.psp_updated_at,
                                ..simple(OrderStatus::Cancelled)
                            },
                        )
                        .await?
                {
                    return Err(OrderError::Busy);
                }
            }
        }
        Ok(())
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
    }

    #[test]
    fn numbers_are_well_formed_and_differ() {
        let first = new_order_number();
        let second = new_order_number();
        assert_eq!(OrderNumber::parse(first.as_str()).as_ref(), Some(&first));
        assert_ne!(first, second);
    }
}
