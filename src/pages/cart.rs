//! `/panier`: the cart. Empty until the catalogue and projects exist.

use crate::components::page_heading::PageHeading;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CartPage() -> impl IntoView {
    let t = use_strings();
    let cart = move || &t.get().cart;
    view! {
        <PageHeading title=Signal::derive(move || cart().title) heading=Signal::derive(move || cart().title) />
        <p class="empty-state">{move || cart().empty}</p>
        <p>
            <A href=routes::HOME>{move || cart().browse}</A>
        </p>
    }
}
