//! The shop's router without a socket: the same state `shop_server::serve`
//! builds, called request by request (`tower::ServiceExt::oneshot`), so
//! that a fuzz property can send hundreds of thousands of requests through
//! every layer (security headers, panic catcher, same-origin check, body
//! limits, extractors, handlers, SQLite) in minutes. Only the accept loop
//! (`http::serve`: in-flight limit, header deadline) is not on the way;
//! the peer's address is set per request, as the accept loop would.

use super::{OPERATOR_TOKEN, WEBHOOK_SECRET, test_config, write_dist};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode};
use shop_server::http::{AppState, router};
use shop_server::{accounts, catalogue, clock, db, http, payments, projects, reconciler};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use tempfile::TempDir;
use tower::ServiceExt;

/// The shop's public origin here: plain-http loopback, so cookies are the
/// development ones (`sp_session`).
pub const ORIGIN: &str = "http://127.0.0.1:8080";

pub struct InProcess {
    pub app: Router,
    _data: TempDir,
    _dist: TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub bytes: Bytes,
}

impl InProcess {
    /// Assembled as `shop_server::serve` does, with the system clock (so
    /// the test-only routes are not mounted: a fuzzed clock would end the
    /// sessions the properties sign in with) and an unreachable PSP.
    pub async fn start() -> Self {
        let data = TempDir::new().unwrap();
        let dist = TempDir::new().unwrap();
        write_dist(dist.path());
        let config = test_config("127.0.0.1:8080".parse().unwrap(), data.path(), dist.path());
        let db = db::Database::connect(&super::database::url_of(&config))
            .await
            .unwrap();
        let catalogue = catalogue::cache::CatalogueCache::load(&db).await.unwrap();
        let clock = clock::Clock::system();
        let payments: Arc<dyn payments::PaymentProvider> = Arc::new(
            payments::sandbox::Sandbox::new(&config.psp_origin, &config.psp_merchant_secret)
                .unwrap(),
        );
        let app = router(AppState {
            public_origin: ORIGIN.into(),
            db: db.clone(),
            catalogue: catalogue.clone(),
            photos: projects::files::PhotoFiles::open(data.path().join("photos")).unwrap(),
            storefront: http::storefront::Storefront::load(dist.path()).unwrap(),
            psp_origin: config.psp_origin.clone(),
            reconciler: reconciler::Reconciler::new(
                db,
                payments.clone(),
                clock.clone(),
                shop_server::mail::letters::Letters::new(ORIGIN, catalogue.clone()),
            ),
            payments,
            psp_webhook_secret: WEBHOOK_SECRET.into(),
            operator_token: Some(OPERATOR_TOKEN.into()),
            wallets: Arc::new(shop_api::wallet::WalletConfig {
                merchant_name: shop_server::orders::MERCHANT_NAME.into(),
                country: "FR".into(),
                apple_pay_merchant_id: config.apple_pay_merchant_id.clone(),
                google_pay_merchant_id: config.google_pay_merchant_id.clone(),
                google_pay_environment: "TEST".into(),
                google_pay_gateway: config.google_pay_gateway.clone(),
                google_pay_gateway_merchant_id: config.google_pay_gateway_merchant_id.clone(),
            }),
            clock,
            account_throttle: accounts::throttle::Policy::ACCOUNT,
            client_throttle: accounts::throttle::Policy::CLIENT,
            password_work: accounts::hashing::PasswordWork::per_core(),
            limits: config.limits(),
            quotas: config.quotas(),
            draining: Default::default(),
            trusted_proxies: Vec::new().into(),
        });
        Self {
            app,
            _data: data,
            _dist: dist,
        }
    }

    /// One request from `peer` (each fuzz case can be its own client, so
    /// that per-client throttles do not answer in place of the parsers).
    pub async fn call(&self, mut request: Request<Body>, peer: IpAddr) -> Reply {
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::new(peer, 40_000)));
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        Reply {
            status,
            headers,
            bytes,
        }
    }
}
