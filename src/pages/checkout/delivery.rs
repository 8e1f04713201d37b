//! The delivery option, inside the delivery step's form: the cart page's
//! own radio group (so the cart keeps the choice and the two pages always
//! agree), with the first option chosen until the shopper picks another.

use crate::components::delivery_choice::DeliveryChoice;
use crate::state::locale::use_strings;
use leptos::prelude::*;

#[component]
pub fn DeliveryOptions(
    /// Set by the form when it was sent without a choice.
    #[prop(into)]
    missing: Signal<bool>,
) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let catalogue = LocalResource::new(crate::state::catalogue::catalogue);
    view! {
        {move || matches!(catalogue.get(), Some(Err(_))).then(|| view! {
            <div class="form-error" role="alert">
                <p>{c().catalogue_failed}</p>
                <button type="button" class="button-secondary" on:click=move |_| catalogue.refetch()>
                    {move || c().retry}
                </button>
            </div>
        })}
        <DeliveryChoice catalogue=Signal::derive(move || catalogue.get().and_then(Result::ok)) />
        {move || missing.get().then(|| view! { <p class="form-error" role="alert">{move || c().delivery_required}</p> })}
    }
}
