//! Step 2: the delivery option, the cart page's own radio group (so the
//! cart keeps the choice and the two pages always agree).

use crate::api;
use crate::pages::cart::DeliveryChoice;
use crate::state::cart::use_cart;
use crate::state::locale::use_strings;
use leptos::prelude::*;

#[component]
pub fn DeliveryStep(on_done: Callback<()>, on_back: Callback<()>) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let cart = use_cart();
    let catalogue = LocalResource::new(api::catalogue::catalogue);
    let missing = RwSignal::new(false);
    let chosen = Signal::derive(move || cart.cart().with(|c| c.delivery_option_id.is_some()));
    Effect::new(move |_| {
        if chosen.get() {
            missing.set(false);
        }
    });
    view! {
        {move || matches!(catalogue.get(), Some(Err(_))).then(|| view! {
            <div class="form-error" role="alert">
                <p>{c().catalogue_failed}</p>
                <button type="button" class="button-secondary" on:click=move |_| catalogue.refetch()>
                    {move || c().retry}
                </button>
            </div>
        })}
        <DeliveryChoice catalogue />
        {move || missing.get().then(|| view! { <p class="form-error" role="alert">{move || c().delivery_required}</p> })}
        <div class="checkout-actions">
            <button type="button" class="button-secondary" on:click=move |_| on_back.run(())>
                {move || c().back_button}
            </button>
            <button type="button" class="button-primary" on:click=move |_| {
                if chosen.get_untracked() {
                    on_done.run(());
                } else {
                    missing.set(true);
                }
            }>
                {move || c().continue_button}
            </button>
        </div>
    }
}
