//! Sign in, or create an account, and where the shopper goes once signed
//! in (the page named by `?retour=`, on this site only): the account page's
//! forms and the checkout's first step. Both send the storefront's
//! language, which the shop then writes to the shopper in.

use crate::api::{self, ApiError};
use crate::components::credentials_form::{
    CredentialsForm, FieldErrors, FormError, FormKind, notice_id,
};
use crate::dom::focus_by_id;
use crate::routes::{self, RETURN_PARAM};
use crate::state::locale::{use_locale, use_strings};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use shop_api::{Account, Credentials, ErrorCode};

/// Sign in, or create an account: the same forms and rules wherever a
/// shopper is asked to identify. Once signed in, the session changes (and
/// the shopper goes back to the page named by `?retour=`, if any).
#[component]
pub fn IdentificationForms() -> impl IntoView {
    let t = use_strings();
    let sign_in = Submission::new(FormKind::SignIn, |credentials| async move {
        api::account::sign_in(&credentials)
            .await
            .map(|session| Identified::SignedIn(session.account))
    });
    let create = Submission::new(FormKind::CreateAccount, |credentials| async move {
        create_account(credentials).await
    });
    let written = create.written();
    let notice = Signal::derive(move || {
        written
            .get()
            .map(|email| (t.get().account.sign_up_written)(&email))
    });
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
                notice=notice
            />
        </div>
    }
}

/// What identifying came to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Identified {
    SignedIn(Account),
    /// A sign-up the server answered like any other, but after which
    /// nobody is signed in: the address already had an account, and the
    /// shop wrote to it (to this address, the one typed).
    Written(String),
}

/// The server answers a sign-up with an address that already has an
/// account exactly like a new one (so that nobody learns which addresses
/// have one), with a session that does not exist: only asking who is
/// signed in tells them apart.
async fn create_account(credentials: Credentials) -> Result<Identified, ApiError> {
    api::account::create_account(&credentials).await?;
    Ok(match api::account::current_session().await? {
        Some(session) => Identified::SignedIn(session.account),
        None => Identified::Written(credentials.email),
    })
}

/// One form's request, as a Leptos action: at most one in flight, its
/// refusals, and what happens on success (session set, back to where the
/// shopper was).
#[derive(Clone, Copy)]
struct Submission {
    action: Action<Credentials, Result<Identified, ApiError>>,
    locale: RwSignal<crate::i18n::Locale>,
}

impl Submission {
    fn new<F, Fut>(kind: FormKind, request: F) -> Self
    where
        F: Fn(Credentials) -> Fut + 'static,
        Fut: Future<Output = Result<Identified, ApiError>> + 'static,
    {
        let action =
            Action::new_local(move |credentials: &Credentials| request(credentials.clone()));
        let session = use_session();
        let navigate = use_navigate();
        let query = use_query_map();
        Effect::new(move |_| {
            let outcome = action.value().with(|result| match result {
                Some(Ok(identified)) => Some(identified.clone()),
                _ => None,
            });
            match outcome {
                Some(Identified::SignedIn(account)) => {
                    let back_to = query
                        .with_untracked(|q| q.get(RETURN_PARAM))
                        .filter(|path| is_local_path(path));
                    session.signed_in(account);
                    if let Some(path) = back_to {
                        navigate(&path, Default::default());
                    }
                }
                Some(Identified::Written(_)) => {
                    let id = notice_id(kind);
                    request_animation_frame(move || {
                        focus_by_id(&id);
                    });
                }
                None => {}
            }
        });
        Self {
            action,
            locale: use_locale(),
        }
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

    /// The address the shop wrote to, after a sign-up without a session.
    fn written(self) -> Signal<Option<String>> {
        let action = self.action;
        Signal::derive(move || {
            action.value().with(|result| match result {
                Some(Ok(Identified::Written(email))) => Some(email.clone()),
                _ => None,
            })
        })
    }

    fn submit(self) -> Callback<Credentials> {
        let Self { action, locale } = self;
        Callback::new(move |credentials: Credentials| {
            if !action.pending().get_untracked() {
                action.dispatch_local(Credentials {
                    language: Some(locale.get_untracked().language()),
                    ..credentials
                });
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
            // Older servers refused a taken address; newer ones write to it.
            ErrorCode::EmailTaken => errors.email = Some(FormError::EmailTaken),
            ErrorCode::PasswordTooShort
            | ErrorCode::PasswordTooLong
            | ErrorCode::PasswordTooWeak => errors.password = FormError::password_refusal(*code),
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
