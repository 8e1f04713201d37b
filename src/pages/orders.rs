//! `/suivi-de-commande`: order tracking.

use crate::components::page_heading::PageHeading;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn OrdersPage() -> impl IntoView {
    let t = use_strings();
    let orders = move || &t.get().orders;
    view! {
        <PageHeading title=Signal::derive(move || orders().title.to_owned()) heading=Signal::derive(move || orders().title.to_owned()) />
        <p class="lead">{move || orders().intro}</p>
        <p>
            <A href=routes::ACCOUNT>{move || orders().account_link}</A>
        </p>
    }
}
