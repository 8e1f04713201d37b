//! `/suivi-de-commande`: order tracking. Signed in, the shopper's orders,
//! newest first, each with its status and total; signed out, how to see
//! them.

use crate::api;
use crate::components::page_heading::PageHeading;
use crate::pages::order::{format_date, status_text};
use crate::routes;
use crate::state::locale::{use_locale, use_strings};
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn OrdersPage() -> impl IntoView {
    let t = use_strings();
    let orders = move || &t.get().orders;
    let status = use_session().status();
    let signed_in = Signal::derive(move || matches!(status.get(), SessionStatus::SignedIn(_)));
    view! {
        <PageHeading title=Signal::derive(move || orders().title.to_owned()) heading=Signal::derive(move || orders().title.to_owned()) />
        {move || if signed_in.get() {
            view! { <OrderList /> }.into_any()
        } else {
            view! {
                <p class="lead">{move || orders().intro}</p>
                <p>
                    <A href=routes::ACCOUNT>{move || orders().account_link}</A>
                </p>
            }.into_any()
        }}
    }
}

#[component]
fn OrderList() -> impl IntoView {
    let t = use_strings();
    let text = move || &t.get().orders;
    let locale = use_locale();
    let list = LocalResource::new(api::orders::list);
    view! {
        {move || match list.get() {
            None => view! { <p class="page-loading" role="status">{text().loading}</p> }.into_any(),
            Some(Err(_)) => view! {
                <div class="form-error" role="alert">
                    <p>{text().load_failed}</p>
                    <button type="button" class="button-secondary" on:click=move |_| list.refetch()>
                        {move || t.get().home.retry}
                    </button>
                </div>
            }.into_any(),
            Some(Ok(found)) if found.is_empty() => view! { <p class="empty-state">{text().none_yet}</p> }.into_any(),
            Some(Ok(found)) => view! {
                <ul class="order-list" aria-label=move || text().list_label>
                    {found.into_iter().map(|summary| {
                        let date = move || format_date(summary.created_at, locale.get());
                        view! {
                            <li class="order-list__item">
                                <A href=format!("{}/{}", routes::ORDER, summary.id)>{move || (text().order_link)(&date())}</A>
                                <span class="order-status">{move || status_text(summary.status, &t.get().order)}</span>
                                <span>{move || text().total_label} " " {summary.total.format_fr()}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}
