//! The accept loop: HTTP/1.1 connections with a deadline for a request's
//! headers (slow-loris: a client trickling a header a minute would
//! otherwise hold its connection, and its memory, for ever), the limit of
//! requests in flight around the whole app, the client's address for
//! `ConnectInfo`, and a graceful stop that lets requests in flight finish.
//! `axum::serve` sets no timer, so hyper's header deadline never fires
//! there; and `Router::layer` gives each route its own copy of a layer, so
//! a limit shared by all routes must wrap the router from outside.

use super::limits::{self, Limits};
use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower::ServiceExt as _;
use tower::limit::ConcurrencyLimitLayer;
use tower::load_shed::LoadShedLayer;

/// After a failed `accept` (out of file descriptors, say): wait a little
/// instead of spinning on the error.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// A connection's read and write buffers' limit: two download chunks
/// queued (`projects::files::DOWNLOAD_CHUNK_BYTES`), and request heads up
/// to 64 KiB.
const CONNECTION_BUFFER_BYTES: usize = 64 * 1024;

/// What a connection's socket may hold that the client has not taken yet.
/// Without a bound, the kernel grows a slow reader's send buffer to
/// megabytes of a photo: a thousand of them opened at once made the server
/// copy gigabytes into kernel memory and kept other shoppers' requests
/// waiting for seconds (`cargo xtask bench --abuse-only`). Bytes in flight
/// are not counted, so a fast connection keeps its speed.
const UNSENT_BYTES: u32 = 128 * 1024;

fn tune(stream: &tokio::net::TcpStream, peer: std::net::SocketAddr) {
    // Answers leave at once rather than wait to fill a packet.
    if let Err(error) = stream.set_nodelay(true) {
        tracing::debug!(%error, %peer, "cannot set TCP_NODELAY");
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    if let Err(error) = socket2::SockRef::from(stream).set_tcp_notsent_lowat(UNSENT_BYTES) {
        tracing::debug!(%error, %peer, "cannot set TCP_NOTSENT_LOWAT");
    }
}

/// Serves `app` until `shutdown`, then waits for the requests in flight.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // One semaphore for every connection: a refused request costs no work.
    let app = ServiceBuilder::new()
        .layer(HandleErrorLayer::new(limits::refused))
        .layer(LoadShedLayer::new())
        .layer(ConcurrencyLimitLayer::new(limits.in_flight.max(1)))
        .service(app);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    tracing::warn!(%error, "cannot accept a connection");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        tune(&stream, peer);
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            app.clone().oneshot(request)
        });
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            // What one connection may hold in its buffers, either way:
            // hyper's default (about 400 KiB) made a thousand slow photo
            // downloads hold 550 MiB. Request heads above it are refused.
            .max_buf_size(CONNECTION_BUFFER_BYTES)
            .header_read_timeout(limits.header_read)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, %peer, "connection ended on an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
