//! Resolves on Ctrl-C or SIGTERM so that the server can stop gracefully,
//! and the draining flag that readiness reports meanwhile.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Set once the process is asked to stop: `/api/v1/ready` then answers 503
/// so that the load balancer sends new requests to the other processes,
/// while this one still serves for the drain period.
#[derive(Debug, Clone, Default)]
pub struct Draining(Arc<AtomicBool>);

impl Draining {
    pub fn is_draining(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// `stop`, then not ready for `period` while still serving, then done:
    /// the future the server stops accepting on.
    pub async fn after(self, stop: impl Future<Output = ()>, period: Duration) {
        stop.await;
        self.0.store(true, Ordering::Relaxed);
        if !period.is_zero() {
            tracing::info!(
                seconds = period.as_secs(),
                "draining: not ready, still serving"
            );
            tokio::time::sleep(period).await;
        }
    }
}

pub async fn signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested");
}
