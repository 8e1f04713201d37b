//! The account page for a shopper signed out: what signing in keeps, the
//! projects only this browser holds, and the two forms
//! (`panels/identification.rs`, which the checkout shows too).

use crate::panels::identification::IdentificationForms;
use crate::state::locale::use_strings;
use leptos::prelude::*;

#[component]
pub fn SignedOut(expired: bool) -> impl IntoView {
    let t = use_strings();
    let account = move || &t.get().account;
    view! {
        {expired.then(|| view! { <p class="notice" role="status">{move || account().session_expired}</p> })}
        <p class="lead">{move || account().intro}</p>
        <p class="notice">{move || account().sign_out_warning}</p>
        <super::projects::UnsavedProjects />
        <IdentificationForms />
    }
}
