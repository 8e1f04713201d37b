//! `/modes-de-paiement`: every accepted method, what the shopper is asked
//! for, and when they are debited.

use crate::components::page_heading::PageHeading;
use crate::i18n::PaymentMethodText;
use crate::state::locale::use_strings;
use leptos::prelude::*;

#[component]
pub fn PaymentMethodsPage() -> impl IntoView {
    let t = use_strings();
    let page = move || &t.get().payment_methods;
    view! {
        <PageHeading title=Signal::derive(move || page().title.to_owned()) heading=Signal::derive(move || page().title.to_owned()) />
        <p class="lead">{move || page().intro}</p>
        {move || {
            let page = page();
            page.methods
                .iter()
                .map(|method| method_section(method, page.asked_label, page.debit_label))
                .collect_view()
        }}
    }
}

fn method_section(
    method: &'static PaymentMethodText,
    asked_label: &'static str,
    debit_label: &'static str,
) -> impl IntoView + use<> {
    let heading_id = format!("mode-{}", method.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="payment-method" id=method.id aria-labelledby=labelled_by>
            <h2 id=heading_id>{method.heading}</h2>
            <ul class="brand-list">
                {method.brands.iter().map(|brand| view! { <li class="brand-badge">{*brand}</li> }).collect_view()}
            </ul>
            <p>{method.how}</p>
            {(!method.asked.is_empty()).then(|| view! {
                <h3>{asked_label}</h3>
                <ul>
                    {method.asked.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}
                </ul>
            })}
            <p>{method.privacy}</p>
            <p class="debit">
                <strong>{debit_label}</strong>
                " "
                {method.debit}
            </p>
        </section>
    }
}
