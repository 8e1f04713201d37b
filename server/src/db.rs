//! The database: one SQLite file in the data folder (the embedded default),
//! or PostgreSQL shared by several server processes; migrated at start-up.
//! All SQL lives behind this module and is written once for both engines
//! (`$1` parameters, no engine's own functions), read through sqlx's `Any`
//! driver.

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
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{AnyPool, ConnectOptions as _, Connection as _};
use std::path::{Path, PathBuf};
use std::str::FromStr as _;

/// The SQLite file's name in the data folder, when no database URL is set.
pub const FILE_NAME: &str = "shop.sqlite3";

/// Connections one process keeps to PostgreSQL: a handful per core of a
/// small server, well under PostgreSQL's default of 100 for a few
/// processes together.
const POSTGRES_CONNECTIONS: u32 = 16;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create the data folder {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the database URL {url} names neither sqlite:// nor postgres://")]
    UnknownEngine { url: String },
    #[error("cannot open the database {url}: {source}")]
    Open { url: String, source: sqlx::Error },
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
            DbError::Query(sqlx::Error::Database(error)) => {
                let postgres = error
                    .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                    .is_some();
                error
                    .code()
                    .is_some_and(|code| is_busy_code(&code, postgres))
            }
            _ => false,
        }
    }
}

/// SQLite's BUSY and LOCKED (with their extended codes); PostgreSQL's
/// serialization failure, deadlock and lock not available (SQLSTATEs,
/// which may be all digits too): each one says "try again", not "this is
/// wrong".
fn is_busy_code(code: &str, postgres: bool) -> bool {
    if postgres {
        matches!(code, "40001" | "40P01" | "55P03")
    } else {
        code.parse::<i32>()
            .is_ok_and(|sqlite| matches!(sqlite & 0xff, 5 | 6))
    }
}

/// The engine behind the pool: the SQL is the same on both but for a
/// transaction's opening and row locks, which [`Database`] words for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct Database {
    pool: AnyPool,
    engine: Engine,
}

impl Database {
    /// The embedded default: the SQLite file in `data_dir`.
    pub async fn open(data_dir: &Path) -> Result<Self, DbError> {
        Self::connect(&sqlite_url_in(data_dir)?).await
    }

    /// Opens `url` (`sqlite://…` or `postgres://…`) and brings its schema
    /// to this server's version with that engine's migrations.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        sqlx::any::install_default_drivers();
        let opening = |source| DbError::Open {
            url: redacted(url),
            source,
        };
        let (engine, options, connections) = if url.starts_with("sqlite:") {
            (Engine::Sqlite, prepare_sqlite(url).await?, 8)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = AnyConnectOptions::from_str(url).map_err(opening)?;
            (Engine::Postgres, options, POSTGRES_CONNECTIONS)
        } else {
            return Err(DbError::UnknownEngine { url: redacted(url) });
        };
        let pool = AnyPoolOptions::new()
            .max_connections(connections)
            .connect_with(options)
            .await
            .map_err(opening)?;
        match engine {
            Engine::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
            Engine::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
        }
        Ok(Self { pool, engine })
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// A transaction that reads and then writes what it read. SQLite
    /// takes its one write lock at the start, so that the read cannot go
    /// stale; on PostgreSQL each such transaction locks the rows it reads
    /// with [`Database::for_update`].
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>, DbError> {
        Ok(match self.engine {
            Engine::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Engine::Postgres => self.pool.begin().await?,
        })
    }

    /// A transaction that only reads, from one snapshot on both engines
    /// (PostgreSQL's default gives each statement its own).
    pub(crate) async fn begin_read(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Any>, DbError> {
        Ok(match self.engine {
            Engine::Sqlite => self.pool.begin().await?,
            Engine::Postgres => {
                self.pool
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?
            }
        })
    }

    /// Serializes the account's read-then-write transactions (a new
    /// project counted against the limit, an order, the account's
    /// deletion): its row locked on PostgreSQL, the database on SQLite.
    pub(crate) async fn lock_account(
        &self,
        tx: &mut sqlx::AnyConnection,
        account_id: i64,
    ) -> Result<(), DbError> {
        sqlx::query(&format!(
            "SELECT id FROM accounts WHERE id = $1{}",
            self.for_update()
        ))
        .bind(account_id)
        .fetch_optional(tx)
        .await?;
        Ok(())
    }

    /// The clause that lets a work queue's `SELECT` pass over rows another
    /// process has just taken (PostgreSQL); SQLite has one writer at a time.
    pub(crate) fn skip_locked(&self) -> &'static str {
        match self.engine {
            Engine::Sqlite => "",
            Engine::Postgres => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// The clause that locks the rows a `SELECT` reads until the
    /// transaction ends: PostgreSQL's `FOR UPDATE`; nothing on SQLite,
    /// whose [`Database::begin_write`] already holds the database's lock.
    pub(crate) fn for_update(&self) -> &'static str {
        match self.engine {
            Engine::Sqlite => "",
            Engine::Postgres => " FOR UPDATE",
        }
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

/// The URL of the SQLite file in `data_dir`, created with its folder.
fn sqlite_url_in(data_dir: &Path) -> Result<String, DbError> {
    std::fs::create_dir_all(data_dir).map_err(|source| DbError::DataDir {
        path: data_dir.to_owned(),
        source,
    })?;
    let path =
        std::path::absolute(data_dir.join(FILE_NAME)).map_err(|source| DbError::DataDir {
            path: data_dir.to_owned(),
            source,
        })?;
    Ok(SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .to_url_lossy()
        .to_string())
}

/// Creates the SQLite file if missing and puts it in WAL mode (a setting
/// of the file, kept once set) through one connection of its own: the
/// `Any` driver's connections are configured by URL alone, which cannot
/// say WAL. Foreign keys and the 5-second busy wait are sqlx's defaults.
async fn prepare_sqlite(url: &str) -> Result<AnyConnectOptions, DbError> {
    let opening = |source| DbError::Open {
        url: url.to_owned(),
        source,
    };
    let mut options = SqliteConnectOptions::from_str(url).map_err(opening)?;
    let absolute =
        std::path::absolute(options.get_filename()).map_err(|source| DbError::DataDir {
            path: options.get_filename().to_owned(),
            source,
        })?;
    if let Some(folder) = absolute.parent() {
        std::fs::create_dir_all(folder).map_err(|source| DbError::DataDir {
            path: folder.to_owned(),
            source,
        })?;
    }
    options = options
        .filename(&absolute)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal);
    options
        .connect()
        .await
        .map_err(opening)?
        .close()
        .await
        .map_err(opening)?;
    AnyConnectOptions::from_url(&options.to_url_lossy()).map_err(opening)
}

/// `url` without its password, for messages and logs.
fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((user_info, host)) if user_info.contains(':') => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_owned(),
    }
}

/// `VALUES ($1, …), (…)`: `rows` rows of `columns` parameters, numbered as
/// both engines read them (sqlx's query builder writes `?` for `Any`).
pub(crate) fn values_list(rows: usize, columns: usize) -> String {
    let tuples: Vec<String> = (0..rows)
        .map(|row| {
            let numbers: Vec<String> = (1..=columns)
                .map(|column| format!("${}", row * columns + column))
                .collect();
            format!("({})", numbers.join(", "))
        })
        .collect();
    format!("VALUES {}", tuples.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::sqlite::SqliteConnection;
    use std::time::Duration;

    #[test]
    fn busy_codes_are_read_in_their_engines_terms() {
        assert!(is_busy_code("5", false));
        assert!(is_busy_code("517", false)); // SQLITE_BUSY_SNAPSHOT
        assert!(!is_busy_code("2067", false)); // a unique key
        assert!(is_busy_code("40001", true));
        assert!(is_busy_code("40P01", true));
        // Digits that SQLite would read as BUSY: a NUL in text, on PostgreSQL.
        assert!(!is_busy_code("22021", true));
        assert!(!is_busy_code("23505", true));
    }

    #[test]
    fn passwords_stay_out_of_messages() {
        assert_eq!(
            redacted("postgres://shop:s3cret@db.internal:5432/shop"),
            "postgres://shop:***@db.internal:5432/shop"
        );
        assert_eq!(
            redacted("postgres://shop@127.0.0.1/shop"),
            "postgres://shop@127.0.0.1/shop"
        );
        assert_eq!(
            redacted("sqlite:///var/shop.sqlite3"),
            "sqlite:///var/shop.sqlite3"
        );
    }

    #[test]
    fn a_values_list_numbers_every_parameter_once() {
        assert_eq!(values_list(1, 2), "VALUES ($1, $2)");
        assert_eq!(values_list(2, 3), "VALUES ($1, $2, $3), ($4, $5, $6)");
    }

    #[tokio::test]
    async fn an_unknown_engine_is_refused_without_its_password() {
        let refused = Database::connect("mysql://shop:s3cret@localhost/shop")
            .await
            .unwrap_err();
        assert!(matches!(refused, DbError::UnknownEngine { .. }));
        assert!(!refused.to_string().contains("s3cret"));
    }

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
