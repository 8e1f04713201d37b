//! `Idempotency-Key` (API.md): the first answer to a key is stored, a retry
//! with the same request gets it again (`Idempotent-Replayed: true`), the
//! same key with another request is refused. Handlers know nothing of it.

use super::auth::MERCHANT;
use crate::db::idempotency::{self, NewResponse};
use crate::http::{ApiFailure, AppState, BODY_LIMIT};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

pub const KEY_HEADER: &str = "idempotency-key";
pub const REPLAYED_HEADER: &str = "idempotent-replayed";
/// Keys are kept this long.
pub const KEPT_SECONDS: i64 = crate::http::IDEMPOTENCY_KEPT_SECONDS;

pub async fn replay_or_record(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, ApiFailure> {
    let key = key_of(&request)?;
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, BODY_LIMIT).await.map_err(|_| {
        ApiFailure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "request body too large",
        )
    })?;
    let hash = request_hash(parts.uri.path(), &bytes);
    let ledger = &state.ledger;
    let pool = ledger.database().pool();
    let _one_at_a_time = state.idempotency.lock().await;
    let now = ledger.clock().now();
    let stored = idempotency::find(pool, MERCHANT, &key, now - KEPT_SECONDS)
        .await
        .map_err(|error| ApiFailure::from(crate::ledger::LedgerError::Db(error)))?;
    if let Some(stored) = stored {
        if stored.request_hash != hash {
            return Err(ApiFailure::new(
                StatusCode::CONFLICT,
                "idempotency_key_reused",
                "this Idempotency-Key was used with another request",
            ));
        }
        return Ok(replay(stored.response_status, stored.response_body));
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return Err(ApiFailure::internal());
    };
    // A server failure is not an answer: the retry should run again.
    if !parts.status.is_server_error() {
        let record = NewResponse {
            merchant: MERCHANT,
            key: &key,
            request_hash: &hash,
            status: parts.status.as_u16(),
            body: &body,
            created_at: now,
        };
        idempotency::store(pool, &record)
            .await
            .map_err(|error| ApiFailure::from(crate::ledger::LedgerError::Db(error)))?;
    }
    Ok(Response::from_parts(parts, Body::from(body)))
}

/// 1 to 255 visible ASCII characters.
fn key_of(request: &Request) -> Result<String, ApiFailure> {
    let Some(value) = request.headers().get(KEY_HEADER) else {
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key_missing",
            "creating calls need an Idempotency-Key header",
        ));
    };
    let bytes = value.as_bytes();
    let visible =
        (1..=255).contains(&bytes.len()) && bytes.iter().all(|b| (0x21..=0x7e).contains(b));
    match (visible, value.to_str()) {
        (true, Ok(key)) => Ok(key.to_owned()),
        _ => Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key_invalid",
            "an Idempotency-Key is 1 to 255 visible ASCII characters",
        )),
    }
}

/// The path and the body, JSON taken in a canonical form (sorted keys, no
/// spacing) so that a retry that re-serialized its body still matches.
fn request_hash(path: &str, body: &Bytes) -> String {
    let canonical = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|value| serde_json::to_vec(&value).ok())
        .unwrap_or_else(|| body.to_vec());
    let mut digest = Sha256::new();
    digest.update(path.as_bytes());
    digest.update(b"\n");
    digest.update(&canonical);
    hex::encode(digest.finalize())
}

fn replay(status: i64, body: Vec<u8>) -> Response {
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
    response
}
