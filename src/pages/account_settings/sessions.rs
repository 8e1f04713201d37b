//! « Appareils connectés »: where the account is signed in, this browser
//! marked, and signing out every other one.

use super::feedback::{FormProblem, FormStatus, Problem, focus_when_shown};
use crate::api;
use crate::components::order_status::{format_date, format_time};
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use shop_api::account::ActiveSession;

const HEADING_ID: &str = "appareils-titre";
const STATUS_ID: &str = "appareils-statut";
const PROBLEM_ID: &str = "appareils-erreur";

/// `reload` changes when the list is known to have changed elsewhere (a
/// new password ends the other sessions).
#[component]
pub fn Sessions(#[prop(into)] reload: Signal<u32>) -> impl IntoView {
    let t = use_strings();
    let s = move || &t.get().account_settings.sessions;
    let list = LocalResource::new(move || {
        reload.track();
        api::account_settings::sessions()
    });
    let done = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let end_others = Action::new_local(|_: &()| api::account_settings::end_other_sessions());
    let pending = end_others.pending();
    Effect::new(move |_| match end_others.value().get() {
        Some(Ok(())) => {
            done.set(true);
            list.refetch();
            focus_when_shown(STATUS_ID);
        }
        Some(Err(error)) => {
            problem.set(Some(Problem::of_answer(&error)));
            focus_when_shown(PROBLEM_ID);
        }
        None => {}
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        done.set(false);
        problem.set(None);
        end_others.dispatch_local(());
    };
    view! {
        <section class="settings-section" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID>{move || s().heading}</h2>
            <p>{move || s().intro}</p>
            {move || match list.get() {
                None => view! { <p class="page-loading" role="status">{s().loading}</p> }.into_any(),
                Some(Err(_)) => view! {
                    <div class="form-error" role="alert">
                        <p>{s().failed}</p>
                        <button type="button" class="button-secondary" on:click=move |_| list.refetch()>
                            {move || t.get().account_settings.retry}
                        </button>
                    </div>
                }.into_any(),
                Some(Ok(sessions)) => {
                    let others = sessions.iter().any(|session| !session.current);
                    view! {
                        <ul class="session-list">
                            {sessions.into_iter().map(|session| view! { <SessionLine session /> }).collect_view()}
                        </ul>
                        {if others {
                            view! {
                                <form novalidate on:submit=submit>
                                    <button type="submit" class="button-secondary" disabled=move || pending.get()>
                                        {move || if pending.get() { t.get().account_settings.pending } else { s().end_others_button }}
                                    </button>
                                </form>
                            }.into_any()
                        } else {
                            view! { <p>{move || s().none_other}</p> }.into_any()
                        }}
                    }.into_any()
                }
            }}
            <FormProblem id=PROBLEM_ID problem=problem />
            <FormStatus id=STATUS_ID text=Signal::derive(move || done.get().then(|| s().others_ended.to_owned())) />
        </section>
    }
}

#[component]
fn SessionLine(session: ActiveSession) -> impl IntoView {
    let t = use_strings();
    let s = move || &t.get().account_settings.sessions;
    let locale = use_locale();
    let ActiveSession {
        device,
        last_seen_at,
        current,
        ..
    } = session;
    let device = device.trim().to_owned();
    view! {
        <li>
            <p class="session-device">
                <strong>{move || if device.is_empty() { s().unknown_device.to_owned() } else { device.clone() }}</strong>
                {current.then(|| view! { " " <span class="session-current">{move || s().this_device}</span> })}
            </p>
            <p class="session-last-used">
                {move || (s().last_used)(&format_date(last_seen_at, locale.get()), &format_time(last_seen_at, &t.get().checkout))}
            </p>
        </li>
    }
}
