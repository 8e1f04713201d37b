//! The database: one SQLite file in the data folder, migrated at start-up.
//! All SQL lives behind this module so that PostgreSQL can replace SQLite
//! when the server scales out.

mod account_controls;
mod account_links;
mod accounts;
mod card_on_file;
mod carts;
mod catalogue;
mod claims;
mod declines;
mod holds;
mod housekeeping;
mod known_devices;
mod leases;
mod orders;
mod outbox;
mod payments;
mod projects;
mod reconciler;
mod sessions;
mod support;
mod throttle;
pub mod words;

pub use account_controls::{DeletionError, SessionListing};
pub use account_links::{LinkPurpose, NewLink};
pub use accounts::{AccountRow, NewAccount, NewAccountError};
pub use carts::CartUpdateError;
pub use declines::{NewDecline, OpenCardPage};
pub use holds::PaymentHold;
pub use housekeeping::FolderOwner;
pub use orders::{Addressee, NewOrderRow, Notice, OrderPhotoRow, OrderRow, PaymentChange};
pub use outbox::{OutboxRow, OutboxState};
pub use payments::{NewRefund, PaymentNews, PendingRefund};
pub use projects::{DraftRow, PhotoRoom};
pub use reconciler::kind_name as reconcile_kind_name;
pub use sessions::SessionRow;
pub use support::NewSupportError;

use shop_api::{CheckStatus, DatabaseHealth};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const FILE_NAME: &str = "shop.sqlite3";

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create the data folder {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the database {path}: {source}")]
    Open { path: PathBuf, source: sqlx::Error },
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database query failed: {0}")]
    Query(#[from] sqlx::Error),
}

impl DbError {
    /// More writes at once than the database took within its busy timeout,
    /// or no connection free in time: overload, which passes, not a fault.
    pub fn is_busy(&self) -> bool {
        match self {
            DbError::Query(sqlx::Error::PoolTimedOut) => true,
            // SQLITE_BUSY and SQLITE_LOCKED, with their extended codes.
            DbError::Query(sqlx::Error::Database(error)) => error
                .code()
                .and_then(|code| code.parse::<i32>().ok())
                .is_some_and(|code| matches!(code & 0xff, 5 | 6)),
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Database {
    pool: SqlitePool,
}

impl Database {
    pub async fn open(data_dir: &Path) -> Result<Self, DbError> {
        std::fs::create_dir_all(data_dir).map_err(|source| DbError::DataDir {
            path: data_dir.to_owned(),
            source,
        })?;
        let path = data_dir.join(FILE_NAME);
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .map_err(|source| DbError::Open { path, source })?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self { pool })
    }

    /// Asks the database a real question: which migration it is at, read
    /// from a table the migrations created.
    pub async fn health(&self) -> DatabaseHealth {
        let version: Result<(i64,), sqlx::Error> = sqlx::query_as(
            "SELECT (SELECT MAX(version) FROM _sqlx_migrations) FROM shop_instance WHERE id = 1",
        )
        .fetch_one(&self.pool)
        .await;
        match version {
            Ok((version,)) => DatabaseHealth {
                status: CheckStatus::Ok,
                schema_version: Some(version),
            },
            Err(error) => {
                tracing::error!(%error, "database health check failed");
                DatabaseHealth {
                    status: CheckStatus::Failing,
                    schema_version: None,
                }
            }
        }
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Connection as _;
    use sqlx::sqlite::SqliteConnection;

    /// A write that cannot get the lock in time is "busy", which the API
    /// answers with a 503; other failures are not.
    #[tokio::test]
    async fn a_write_kept_waiting_is_busy() {
        let dir = tempfile::TempDir::new().unwrap();
        Database::open(dir.path()).await.unwrap().close().await;
        let options = SqliteConnectOptions::new().filename(dir.path().join(FILE_NAME));
        let mut holder = SqliteConnection::connect_with(&options).await.unwrap();
        let impatient = options.busy_timeout(Duration::ZERO);
        let mut waiter = SqliteConnection::connect_with(&impatient).await.unwrap();
        sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut holder)
            .await
            .unwrap();
        let refused = sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut waiter)
            .await
            .unwrap_err();
        assert!(DbError::Query(refused).is_busy());
        let broken = sqlx::query("SELECT nonsense FROM nowhere")
            .execute(&mut waiter)
            .await
            .unwrap_err();
        assert!(!DbError::Query(broken).is_busy());
    }
}
