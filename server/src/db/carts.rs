//! The stored carts of signed-in shoppers: one per account, its lines in
//! order. No price is stored: lines are priced whenever totals are asked.

use super::values_list;
use super::{Database, DbError};
use shop_api::cart::{Cart, CartLine};
use shop_api::catalogue::ProductChoice;
use sqlx::AnyConnection;

#[derive(Debug, thiserror::Error)]
pub enum CartUpdateError<E> {
    /// The change refused the cart; nothing was written.
    #[error("cart refused: {0}")]
    Refused(E),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl<E> From<sqlx::Error> for CartUpdateError<E> {
    fn from(error: sqlx::Error) -> Self {
        Self::Db(error.into())
    }
}

type LineRow = (
    String,
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<String>,
    i64,
);

fn count(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

impl Database {
    /// The account's cart; empty when it has none.
    pub async fn cart(&self, account_id: i64) -> Result<Cart, DbError> {
        // One read transaction: the lines and the delivery option agree.
        let mut tx = self.begin_read().await?;
        let cart = read(&mut tx, account_id).await?;
        tx.commit().await?;
        Ok(cart)
    }

    /// Replaces the account's cart with `change(stored cart)`, in one
    /// transaction that holds the write lock from its first statement: two
    /// changes at once run one after the other, neither loses the other's
    /// lines.
    pub async fn update_cart<E>(
        &self,
        account_id: i64,
        now: i64,
        change: impl FnOnce(Cart) -> Result<Cart, E>,
    ) -> Result<Cart, CartUpdateError<E>> {
        let mut tx = self.begin_write().await?;
        // Writing first takes the lock (in PostgreSQL, the row's lock).
        sqlx::query(
            "INSERT INTO carts (account_id, delivery_option_id, updated_at) VALUES ($1, NULL, $2) \
             ON CONFLICT (account_id) DO UPDATE SET updated_at = excluded.updated_at",
        )
        .bind(account_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let stored = read(&mut tx, account_id).await?;
        let cart = change(stored).map_err(CartUpdateError::Refused)?;
        sqlx::query("UPDATE carts SET delivery_option_id = $1 WHERE account_id = $2")
            .bind(cart.delivery_option_id.as_deref())
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM cart_lines WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        if !cart.lines.is_empty() {
            let sql = format!(
                "INSERT INTO cart_lines (account_id, position, project_id, project_name, \
                 product_id, format_id, quantity, pages, cover_id, copies) {}",
                values_list(cart.lines.len(), 10)
            );
            let mut insert = sqlx::query(&sql);
            for (line, position) in cart.lines.iter().zip(0i64..) {
                insert = insert
                    .bind(account_id)
                    .bind(position)
                    .bind(&line.project_id)
                    .bind(&line.project_name)
                    .bind(&line.choice.product_id)
                    .bind(&line.choice.format_id)
                    .bind(i64::from(line.choice.quantity))
                    .bind(line.choice.pages.map(i64::from))
                    .bind(line.choice.cover_id.as_deref())
                    .bind(i64::from(line.copies));
            }
            insert.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(cart)
    }

    /// Deletes the account's cart (at sign-out).
    pub async fn delete_cart(&self, account_id: i64) -> Result<(), DbError> {
        // Lines go with their cart (ON DELETE CASCADE).
        sqlx::query("DELETE FROM carts WHERE account_id = $1")
            .bind(account_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// Drops a deleted project's line, inside the deletion's transaction.
pub(super) async fn remove_project_lines(
    connection: &mut AnyConnection,
    account_id: i64,
    project_id: &str,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM cart_lines WHERE account_id = $1 AND project_id = $2")
        .bind(account_id)
        .bind(project_id)
        .execute(connection)
        .await?;
    Ok(())
}

async fn read(connection: &mut AnyConnection, account_id: i64) -> Result<Cart, DbError> {
    let delivery: Option<(Option<String>,)> =
        sqlx::query_as("SELECT delivery_option_id FROM carts WHERE account_id = $1")
            .bind(account_id)
            .fetch_optional(&mut *connection)
            .await?;
    let Some((delivery_option_id,)) = delivery else {
        return Ok(Cart::default());
    };
    let lines: Vec<LineRow> = sqlx::query_as(
        "SELECT project_id, project_name, product_id, format_id, quantity, pages, cover_id, copies \
         FROM cart_lines WHERE account_id = $1 ORDER BY position",
    )
    .bind(account_id)
    .fetch_all(&mut *connection)
    .await?;
    Ok(Cart {
        lines: lines
            .into_iter()
            .map(
                |(
                    project_id,
                    project_name,
                    product_id,
                    format_id,
                    quantity,
                    pages,
                    cover_id,
                    copies,
                )| {
                    CartLine {
                        project_id,
                        project_name,
                        choice: ProductChoice {
                            product_id,
                            format_id,
                            quantity: count(quantity),
                            pages: pages.map(count),
                            cover_id,
                        },
                        copies: count(copies),
                    }
                },
            )
            .collect(),
        delivery_option_id,
    })
}
