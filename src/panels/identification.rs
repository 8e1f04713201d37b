//! Sign in, or create an account, and where the shopper goes once signed
//! in (the page named by `?retour=`, on this site only): the account page's
//! forms and the checkout's first step.

use crate::api::{self, ApiError};
use crate::components::credentials_form::{CredentialsForm, FieldErrors, FormError, FormKind};
use crate::routes::{self, RETURN_PARAM};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use shop_api::{Credentials, ErrorCode, Session};

/// Sign in, or create an account: the same forms and rules wherever a
/// shopper is asked to identify. Once signed in, the session changes (and
/// the shopper goes back to the page named by `?retour=`, if any).
#[component]
pub fn IdentificationForms() -> impl IntoView {
    let sign_in = Submission::new();
    let create = Submission::new();
    view! {
        <div class="account-forms">
            <CredentialsForm
                kind=FormKind::SignIn
                pending=sign_in.pending
                server_errors=sign_in.errors
                on_submit=sign_in.callback(|credentials| async move { api::account::sign_in(&credentials).await })
            />
            <CredentialsForm
                kind=FormKind::CreateAccount
                pending=create.pending
                server_errors=create.errors
                on_submit=create.callback(|credentials| async move { api::account::create_account(&credentials).await })
            />
        </div>
    }
}

/// One form's request: at most one in flight, its refusals, and what
/// happens on success (session set, back to where the shopper was).
#[derive(Clone, Copy)]
struct Submission {
    pending: RwSignal<bool>,
    errors: RwSignal<FieldErrors>,
}

impl Submission {
    fn new() -> Self {
        Self {
            pending: RwSignal::new(false),
            errors: RwSignal::new(FieldErrors::default()),
        }
    }

    fn callback<F, Fut>(self, request: F) -> Callback<Credentials>
    where
        F: Fn(Credentials) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Session, ApiError>> + 'static,
    {
        let session = use_session();
        let navigate = use_navigate();
        let query = use_query_map();
        Callback::new(move |credentials: Credentials| {
            if self.pending.get_untracked() {
                return;
            }
            self.pending.set(true);
            let future = request(credentials);
            let navigate = navigate.clone();
            let back_to = query
                .with_untracked(|q| q.get(RETURN_PARAM))
                .filter(|path| is_local_path(path));
            spawn_local(async move {
                let result = future.await;
                // The form may be gone once the session changes: never
                // write to its signals after that.
                self.pending.try_set(false);
                match result {
                    Ok(signed_in) => {
                        self.errors.try_set(FieldErrors::default());
                        session.signed_in(signed_in.account);
                        if let Some(path) = back_to {
                            navigate(&path, Default::default());
                        }
                    }
                    Err(error) => {
                        self.errors.try_set(refusal(&error));
                    }
                }
            });
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
            _ => errors.form = Some(FormError::Unexpected),
        },
        ApiError::Unreadable { .. } => errors.form = Some(FormError::Unexpected),
    }
    errors
}
