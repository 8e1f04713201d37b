//! Who is signed in. Asked of the server once at start-up; updated by the
//! account page. A hint in localStorage remembers that this browser had a
//! session, so that an expired one can be told apart from never signing in.

use crate::api;
use crate::browser::storage::{self, Key};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shop_api::Account;

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
