//! The PSP sandbox: a separate process on its own origin standing in for a
//! certified payment service provider. It will host the card page that the
//! storefront frames; for now it answers its health check and enforces the
//! framing rule on every page: only the shop's origin may frame it.

pub mod framing;

use axum::http::{HeaderValue, header};
use axum::routing::get;
use axum::{Json, Router};
use clap::Parser;
use serde::Serialize;
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "psp-sandbox",
    version,
    about = "Payment service provider sandbox"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "PSP_ADDR", default_value = "127.0.0.1:9090")]
    pub addr: SocketAddr,
    /// The merchant's (shop's) origin: the only one allowed to frame the
    /// hosted pages.
    #[arg(long, env = "PSP_SHOP_ORIGIN", default_value = "http://127.0.0.1:8080", value_parser = framing::parse_origin)]
    pub shop_origin: String,
    /// Log filter, e.g. `info` or `psp_sandbox=debug`.
    #[arg(long, env = "PSP_LOG", default_value = "info")]
    pub log_level: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the HTTP server failed: {0}")]
    Serve(std::io::Error),
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

pub async fn serve(
    config: Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), SandboxError> {
    let local = listener.local_addr().map_err(SandboxError::Serve)?;
    tracing::info!(address = %format!("http://{local}"), shop_origin = %config.shop_origin, "PSP sandbox listening");
    axum::serve(listener, router(&config.shop_origin))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(SandboxError::Serve)?;
    tracing::info!("PSP sandbox stopped");
    Ok(())
}

pub fn router(shop_origin: &str) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/", get(home))
        .layer(framing::layer(shop_origin))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(TraceLayer::new_for_http())
}

#[derive(Serialize)]
struct HealthBody {
    status: &'static str,
    version: &'static str,
}

async fn health() -> Json<HealthBody> {
    Json(HealthBody {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}

async fn home() -> axum::response::Html<&'static str> {
    axum::response::Html(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PSP sandbox</title></head>\
         <body><h1>PSP sandbox</h1><p>Test payment service provider. Not a real bank.</p></body></html>",
    )
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
