//! `/compte/nouveau-mot-de-passe#jeton=…`: the link the shop e-mails after
//! a forgotten password. The token leaves the address bar first and is
//! kept in memory; the new password is checked like a new account's, then
//! sent with it. The server signs the shopper in (every other session of
//! the account ended): the session changes as after a sign-in, and so does
//! the cart (`state/cart.rs`). A used or old link says how to ask again.

use crate::api::{self, ApiError};
use crate::browser::link_token;
use crate::components::credentials_form::{FormError, check_new_password};
use crate::components::page_heading::PageHeading;
use crate::components::password_field::PasswordField;
use crate::dom::focus_by_id;
use crate::routes;
use crate::state::locale::use_strings;
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;
use shop_api::ErrorCode;
use shop_api::account::NewPassword;

pub const PASSWORD_ID: &str = "nouveau-mot-de-passe";
const DONE_ID: &str = "mot-de-passe-change";

/// Why the password was not changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    InvalidLink,
    /// Next to the password.
    Password(FormError),
    /// For the whole form.
    Form(FormError),
}

fn refusal(error: &ApiError) -> Refusal {
    match error {
        ApiError::Refused {
            code,
            retry_after_seconds,
            ..
        } => match code {
            ErrorCode::InvalidLink => Refusal::InvalidLink,
            ErrorCode::ServerBusy => {
                Refusal::Form(FormError::Busy(retry_after_seconds.unwrap_or(5)))
            }
            ErrorCode::TooManyAttempts => Refusal::Form(FormError::TooManyAttempts(
                retry_after_seconds.unwrap_or(60),
            )),
            code => FormError::password_refusal(*code)
                .map(Refusal::Password)
                .unwrap_or(Refusal::Form(FormError::Unexpected)),
        },
        ApiError::Network(_) => Refusal::Form(FormError::Network),
        ApiError::Unreadable { .. } => Refusal::Form(FormError::Unexpected),
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    // Before anything else: out of the address bar, kept here only.
    let token = StoredValue::new(link_token::take());
    let t = use_strings();
    let r = move || &t.get().password_reset;
    let account = move || &t.get().account;
    let session = use_session();
    let password = RwSignal::new(String::new());
    let local_error = RwSignal::new(None::<FormError>);
    let reset = Action::new_local(|request: &NewPassword| {
        let request = request.clone();
        async move {
            api::account::reset_password(&request)
                .await
                .map(|signed_in| signed_in.account)
                .map_err(|error| refusal(&error))
        }
    });
    let pending = reset.pending();
    Effect::new(move |_| match reset.value().get() {
        Some(Ok(signed_in)) => {
            session.signed_in(signed_in);
            request_animation_frame(|| {
                focus_by_id(DONE_ID);
            });
        }
        Some(Err(Refusal::Password(_))) => {
            focus_by_id(PASSWORD_ID);
        }
        _ => {}
    });
    let refused = Signal::derive(move || reset.value().with(|v| v.clone().and_then(Result::err)));
    let changed = Signal::derive(move || reset.value().with(|v| matches!(v, Some(Ok(_)))));
    let invalid = Signal::derive(move || {
        token.with_value(Option::is_none) || refused.get() == Some(Refusal::InvalidLink)
    });
    let password_error = Signal::derive(move || {
        local_error
            .get()
            .or_else(|| match refused.get() {
                Some(Refusal::Password(error)) => Some(error),
                _ => None,
            })
            .map(|error| error.message(&account().errors))
    });
    let form_error = move || match (local_error.get(), refused.get()) {
        (None, Some(Refusal::Form(error))) => Some(error.message(&account().errors)),
        _ => None,
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed = password.get_untracked();
        let found = check_new_password(&typed);
        local_error.set(found);
        if found.is_some() {
            focus_by_id(PASSWORD_ID);
            return;
        }
        if let Some(token) = token.get_value() {
            reset.dispatch_local(NewPassword {
                token,
                password: typed,
            });
        }
    };
    let body = move || {
        if changed.get() {
            view! {
                <p class="confirmation" id=DONE_ID tabindex="-1" role="status">{move || r().done}</p>
                <p><A href=routes::ACCOUNT>{move || r().to_account}</A></p>
            }
            .into_any()
        } else if invalid.get() {
            view! {
                <div role="status">
                    <p class="form-error">{move || r().invalid_link}</p>
                </div>
                <p>
                    {move || r().ask_again}" "
                    <A href=routes::FORGOT_PASSWORD>{move || account().forgot_password_link}</A>
                </p>
            }
            .into_any()
        } else {
            view! {
                <p>{move || r().reset_intro}</p>
                <form class="account-form" novalidate aria-label=move || r().reset_title on:submit=submit>
                    {move || form_error().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                    <PasswordField
                        id=PASSWORD_ID
                        label=Signal::derive(move || r().new_password_label)
                        autocomplete="new-password"
                        value=password
                        error=password_error
                        hint=Some(Signal::derive(move || account().new_password_hint))
                    />
                    <button type="submit" class="button-primary" disabled=move || pending.get() aria-busy=move || pending.get().then_some("true")>
                        {move || if pending.get() { account().pending } else { r().save_button }}
                    </button>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <PageHeading title=Signal::derive(move || r().reset_title.to_owned()) heading=Signal::derive(move || r().reset_title.to_owned()) />
        {body}
    }
}
