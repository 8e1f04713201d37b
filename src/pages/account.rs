//! `/compte`: sign in or create an account; once signed in, the account
//! (with a reminder while its address is not confirmed) and signing out
//! (which deletes unsaved work, as the shop's copy says).

mod projects;
mod signed_in;
mod signed_out;
mod verification;

use crate::components::page_heading::PageHeading;
use crate::state::locale::use_strings;
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;

#[component]
pub fn AccountPage() -> impl IntoView {
    let t = use_strings();
    let account = move || &t.get().account;
    let status = use_session().status();
    view! {
        <PageHeading title=Signal::derive(move || account().title.to_owned()) heading=Signal::derive(move || account().title.to_owned()) />
        {move || match status.get() {
            SessionStatus::Checking => view! { <p class="page-loading" role="status">{account().pending}</p> }.into_any(),
            SessionStatus::SignedOut { expired } => view! { <signed_out::SignedOut expired /> }.into_any(),
            SessionStatus::SignedIn(signed_in) => view! { <signed_in::SignedIn email=signed_in.email email_verified=signed_in.email_verified /> }.into_any(),
        }}
    }
}
