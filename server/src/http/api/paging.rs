//! `?limit=&before=` of a paged list, read by hand so that a malformed
//! value is a JSON 400 with a code, never axum's plain-text rejection.

use super::ApiFailure;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use shop_api::ErrorCode;
use shop_api::page::{DEFAULT_PAGE, MAX_PAGE};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageQuery {
    /// 1 to `MAX_PAGE`.
    pub limit: u32,
    /// The cursor of the previous page's last item.
    pub before: Option<i64>,
}

impl<S: Send + Sync> FromRequestParts<S> for PageQuery {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiFailure> {
        parse(parts.uri.query().unwrap_or_default())
    }
}

fn parse(query: &str) -> Result<PageQuery, ApiFailure> {
    let mut page = PageQuery {
        limit: DEFAULT_PAGE,
        before: None,
    };
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match name {
            "limit" => {
                page.limit = value
                    .parse::<u32>()
                    .map_err(|_| invalid())?
                    .clamp(1, MAX_PAGE);
            }
            "before" => page.before = Some(value.parse().map_err(|_| invalid())?),
            // Unknown parameters are ignored, as a cache-buster would be.
            _ => {}
        }
    }
    Ok(page)
}

fn invalid() -> ApiFailure {
    ApiFailure::new(
        StatusCode::BAD_REQUEST,
        ErrorCode::InvalidQuery,
        "limit is a count and before a cursor from the previous page",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_clamped_and_garbage_refused() {
        assert_eq!(
            parse("").unwrap(),
            PageQuery {
                limit: DEFAULT_PAGE,
                before: None
            }
        );
        assert_eq!(
            parse("limit=0&before=-5&x=y").unwrap(),
            PageQuery {
                limit: 1,
                before: Some(-5)
            }
        );
        assert_eq!(parse("limit=99999").unwrap().limit, MAX_PAGE);
        for bad in [
            "limit=",
            "limit=-1",
            "before=abc",
            "before=1e3",
            "limit=%31",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
