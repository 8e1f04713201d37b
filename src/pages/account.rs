//! `/compte`: signing in and creating an account, and what signing out
//! deletes.

use crate::components::page_heading::PageHeading;
use crate::state::locale::use_strings;
use leptos::prelude::*;

#[component]
pub fn AccountPage() -> impl IntoView {
    let t = use_strings();
    let account = move || &t.get().account;
    view! {
        <PageHeading title=Signal::derive(move || account().title) heading=Signal::derive(move || account().title) />
        <p class="lead">{move || account().intro}</p>
        <p class="notice">{move || account().sign_out_warning}</p>
        <p>{move || account().coming_soon}</p>
    }
}
