//! The delivery options as a radio group, the first one chosen until the
//! shopper picks another: the cart page's, and the checkout's "Livraison"
//! step.

use crate::i18n::InLocale;
use crate::state::cart::use_cart;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use shop_api::catalogue::Catalogue;

#[component]
pub fn DeliveryChoice(
    /// The catalogue once read; nothing is shown before.
    #[prop(into)]
    catalogue: Signal<Option<Catalogue>>,
) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().cart;
    let locale = use_locale();
    let cart = use_cart();
    let chosen = Signal::derive(move || cart.cart().with(|c| c.delivery_option_id.clone()));
    // The first option (standard delivery) is chosen until the shopper
    // picks another: a cart always shows a full total, and ordering needs
    // no extra click.
    Effect::new(move |_| {
        let first = catalogue
            .get()
            .and_then(|catalogue| catalogue.delivery_options.first().map(|o| o.id.clone()));
        let has_lines = cart.cart().with(|c| !c.lines.is_empty());
        if let Some(first) = first
            && has_lines
            && chosen.with_untracked(Option::is_none)
        {
            cart.set_delivery(first);
        }
    });
    view! {
        {move || catalogue.get().map(|catalogue| view! {
            <fieldset class="delivery-options">
                <legend>{move || c().delivery_legend}</legend>
                {catalogue.delivery_options.into_iter().map(|option| {
                    let id = format!("livraison-{}", option.id);
                    let value = option.id.clone();
                    let checked_id = option.id.clone();
                    let name = option.name.clone();
                    view! {
                        <div class="radio-field">
                            <input type="radio" name="livraison" id=id.clone() value=option.id.clone()
                                prop:checked=move || chosen.get().as_deref() == Some(checked_id.as_str())
                                on:change=move |_| cart.set_delivery(value.clone()) />
                            <label for=id>
                                {move || name.get(locale.get()).to_owned()}
                                " · " {option.price.format_fr()} " · "
                                {move || (c().delivery_days)(option.min_days, option.max_days)}
                                {move || option.free_above_threshold.then(|| format!(" · {}", c().free_above_threshold))}
                            </label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        })}
    }
}
