//! Sign in, or create an account, and where the shopper goes once signed
//! in (the page named by `?retour=`, on this site only): the account page's
//! forms and the checkout's first step.

use crate::api::{self, ApiError};
use crate::components::credentials_form::{CredentialsForm, FieldErrors, FormError, FormKind};
use crate::routes::{self, RETURN_PARAM};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use shop_api::{Credentials, ErrorCode, Session};

/// Sign in, or create an account: the same forms and rules wherever a
/// shopper is asked to identify. Once signed in, the session changes (and
/// the shopper goes back to the page named by `?retour=`, if any).
#[component]
pub fn IdentificationForms() -> impl IntoView {
    let sign_in =
        Submission::new(|credentials| async move { api::account::sign_in(&credentials).await });
    let create =
        Submission::new(
            |credentials| async move { api::account::create_account(&credentials).await },
        );
    view! {
        <div class="account-forms">
            <CredentialsForm
                kind=FormKind::SignIn
                pending=sign_in.pending()
                server_errors=sign_in.errors()
                on_submit=sign_in.submit()
            />
            <CredentialsForm
                kind=FormKind::CreateAccount
                pending=create.pending()
                server_errors=create.errors()
                on_submit=create.submit()
            />
        </div>
    }
}

/// One form's request, as a Leptos action: at most one in flight, its
/// refusals, and what happens on success (session set, back to where the
/// shopper was).
#[derive(Clone, Copy)]
struct Submission {
    action: Action<Credentials, Result<Session, ApiError>>,
}

impl Submission {
    fn new<F, Fut>(request: F) -> Self
    where
        F: Fn(Credentials) -> Fut + 'static,
        Fut: Future<Output = Result<Session, ApiError>> + 'static,
    {
        let action =
            Action::new_local(move |credentials: &Credentials| request(credentials.clone()));
        let session = use_session();
        let navigate = use_navigate();
        let query = use_query_map();
        Effect::new(move |_| {
            let signed_in = action.value().with(|result| match result {
                Some(Ok(signed_in)) => Some(signed_in.account.clone()),
                _ => None,
            });
            if let Some(account) = signed_in {
                let back_to = query
                    .with_untracked(|q| q.get(RETURN_PARAM))
                    .filter(|path| is_local_path(path));
                session.signed_in(account);
                if let Some(path) = back_to {
                    navigate(&path, Default::default());
                }
            }
        });
        Self { action }
    }

    fn pending(self) -> Signal<bool> {
        self.action.pending().into()
    }

    fn errors(self) -> Signal<FieldErrors> {
        let action = self.action;
        Signal::derive(move || {
            action.value().with(|result| match result {
                Some(Err(error)) => refusal(error),
                _ => FieldErrors::default(),
            })
        })
    }

    fn submit(self) -> Callback<Credentials> {
        let action = self.action;
        Callback::new(move |credentials: Credentials| {
            if !action.pending().get_untracked() {
                action.dispatch_local(credentials);
            }
        })
    }
}

/// A path on this site only: never `//other.site` or a full address.
fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && path != routes::ACCOUNT
}

fn refusal(error: &ApiError) -> FieldErrors {
    let mut errors = FieldErrors::default();
    match error {
        ApiError::Network(_) => errors.form = Some(FormError::Network),
        ApiError::Refused {
            code,
            retry_after_seconds,
            ..
        } => match code {
            ErrorCode::InvalidEmail => errors.email = Some(FormError::EmailInvalid),
            ErrorCode::EmailTaken => errors.email = Some(FormError::EmailTaken),
            ErrorCode::PasswordTooShort => errors.password = Some(FormError::PasswordTooShort),
            ErrorCode::PasswordTooLong => errors.password = Some(FormError::PasswordTooLong),
            ErrorCode::PasswordTooWeak => errors.password = Some(FormError::PasswordTooWeak),
            ErrorCode::InvalidCredentials => errors.form = Some(FormError::InvalidCredentials),
            ErrorCode::TooManyAttempts => {
                errors.form = Some(FormError::TooManyAttempts(retry_after_seconds.unwrap_or(1)))
            }
            ErrorCode::ServerBusy => {
                errors.form = Some(FormError::Busy(retry_after_seconds.unwrap_or(5)))
            }
            _ => errors.form = Some(FormError::Unexpected),
        },
        ApiError::Unreadable { .. } => errors.form = Some(FormError::Unexpected),
    }
    errors
}
