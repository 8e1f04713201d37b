//! The JSON API. Every path under `/api` answers JSON, errors included, so
//! that the storefront never receives the app's HTML where it expects data.

mod account;
mod cart;
mod catalogue;
mod client_address;
mod csrf;
mod failure;
mod json;
mod operator;
mod orders;
mod paging;
mod projects;
mod psp_webhooks;
mod session_cookie;
mod support;
mod test_clock;
mod test_faults;

pub use failure::ApiFailure;

use crate::accounts::throttle::Policy;
use crate::catalogue::cache::CatalogueCache;
use crate::clock::Clock;
use crate::db::Database;
use crate::payments::PaymentProvider;
use crate::projects::files::PhotoFiles;
use crate::reconciler::Reconciler;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use shop_api::{CheckStatus, ErrorCode, Health};
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;

/// API request bodies are small JSON documents; anything bigger is refused
/// before it is read. Routes taking more (a cart, a photo) say so.
const BODY_LIMIT_BYTES: usize = 16 * 1024;

#[derive(Clone)]
pub struct ApiState {
    pub db: Database,
    /// Every request that shows or prices the catalogue reads it here, not
    /// from the database.
    pub catalogue: CatalogueCache,
    pub photos: PhotoFiles,
    pub payments: Arc<dyn PaymentProvider>,
    pub psp_webhook_secret: Arc<str>,
    pub operator_token: Option<Arc<str>>,
    pub wallets: Arc<shop_api::wallet::WalletConfig>,
    pub account_throttle: Policy,
    pub client_throttle: Policy,
    /// Argon2's slots (`accounts::hashing`).
    pub password_work: crate::accounts::hashing::PasswordWork,
    /// Proxies whose `X-Forwarded-For` is believed (`client_address`).
    pub trusted_proxies: Arc<[ipnet::IpNet]>,
    /// The shop's public origin (configuration, never request headers).
    pub public_origin: Arc<str>,
    /// "Now" for every handler: read it here, never from the system.
    pub clock: Clock,
    /// This process's reconciler (`POST /v1/operator/reconcile`).
    pub reconciler: Reconciler,
    /// What one account may keep (photos' bytes, projects).
    pub quotas: crate::projects::Quotas,
    /// The words of the shop's messages.
    pub letters: crate::mail::letters::Letters,
    /// Set when the process stops (`/api/v1/ready`).
    pub draining: crate::shutdown::Draining,
}

impl ApiState {
    /// `Secure` session cookies everywhere but a plain-http loopback
    /// origin (local development, where browsers would drop them).
    pub fn secure_cookies(&self) -> bool {
        let Some(authority) = self.public_origin.strip_prefix("http://") else {
            return true;
        };
        let host = authority
            .rsplit_once(':')
            .map_or(authority, |(host, _)| host);
        !(host == "localhost" || host == "[::1]" || host.starts_with("127."))
    }

    /// `https://shop.fr:8443` → `shop.fr`: the domain Apple Pay checks.
    pub fn public_host(&self) -> &str {
        let authority = self
            .public_origin
            .split_once("://")
            .map_or(&*self.public_origin, |(_, rest)| rest);
        if authority.starts_with('[') {
            return authority
                .split_once(']')
                .map_or(authority, |(host, _)| host)
                .trim_start_matches('[');
        }
        authority.split(':').next().unwrap_or(authority)
    }
}

/// `request_timeout` bounds every handler but a photo's upload (see
/// `crate::http::limits::Limits::request`).
pub fn router(state: ApiState, request_timeout: std::time::Duration) -> Router {
    let deadline = tower::ServiceBuilder::new()
        .layer(axum::error_handling::HandleErrorLayer::new(
            crate::http::limits::timed_out,
        ))
        .layer(tower::timeout::TimeoutLayer::new(request_timeout));
    // Called by other servers (the PSP, operators' tools), which send no
    // `Origin`: they authenticate otherwise (signature, bearer token), so
    // they sit outside the same-origin check.
    let mut machines = Router::new()
        .merge(psp_webhooks::router())
        .merge(operator::router());
    // Mounted only on a test clock: otherwise the routes do not exist (404).
    if state.clock.is_adjustable() {
        machines = machines
            .merge(test_clock::router())
            .merge(test_faults::router());
    }
    let machines = machines.layer(deadline.clone()).with_state(state.clone());
    Router::new()
        .route("/v1/health", get(health))
        .route("/v1/ready", get(ready))
        .merge(account::router())
        .merge(catalogue::router())
        .merge(projects::router())
        .merge(cart::router())
        .merge(orders::router())
        .merge(support::router())
        // Routes merged so far; the upload, merged after, has no deadline.
        .layer(deadline)
        .merge(projects::uploads())
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(
            state.public_origin.clone(),
            csrf::same_origin_only,
        ))
        .merge(machines)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn(no_nul_in_address))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        // API answers are per-shopper and current: never cache them. The
        // one exception sets its own (the catalogue: `no-cache` with an
        // ETag), which this leaves alone.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

async fn ready(State(state): State<ApiState>) -> Response {
    let draining = state.draining.is_draining();
    // Not even asked while draining: the answer is no either way.
    let database = if draining {
        shop_api::DatabaseHealth {
            status: CheckStatus::Ok,
            schema_version: None,
        }
    } else {
        state.db.health().await
    };
    let ready = !draining && database.status == CheckStatus::Ok;
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let readiness = shop_api::health::Readiness {
        ready,
        draining,
        database,
    };
    (status, Json(readiness)).into_response()
}

async fn health(State(state): State<ApiState>) -> Response {
    let health = Health::new(env!("CARGO_PKG_VERSION"), state.db.health().await);
    let status = match health.status {
        CheckStatus::Ok => StatusCode::OK,
        CheckStatus::Failing => StatusCode::SERVICE_UNAVAILABLE,
    };
    (status, Json(health)).into_response()
}

/// No order, project or code has a NUL in its name, and PostgreSQL's text
/// cannot hold one (a query with one fails): such an address names
/// nothing, whatever route it matches.
async fn no_nul_in_address(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let names_nul = |part: &str| {
        part.as_bytes()
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"%00"))
    };
    let uri = request.uri();
    if names_nul(uri.path()) || uri.query().is_some_and(names_nul) {
        return not_found().await.into_response();
    }
    next.run(request).await
}

async fn not_found() -> ApiFailure {
    ApiFailure::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "no such API route",
    )
}

async fn method_not_allowed() -> ApiFailure {
    ApiFailure::new(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::MethodNotAllowed,
        "method not allowed on this API route",
    )
}
