//! The PSP sandbox: a separate process on its own origin standing in for a
//! certified payment service provider. It answers the merchant API, hosts
//! the card page that the storefront frames, plays the issuer from a table
//! of test cards (3-D Secure included), takes Apple Pay and Google Pay test
//! tokens, keeps cards on file for merchant-initiated payments and sends
//! signed webhooks. Its state
//! is its own SQLite file; it shares no code with the shop.

pub mod cards;
pub mod clock;
pub mod config;
pub mod db;
pub mod framing;
pub mod http;
pub mod ids;
pub mod ledger;
pub mod payments;
pub mod stored_cards;
pub mod wallets;
pub mod webhooks;

#[cfg(test)]
mod fuzz;

pub use config::Config;

// A panic must end one request, not the sandbox (see Cargo.toml's profiles).
#[cfg(panic = "abort")]
compile_error!("the PSP sandbox must be built with panic = \"unwind\"");

use clock::Clock;
use db::{Database, DbError};
use ledger::Ledger;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use webhooks::{Deliverer, WebhookTarget};

/// The one merchant a sandbox serves: the namespace of idempotency keys
/// and the owner of stored cards.
pub const MERCHANT: &str = "default";

/// How often lapsed authorizations and old idempotency keys are looked for.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] DbError),
    #[error("the HTTP server failed: {0}")]
    Serve(std::io::Error),
    #[error(transparent)]
    Config(#[from] config::ConfigError),
}

pub fn init_logs(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .try_init();
}

pub async fn run(config: Config) -> Result<(), SandboxError> {
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|source| SandboxError::Bind {
            addr: config.addr,
            source,
        })?;
    serve(config, listener, shutdown_signal()).await
}

/// Serves on `listener` until `shutdown`; the background tasks (webhooks,
/// sweep) stop with it.
pub async fn serve(
    config: Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), SandboxError> {
    let local = listener.local_addr().map_err(SandboxError::Serve)?;
    config.validate(local)?;
    let db = Database::open(&config.data_dir).await?;
    let clock = Arc::new(Clock::default());
    let public_url = config.public_url();
    let ledger = Arc::new(Ledger::new(
        db.clone(),
        Arc::clone(&clock),
        public_url.clone(),
        config.authorization_days,
    ));
    let mut background = tokio::task::JoinSet::new();
    background.spawn(sweep(Arc::clone(&ledger)));
    match &config.webhook_url {
        Some(url) => {
            let target = WebhookTarget {
                url: url.clone(),
                secret: config.webhook_secret.clone(),
            };
            let deliverer = Deliverer::new(db.clone(), Arc::clone(&clock), target);
            background.spawn(deliverer.run(ledger.events_stored()));
        }
        None => tracing::info!("no --webhook-url: events are stored, not sent"),
    }
    let state = http::AppState {
        ledger,
        public_url: public_url.clone().into(),
        merchant_secret: config.merchant_secret.clone().into(),
        test_clock: config.test_clock,
        idempotency: Arc::default(),
    };
    tracing::info!(address = %format!("http://{local}"), %public_url, shop_origin = %config.shop_origin, "PSP sandbox listening");
    let served = axum::serve(listener, http::router(state, &config.shop_origin))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(SandboxError::Serve);
    background.shutdown().await;
    db.close().await;
    served?;
    tracing::info!("PSP sandbox stopped");
    Ok(())
}

async fn sweep(ledger: Arc<Ledger>) {
    let mut every = tokio::time::interval(SWEEP_EVERY);
    loop {
        every.tick().await;
        if let Err(error) = ledger.expire_lapsed().await {
            tracing::error!(%error, "expiry sweep failed");
        }
        let before = ledger.clock().now() - http::IDEMPOTENCY_KEPT_SECONDS;
        if let Err(error) =
            db::idempotency::forget_older_than(ledger.database().pool(), before).await
        {
            tracing::error!(%error, "idempotency key cleanup failed");
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
