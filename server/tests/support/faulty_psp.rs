//! A proxy between the shop and the PSP sandbox that fails chosen calls
//! the ways a network does: the call reaches the PSP but its answer is
//! lost (`AfterForwarding`: a 504 comes back although the PSP acted), or
//! it never reaches it (`BeforeForwarding`).

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use std::sync::Arc;
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    BeforeForwarding,
    AfterForwarding,
}

/// Calls to fail: those whose path ends with `suffix` (and `GET`s too when
/// `reads` is set), `times` times.
#[derive(Debug)]
pub struct Fault {
    pub suffix: &'static str,
    pub reads: bool,
    pub when: When,
    pub times: usize,
}

#[derive(Debug, Default)]
pub struct Faults {
    pending: Mutex<Vec<Fault>>,
}

impl Faults {
    pub fn new(faults: Vec<Fault>) -> Arc<Self> {
        Arc::new(Self {
            pending: Mutex::new(faults),
        })
    }

    /// Fails nothing from now on (the PSP is back).
    pub fn heal(&self) {
        self.pending.lock().unwrap().clear();
    }

    fn take(&self, method: &Method, path: &str) -> Option<When> {
        let mut pending = self.pending.lock().unwrap();
        let fault = pending.iter_mut().find(|f| {
            f.times > 0 && (path.ends_with(f.suffix) || (f.reads && method == Method::GET))
        })?;
        fault.times -= 1;
        Some(fault.when)
    }
}

struct Proxy {
    target: String,
    faults: Arc<Faults>,
}

/// Starts the proxy in front of `target`; answers its base URL.
pub async fn start(target: String, faults: Arc<Faults>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new()
        .fallback(forward)
        .with_state(Arc::new(Proxy { target, faults }));
    tokio::spawn(async move { axum::serve(listener, app).await });
    base
}

fn gateway_timeout() -> Response {
    Response::builder()
        .status(StatusCode::GATEWAY_TIMEOUT)
        .body(Body::from("upstream timed out"))
        .unwrap()
}

async fn forward(
    State(proxy): State<Arc<Proxy>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fault = proxy.faults.take(&method, uri.path());
    if fault == Some(When::BeforeForwarding) {
        return gateway_timeout();
    }
    let mut request = reqwest::Client::new().request(
        reqwest::Method::from_bytes(method.as_str().as_bytes()).unwrap(),
        format!("{}{}", proxy.target, uri),
    );
    for name in ["authorization", "idempotency-key", "content-type"] {
        if let Some(value) = headers.get(name) {
            request = request.header(name, value.to_str().unwrap());
        }
    }
    let answer = request.body(body).send().await.unwrap();
    if fault == Some(When::AfterForwarding) {
        return gateway_timeout();
    }
    let status = answer.status().as_u16();
    let bytes = answer.bytes().await.unwrap();
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(bytes))
        .unwrap()
}
