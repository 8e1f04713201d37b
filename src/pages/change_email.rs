//! `/compte/nouvelle-adresse#jeton=…`: the link of an address change. The
//! token leaves the address bar first, then is sent; the account now uses
//! the new address (the session read again when signed in, so that the
//! header and the account show it), or the link no longer serves and the
//! settings offer another.

use crate::api::{self, ApiError};
use crate::browser::link_token;
use crate::components::page_heading::PageHeading;
use crate::routes;
use crate::state::locale::use_strings;
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shop_api::ErrorCode;
use shop_api::account::LinkToken;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Checking,
    Done,
    Invalid,
    /// No answer: the token is kept to try again.
    Failed,
}

#[component]
pub fn ChangeEmailPage() -> impl IntoView {
    let t = use_strings();
    let l = move || &t.get().account_settings.link;
    let session = use_session();
    let status = session.status();
    let token = StoredValue::new(link_token::take());
    let outcome = RwSignal::new(Outcome::Checking);
    let confirm = Action::new_local(|token: &String| {
        let body = LinkToken {
            token: token.clone(),
        };
        async move { api::account_settings::confirm_email_change(&body).await }
    });
    Effect::new(move |_| match confirm.value().get() {
        Some(Ok(())) => outcome.set(Outcome::Done),
        Some(Err(ApiError::Refused {
            code: ErrorCode::InvalidLink,
            ..
        })) => outcome.set(Outcome::Invalid),
        Some(Err(_)) => outcome.set(Outcome::Failed),
        None => {}
    });
    let send = move || match token.get_value() {
        Some(token) => {
            outcome.set(Outcome::Checking);
            confirm.dispatch_local(token);
        }
        None => outcome.set(Outcome::Invalid),
    };
    send();
    // Signed in, the session is read again once the address moved (and
    // once the start-up answer is in, which may predate the move).
    let refreshed = StoredValue::new(false);
    Effect::new(move |_| {
        if outcome.get() == Outcome::Done
            && matches!(status.get(), SessionStatus::SignedIn(_))
            && !refreshed.get_value()
        {
            refreshed.set_value(true);
            spawn_local(async move {
                if let Ok(Some(current)) = api::account::current_session().await {
                    session.signed_in(current.account);
                }
            });
        }
    });
    let title = Signal::derive(move || l().title.to_owned());
    view! {
        <PageHeading title=title heading=title />
        {move || match outcome.get() {
            Outcome::Checking => view! { <p class="page-loading" role="status">{l().checking}</p> }.into_any(),
            Outcome::Done => view! {
                <p class="notice" role="status">{move || l().done}</p>
                <p><A href=routes::ACCOUNT>{move || l().to_account}</A></p>
            }.into_any(),
            Outcome::Invalid => view! {
                <p class="form-error" role="alert">{move || l().invalid}</p>
                <p><A href=routes::ACCOUNT_SETTINGS>{move || l().ask_again}</A></p>
            }.into_any(),
            Outcome::Failed => view! {
                <div class="form-error" role="alert">
                    <p>{move || l().failed}</p>
                    <button type="button" class="button-secondary" on:click=move |_| send()>
                        {move || t.get().account_settings.retry}
                    </button>
                </div>
            }.into_any(),
        }}
    }
}
