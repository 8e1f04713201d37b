//! `GET /pay/{id}`: the card page, in French. Its script and style are
//! separate files of the sandbox (no inline code, `default-src 'self'`), and
//! only the payment's `allowed_origin` may frame it or hear from it.

use crate::http::AppState;
use crate::ids;
use crate::payments::Payment;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

pub async fn show(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    if !ids::looks_like("pay_", &id) {
        return missing();
    }
    match state.ledger.get(&id).await {
        // A merchant-initiated payment has no page: the shopper is absent.
        Ok(payment) => match &payment.allowed_origin {
            Some(origin) => page(&payment, origin),
            None => missing(),
        },
        Err(crate::ledger::LedgerError::NotFound) => missing(),
        Err(error) => {
            tracing::error!(%error, "cannot show a payment page");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html(MESSAGE_PAGE.replace(
                    "{message}",
                    "Le service de paiement est indisponible. Réessayez plus tard.",
                )),
            )
                .into_response()
        }
    }
}

fn page(payment: &Payment, allowed_origin: &str) -> Response {
    let html = PAGE
        .replace("{payment_id}", &payment.id)
        .replace("{parent_origin}", allowed_origin)
        .replace("{status}", payment.status.as_str())
        .replace(
            "{decline_code}",
            payment.decline_code.map_or("", |c| c.as_str()),
        )
        .replace("{amount}", &euros_fr(payment.amount));
    let mut response = Html(html).into_response();
    let headers = response.headers_mut();
    // The framing layer leaves this policy alone: it names the payment's
    // own origin instead of the configured shop's.
    if let Ok(policy) = HeaderValue::try_from(crate::framing::policy(allowed_origin)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

fn missing() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(MESSAGE_PAGE.replace("{message}", "Cette session de paiement n’existe pas.")),
    )
        .into_response()
}

/// `45,99 €` — a narrow no-break space between thousands, a no-break space
/// before the sign, as French typography wants.
pub fn euros_fr(cents: i64) -> String {
    let units = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    format!("{grouped},{:02}\u{a0}€", cents % 100)
}

/// Every interpolated value is an id, a checked origin, a status or an
/// amount: none can carry markup.
const PAGE: &str = include_str!("../../../static/pay.html");

const MESSAGE_PAGE: &str = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">\
<title>Paiement</title><link rel=\"stylesheet\" href=\"/assets/pay.css\"></head>\
<body><main class=\"psp\"><p>{message}</p></main></body></html>";

#[cfg(test)]
mod tests {
    #[test]
    fn amounts_read_the_french_way() {
        assert_eq!(super::euros_fr(4599), "45,99\u{a0}€");
        assert_eq!(super::euros_fr(5), "0,05\u{a0}€");
        assert_eq!(super::euros_fr(12_345_678), "123\u{202f}456,78\u{a0}€");
        assert_eq!(super::euros_fr(99_999_999), "999\u{202f}999,99\u{a0}€");
    }
}
