//! Making an order from the account's cart: checks, prices, the snapshot
//! and its number, then the first card payment.

use super::*;
use crate::db::OrderPhotoRow;
use crate::projects::ClientId;
use crate::projects::files::{FrozenPhoto, PhotoFiles};
use shop_api::catalogue::Catalogue;

/// What making an order needs from the shop besides the database and PSP.
pub struct OrderingShop<'a> {
    /// The server's in-memory catalogue, which prices the order.
    pub catalogue: &'a Catalogue,
    /// Where the ordered photos are frozen.
    pub photos: &'a PhotoFiles,
    /// The shop's public origin (the card page's way back).
    pub origin: &'a str,
}

impl Orders<'_> {
    /// Makes the order from the account's cart (or answers the one this
    /// idempotency key already made), freezes the photos it will print, and
    /// opens its card payment.
    pub async fn create(
        &self,
        shop: &OrderingShop<'_>,
        account_id: i64,
        idempotency_key: &str,
        request: &NewOrder,
        now: i64,
    ) -> Result<(Order, bool), OrderError> {
        let catalogue = shop.catalogue;
        if !valid_idempotency_key(idempotency_key) {
            return Err(OrderError::InvalidIdempotencyKey);
        }
        if request.accepted_terms.as_deref() != Some(TERMS_VERSION) {
            return Err(OrderError::TermsNotAccepted);
        }
        if !request.delivery_address.invalid_fields().is_empty() {
            return Err(OrderError::InvalidAddress);
        }
        let mut cart = self.db.cart(account_id).await?;
        if cart.lines.is_empty() {
            // A retried request after the cart was emptied by this order's
            // authorization still finds its order.
            if let Some(existing) = self.existing(account_id, idempotency_key).await? {
                return Ok((self.shopper_order(&existing, now).await?, false));
            }
            return Err(OrderError::CartEmpty);
        }
        let delivery_max_days = catalogue
            .delivery_options
            .iter()
            .find(|o| o.id == request.delivery_option_id)
            .map(|o| o.max_days)
            .ok_or(OrderError::UnknownDeliveryOption)?;
        let mut production_days = Vec::with_capacity(cart.lines.len());
        let mut projects = Vec::with_capacity(cart.lines.len());
        for line in &cart.lines {
            let project = self
                .db
                .project(account_id, &line.project_id)
                .await?
                .ok_or(OrderError::ProjectNotReady)?;
            let product = catalogue
                .products
                .iter()
                .find(|p| p.id == project.choice.product_id)
                .ok_or(OrderError::ProjectNotReady)?;
            let kind = product.kind;
            production_days.push(product.production_days);
            let photos = u32::try_from(project.photos.len()).unwrap_or(u32::MAX);
            if project.choice != line.choice
                || !project.missing_photo_ids.is_empty()
                || check_rules(kind, &project.choice, photos).is_err()
            {
                return Err(OrderError::ProjectNotReady);
            }
            projects.push(project);
        }
        cart.delivery_option_id = Some(request.delivery_option_id.clone());
        let contents = cart
            .contents()
            .ok_or_else(|| OrderError::Pricing("overflow".into()))?;
        let totals =
            totals(catalogue, &contents).map_err(|e| OrderError::Pricing(e.to_string()))?;
        let lines: Vec<OrderLine> = cart
            .lines
            .iter()
            .zip(&totals.lines)
            .map(|(line, quote)| OrderLine {
                project_id: line.project_id.clone(),
                project_name: line.project_name.clone(),
                choice: line.choice.clone(),
                copies: line.copies,
                total: quote.total,
            })
            .collect();
        let id = new_order_id();
        // Fixed now, from the order's date: later catalogue changes do not
        // move a promise already made.
        let estimate = estimated_delivery(now, production_days, delivery_max_days).to_string();
        let address_json = to_json(&request.delivery_address);
        let lines_json = to_json(&lines);
        let totals_json = to_json(&totals);
        let frozen = freeze(shop.photos, &id, account_id, &projects).await?;
        let mut inserted = Ok(None);
        for _ in 0..NUMBER_ATTEMPTS {
            let number = new_order_number();
            inserted = self
                .db
                .insert_order(&NewOrderRow {
                    id: &id,
                    account_id,
                    idempotency_key,
                    status: OrderStatus::AwaitingPayment,
                    now,
                    address_json: &address_json,
                    delivery_option_id: &request.delivery_option_id,
                    lines_json: &lines_json,
                    totals_json: &totals_json,
                    total_cents: totals.total.cents,
                    number: number.as_str(),
                    estimated_delivery: &estimate,
                    terms_version: TERMS_VERSION,
                    keep_card: request.keep_card,
                    photos: &frozen,
                })
                .await;
            if !matches!(inserted, Ok(None)) {
                break;
            }
        }
        let inserted = match inserted {
            Ok(Some((row, true))) => Ok((row, true)),
            // This key's order was made before (or nothing was): the
            // photos frozen for `id` belong to no order.
            other => {
                if let Err(error) = shop.photos.remove_order(&id).await {
                    tracing::error!(%error, "cannot delete the photos of an order not made");
                }
                other.map(|found| found.ok_or(OrderError::NumberUnavailable))?
            }
        };
        let (row, created) = inserted?;
        if created {
            self.supersede_unpaid(&row, now).await?;
        }
        let row = if row.payment_id.is_none() {
            self.open_payment(&row, shop.origin, now).await
        } else {
            row
        };
        Ok((self.shopper_order(&row, now).await?, created))
    }
}

/// Links every photo of every line under the order, and answers their rows.
async fn freeze(
    files: &PhotoFiles,
    order_id: &str,
    account_id: i64,
    projects: &[shop_api::project::Project],
) -> Result<Vec<OrderPhotoRow>, OrderError> {
    let mut rows = Vec::new();
    let mut ids = Vec::new();
    for (line, project) in (0u32..).zip(projects) {
        let project_id = ClientId::parse(&project.id).ok_or(OrderError::ProjectNotReady)?;
        for (position, photo) in (0u32..).zip(&project.photos) {
            let photo_id = ClientId::parse(&photo.id).ok_or(OrderError::ProjectNotReady)?;
            ids.push((project_id.clone(), photo_id, line, position));
            rows.push(OrderPhotoRow {
                line,
                position,
                photo: photo.clone(),
            });
        }
    }
    let links: Vec<FrozenPhoto<'_>> = ids
        .iter()
        .map(|(project, photo, line, position)| FrozenPhoto {
            account_id,
            project,
            photo,
            line: *line,
            position: *position,
        })
        .collect();
    files.freeze(order_id, &links).await?;
    Ok(rows)
}

impl Orders<'_> {
    /// Cancels the account's older unpaid orders that share a project with
    /// `new` (the same cart ordered again from another tab, or after a
    /// change): their card pages close, so the shopper cannot pay for the
    /// same prints twice without knowing. Orders of other projects stay
    /// payable. A cancellation the PSP could not confirm is logged; should
    /// the old page be paid all the same, the payment belongs to no live
    /// order and the reconciler voids it.
    async fn supersede_unpaid(&self, new: &OrderRow, now: i64) -> Result<(), OrderError> {
        let projects: Vec<String> = serde_json::from_str::<Vec<OrderLine>>(&new.lines_json)
            .unwrap_or_default()
            .into_iter()
            .map(|line| line.project_id)
            .collect();
        for old in self.db.orders_of(new.account_id).await? {
            let unpaid = matches!(
                old.status,
                OrderStatus::AwaitingPayment | OrderStatus::PaymentFailed
            );
            let shares = serde_json::from_str::<Vec<OrderLine>>(&old.lines_json)
                .unwrap_or_default()
                .iter()
                .any(|line| projects.contains(&line.project_id));
            if old.id == new.id || !unpaid || !shares {
                continue;
            }
            let old_id = old.id.clone();
            match self.operate(old, OperatorAction::Cancel, now).await {
                Ok(_) => {
                    tracing::info!(order = %old_id, by = %new.id, "unpaid order replaced by a new order of the same projects");
                }
                Err(error) => {
                    tracing::warn!(%error, order = %old_id, by = %new.id, "unpaid order not replaced; the reconciler settles any payment on it");
                }
            }
        }
        Ok(())
    }
}

pub(super) fn valid_idempotency_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 255 && key.bytes().all(|b| b.is_ascii_graphic())
}

/// Snapshots are the API's own types as JSON (they always serialize).
pub(super) fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The address as saved: trimmed fields.
pub fn normalized_address(address: &Address) -> Address {
    Address {
        name: address.name.trim().to_owned(),
        street: address.street.trim().to_owned(),
        postcode: address.postcode.trim().to_owned(),
        city: address.city.trim().to_owned(),
        country: address.country.trim().to_owned(),
        phone: address.phone.trim().to_owned(),
    }
}
