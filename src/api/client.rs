//! JSON requests to `/api/v1` (and the content files beside the app), same
//! origin, cookies included.

use super::ApiError;
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shop_api::{API_PREFIX, ApiErrorBody};

pub(super) fn url(path: &str) -> String {
    format!("{API_PREFIX}{path}")
}

pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    json(send(Request::get(&url(path)), None::<&()>).await?).await
}

/// A JSON file served beside the app (not under the API prefix), fetched
/// like an API answer so that the start script's preload serves it.
pub async fn get_file<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    json(send(Request::get(path), None::<&()>).await?).await
}

pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    json(send(Request::post(&url(path)), Some(body)).await?).await
}

/// A POST with extra headers (the order's idempotency key).
pub async fn post_with_headers<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    headers: &[(&str, &str)],
) -> Result<T, ApiError> {
    let request = headers
        .iter()
        .fold(Request::post(&url(path)), |request, (name, value)| {
            request.header(name, value)
        });
    json(send(request, Some(body)).await?).await
}

/// A POST whose path says it all (an action on a resource).
pub async fn post_empty<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    json(send(Request::post(&url(path)), None::<&()>).await?).await
}

pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    json(send(Request::put(&url(path)), Some(body)).await?).await
}

/// A binary answer (a photo).
pub async fn get_bytes(path: &str) -> Result<Vec<u8>, ApiError> {
    let response = send(Request::get(&url(path)), None::<&()>).await?;
    let status = response.status();
    response
        .binary()
        .await
        .map_err(|error| ApiError::Unreadable {
            status,
            detail: error.to_string(),
        })
}

/// A POST whose success has no body to read (`202`, `204`).
pub async fn post_unanswered<B: Serialize>(path: &str, body: &B) -> Result<(), ApiError> {
    send(Request::post(&url(path)), Some(body)).await.map(drop)
}

/// A PUT whose success has no body to read (`204`).
pub async fn put_unanswered<B: Serialize>(path: &str, body: &B) -> Result<(), ApiError> {
    send(Request::put(&url(path)), Some(body)).await.map(drop)
}

/// For calls whose success has no body (204).
pub async fn delete(path: &str) -> Result<(), ApiError> {
    send(Request::delete(&url(path)), None::<&()>)
        .await
        .map(drop)
}

/// The method of a call with a JSON body whose success has none.
#[derive(Debug, Clone, Copy)]
pub enum Verb {
    Post,
    Put,
    Delete,
}

/// A JSON body sent; the success (202, 204) has no body to read.
pub async fn send_no_content<B: Serialize>(
    verb: Verb,
    path: &str,
    body: &B,
) -> Result<(), ApiError> {
    let path = url(path);
    let request = match verb {
        Verb::Post => Request::post(&path),
        Verb::Put => Request::put(&path),
        Verb::Delete => Request::delete(&path),
    };
    send(request, Some(body)).await.map(drop)
}

async fn send<B: Serialize>(
    request: RequestBuilder,
    body: Option<&B>,
) -> Result<Response, ApiError> {
    let request = request.header("Accept", "application/json");
    let sent = match body {
        Some(body) => {
            request
                .json(body)
                .map_err(|error| ApiError::Network(error.to_string()))?
                .send()
                .await
        }
        None => request.send().await,
    };
    let response = sent.map_err(|error| ApiError::Network(error.to_string()))?;
    if response.ok() {
        Ok(response)
    } else {
        Err(refusal(response).await)
    }
}

async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    response.json().await.map_err(|error| ApiError::Unreadable {
        status,
        detail: error.to_string(),
    })
}

async fn refusal(response: Response) -> ApiError {
    let status = response.status();
    refusal_from(
        status,
        response
            .json::<ApiErrorBody>()
            .await
            .map_err(|e| e.to_string()),
    )
}

/// The typed refusal for an error answer, whichever client read it.
pub(super) fn refusal_from(status: u16, body: Result<ApiErrorBody, String>) -> ApiError {
    match body {
        Ok(body) => ApiError::Refused {
            status,
            code: body.error.code,
            retry_after_seconds: body.error.retry_after_seconds,
            message: body.error.message,
        },
        Err(detail) => ApiError::Unreadable { status, detail },
    }
}
