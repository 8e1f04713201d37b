//! The signed-in shopper: who they are, a reminder while their address is
//! not confirmed, and signing out after saying what will be deleted.

use super::projects::{SavedProjects, UnsavedProjects};
use super::verification::VerificationReminder;
use crate::api::{self, ApiError};
use crate::components::sign_out_confirmation::SignOutConfirmation;
use crate::routes;
use crate::state::browser_data::use_browser_data;
use crate::state::cart::use_cart;
use crate::state::locale::use_strings;
use crate::state::projects::use_projects;
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SignedIn(email: String, email_verified: bool) -> impl IntoView {
    let t = use_strings();
    let account = move || &t.get().account;
    let session = use_session();
    let browser_data = use_browser_data();
    let cart = use_cart();
    let projects = use_projects();
    let confirming = RwSignal::new(false);
    // Signing out ends the session on the server first, then forgets what
    // this browser keeps; it answers whether it did.
    let sign_out = Action::new_local(move |_: &()| async move {
        match api::account::sign_out().await {
            // 401: the server had already ended it; wipe all the same.
            Ok(()) | Err(ApiError::Refused { status: 401, .. }) => {
                projects.forget_all();
                browser_data.wipe().await;
                cart.clear();
                session.signed_out();
                true
            }
            Err(_) => false,
        }
    });
    let pending = sign_out.pending();
    let failed = Signal::derive(move || sign_out.value().get() == Some(false));
    let confirm = Callback::new(move |()| {
        if !pending.get_untracked() {
            sign_out.dispatch_local(());
        }
    });

    let reminder =
        (!email_verified).then(|| view! { <VerificationReminder email=email.clone() /> });
    view! {
        <p class="signed-in-as">
            {move || account().signed_in_as} " " <strong>{email}</strong>
        </p>
        {reminder}
        <p><A href=routes::ACCOUNT_SETTINGS>{move || t.get().account_settings.account_link}</A></p>
        {move || if confirming.get() {
            view! {
                <SignOutConfirmation
                    unsaved_projects=browser_data.unsaved_project_names()
                    cart_lines=Signal::derive(move || cart.cart().with(|c| c.lines.len() as u32))
                    pending=pending
                    error=Signal::derive(move || failed.get().then(|| account().errors.sign_out_failed))
                    on_confirm=confirm
                    on_cancel=Callback::new(move |()| confirming.set(false))
                />
            }.into_any()
        } else {
            view! {
                <SavedProjects />
                <UnsavedProjects />
                <p class="notice">{move || account().sign_out_warning}</p>
                <button type="button" class="button-secondary" on:click=move |_| confirming.set(true)>
                    {move || account().sign_out_button}
                </button>
            }.into_any()
        }}
    }
}
