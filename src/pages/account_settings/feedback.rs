//! What the settings' forms say: refusals (translated when shown, so they
//! follow the language), next to a field or for the whole form, and the
//! success line each form announces.

use crate::api::ApiError;
use crate::components::credentials_form::FormError;
use crate::i18n::Strings;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use shop_api::ErrorCode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// What the sign-in and create-account forms say too.
    Account(FormError),
    CurrentPasswordRequired,
    NewPasswordRequired,
    WrongPassword,
    SameEmail,
    SignedOut,
    /// The account has an order in progress (its number, when known).
    OpenOrder(Option<String>),
}

impl Problem {
    pub fn message(&self, t: &Strings) -> String {
        let s = &t.account_settings;
        match self {
            Problem::Account(error) => error.message(&t.account.errors),
            Problem::CurrentPasswordRequired => s.errors.current_password_required.to_owned(),
            Problem::NewPasswordRequired => s.errors.new_password_required.to_owned(),
            Problem::WrongPassword => s.errors.wrong_password.to_owned(),
            Problem::SameEmail => s.errors.same_email.to_owned(),
            Problem::SignedOut => s.errors.signed_out.to_owned(),
            Problem::OpenOrder(number) => (s.deletion.open_order)(number.as_deref()),
        }
    }

    /// A refusal that concerns no field: said for the whole form.
    pub fn of_answer(error: &ApiError) -> Problem {
        match error {
            ApiError::Network(_) => Problem::Account(FormError::Network),
            ApiError::Refused {
                code: ErrorCode::Unauthenticated,
                ..
            }
            | ApiError::Refused { status: 401, .. } => Problem::SignedOut,
            ApiError::Refused {
                code: ErrorCode::TooManyAttempts,
                retry_after_seconds,
                ..
            } => Problem::Account(FormError::TooManyAttempts(retry_after_seconds.unwrap_or(1))),
            ApiError::Refused {
                code: ErrorCode::ServerBusy,
                retry_after_seconds,
                ..
            } => Problem::Account(FormError::Busy(retry_after_seconds.unwrap_or(5))),
            ApiError::Refused { .. } | ApiError::Unreadable { .. } => {
                Problem::Account(FormError::Unexpected)
            }
        }
    }
}

/// The `aria-describedby` of a field: its hint, and its error when shown.
pub fn described_by(
    hint: Option<&'static str>,
    error_id: &'static str,
    problem: Signal<Option<Problem>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let ids: Vec<&str> = hint
            .into_iter()
            .chain(problem.with(Option::is_some).then_some(error_id))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The refusal of a field, under it.
#[component]
pub fn FieldProblem(
    id: &'static str,
    #[prop(into)] problem: Signal<Option<Problem>>,
) -> impl IntoView {
    let t = use_strings();
    move || {
        problem.get().map(|problem| {
            view! { <p class="field-error" id=id>{move || problem.message(t.get())}</p> }
        })
    }
}

/// The refusal of the whole form, focusable so that focus can land on it.
#[component]
pub fn FormProblem(
    id: &'static str,
    #[prop(into)] problem: Signal<Option<Problem>>,
) -> impl IntoView {
    let t = use_strings();
    move || {
        problem.get().map(|problem| {
            view! { <p class="form-error" role="alert" id=id tabindex="-1">{move || problem.message(t.get())}</p> }
        })
    }
}

/// A form's live status line: always in the page (so that what appears in
/// it is announced), the sentence focusable so that focus can land on it.
#[component]
pub fn FormStatus(id: &'static str, #[prop(into)] text: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div role="status" class="settings-status">
            {move || text.get().map(|text| view! { <p class="notice" id=id tabindex="-1">{text}</p> })}
        </div>
    }
}

/// Focus on an element the next paint shows (a status or refusal that an
/// answer just put in the page).
pub fn focus_when_shown(id: &'static str) {
    request_animation_frame(move || {
        crate::dom::focus_by_id(id);
    });
}
