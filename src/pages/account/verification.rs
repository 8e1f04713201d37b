//! The reminder of a signed-in shopper whose address is not confirmed yet:
//! where the link went, and a button to send it again; the answer is
//! announced where the button is.

use crate::api::{self, ApiError};
use crate::dom::focus_by_id;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use shop_api::ErrorCode;

const STATUS_ID: &str = "confirmation-adresse-statut";

/// What asking for a new link came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resent {
    Sent,
    /// Asked too often: again in so many seconds.
    TooSoon(u64),
    SignedOut,
    Failed,
}

fn resent(answer: Result<(), ApiError>) -> Resent {
    match answer {
        Ok(()) => Resent::Sent,
        Err(ApiError::Refused {
            code: ErrorCode::TooManyAttempts,
            retry_after_seconds,
            ..
        }) => Resent::TooSoon(retry_after_seconds.unwrap_or(60)),
        Err(ApiError::Refused { status: 401, .. }) => Resent::SignedOut,
        Err(_) => Resent::Failed,
    }
}

#[component]
pub fn VerificationReminder(email: String) -> impl IntoView {
    let t = use_strings();
    let v = move || &t.get().verification;
    let resend =
        Action::new_local(
            |_: &()| async move { resent(api::account::request_verification().await) },
        );
    let pending = resend.pending();
    // The answer takes the focus, so that it is read even though the
    // button was disabled while waiting.
    Effect::new(move |_| {
        if resend.value().with(Option::is_some) {
            request_animation_frame(|| {
                focus_by_id(STATUS_ID);
            });
        }
    });
    let answer = move || {
        resend.value().get().map(|answer| match answer {
            Resent::Sent => v().sent.to_owned(),
            Resent::TooSoon(seconds) => (v().too_soon)(seconds),
            Resent::SignedOut => t.get().account.session_expired.to_owned(),
            Resent::Failed => v().resend_failed.to_owned(),
        })
    };
    view! {
        <div class="notice verification-reminder">
            <p>{move || (v().reminder)(&email)}</p>
            <button
                type="button"
                class="button-secondary"
                disabled=move || pending.get()
                aria-busy=move || pending.get().then_some("true")
                on:click=move |_| {
                    if !pending.get_untracked() {
                        resend.dispatch_local(());
                    }
                }
            >
                {move || if pending.get() { v().resend_pending } else { v().resend_button }}
            </button>
            <p id=STATUS_ID class="verification-reminder__status" role="status" tabindex="-1">{answer}</p>
        </div>
    }
}
