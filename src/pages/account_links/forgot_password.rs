//! `/compte/mot-de-passe-oublie`: asking for a link to choose a new
//! password, from the sign-in form's "Mot de passe oublié ?". The answer
//! says the same whether the address has an account or not (the server
//! does too); asked too often, it says when to try again.

use crate::api::{self, ApiError};
use crate::components::credentials_form::{FormError, check_email};
use crate::components::page_heading::PageHeading;
use crate::dom::focus_by_id;
use crate::routes;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use leptos_router::components::A;
use shop_api::ErrorCode;
use shop_api::account::PasswordResetRequest;

pub const EMAIL_ID: &str = "oubli-email";
const SENT_ID: &str = "oubli-envoye";

/// Why no link was asked for, and where it is said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    /// Next to the address.
    Email(FormError),
    /// Asked too often: again in so many seconds.
    TooSoon(u64),
    /// For the whole form.
    Form(FormError),
}

fn problem(error: &ApiError) -> Problem {
    match error {
        ApiError::Refused {
            code,
            retry_after_seconds,
            ..
        } => match code {
            ErrorCode::InvalidEmail => Problem::Email(FormError::EmailInvalid),
            ErrorCode::TooManyAttempts => Problem::TooSoon(retry_after_seconds.unwrap_or(60)),
            ErrorCode::ServerBusy => {
                Problem::Form(FormError::Busy(retry_after_seconds.unwrap_or(5)))
            }
            _ => Problem::Form(FormError::Unexpected),
        },
        ApiError::Network(_) => Problem::Form(FormError::Network),
        ApiError::Unreadable { .. } => Problem::Form(FormError::Unexpected),
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = use_strings();
    let r = move || &t.get().password_reset;
    let account = move || &t.get().account;
    let locale = use_locale();
    let email = RwSignal::new(String::new());
    let local_problem = RwSignal::new(None::<Problem>);
    let send = Action::new_local(|request: &PasswordResetRequest| {
        let request = request.clone();
        async move {
            api::account::request_password_reset(&request)
                .await
                .map(|()| request.email)
                .map_err(|error| problem(&error))
        }
    });
    let pending = send.pending();
    let sent = Signal::derive(move || send.value().with(|v| v.clone().and_then(Result::ok)));
    // The browser's refusal describes the field as it is now; else the
    // server's last answer.
    let shown = Signal::derive(move || {
        local_problem
            .get()
            .or_else(|| send.value().with(|v| v.clone().and_then(Result::err)))
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(_)) => {
            request_animation_frame(|| {
                focus_by_id(SENT_ID);
            });
        }
        Some(Err(Problem::Email(_))) => {
            focus_by_id(EMAIL_ID);
        }
        _ => {}
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        if let Some(refused) = check_email(&email.get_untracked()) {
            local_problem.set(Some(Problem::Email(refused)));
            focus_by_id(EMAIL_ID);
            return;
        }
        local_problem.set(None);
        send.dispatch_local(PasswordResetRequest {
            email: email.get_untracked().trim().to_owned(),
            language: Some(locale.get_untracked().language()),
        });
    };
    let email_error = move || match shown.get() {
        Some(Problem::Email(error)) => Some(error.message(&account().errors)),
        _ => None,
    };
    let form_error = move || match shown.get() {
        Some(Problem::TooSoon(seconds)) => Some((r().too_soon)(seconds)),
        Some(Problem::Form(error)) => Some(error.message(&account().errors)),
        _ => None,
    };
    let error_id = format!("{EMAIL_ID}-erreur");
    let form = move || {
        let error_id = error_id.clone();
        match sent.get() {
            Some(address) => view! {
                <p class="confirmation" id=SENT_ID tabindex="-1" role="status">{move || (r().sent)(&address)}</p>
            }
            .into_any(),
            None => view! {
                <form class="account-form" novalidate aria-label=move || r().forgot_title on:submit=submit>
                    {move || form_error().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                    <div class="field">
                        <label for=EMAIL_ID>{move || account().email_label}</label>
                        <input
                            id=EMAIL_ID
                            name=EMAIL_ID
                            type="email"
                            inputmode="email"
                            autocomplete="email"
                            autocapitalize="off"
                            spellcheck="false"
                            aria-invalid=move || email_error().is_some().then_some("true")
                            aria-describedby={
                                let error_id = error_id.clone();
                                move || email_error().is_some().then(|| error_id.clone())
                            }
                            bind:value=email
                        />
                        {move || email_error().map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })}
                    </div>
                    <button type="submit" class="button-primary" disabled=move || pending.get() aria-busy=move || pending.get().then_some("true")>
                        {move || if pending.get() { account().pending } else { r().send_button }}
                    </button>
                </form>
            }
            .into_any(),
        }
    };
    view! {
        <PageHeading title=Signal::derive(move || r().forgot_title.to_owned()) heading=Signal::derive(move || r().forgot_title.to_owned()) />
        <p class="lead">{move || r().forgot_intro}</p>
        {form}
        <p><A href=routes::ACCOUNT>{move || r().back_to_sign_in}</A></p>
    }
}
