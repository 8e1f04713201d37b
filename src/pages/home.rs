//! `/`: what the shop makes, with prices from the server, and how shoppers
//! pay.

use crate::components::page_heading::PageHeading;
use crate::components::product_card::ProductCard;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_strings();
    let home = move || &t.get().home;
    let catalogue = LocalResource::new(crate::state::catalogue::catalogue);
    view! {
        <PageHeading title=Signal::derive(move || home().title.to_owned()) heading=Signal::derive(move || home().heading.to_owned()) />
        <p class="lead">{move || home().intro}</p>
        // Above the products: nothing under the list moves when it arrives.
        <p>
            {move || home().payment_note} " "
            <A href=routes::PAYMENT_METHODS>{move || home().payment_link}</A>
        </p>
        <section aria-labelledby="produits">
            <h2 id="produits">{move || home().products_heading}</h2>
            {move || match catalogue.get() {
                None => view! { <p class="page-loading" role="status">{home().loading}</p> }.into_any(),
                Some(Ok(catalogue)) => view! {
                    <ul class="product-list">
                        {catalogue.products.into_iter().map(|product| view! { <ProductCard product /> }).collect_view()}
                    </ul>
                }.into_any(),
                Some(Err(_)) => view! {
                    <div class="form-error" role="alert">
                        <p>{home().catalogue_unavailable}</p>
                        <button type="button" class="button-secondary" on:click=move |_| catalogue.refetch()>
                            {home().retry}
                        </button>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
