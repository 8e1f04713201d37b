//! Who is signed in. Asked of the server once at start-up; updated by the
//! account page, and asked again once the address is confirmed. A hint in
//! localStorage remembers that this browser had a session, so that an
//! expired one can be told apart from never signing in. The language the
//! shop writes in follows the shopper's choice while signed in.

use crate::api;
use crate::browser::storage::{self, Key};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shop_api::{Account, Language};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionStatus {
    /// Waiting for the server's answer.
    Checking,
    /// `expired`: this browser had a session that the server no longer knows.
    SignedOut {
        expired: bool,
    },
    SignedIn(Account),
}

#[derive(Clone, Copy)]
pub struct SessionContext(RwSignal<SessionStatus>);

pub fn provide_session() {
    let status = RwSignal::new(SessionStatus::Checking);
    spawn_local(async move {
        let next = match api::account::current_session().await {
            Ok(Some(session)) => SessionStatus::SignedIn(session.account),
            Ok(None) => SessionStatus::SignedOut {
                expired: had_session(),
            },
            // Unreachable server: carry on as a guest; signing in will say
            // what is wrong.
            Err(_) => SessionStatus::SignedOut { expired: false },
        };
        remember(matches!(next, SessionStatus::SignedIn(_)));
        status.set(next);
    });
    provide_context(SessionContext(status));
}

pub fn use_session() -> SessionContext {
    use_context::<SessionContext>().unwrap_or_else(|| {
        SessionContext(RwSignal::new(SessionStatus::SignedOut { expired: false }))
    })
}

impl SessionContext {
    pub fn status(&self) -> Signal<SessionStatus> {
        self.0.into()
    }

    pub fn signed_in(&self, account: Account) {
        remember(true);
        self.0.set(SessionStatus::SignedIn(account));
    }

    pub fn signed_out(&self) {
        remember(false);
        self.0.set(SessionStatus::SignedOut { expired: false });
    }

    /// Asks the server again who is signed in (after the address was
    /// confirmed: the account now says so). Only a signed-in answer
    /// changes anything, and only when the account differs: a failure
    /// leaves the shopper as they were.
    pub fn refresh(&self) {
        let status = self.0;
        spawn_local(async move {
            if let Ok(Some(session)) = api::account::current_session().await {
                let now = SessionStatus::SignedIn(session.account);
                if status.try_get_untracked().is_some_and(|known| known != now) {
                    remember(true);
                    status.try_set(now);
                }
            }
        });
    }

    /// The shopper switched the storefront's language: a signed-in
    /// account's follows, so that the shop writes to them in it. Asked
    /// once; if it fails the shop keeps the former language until the
    /// next sign-in, which sends it again.
    pub fn language_chosen(&self, language: Language) {
        if matches!(self.0.get_untracked(), SessionStatus::SignedIn(_)) {
            spawn_local(async move {
                let _ = api::account::set_language(language).await;
            });
        }
    }
}

fn had_session() -> bool {
    storage::read(Key::HadSession).is_some()
}

fn remember(signed_in: bool) {
    if signed_in {
        storage::write(Key::HadSession, "1");
    } else {
        storage::remove(Key::HadSession);
    }
}
