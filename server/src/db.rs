//! The database: one SQLite file in the data folder, migrated at start-up.
//! All SQL lives behind this module so that PostgreSQL can replace SQLite
//! when the server scales out.

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
mod payments;
mod projects;
mod reconciler;
mod sessions;
mod support;
mod throttle;
pub mod words;

pub use accounts::{AccountRow, NewAccountError};
pub use carts::CartUpdateError;
pub use declines::{NewDecline, OpenCardPage};
pub use holds::PaymentHold;
pub use housekeeping::FolderOwner;
pub use orders::{NewOrderRow, OrderPhotoRow, OrderRow, PaymentChange};
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
