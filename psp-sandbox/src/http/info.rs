//! What is not about one payment: the health check, the French info page
//! with the test cards, and the card page's script and style.

use super::AppState;
use axum::Json;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/", get(home))
        .route("/assets/pay.js", get(script))
        .route("/assets/pay.css", get(style))
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

async fn home() -> Html<&'static str> {
    Html(include_str!("../../static/index.html"))
}

async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../../static/pay.js"),
    )
}

async fn style() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("../../static/pay.css"),
    )
}

/// Revalidated on every load, so a rebuilt sandbox never serves a page with
/// last version's script.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod typography {
    //! The sandbox's French pages follow the shop's typography: a
    //! non-breaking space before `:` `;` `!` `?`, and ’ as the apostrophe.

    const INDEX: &str = include_str!("../../static/index.html");
    const PAY_PAGE: &str = include_str!("../../static/pay.html");
    const PAY_SCRIPT: &str = include_str!("../../static/pay.js");

    fn faults(text: &str) -> Vec<String> {
        [" :", " ;", " !", " ?", "« ", " »", "'"]
            .into_iter()
            .filter(|bad| text.contains(bad))
            .map(|bad| format!("{bad:?} in {text:?}"))
            .collect()
    }

    /// Text between tags (scripts and styles are separate files).
    fn html_text(page: &str) -> Vec<&str> {
        page.split('<')
            .filter_map(|part| part.split_once('>').map(|(_, text)| text))
            .filter(|text| !text.trim().is_empty())
            .collect()
    }

    /// Double-quoted literals holding words, outside comments.
    fn script_prose(script: &str) -> Vec<&str> {
        script
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .flat_map(|line| line.split('"').skip(1).step_by(2))
            .filter(|text| text.contains(' ') && text.chars().any(char::is_alphabetic))
            .collect()
    }

    #[test]
    fn the_check_can_fail() {
        assert_eq!(faults("Paiement refusé : carte").len(), 1);
        assert_eq!(faults("n'est").len(), 1);
        assert!(faults("refusé\u{a0}: la carte n’est pas").is_empty());
        assert_eq!(html_text("<p>a : b</p>"), ["a : b"]);
        assert_eq!(
            script_prose(r#"x = "Saisissez le numéro : ici";"#),
            ["Saisissez le numéro : ici"]
        );
    }

    #[test]
    fn pages_and_messages_use_non_breaking_spaces_and_one_apostrophe() {
        let mut wrong = Vec::new();
        for page in [INDEX, PAY_PAGE] {
            wrong.extend(html_text(page).into_iter().flat_map(faults));
        }
        wrong.extend(script_prose(PAY_SCRIPT).into_iter().flat_map(faults));
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
