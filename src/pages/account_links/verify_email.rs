//! `/compte/confirmer-adresse#jeton=…`: the link the shop e-mails to
//! confirm an address. The token leaves the address bar first, then is
//! sent; the page says whether the address is confirmed, or why the link
//! no longer works and how to get another, or offers to try again when the
//! service did not answer. A signed-in shopper's session is asked again,
//! so that the account page stops reminding them.

use crate::api::{self, ApiError};
use crate::browser::link_token;
use crate::components::page_heading::PageHeading;
use crate::routes;
use crate::state::locale::use_strings;
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos_router::components::A;
use shop_api::ErrorCode;
use shop_api::account::LinkToken;

/// What confirming came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Confirmed,
    /// Unknown, used, older than 24 hours, or no token at all.
    InvalidLink,
    /// No answer (or one this storefront cannot read): try again.
    Failed,
}

async fn confirm(token: String) -> Outcome {
    match api::account::confirm_verification(&LinkToken { token }).await {
        Ok(()) => Outcome::Confirmed,
        Err(ApiError::Refused {
            code: ErrorCode::InvalidLink,
            ..
        }) => Outcome::InvalidLink,
        Err(_) => Outcome::Failed,
    }
}

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    // Before anything else: out of the address bar, kept here only.
    let token = StoredValue::new(link_token::take());
    let t = use_strings();
    let v = move || &t.get().verification;
    let session = use_session();
    let status = session.status();
    let signed_in = Signal::derive(move || matches!(status.get(), SessionStatus::SignedIn(_)));
    let action = Action::new_local(|token: &String| confirm(token.clone()));
    let pending = action.pending();
    let outcome = Signal::derive(move || match action.value().get() {
        Some(outcome) => Some(outcome),
        None if token.with_value(Option::is_none) => Some(Outcome::InvalidLink),
        None => None,
    });
    let send = move || {
        if let Some(token) = token.get_value()
            && !pending.get_untracked()
        {
            action.dispatch_local(token);
        }
    };
    send();
    // The account now says the address is confirmed: the reminder goes.
    Effect::new(move |_| {
        if action.value().get() == Some(Outcome::Confirmed)
            && !matches!(status.get_untracked(), SessionStatus::SignedOut { .. })
        {
            session.refresh();
        }
    });
    let message = move || {
        match (pending.get(), outcome.get()) {
        (true, _) | (false, None) => view! { <p>{v().confirming}</p> }.into_any(),
        (false, Some(Outcome::Confirmed)) => view! { <p class="confirmation">{v().confirmed}</p> }.into_any(),
        (false, Some(Outcome::InvalidLink)) => view! {
            <p class="form-error">{v().invalid_link}</p>
            <p>{move || if signed_in.get() { v().new_link_signed_in } else { v().new_link_signed_out }}</p>
        }
        .into_any(),
        (false, Some(Outcome::Failed)) => view! { <p class="form-error">{v().failed}</p> }.into_any(),
    }
    };
    let way_on = move || match (pending.get(), outcome.get()) {
        (false, Some(Outcome::Confirmed)) => Some(if signed_in.get() {
            view! { <p><A href=routes::ACCOUNT>{move || v().to_account}</A></p> }.into_any()
        } else {
            view! { <p><A href=routes::HOME>{move || v().to_home}</A></p> }.into_any()
        }),
        (false, Some(Outcome::InvalidLink)) => Some(
            view! {
                <p>
                    <A href=routes::ACCOUNT>
                        {move || if signed_in.get() { v().to_account } else { v().sign_in }}
                    </A>
                </p>
            }
            .into_any(),
        ),
        (false, Some(Outcome::Failed)) => Some(
            view! {
                <button type="button" class="button-secondary" on:click=move |_| send()>
                    {move || v().retry}
                </button>
            }
            .into_any(),
        ),
        _ => None,
    };
    view! {
        <PageHeading title=Signal::derive(move || v().title.to_owned()) heading=Signal::derive(move || v().title.to_owned()) />
        <div class="link-outcome" role="status">{message}</div>
        {way_on}
    }
}
