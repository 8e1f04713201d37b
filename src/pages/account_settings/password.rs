//! « Mot de passe »: a new one, given with the current one, checked in the
//! browser with the create-account form's rules first.

use super::feedback::{FormProblem, FormStatus, Problem, focus_when_shown};
use crate::api::{self, ApiError};
use crate::components::credentials_form::{FormError, FormKind, check};
use crate::components::password_field::PasswordField;
use crate::dom::focus_by_id;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use shop_api::ErrorCode;
use shop_api::account::PasswordChange;

const HEADING_ID: &str = "mot-de-passe-titre";
const CURRENT_ID: &str = "mot-de-passe-actuel";
const NEW_ID: &str = "mot-de-passe-nouveau";
const STATUS_ID: &str = "mot-de-passe-statut";
const PROBLEM_ID: &str = "mot-de-passe-erreur";

/// Refusals by place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Problems {
    current: Option<Problem>,
    new: Option<Problem>,
    form: Option<Problem>,
}

impl Problems {
    /// Where focus goes: the first field refused, else the form's refusal.
    fn focus(&self) {
        if self.current.is_some() {
            focus_by_id(CURRENT_ID);
        } else if self.new.is_some() {
            focus_by_id(NEW_ID);
        } else if self.form.is_some() {
            focus_when_shown(PROBLEM_ID);
        }
    }
}

/// What the browser can say before asking: both fields filled, the new
/// one by the create-account form's rules.
fn check_fields(current: &str, new: &str) -> Problems {
    Problems {
        current: current
            .is_empty()
            .then_some(Problem::CurrentPasswordRequired),
        new: if new.is_empty() {
            Some(Problem::NewPasswordRequired)
        } else {
            check(FormKind::CreateAccount, "", new)
                .password
                .map(Problem::Account)
        },
        form: None,
    }
}

fn refusal(error: &ApiError) -> Problems {
    let mut found = Problems::default();
    match error {
        ApiError::Refused { code, .. } => match code {
            ErrorCode::InvalidCredentials => found.current = Some(Problem::WrongPassword),
            ErrorCode::PasswordTooShort => {
                found.new = Some(Problem::Account(FormError::PasswordTooShort))
            }
            ErrorCode::PasswordTooLong => {
                found.new = Some(Problem::Account(FormError::PasswordTooLong))
            }
            ErrorCode::PasswordTooWeak => {
                found.new = Some(Problem::Account(FormError::PasswordTooWeak))
            }
            _ => found.form = Some(Problem::of_answer(error)),
        },
        _ => found.form = Some(Problem::of_answer(error)),
    }
    found
}

/// `on_changed`: the other sessions are ended, their list is stale.
#[component]
pub fn PasswordChangeForm(
    #[prop(into)] email: Signal<String>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().account_settings.password;
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::default());
    let done = RwSignal::new(false);
    let change = Action::new_local(|change: &PasswordChange| {
        let change = change.clone();
        async move { api::account_settings::change_password(&change).await }
    });
    let pending = change.pending();
    Effect::new(move |_| match change.value().get() {
        Some(Ok(())) => {
            current.set(String::new());
            new.set(String::new());
            done.set(true);
            on_changed.run(());
            focus_when_shown(STATUS_ID);
        }
        Some(Err(error)) => {
            let found = refusal(&error);
            problems.set(found.clone());
            found.focus();
        }
        None => {}
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        done.set(false);
        let found = check_fields(&current.get_untracked(), &new.get_untracked());
        let ready = found == Problems::default();
        found.focus();
        problems.set(found);
        if ready {
            change.dispatch_local(PasswordChange {
                current_password: current.get_untracked(),
                new_password: new.get_untracked(),
            });
        }
    };
    let message = move |pick: fn(&Problems) -> Option<Problem>| {
        Signal::derive(move || problems.with(pick).map(|problem| problem.message(t.get())))
    };
    view! {
        <section class="settings-section" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID>{move || p().heading}</h2>
            <form class="account-form" novalidate on:submit=submit>
                // For password managers: whose password this is.
                <input type="email" name="username" autocomplete="username" hidden readonly prop:value=move || email.get() />
                <PasswordField
                    id=CURRENT_ID
                    label=Signal::derive(move || p().current_label)
                    autocomplete="current-password"
                    value=current
                    error=message(|found| found.current.clone())
                />
                <PasswordField
                    id=NEW_ID
                    label=Signal::derive(move || p().new_label)
                    autocomplete="new-password"
                    value=new
                    error=message(|found| found.new.clone())
                    hint=Some(Signal::derive(move || t.get().account.new_password_hint))
                />
                <FormProblem id=PROBLEM_ID problem=Signal::derive(move || problems.with(|found| found.form.clone())) />
                <button type="submit" class="button-primary" disabled=move || pending.get() aria-busy=move || pending.get().then_some("true")>
                    {move || if pending.get() { t.get().account_settings.pending } else { p().button }}
                </button>
            </form>
            <FormStatus id=STATUS_ID text=Signal::derive(move || done.get().then(|| p().changed.to_owned())) />
        </section>
    }
}
