//! Named leases: one holder at a time across every server process sharing
//! the database, taken with a single compare-and-set statement so that two
//! processes racing for an expired lease cannot both win.

use super::{Database, DbError};

impl Database {
    /// Takes the lease `name` for `holder` until `expires_at` if it is free,
    /// expired (`expires_at < now`: its holder died or overran) or already
    /// `holder`'s; answers whether `holder` has it now.
    pub async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<bool, DbError> {
        let taken = sqlx::query(
            "INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, \
             expires_at = excluded.expires_at \
             WHERE leases.expires_at < $4 OR leases.holder = excluded.holder",
        )
        .bind(name)
        .bind(holder)
        .bind(expires_at)
        .bind(now)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(taken == 1)
    }

    /// Gives the lease back, if `holder` still has it (one that expired and
    /// was taken over stays with its new holder).
    pub async fn release_lease(&self, name: &str, holder: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM leases WHERE name = $1 AND holder = $2")
            .bind(name)
            .bind(holder)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Who holds the lease and until when, if anyone does.
    pub async fn lease(&self, name: &str) -> Result<Option<(String, i64)>, DbError> {
        Ok(
            sqlx::query_as("SELECT holder, expires_at FROM leases WHERE name = $1")
                .bind(name)
                .fetch_optional(&self.pool)
                .await?,
        )
    }
}
