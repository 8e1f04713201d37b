//! An order's money, under a "Paiement" heading: how it is paid (the card's
//! brand and last four digits, or the wallet), what the authorization holds
//! and that the debit comes at shipment, or when it was debited, and any
//! refund. Which of these shows is `shop_api::order::standing`'s payment
//! state, the same one the headline is made from.

use crate::components::order_timeline::date_in_words;
use crate::i18n::OrderText;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use shop_api::Money;
use shop_api::calendar::Date;
use shop_api::order::standing::brand_name;
use shop_api::order::{OrderPayment, PaymentMethod, PaymentState};

/// How the order is paid, in words ("Carte Visa •••• 4242", "Apple Pay").
pub fn method_text(payment: &OrderPayment, o: &OrderText) -> String {
    match payment.method {
        PaymentMethod::ApplePay => "Apple Pay".to_owned(),
        PaymentMethod::GooglePay => "Google Pay".to_owned(),
        PaymentMethod::Card => (o.card)(
            payment.brand.as_deref().and_then(brand_name),
            payment.last4.as_deref(),
        ),
    }
}

#[component]
pub fn OrderPaymentView(
    #[prop(into)] payment: Signal<OrderPayment>,
    #[prop(into)] state: Signal<PaymentState>,
    /// The order's total: what a debit took.
    #[prop(into)]
    total: Signal<Money>,
    heading_id: &'static str,
) -> impl IntoView {
    let t = use_strings();
    let o = move || &t.get().order;
    let locale = use_locale();
    let words = move |at: i64| {
        locale.track();
        date_in_words(Date::in_paris(at), o())
    };
    let debited = move || {
        matches!(
            state.get(),
            PaymentState::Debited | PaymentState::PartiallyRefunded | PaymentState::Refunded
        )
    };
    view! {
        <section class="review-block order-payment" aria-labelledby=heading_id>
            <h2 id=heading_id>{move || o().payment_heading}</h2>
            <dl class="order-facts">
                <dt>{move || o().payment_method_label}</dt>
                <dd class="order-payment-method">{move || payment.with(|p| method_text(p, o()))}</dd>
                {move || payment.with(|p| p.authorized).filter(|_| state.get() == PaymentState::Authorized).map(|held| view! {
                    <dt>{move || o().authorized_label}</dt>
                    <dd class="order-authorized">{held.format_fr()}</dd>
                })}
                {move || debited().then(|| view! {
                    <dt>{move || o().debited_label}</dt>
                    <dd class="order-debited">{move || total.get().format_fr()}</dd>
                })}
                {move || payment.with(|p| p.refunded).map(|refunded| view! {
                    <dt>{move || o().refunded_label}</dt>
                    <dd class="order-refund">{refunded.format_fr()}</dd>
                })}
            </dl>
            {move || match state.get() {
                PaymentState::Authorized => Some(o().debit_at_shipment.to_owned()),
                _ if debited() => payment.with(|p| {
                    let at = p.debited_at?;
                    Some(match p.method {
                        PaymentMethod::Card => (o().card_debited_on)(&words(at)),
                        PaymentMethod::ApplePay | PaymentMethod::GooglePay => {
                            (o().wallet_debited_on)(&words(at))
                        }
                    })
                }),
                PaymentState::Unpaid => Some(o().nothing_debited.to_owned()),
                _ => None,
            }.map(|sentence| view! { <p class="order-debit">{sentence}</p> })}
        </section>
    }
}
