//! `GET /api/v1/catalogue`, `POST /api/v1/quote` and
//! `POST /api/v1/cart/totals`: what the shop sells, and the server's price
//! for one configured product or a whole cart. All three read the in-memory
//! catalogue (`crate::catalogue::cache`), never the database.

use super::json::ApiJson;
use super::{ApiFailure, ApiState};
use crate::catalogue;
use crate::catalogue::cache::Encoding;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use shop_api::cart::{CartContents, CartTotals};
use shop_api::catalogue::{ProductChoice, Quote};

pub fn router() -> Router<ApiState> {
    Router::new()
        .route("/v1/catalogue", get(list))
        .route("/v1/quote", post(quote))
        .route("/v1/cart/totals", post(cart_totals))
}

/// The JSON serialised and compressed at start-up, in the best encoding
/// the client accepts (the compression layer leaves an encoded answer
/// alone). The same for every shopper and changed only by a restart, so
/// browsers may keep it if they ask again each time (`no-cache`, not the
/// API's usual `no-store`): a revalidation with the ETag is answered 304,
/// without the body.
async fn list(State(state): State<ApiState>, request: HeaderMap) -> Response {
    let cache = &state.catalogue;
    let headers = [
        (header::ETAG, cache.etag().clone()),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        (header::VARY, HeaderValue::from_static("accept-encoding")),
    ];
    let revalidated = request
        .get(header::IF_NONE_MATCH)
        .is_some_and(|tag| cache.matches(tag));
    if revalidated {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    let encoding = preferred_encoding(request.get(header::ACCEPT_ENCODING));
    let mut response = (
        headers,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        cache.json(encoding),
    )
        .into_response();
    if let Some(token) = encoding.token() {
        response
            .headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static(token));
    }
    response
}

/// Brotli if the client takes it at least as willingly as gzip, else gzip,
/// else identity (`Accept-Encoding` with its `q` weights; `*` counts for a
/// coding it does not name).
fn preferred_encoding(accept: Option<&HeaderValue>) -> Encoding {
    let Some(list) = accept.and_then(|value| value.to_str().ok()) else {
        return Encoding::Identity;
    };
    let weight = |wanted: &str| -> f32 {
        let mut star = None;
        for item in list.split(',') {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next().unwrap_or_default();
            let q = parts
                .find_map(|param| param.strip_prefix("q=").or(param.strip_prefix("Q=")))
                .map_or(1.0, |q| q.parse::<f32>().unwrap_or(0.0));
            if coding.eq_ignore_ascii_case(wanted) {
                return q;
            }
            if coding == "*" {
                star = Some(q);
            }
        }
        star.unwrap_or(0.0)
    };
    let (brotli, gzip) = (weight("br"), weight("gzip"));
    if brotli > 0.0 && brotli >= gzip {
        Encoding::Brotli
    } else if gzip > 0.0 {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

async fn quote(
    State(state): State<ApiState>,
    ApiJson(choice): ApiJson<ProductChoice>,
) -> Result<Json<Quote>, ApiFailure> {
    Ok(Json(catalogue::quote(
        state.catalogue.catalogue(),
        &choice,
    )?))
}

/// Totals of a cart whose contents the storefront holds (a guest's cart):
/// the server prices every line again.
async fn cart_totals(
    State(state): State<ApiState>,
    ApiJson(contents): ApiJson<CartContents>,
) -> Result<Json<CartTotals>, ApiFailure> {
    Ok(Json(catalogue::cart::totals(
        state.catalogue.catalogue(),
        &contents,
    )?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preferred(header: &str) -> Encoding {
        preferred_encoding(Some(&HeaderValue::from_str(header).unwrap()))
    }

    #[test]
    fn the_encoding_follows_what_the_client_accepts() {
        assert_eq!(preferred_encoding(None), Encoding::Identity);
        assert_eq!(preferred("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(preferred("gzip, deflate"), Encoding::Gzip);
        assert_eq!(preferred("br;q=0.5, gzip"), Encoding::Gzip);
        assert_eq!(preferred("br;q=0, gzip;q=0"), Encoding::Identity);
        assert_eq!(preferred("*"), Encoding::Brotli);
        assert_eq!(preferred("*;q=0.1, br;q=0"), Encoding::Gzip);
        assert_eq!(preferred("identity"), Encoding::Identity);
        assert_eq!(preferred("BR"), Encoding::Brotli);
    }
}
