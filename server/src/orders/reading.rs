//! The shopper's reads: their order (polled at the PSP while its payment
//! can move), their list, and tracking by number and e-mail.

use super::*;
use shop_api::page::Page;

impl Orders<'_> {
    /// The shopper's order, brought up to date with the PSP when its
    /// payment can still change.
    pub async fn get(
        &self,
        account_id: i64,
        id: &str,
        shop_origin: &str,
        now: i64,
    ) -> Result<Order, OrderError> {
        let row = self.owned(account_id, id).await?;
        let row = self.refresh(row, shop_origin, now).await?;
        self.shopper_order(&row, now).await
    }

    pub async fn list(
        &self,
        account_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Page<OrderSummary>, OrderError> {
        let page = self
            .db
            .account_orders_page(account_id, before, limit)
            .await?;
        Ok(Page {
            items: page.items.iter().map(to_summary).collect(),
            next_before: page.next_before,
        })
    }

    /// The order with this number placed with this e-mail, for a visitor
    /// who has both; `None` whichever is wrong.
    pub async fn track(
        &self,
        number: Option<&OrderNumber>,
        email: &str,
    ) -> Result<Option<TrackedOrder>, OrderError> {
        // A malformed number still costs one query, like a wrong one.
        let number = number.map_or("", OrderNumber::as_str);
        // Not polled at the PSP (unlike the shopper's own page): a visitor
        // repeating a right pair must not make the shop call the PSP at
        // will; webhooks keep the status current.
        let row = self.db.order_by_number_and_email(number, email).await?;
        Ok(row.as_ref().map(to_tracked))
    }
}
