//! « Supprimer mon compte »: what goes and what stays, the password, and a
//! question before anything is sent. Once the server has deleted the
//! account, this browser forgets the shopper exactly as at sign-out
//! (`state/local_sign_out.rs`).

use super::feedback::{FormProblem, Problem, focus_when_shown};
use crate::api::{self, ApiError};
use crate::components::credentials_form::FormError;
use crate::components::password_field::PasswordField;
use crate::dom::focus_by_id;
use crate::state::browser_data::use_browser_data;
use crate::state::local_sign_out::use_local_sign_out;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use shop_api::ErrorCode;
use shop_api::account::PasswordCheck;
use shop_api::order::number::OrderNumber;

const HEADING_ID: &str = "suppression-titre";
const PASSWORD_ID: &str = "suppression-mot-de-passe";
const BUTTON_ID: &str = "suppression-bouton";
const PROBLEM_ID: &str = "suppression-erreur";
const QUESTION_ID: &str = "suppression-question";
const QUESTION_BODY_ID: &str = "suppression-question-texte";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Problems {
    password: Option<Problem>,
    form: Option<Problem>,
}

impl Problems {
    fn focus(&self) {
        if self.password.is_some() {
            focus_by_id(PASSWORD_ID);
        } else if self.form.is_some() {
            focus_when_shown(PROBLEM_ID);
        }
    }
}

/// The order the server names in its refusal's message ("order
/// SP-7K3M-9Q2D is neither shipped, …"), if it names one: the code alone
/// does not carry it.
fn open_order_number(message: &str) -> Option<String> {
    message
        .split_whitespace()
        .filter(|word| word.starts_with("SP-"))
        .find_map(OrderNumber::parse)
        .map(|number| number.as_str().to_owned())
}

fn refusal(error: &ApiError) -> Problems {
    let mut found = Problems::default();
    match error {
        ApiError::Refused {
            code: ErrorCode::InvalidCredentials,
            ..
        } => found.password = Some(Problem::WrongPassword),
        ApiError::Refused {
            code: ErrorCode::AccountHasOpenOrders,
            message,
            ..
        } => found.form = Some(Problem::OpenOrder(open_order_number(message))),
        _ => found.form = Some(Problem::of_answer(error)),
    }
    found
}

/// `deleted` is the page's: set once the server has deleted the account,
/// before this browser is wiped and signed out.
#[component]
pub fn AccountDeletion(deleted: RwSignal<bool>) -> impl IntoView {
    let t = use_strings();
    let d = move || &t.get().account_settings.deletion;
    let password = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::default());
    let confirming = RwSignal::new(false);
    let unsaved = RwSignal::new(Vec::<String>::new());
    let browser_data = use_browser_data();
    let local_sign_out = use_local_sign_out();
    let delete = Action::new_local(move |check: &PasswordCheck| {
        let check = check.clone();
        async move {
            let answer = api::account_settings::delete_account(&check).await;
            if answer.is_ok() {
                // The page may be gone: `try_set`. The wipe happens anyway.
                deleted.try_set(true);
                local_sign_out.run().await;
            }
            answer
        }
    });
    let pending = delete.pending();
    Effect::new(move |_| {
        if let Some(Err(error)) = delete.value().get() {
            confirming.set(false);
            let found = refusal(&error);
            problems.set(found.clone());
            found.focus();
        }
    });
    // The form's button only asks; the question's button sends.
    let ask = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let found = Problems {
            password: password
                .with_untracked(String::is_empty)
                .then_some(Problem::Account(FormError::PasswordRequired)),
            form: None,
        };
        let ready = found == Problems::default();
        found.focus();
        problems.set(found);
        if ready {
            unsaved.set(browser_data.unsaved_project_names());
            confirming.set(true);
            focus_when_shown(QUESTION_ID);
        }
    };
    let confirm = move |_| {
        if !pending.get_untracked() {
            delete.dispatch_local(PasswordCheck {
                password: password.get_untracked(),
            });
        }
    };
    let cancel = move || {
        confirming.set(false);
        focus_when_shown(BUTTON_ID);
    };
    view! {
        <section class="settings-section" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID>{move || d().heading}</h2>
            <p>{move || d().deleted_list}</p>
            <p>{move || d().kept}</p>
            <p>{move || d().browser}</p>
            <form class="account-form" novalidate on:submit=ask>
                <PasswordField
                    id=PASSWORD_ID
                    label=Signal::derive(move || d().password_label)
                    autocomplete="current-password"
                    value=password
                    error=Signal::derive(move || problems.with(|found| found.password.clone()).map(|problem| problem.message(t.get())))
                />
                <FormProblem id=PROBLEM_ID problem=Signal::derive(move || problems.with(|found| found.form.clone())) />
                <button type="submit" id=BUTTON_ID class="button-danger" disabled=move || confirming.get()>
                    {move || d().button}
                </button>
            </form>
            {move || confirming.get().then(|| view! {
                <section
                    class="confirm"
                    role="alertdialog"
                    aria-labelledby=QUESTION_ID
                    aria-describedby=QUESTION_BODY_ID
                    on:keydown=move |event| {
                        if event.key() == "Escape" {
                            cancel();
                        }
                    }
                >
                    <h3 id=QUESTION_ID tabindex="-1">{move || d().confirm_heading}</h3>
                    <p id=QUESTION_BODY_ID>{move || d().confirm_body}</p>
                    {move || unsaved.with(|names| (!names.is_empty()).then(|| (d().confirm_unsaved)(&names.join(", "))))
                        .map(|text| view! { <p>{text}</p> })}
                    <div class="confirm-actions">
                        <button type="button" class="button-danger" disabled=move || pending.get() on:click=confirm>
                            {move || if pending.get() { t.get().account_settings.pending } else { d().confirm_button }}
                        </button>
                        <button type="button" class="button-secondary" on:click=move |_| cancel()>
                            {move || t.get().account_settings.cancel}
                        </button>
                    </div>
                </section>
            })}
        </section>
    }
}
