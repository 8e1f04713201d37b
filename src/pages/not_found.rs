//! Any unknown address: say so plainly and offer the way home.

use crate::components::page_heading::PageHeading;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_strings();
    let not_found = move || &t.get().not_found;
    view! {
        <PageHeading title=Signal::derive(move || not_found().title.to_owned()) heading=Signal::derive(move || not_found().title.to_owned()) />
        <p>{move || not_found().body}</p>
        <p>
            <A href=routes::HOME>{move || not_found().home_link}</A>
        </p>
    }
}
