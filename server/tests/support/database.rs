//! The database a test server uses: the SQLite file in its data folder, or,
//! when `SHOP_TEST_DATABASE_URL` names a PostgreSQL cluster (as `cargo
//! xtask test` does for its PostgreSQL stage), a database of its own
//! created there, so that the whole suite runs against either engine.

use std::sync::atomic::{AtomicU32, Ordering};

/// The variable naming the cluster (any database in it to connect to).
pub const CLUSTER_VARIABLE: &str = "SHOP_TEST_DATABASE_URL";

/// The URL for a new test server's database: a fresh PostgreSQL database
/// when a cluster is given, otherwise `None` (the data folder's SQLite).
pub fn fresh_url() -> Option<String> {
    let cluster = std::env::var(CLUSTER_VARIABLE)
        .ok()
        .filter(|url| !url.is_empty())?;
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "shop_test_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos()
    );
    let mut url = reqwest::Url::parse(&cluster).expect("SHOP_TEST_DATABASE_URL is a URL");
    // Created from a thread of its own: test configurations are built
    // outside any runtime or inside one that must not block.
    let create = {
        let cluster = cluster.clone();
        let name = name.clone();
        std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(async {
                    use sqlx::Connection as _;
                    let mut admin = sqlx::PgConnection::connect(&cluster)
                        .await
                        .expect("the test PostgreSQL cluster answers");
                    sqlx::query(&format!("CREATE DATABASE {name}"))
                        .execute(&mut admin)
                        .await
                        .unwrap();
                    admin.close().await.unwrap();
                })
        })
    };
    create.join().expect("the test database was created");
    url.set_path(&name);
    Some(url.to_string())
}

/// The URL a server with this configuration opens.
pub fn url_of(config: &shop_server::config::Config) -> String {
    match &config.database_url {
        Some(url) => url.clone(),
        None => format!(
            "sqlite://{}",
            config.data_dir.join(shop_server::db::FILE_NAME).display()
        ),
    }
}

/// A plain pool on a test server's database, for a test to look at or
/// change rows the API does not show (either engine: `$1` parameters).
pub async fn raw(url: &str) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(url).await.unwrap()
}
