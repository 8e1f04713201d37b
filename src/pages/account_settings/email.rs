//! « Adresse e-mail »: the address the account uses, and a new one asked
//! with the password. A link goes to the new address; nothing changes
//! until it is opened (`pages/change_email.rs`).

use super::feedback::{
    FieldProblem, FormProblem, FormStatus, Problem, described_by, focus_when_shown,
};
use crate::api::{self, ApiError};
use crate::components::credentials_form::{FormError, FormKind, check};
use crate::components::password_field::PasswordField;
use crate::dom::focus_by_id;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use shop_api::ErrorCode;
use shop_api::account::EmailChange;

const HEADING_ID: &str = "adresse-titre";
const EMAIL_ID: &str = "adresse-nouvelle";
const EMAIL_ERROR_ID: &str = "adresse-nouvelle-erreur";
const PASSWORD_ID: &str = "adresse-mot-de-passe";
const STATUS_ID: &str = "adresse-statut";
const PROBLEM_ID: &str = "adresse-erreur";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Problems {
    email: Option<Problem>,
    password: Option<Problem>,
    form: Option<Problem>,
}

impl Problems {
    fn focus(&self) {
        if self.email.is_some() {
            focus_by_id(EMAIL_ID);
        } else if self.password.is_some() {
            focus_by_id(PASSWORD_ID);
        } else if self.form.is_some() {
            focus_when_shown(PROBLEM_ID);
        }
    }
}

/// The sign-in form's rules (an address that looks like one, a password),
/// and a new address that is not the current one.
fn check_fields(current: &str, new: &str, password: &str) -> Problems {
    let found = check(FormKind::SignIn, new, password);
    let same = new.trim().eq_ignore_ascii_case(current.trim());
    Problems {
        email: found
            .email
            .map(Problem::Account)
            .or_else(|| same.then_some(Problem::SameEmail)),
        password: found.password.map(Problem::Account),
        form: None,
    }
}

fn refusal(error: &ApiError) -> Problems {
    let mut found = Problems::default();
    match error {
        ApiError::Refused {
            code: ErrorCode::InvalidEmail,
            ..
        } => found.email = Some(Problem::Account(FormError::EmailInvalid)),
        ApiError::Refused {
            code: ErrorCode::InvalidCredentials,
            ..
        } => found.password = Some(Problem::WrongPassword),
        _ => found.form = Some(Problem::of_answer(error)),
    }
    found
}

#[component]
pub fn EmailChangeForm(#[prop(into)] email: Signal<String>) -> impl IntoView {
    let t = use_strings();
    let e = move || &t.get().account_settings.email;
    let new = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::default());
    // The address the link went to, once sent.
    let sent_to = RwSignal::new(None::<String>);
    let ask = Action::new_local(|change: &EmailChange| {
        let change = change.clone();
        async move {
            api::account_settings::ask_email_change(&change)
                .await
                .map(|()| change.new_email)
        }
    });
    let pending = ask.pending();
    Effect::new(move |_| match ask.value().get() {
        Some(Ok(address)) => {
            new.set(String::new());
            password.set(String::new());
            sent_to.set(Some(address));
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
        sent_to.set(None);
        let found = check_fields(
            &email.get_untracked(),
            &new.get_untracked(),
            &password.get_untracked(),
        );
        let ready = found == Problems::default();
        found.focus();
        problems.set(found);
        if ready {
            ask.dispatch_local(EmailChange {
                new_email: new.get_untracked().trim().to_owned(),
                password: password.get_untracked(),
            });
        }
    };
    let email_problem = Signal::derive(move || problems.with(|found| found.email.clone()));
    view! {
        <section class="settings-section" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID>{move || e().heading}</h2>
            <p class="signed-in-as">{move || e().current_label} " " <strong>{move || email.get()}</strong></p>
            <form class="account-form" novalidate on:submit=submit>
                <div class="field">
                    <label for=EMAIL_ID>{move || e().new_label}</label>
                    <input
                        id=EMAIL_ID
                        name=EMAIL_ID
                        type="email"
                        inputmode="email"
                        autocomplete="email"
                        autocapitalize="off"
                        spellcheck="false"
                        aria-invalid=move || email_problem.with(Option::is_some).then_some("true")
                        aria-describedby=described_by(None, EMAIL_ERROR_ID, email_problem)
                        bind:value=new
                    />
                    <FieldProblem id=EMAIL_ERROR_ID problem=email_problem />
                </div>
                <PasswordField
                    id=PASSWORD_ID
                    label=Signal::derive(move || e().password_label)
                    autocomplete="current-password"
                    value=password
                    error=Signal::derive(move || problems.with(|found| found.password.clone()).map(|problem| problem.message(t.get())))
                    hint=Some(Signal::derive(move || e().password_hint))
                />
                <FormProblem id=PROBLEM_ID problem=Signal::derive(move || problems.with(|found| found.form.clone())) />
                <button type="submit" class="button-primary" disabled=move || pending.get() aria-busy=move || pending.get().then_some("true")>
                    {move || if pending.get() { t.get().account_settings.pending } else { e().button }}
                </button>
            </form>
            <FormStatus id=STATUS_ID text=Signal::derive(move || sent_to.get().map(|address| (e().link_sent)(&address))) />
        </section>
    }
}
