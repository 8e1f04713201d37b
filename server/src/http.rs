//! The HTTP surface: the API under `/api`, the built storefront for every
//! other path, and the layers every response goes through (security headers,
//! compression, request logs).

pub mod api;
pub mod limits;
pub mod security_headers;
pub mod serve;
pub mod storefront;

use crate::accounts::throttle::Policy;
use crate::catalogue::cache::CatalogueCache;
use crate::clock::Clock;
use crate::db::Database;
use crate::mail::letters::Letters;
use crate::payments::PaymentProvider;
use crate::projects::files::PhotoFiles;
use crate::reconciler::Reconciler;
use axum::Router;
use axum::http::{Response, header};
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;

#[derive(Clone)]
pub struct AppState {
    pub db: Database,
    /// The catalogue, read once at start-up (`crate::catalogue::cache`).
    pub catalogue: CatalogueCache,
    /// Uploaded photos' files, in the data folder.
    pub photos: PhotoFiles,
    pub storefront: storefront::Storefront,
    pub psp_origin: String,
    pub payments: Arc<dyn PaymentProvider>,
    pub psp_webhook_secret: Arc<str>,
    pub operator_token: Option<Arc<str>>,
    pub wallets: Arc<shop_api::wallet::WalletConfig>,
    pub account_throttle: Policy,
    pub client_throttle: Policy,
    /// Argon2's slots (`accounts::hashing`).
    pub password_work: crate::accounts::hashing::PasswordWork,
    /// Proxies whose `X-Forwarded-For` is believed (`api::client_address`).
    pub trusted_proxies: Arc<[ipnet::IpNet]>,
    /// From configuration, never from request headers.
    pub public_origin: Arc<str>,
    /// "Now" for every handler (moved by tests with `--test-clock`).
    pub clock: Clock,
    /// This process's reconciler, for the operators' passes.
    pub reconciler: Reconciler,
    pub limits: limits::Limits,
    /// What one account may keep (photos' bytes, projects).
    pub quotas: crate::projects::Quotas,
    /// Set when the process stops (`/api/v1/ready`).
    pub draining: crate::shutdown::Draining,
}

pub fn router(state: AppState) -> Router {
    let headers = Arc::new(security_headers::SecurityHeaders::new(
        &state.psp_origin,
        state.storefront.inline_hashes(),
        state.photos.signed_url_origin(),
    ));
    Router::new()
        .nest(
            "/api",
            api::router(
                api::ApiState {
                    db: state.db.clone(),
                    catalogue: state.catalogue.clone(),
                    photos: state.photos.clone(),
                    payments: state.payments.clone(),
                    psp_webhook_secret: state.psp_webhook_secret.clone(),
                    operator_token: state.operator_token.clone(),
                    wallets: state.wallets.clone(),
                    account_throttle: state.account_throttle,
                    client_throttle: state.client_throttle,
                    password_work: state.password_work.clone(),
                    trusted_proxies: state.trusted_proxies.clone(),
                    public_origin: state.public_origin.clone(),
                    clock: state.clock.clone(),
                    reconciler: state.reconciler.clone(),
                    quotas: state.quotas,
                    draining: state.draining.clone(),
                    letters: Letters::new(&state.public_origin, state.catalogue.clone()),
                },
                state.limits.request,
            ),
        )
        .merge(storefront::router(state.storefront.clone()))
        // Innermost: the 500 gets the headers, compression and log line of
        // any answer.
        .layer(CatchPanicLayer::custom(panicked))
        // Assets are precompressed on disk, and so is the catalogue; this
        // compresses what is not (API JSON, index.html) and leaves encoded
        // responses alone.
        .layer(CompressionLayer::new().compress_when(WorthCompressing))
        .layer(axum::middleware::from_fn_with_state(
            headers,
            security_headers::apply,
        ))
        // A body that sends nothing for this long ends its request (its
        // handler sees a read error: a JSON 4xx).
        .layer(RequestBodyTimeoutLayer::new(state.limits.body_idle))
        // A 5xx is a warning here: where it comes from (a database error,
        // a panic) logs the error with its cause, and a draining process's
        // 503 to the balancer's readiness checks is no error at all.
        .layer(
            TraceLayer::new_for_http()
                .on_failure(tower_http::trace::DefaultOnFailure::new().level(tracing::Level::WARN)),
        )
}

/// A panic ends its own request with a JSON 500, as any internal error;
/// the server goes on (the release profile unwinds: see `lib.rs`).
fn panicked(panic: Box<dyn std::any::Any + Send + 'static>) -> Response<axum::body::Body> {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "a request panicked; answered 500");
    axum::response::IntoResponse::into_response(api::ApiFailure::new(
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        shop_api::ErrorCode::Internal,
        "internal error",
    ))
}

/// JSON answers under 1 KiB (a cart's totals, a session, most API answers)
/// go out as they are: compressing them saves a few hundred bytes of a
/// single packet, and setting up a brotli encoder for each one halved the
/// cart totals' throughput (`cargo xtask bench`). Everything else follows
/// tower-http's default (above 32 bytes, not images).
#[derive(Debug, Clone, Copy)]
struct WorthCompressing;

/// Below this, a JSON answer is not compressed.
const JSON_COMPRESSION_MIN_BYTES: u16 = 1024;

impl Predicate for WorthCompressing {
    fn should_compress<B>(&self, response: &Response<B>) -> bool
    where
        B: axum::body::HttpBody,
    {
        let json = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/json"));
        DefaultPredicate::new().should_compress(response)
            && (!json || SizeAbove::new(JSON_COMPRESSION_MIN_BYTES).should_compress(response))
    }
}
