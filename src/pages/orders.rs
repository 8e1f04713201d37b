//! `/suivi-de-commande`: order tracking. Signed in, the shopper's orders,
//! newest first, each with its number, status and total; signed out, how to
//! see them. For everyone, a form that follows one order by its number and
//! e-mail (status, steps, estimated delivery, parcel: nothing private).

use crate::api::{self, ApiError};
use crate::components::more_button::MoreButton;
use crate::components::order_status::{format_date, status_headline};
use crate::components::order_timeline::OrderTimeline;
use crate::components::page_heading::PageHeading;
use crate::dom::focus_by_id;
use crate::i18n::InLocale;
use crate::routes;
use crate::state::locale::{use_locale, use_strings};
use crate::state::paging::Paged;
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos_router::components::A;
use shop_api::ErrorCode;
use shop_api::order::{TrackRequest, TrackedOrder};

const NUMBER_ID: &str = "suivi-numero";
const NUMBER_HINT_ID: &str = "suivi-numero-aide";
const EMAIL_ID: &str = "suivi-email";
const RESULT_HEADING_ID: &str = "suivi-resultat";

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
        <TrackOrder />
    }
}

#[component]
fn OrderList() -> impl IntoView {
    let t = use_strings();
    let text = move || &t.get().orders;
    let locale = use_locale();
    let list = LocalResource::new(|| api::orders::list(None));
    view! {
        {move || match list.get().map(|first| first.map(Paged::new)) {
            None => view! { <p class="page-loading" role="status">{text().loading}</p> }.into_any(),
            Some(Err(_)) => view! {
                <div class="form-error" role="alert">
                    <p>{text().load_failed}</p>
                    <button type="button" class="button-secondary" on:click=move |_| list.refetch()>
                        {move || t.get().home.retry}
                    </button>
                </div>
            }.into_any(),
            Some(Ok(found)) if found.items.with_untracked(Vec::is_empty) => view! { <p class="empty-state">{text().none_yet}</p> }.into_any(),
            Some(Ok(found)) => view! {
                <ul class="order-list" aria-label=move || text().list_label>
                    {move || found.items.get().into_iter().map(|summary| {
                        let date = move || format_date(summary.created_at, locale.get());
                        let number = summary.number.clone();
                        view! {
                            <li class="order-list__item">
                                <A href=format!("{}/{}", routes::ORDER, summary.id)>{move || (text().order_link)(&number, &date())}</A>
                                <span class="order-status">{move || status_headline(summary.status, &t.get().order)}</span>
                                <span>{move || text().total_label} " " {summary.total.format_fr()}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <MoreButton more=found.more label=Signal::derive(move || text().more_orders)
                    failed=Signal::derive(move || text().more_failed)
                    on_more=move || found.load_more(api::orders::list) />
            }.into_any(),
        }}
    }
}

/// What the last search gave.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Found(Box<TrackedOrder>),
    NotFound,
    Missing,
    /// Seconds to wait.
    Throttled(u64),
    Failed,
}

/// Number + e-mail → the order's progress, inline.
#[component]
fn TrackOrder() -> impl IntoView {
    let t = use_strings();
    let text = move || &t.get().orders;
    let o = move || &t.get().order;
    let locale = use_locale();
    let number = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let catalogue = LocalResource::new(crate::state::catalogue::catalogue);
    // One lookup at a time; its answer arrives through the action.
    let track = Action::new_local(|request: &TrackRequest| {
        let request = request.clone();
        async move {
            match api::orders::track(&request).await {
                Ok(found) => match found.order {
                    Some(order) => Outcome::Found(Box::new(order)),
                    None => Outcome::NotFound,
                },
                Err(ApiError::Refused {
                    code: ErrorCode::TooManyAttempts,
                    retry_after_seconds,
                    ..
                }) => Outcome::Throttled(retry_after_seconds.unwrap_or(60)),
                Err(_) => Outcome::Failed,
            }
        }
    });
    let pending = track.pending();
    Effect::new(move |_| {
        let Some(next) = track.value().get() else {
            return;
        };
        let found = matches!(next, Outcome::Found(_));
        outcome.set(Some(next));
        // Keyboard and screen-reader users land on what was found; a
        // refusal is announced by its alert and focus stays in the form.
        if found {
            request_animation_frame(|| {
                focus_by_id(RESULT_HEADING_ID);
            });
        }
    });

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let request = TrackRequest {
            number: number.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
        };
        if request.number.is_empty() || request.email.is_empty() {
            outcome.set(Some(Outcome::Missing));
            focus_by_id(if request.number.is_empty() {
                NUMBER_ID
            } else {
                EMAIL_ID
            });
            return;
        }
        track.dispatch_local(request);
    };

    let error = move || match outcome.get()? {
        Outcome::NotFound => Some(text().track_not_found.to_owned()),
        Outcome::Missing => Some(text().track_missing.to_owned()),
        Outcome::Throttled(seconds) => Some((text().track_throttled)(seconds)),
        Outcome::Failed => Some(text().track_failed.to_owned()),
        Outcome::Found(_) => None,
    };
    let found = move || match outcome.get() {
        Some(Outcome::Found(order)) => Some(*order),
        _ => None,
    };
    // A short sentence for screen readers, in a region that is always there
    // (a live region added with its text is often not announced).
    let announcement = move || {
        found()
            .map(|order| (text().track_found)(&order.number, status_headline(order.status, o())))
            .unwrap_or_default()
    };
    let product_name = move |product_id: &str| {
        let catalogue = catalogue.get().and_then(Result::ok)?;
        let product = catalogue
            .products
            .into_iter()
            .find(|p| p.id == product_id)?;
        Some(product.name.get(locale.get()).to_owned())
    };

    view! {
        <section class="review-block track-order" aria-labelledby="suivi-titre">
            <h2 id="suivi-titre">{move || text().track_heading}</h2>
            <p>{move || text().track_intro}</p>
            <form class="account-form" novalidate aria-labelledby="suivi-titre" on:submit=submit>
                {move || error().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                <div class="field">
                    <label for=NUMBER_ID>{move || text().track_number_label}</label>
                    <input
                        id=NUMBER_ID
                        name=NUMBER_ID
                        type="text"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        maxlength="40"
                        aria-describedby=NUMBER_HINT_ID
                        bind:value=number
                    />
                    <p class="field-hint" id=NUMBER_HINT_ID>{move || text().track_number_hint}</p>
                </div>
                <div class="field">
                    <label for=EMAIL_ID>{move || text().track_email_label}</label>
                    <input
                        id=EMAIL_ID
                        name=EMAIL_ID
                        type="email"
                        inputmode="email"
                        autocomplete="email"
                        autocapitalize="off"
                        spellcheck="false"
                        bind:value=email
                    />
                </div>
                <button type="submit" class="button-primary" disabled=move || pending.get() aria-busy=move || pending.get().then_some("true")>
                    {move || if pending.get() { text().track_pending } else { text().track_button }}
                </button>
            </form>
            <p class="visually-hidden" role="status">{announcement}</p>
            {move || found().map(|order| {
                let status = order.status;
                view! {
                    <section class="tracked-order" aria-labelledby=RESULT_HEADING_ID>
                        <h3 id=RESULT_HEADING_ID tabindex="-1">{(text().track_result_heading)(&order.number)}</h3>
                        <dl class="order-facts">
                            <dt>{move || o().status_label}</dt>
                            <dd class="order-status">{move || status_headline(status, o())}</dd>
                        </dl>
                        <h4>{move || text().track_lines_heading}</h4>
                        <ul class="tracked-lines">
                            {order.lines.into_iter().map(|line| {
                                let product_id = line.product_id.clone();
                                view! {
                                    <li>
                                        {line.project_name}
                                        {move || product_name(&product_id).map(|name| format!(" — {name}"))}
                                        {format!(" × {}", line.copies)}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <OrderTimeline
                            status=status
                            timeline=order.timeline
                            shipment=order.shipment
                            estimated_delivery=order.estimated_delivery
                            heading_id="suivi-etapes"
                            nested=true
                        />
                    </section>
                }
            })}
        </section>
    }
}
