//! `/`: what the shop makes and how shoppers pay.

use crate::components::page_heading::PageHeading;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_strings();
    let home = move || &t.get().home;
    view! {
        <PageHeading title=Signal::derive(move || home().title) heading=Signal::derive(move || home().heading) />
        <p class="lead">{move || home().intro}</p>
        <section aria-labelledby="produits">
            <h2 id="produits">{move || home().products_heading}</h2>
            <ul class="product-list">
                {move || home().products.map(|product| view! { <li>{product}</li> }).to_vec()}
            </ul>
        </section>
        <p>
            {move || home().payment_note} " "
            <A href=routes::PAYMENT_METHODS>{move || home().payment_link}</A>
        </p>
    }
}
