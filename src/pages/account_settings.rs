//! `/compte/parametres`: the account's own controls, one section each —
//! the devices signed in (`sessions.rs`), the password (`password.rs`), the
//! e-mail address (`email.rs`), the data as a file, and the deletion
//! (`deletion.rs`). Signed out, the way to sign in and come back; once the
//! account is deleted, that it is.

mod deletion;
mod email;
mod feedback;
mod password;
mod sessions;

use crate::components::page_heading::PageHeading;
use crate::routes::{self, RETURN_PARAM};
use crate::state::locale::use_strings;
use crate::state::session::{SessionStatus, use_session};
use feedback::focus_when_shown;
use leptos::prelude::*;
use leptos_router::components::A;
use shop_api::account::EXPORT_PATH;

const DELETED_ID: &str = "compte-supprime";
const DATA_HEADING_ID: &str = "donnees-titre";

/// What the page shows; the session's account may change (a new address)
/// without rebuilding the forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Checking,
    SignedOut,
    SignedIn,
    Deleted,
}

#[component]
pub fn AccountSettingsPage() -> impl IntoView {
    let t = use_strings();
    let s = move || &t.get().account_settings;
    let status = use_session().status();
    let deleted = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        if deleted.get() {
            return Shown::Deleted;
        }
        match status.get() {
            SessionStatus::Checking => Shown::Checking,
            SessionStatus::SignedOut { .. } => Shown::SignedOut,
            SessionStatus::SignedIn(_) => Shown::SignedIn,
        }
    });
    let title = Signal::derive(move || s().title.to_owned());
    view! {
        <PageHeading title=title heading=title />
        {move || match shown.get() {
            Shown::Checking => view! { <p class="page-loading" role="status">{s().checking}</p> }.into_any(),
            Shown::SignedOut => {
                let back = js_sys::encode_uri_component(routes::ACCOUNT_SETTINGS);
                view! {
                    <p class="lead">{move || s().signed_out}</p>
                    <p><A href=format!("{}?{RETURN_PARAM}={back}", routes::ACCOUNT)>{move || s().sign_in_link}</A></p>
                }.into_any()
            }
            Shown::SignedIn => view! { <Settings deleted /> }.into_any(),
            Shown::Deleted => {
                focus_when_shown(DELETED_ID);
                view! {
                    <div class="confirmation">
                        <p id=DELETED_ID tabindex="-1" role="status"><strong>{move || s().deletion.deleted}</strong></p>
                        <p>{move || s().deletion.deleted_detail}</p>
                        <p><A href=routes::HOME>{move || s().deletion.home_link}</A></p>
                    </div>
                }.into_any()
            }
        }}
    }
}

#[component]
fn Settings(deleted: RwSignal<bool>) -> impl IntoView {
    let t = use_strings();
    let s = move || &t.get().account_settings;
    let status = use_session().status();
    let email = Signal::derive(move || match status.get() {
        SessionStatus::SignedIn(account) => account.email,
        _ => String::new(),
    });
    // A new password ends the other sessions: their list is read again.
    let sessions_changed = RwSignal::new(0u32);
    view! {
        <p><A href=routes::ACCOUNT>{move || s().back_to_account}</A></p>
        <sessions::Sessions reload=sessions_changed />
        <password::PasswordChangeForm email on_changed=Callback::new(move |()| sessions_changed.update(|n| *n += 1)) />
        <email::EmailChangeForm email />
        <section class="settings-section" aria-labelledby=DATA_HEADING_ID>
            <h2 id=DATA_HEADING_ID>{move || s().data.heading}</h2>
            <p>{move || s().data.intro}</p>
            // Same origin: the session cookie goes with it.
            <p><a href=EXPORT_PATH download>{move || s().data.download}</a></p>
        </section>
        <deletion::AccountDeletion deleted />
    }
}
