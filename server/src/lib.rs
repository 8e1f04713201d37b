//! The shop server: owns the database and answers the storefront's API calls,
//! and serves the built storefront with its security headers.

pub mod accounts;
pub mod carts;
pub mod catalogue;
pub mod clock;
pub mod config;
pub mod db;
pub mod housekeeping;
pub mod http;
pub mod logging;
pub mod mail;
pub mod orders;
pub mod payments;
pub mod projects;
pub mod reconciler;
pub mod shutdown;
pub mod support;

#[cfg(test)]
mod fuzz;

// A panic must end one request, not the shop: `http` catches it, which
// only unwinding allows (the wasm's profile aborts; this one must not).
#[cfg(panic = "abort")]
compile_error!("the shop server must be built with panic = \"unwind\" (see Cargo.toml's profiles)");

use config::Config;
use std::net::SocketAddr;
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the HTTP server failed: {0}")]
    Serve(std::io::Error),
    #[error(transparent)]
    Database(#[from] db::DbError),
    #[error(transparent)]
    Catalogue(#[from] catalogue::cache::CatalogueCacheError),
    #[error(transparent)]
    Storefront(#[from] http::storefront::StorefrontError),
    #[error(transparent)]
    Mailer(#[from] mail::sender::MailerError),
    #[error(transparent)]
    PhotoFiles(#[from] projects::files::FileError),
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error("cannot set up the payment provider: {0}")]
    Payments(#[from] payments::ProviderError),
}

/// Binds the configured address and serves until a shutdown signal.
pub async fn run(config: Config) -> Result<(), ServerError> {
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServerError::Bind {
            addr: config.addr,
            source,
        })?;
    serve(config, listener, shutdown::signal()).await
}

/// Serves on an already bound listener until `shutdown` resolves, then lets
/// requests in flight finish and closes the database. Tests call this with a
/// listener on a free port.
pub async fn serve(
    config: Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    // Before anything is opened: an unsafe configuration never serves.
    let local = listener.local_addr().map_err(ServerError::Serve)?;
    config.validate(local)?;
    let db = match &config.database_url {
        Some(url) => db::Database::connect(url).await?,
        None => db::Database::open(&config.data_dir).await?,
    };
    // Before the first request: no order is ever shown without its number.
    orders::number_old_orders(&db).await?;
    // After the migrations (run by `open`): the catalogue cannot change
    // while the server runs, so it is read once, here.
    let catalogue = catalogue::cache::CatalogueCache::load(&db).await?;
    let storefront = http::storefront::Storefront::load(&config.dist_dir)?;
    let photo_location = config
        .photo_store
        .location(&config.data_dir)
        .map_err(config::ConfigError::from)?;
    let photos = projects::files::PhotoFiles::connect(
        &photo_location,
        config.data_dir.join("photo-uploads"),
    )
    .await?;
    let clock = if config.test_clock {
        tracing::warn!("test clock on: POST /api/v1/test/clock moves this server's time");
        clock::Clock::test()
    } else {
        clock::Clock::system()
    };
    let public_origin = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{local}"));
    let payments: std::sync::Arc<dyn payments::PaymentProvider> =
        std::sync::Arc::new(payments::sandbox::Sandbox::new(
            config.psp_api_url.as_deref().unwrap_or(&config.psp_origin),
            &config.psp_merchant_secret,
        )?);
    let letters = mail::letters::Letters::new(&public_origin, catalogue.clone());
    let reconciler =
        reconciler::Reconciler::new(db.clone(), payments.clone(), clock.clone(), letters);
    let (stop_background, background_stopped) = tokio::sync::watch::channel(false);
    let reconciling = reconciler.clone().spawn(background_stopped.clone());
    let housekeeping = housekeeping::Housekeeping::new(db.clone(), photos.clone(), clock.clone())
        .spawn(background_stopped.clone());
    let sending = match &config.smtp_url {
        Some(url) => {
            let mailer = mail::sender::Mailer::new(url, &config.mail_from)?;
            tracing::info!(from = %config.mail_from, "mail goes out through SMTP");
            Some(
                mail::sender::Sender::new(db.clone(), mailer, clock.clone())
                    .spawn(background_stopped),
            )
        }
        None => {
            tracing::warn!("no SMTP server (SHOP_SMTP_URL): messages wait in the outbox");
            None
        }
    };
    let draining = shutdown::Draining::default();
    let app = http::router(http::AppState {
        public_origin: public_origin.as_str().into(),
        db: db.clone(),
        catalogue,
        photos,
        storefront,
        psp_origin: config.psp_origin.clone(),
        payments,
        reconciler,
        psp_webhook_secret: config.psp_webhook_secret.as_str().into(),
        operator_token: config.operator_token.as_deref().map(Into::into),
        wallets: std::sync::Arc::new(shop_api::wallet::WalletConfig {
            merchant_name: orders::MERCHANT_NAME.into(),
            country: "FR".into(),
            apple_pay_merchant_id: config.apple_pay_merchant_id.clone(),
            google_pay_merchant_id: config.google_pay_merchant_id.clone(),
            google_pay_environment: if config.google_pay_production {
                "PRODUCTION"
            } else {
                "TEST"
            }
            .into(),
            google_pay_gateway: config.google_pay_gateway.clone(),
            google_pay_gateway_merchant_id: config.google_pay_gateway_merchant_id.clone(),
        }),
        clock: clock.clone(),
        account_throttle: accounts::throttle::Policy::ACCOUNT,
        client_throttle: accounts::throttle::Policy::CLIENT,
        password_work: accounts::hashing::PasswordWork::per_core(),
        limits: config.limits(),
        quotas: config.quotas(),
        draining: draining.clone(),
        trusted_proxies: config.trusted_proxies.clone().into(),
    });
    tracing::info!(address = %format!("http://{local}"), %public_origin, data_dir = %config.data_dir.display(), "shop server listening");
    let shutdown = draining.after(shutdown, config.drain_period());
    let served = http::serve::serve(listener, app, config.limits(), shutdown)
        .await
        .map_err(ServerError::Serve);
    // The reconciler (releasing its lease) and the purge stop before the
    // database closes.
    let _ = stop_background.send(true);
    if let Err(error) = reconciling.await {
        tracing::error!(%error, "the reconciler task ended abnormally");
    }
    if let Err(error) = housekeeping.await {
        tracing::error!(%error, "the housekeeping task ended abnormally");
    }
    if let Some(sending) = sending
        && let Err(error) = sending.await
    {
        tracing::error!(%error, "the mail sender ended abnormally");
    }
    served?;
    db.close().await;
    tracing::info!("shop server stopped");
    Ok(())
}
