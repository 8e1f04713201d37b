//! The sign-in and create-account forms: e-mail and password, checked in
//! the browser first (the server checks again) and showing each refusal
//! next to its field; the sign-in form links to asking for a reset link.
//! It does not send anything itself: `on_submit` does.

use crate::components::password_field::PasswordField;
use crate::dom::focus_by_id;
use crate::i18n::AccountErrors;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;
use shop_api::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use shop_api::{Credentials, ErrorCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    SignIn,
    CreateAccount,
}

impl FormKind {
    fn prefix(self) -> &'static str {
        match self {
            FormKind::SignIn => "connexion",
            FormKind::CreateAccount => "creation",
        }
    }
}

/// A reason to refuse, translated when shown (so it follows the language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormError {
    EmailRequired,
    EmailInvalid,
    EmailTaken,
    PasswordRequired,
    PasswordTooShort,
    PasswordTooLong,
    PasswordTooWeak,
    InvalidCredentials,
    TooManyAttempts(u64),
    Busy(u64),
    Network,
    Unexpected,
}

impl FormError {
    /// The server's refusal of a password being chosen (a new account's, or
    /// after a reset link), shown next to the password field.
    pub fn password_refusal(code: ErrorCode) -> Option<Self> {
        match code {
            ErrorCode::PasswordTooShort => Some(FormError::PasswordTooShort),
            ErrorCode::PasswordTooLong => Some(FormError::PasswordTooLong),
            ErrorCode::PasswordTooWeak => Some(FormError::PasswordTooWeak),
            _ => None,
        }
    }

    pub fn message(self, errors: &AccountErrors) -> String {
        match self {
            FormError::EmailRequired => errors.email_required.to_owned(),
            FormError::EmailInvalid => errors.email_invalid.to_owned(),
            FormError::EmailTaken => errors.email_taken.to_owned(),
            FormError::PasswordRequired => errors.password_required.to_owned(),
            FormError::PasswordTooShort => errors.password_too_short.to_owned(),
            FormError::PasswordTooLong => errors.password_too_long.to_owned(),
            FormError::PasswordTooWeak => errors.password_too_weak.to_owned(),
            FormError::InvalidCredentials => errors.invalid_credentials.to_owned(),
            FormError::TooManyAttempts(seconds) => (errors.too_many_attempts)(seconds),
            FormError::Busy(seconds) => (errors.busy)(seconds),
            FormError::Network => errors.network.to_owned(),
            FormError::Unexpected => errors.unexpected.to_owned(),
        }
    }
}

/// Refusals by place: next to a field, or for the whole form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldErrors {
    pub email: Option<FormError>,
    pub password: Option<FormError>,
    pub form: Option<FormError>,
}

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The browser-side rules: what can be said without asking the server.
pub fn check(kind: FormKind, email: &str, password: &str) -> FieldErrors {
    let password_error = match kind {
        FormKind::SignIn if password.is_empty() => Some(FormError::PasswordRequired),
        FormKind::SignIn => None,
        FormKind::CreateAccount => check_new_password(password),
    };
    FieldErrors {
        email: check_email(email),
        password: password_error,
        form: None,
    }
}

/// An e-mail address as typed (spaces around it are dropped when sent).
pub fn check_email(email: &str) -> Option<FormError> {
    let email = email.trim();
    if email.is_empty() {
        Some(FormError::EmailRequired)
    } else if !looks_like_email(email) {
        Some(FormError::EmailInvalid)
    } else {
        None
    }
}

/// A password being chosen (a new account's, or after a reset link): its
/// length in Unicode characters, as the server counts it.
pub fn check_new_password(password: &str) -> Option<FormError> {
    let chars = password.chars().count();
    if password.is_empty() {
        Some(FormError::PasswordRequired)
    } else if chars < PASSWORD_MIN_CHARS {
        Some(FormError::PasswordTooShort)
    } else if chars > PASSWORD_MAX_CHARS {
        Some(FormError::PasswordTooLong)
    } else {
        None
    }
}

fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// The id of a form's notice, focused when it says something new.
pub fn notice_id(kind: FormKind) -> String {
    format!("{}-avis", kind.prefix())
}

#[component]
pub fn CredentialsForm(
    kind: FormKind,
    /// True while the request is in flight: the button is disabled and a
    /// second submit does nothing.
    #[prop(into)]
    pending: Signal<bool>,
    /// The server's refusals.
    #[prop(into)]
    server_errors: Signal<FieldErrors>,
    on_submit: Callback<Credentials>,
    /// What the server's answer asks the shopper to read (not a refusal),
    /// announced above the fields.
    #[prop(optional)]
    notice: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let t = use_strings();
    let account = move || &t.get().account;
    let prefix = kind.prefix();
    let email_id = format!("{prefix}-email");
    let password_id: &'static str = match kind {
        FormKind::SignIn => "connexion-mot-de-passe",
        FormKind::CreateAccount => "creation-mot-de-passe",
    };
    let heading_id = format!("{prefix}-titre");
    let labelled_by = heading_id.clone();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let local_errors = RwSignal::new(FieldErrors::default());
    // Browser-side refusals win: they describe what is in the fields now.
    let errors = Signal::derive(move || {
        let local = local_errors.get();
        if local.is_empty() {
            server_errors.get()
        } else {
            local
        }
    });
    let message = move |error: Option<FormError>| error.map(|e| e.message(&t.get().account.errors));
    let email_focus_id = email_id.clone();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let found = check(kind, &email.get_untracked(), &password.get_untracked());
        local_errors.set(found);
        if found.email.is_some() {
            focus_by_id(&email_focus_id);
        } else if found.password.is_some() {
            focus_by_id(password_id);
        } else {
            on_submit.run(Credentials {
                email: email.get_untracked().trim().to_owned(),
                password: password.get_untracked(),
                language: None,
            });
        }
    };
    let (heading, button, autocomplete) = match kind {
        FormKind::SignIn => (
            Signal::derive(move || account().sign_in_heading),
            Signal::derive(move || account().sign_in_button),
            "current-password",
        ),
        FormKind::CreateAccount => (
            Signal::derive(move || account().create_heading),
            Signal::derive(move || account().create_button),
            "new-password",
        ),
    };
    let hint = (kind == FormKind::CreateAccount)
        .then(|| Signal::derive(move || account().new_password_hint));
    let email_error_id = format!("{email_id}-erreur");
    let email_error_ref = email_error_id.clone();
    let forgot = (kind == FormKind::SignIn).then(|| {
        view! {
            <p class="form-link">
                <A href=routes::FORGOT_PASSWORD>{move || account().forgot_password_link}</A>
            </p>
        }
    });
    let notice = notice.map(|notice| {
        view! {
            <p class="form-notice" id=notice_id(kind) tabindex="-1" role="status">
                {move || notice.get()}
            </p>
        }
    });
    view! {
        <form class="account-form" novalidate aria-labelledby=labelled_by on:submit=submit>
            <h2 id=heading_id>{move || heading.get()}</h2>
            {notice}
            {move || message(errors.get().form).map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
            <div class="field">
                <label for=email_id.clone()>{move || account().email_label}</label>
                <input
                    id=email_id.clone()
                    name=email_id.clone()
                    type="email"
                    inputmode="email"
                    autocomplete="email"
                    autocapitalize="off"
                    spellcheck="false"
                    aria-invalid=move || errors.get().email.is_some().then_some("true")
                    aria-describedby=move || errors.get().email.is_some().then(|| email_error_ref.clone())
                    bind:value=email
                />
                {move || message(errors.get().email).map(|text| view! { <p class="field-error" id=email_error_id.clone()>{text}</p> })}
            </div>
            <PasswordField
                id=password_id
                label=Signal::derive(move || account().password_label)
                autocomplete=autocomplete
                value=password
                error=Signal::derive(move || message(errors.get().password))
                hint=hint
            />
            {forgot}
            <button type="submit" class="button-primary" disabled=move || pending.get() aria-busy=move || pending.get().then_some("true")>
                {move || if pending.get() { account().pending } else { button.get() }}
            </button>
        </form>
    }
}
