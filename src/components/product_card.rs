//! One product of the catalogue: name, description, lowest price.

use crate::i18n::InLocale;
use crate::routes;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use leptos_router::components::A;
use shop_api::catalogue::Product;

#[component]
pub fn ProductCard(product: Product) -> impl IntoView {
    let locale = use_locale();
    let t = use_strings();
    let heading_id = format!("produit-{}", product.id);
    let heading_for_link = heading_id.clone();
    let create_href = format!("{}/{}", routes::CREATE, product.id);
    let name = product.name.clone();
    let description = product.description.clone();
    view! {
        <li class="product-card">
            <h3 id=heading_id>{move || name.get(locale.get()).to_owned()}</h3>
            <p>{move || description.get(locale.get()).to_owned()}</p>
            <p class="product-price">
                {move || t.get().home.from_price} " "
                <strong>{product.from_price.format_fr()}</strong>
            </p>
            <A href=create_href attr:class="button-primary" attr:aria-describedby=heading_for_link>
                {move || t.get().home.create}
            </A>
        </li>
    }
}
