//! An order's status in the shopper's words, and dates and times the way
//! their language writes them: shared by the order page, the orders list
//! and the checkout's payment panel.

use crate::i18n::{CheckoutText, Locale, OrderText};
use shop_api::order::standing::standing_of_status;
use shop_api::order::{Headline, OrderStatus};
use wasm_bindgen::JsValue;

/// Where an order stands, in the shopper's words (`shop_api`'s
/// `standing` decides which).
pub fn headline_text(headline: Headline, o: &OrderText) -> &'static str {
    match headline {
        Headline::AwaitingPayment => o.headline_awaiting_payment,
        Headline::PaymentRefused => o.headline_payment_refused,
        Headline::ConfirmedDebitAtShipment => o.headline_confirmed_debit_at_shipment,
        Headline::ConfirmedDebited => o.headline_confirmed_debited,
        Headline::InProduction => o.headline_in_production,
        Headline::Shipped => o.headline_shipped,
        Headline::Delivered => o.headline_delivered,
        Headline::Refunded => o.headline_refunded,
        Headline::CancelledNothingDebited => o.headline_cancelled_nothing_debited,
        Headline::CancelledRefunded => o.headline_cancelled_refunded,
        Headline::PayAgain => o.headline_pay_again,
    }
}

/// An order known by its status only (a list line, a tracking answer).
pub fn status_headline(status: OrderStatus, o: &OrderText) -> &'static str {
    headline_text(standing_of_status(status).headline, o)
}

/// A date the way the shopper's language writes it (26/11/2026).
pub fn format_date(unix_seconds: i64, locale: Locale) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(unix_seconds as f64 * 1000.0));
    let tag = match locale {
        Locale::Fr => "fr-FR",
        Locale::En => "en-GB",
    };
    String::from(date.to_locale_date_string(tag, &JsValue::UNDEFINED))
}

/// A time of day in the shopper's own time zone, the way their language
/// writes it (« 14 h 32 », "14:32").
pub fn format_time(unix_seconds: i64, c: &CheckoutText) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(unix_seconds as f64 * 1000.0));
    (c.clock_time)(date.get_hours(), date.get_minutes())
}
