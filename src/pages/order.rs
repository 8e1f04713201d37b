//! `/commandes/{id}`: one order — "Commande confirmée" once the card is
//! authorized (debited at shipment) or the wallet paid (debited already),
//! its number (the id stays in the address only), where it stands in words
//! (`shop_api::order::standing`), how it is paid and what was held, debited
//! or refunded (`components/order_payment.rs`), dated
//! steps, estimated delivery and parcel, lines, totals and address; paying
//! again after a refusal or an expired authorization; cancelling (after a
//! question) until production starts, and after that why not.

use crate::api::{self, ApiError};
use crate::components::cart_summary::describe;
use crate::components::cart_summary::{CartTotalsView, SummaryLine, SummaryLines};
use crate::components::order_payment::OrderPaymentView;
use crate::components::order_status::{format_date, headline_text};
use crate::components::order_timeline::OrderTimeline;
use crate::components::page_heading::PageHeading;
use crate::dom::focus_by_id;
use crate::i18n::InLocale;
use crate::lazy_pages::{self, LazyPage, Loaded};
use crate::routes;
use crate::routes::RETURN_PARAM;
use crate::state::locale::{use_locale, use_strings};
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use shop_api::ErrorCode;
use shop_api::order::{Order, OrderStatus, TimelineKind};

const CANCEL_HEADING_ID: &str = "annulation-titre";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Load {
    Loading,
    Ready,
    NotFound,
    Failed,
}

#[component]
pub fn OrderPage() -> impl IntoView {
    let t = use_strings();
    let o = move || &t.get().order;
    let params = use_params_map();
    let session = use_session().status();
    let navigate = use_navigate();
    let order = RwSignal::new(None::<Order>);
    let load = RwSignal::new(Load::Loading);
    let attempt = RwSignal::new(0u32);

    Effect::new(move |_| {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        attempt.track();
        match session.get() {
            SessionStatus::SignedIn(_) => {
                load.set(Load::Loading);
                spawn_local(async move {
                    match api::orders::get(&id).await {
                        Ok(found) => {
                            order.try_set(Some(found));
                            load.try_set(Load::Ready);
                        }
                        Err(ApiError::Refused { status: 404, .. }) => {
                            load.try_set(Load::NotFound);
                        }
                        Err(_) => {
                            load.try_set(Load::Failed);
                        }
                    }
                });
            }
            SessionStatus::SignedOut { .. } => {
                let back = js_sys::encode_uri_component(&format!("{}/{id}", routes::ORDER));
                navigate(
                    &format!("{}?{RETURN_PARAM}={back}", routes::ACCOUNT),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
            SessionStatus::Checking => {}
        }
    });

    let confirmed = Signal::derive(move || {
        matches!(
            order.with(|o| o.as_ref().map(|o| o.status)),
            Some(OrderStatus::Authorized | OrderStatus::Paid)
        )
    });
    let heading = Signal::derive(move || {
        if confirmed.get() {
            o().confirmed_heading.to_owned()
        } else {
            o().title.to_owned()
        }
    });
    // The tab names the order by its number, as the shopper quotes it.
    let title =
        Signal::derive(
            move || match order.with(|o| o.as_ref().map(|o| o.number.clone())) {
                Some(number) if !number.is_empty() => {
                    (o().title_with_number)(&heading.get(), &number)
                }
                _ => heading.get(),
            },
        );
    view! {
        <PageHeading title=title heading=heading />
        {move || match load.get() {
            Load::Loading => view! { <p class="page-loading" role="status">{o().loading}</p> }.into_any(),
            Load::NotFound => view! {
                <p class="form-error" role="alert">{o().not_found}</p>
                <p><A href=routes::ORDERS>{move || o().all_orders}</A></p>
            }.into_any(),
            Load::Failed => view! {
                <div class="form-error" role="alert">
                    <p>{o().load_failed}</p>
                    <button type="button" class="button-secondary" on:click=move |_| attempt.update(|n| *n += 1)>
                        {move || t.get().home.retry}
                    </button>
                </div>
            }.into_any(),
            Load::Ready => view! { <OrderDetails order /> }.into_any(),
        }}
    }
}

#[component]
fn OrderDetails(order: RwSignal<Option<Order>>) -> impl IntoView {
    let t = use_strings();
    let o = move || &t.get().order;
    let c = move || &t.get().checkout;
    let locale = use_locale();
    let catalogue = LocalResource::new(crate::state::catalogue::catalogue);
    let status = Signal::derive(move || order.with(|o| o.as_ref().map(|o| o.status)));
    // Memos: a poll's answer that keeps the order payable (a refused card)
    // must not rebuild the card frame, nor close the cancel question.
    let payable = Memo::new(move |_| status.get().is_some_and(OrderStatus::payable));
    let expired = Memo::new(move |_| status.get() == Some(OrderStatus::PaymentExpired));
    // Production may have started before an authorization lapsed: the
    // timeline says so even when the status no longer does (as the server
    // judges it).
    let too_late = Memo::new(move |_| {
        order.with(|o| {
            o.as_ref().is_some_and(|o| {
                let started = o.status.production_started()
                    || o.timeline
                        .iter()
                        .any(|e| e.kind == TimelineKind::InProduction);
                started && o.status != OrderStatus::Cancelled
            })
        })
    });
    let can_cancel = Memo::new(move |_| {
        status
            .get()
            .is_some_and(OrderStatus::cancellable_by_shopper)
            && !too_late.get()
    });
    let paying = RwSignal::new(false);
    // Card testing: too many cards refused, no card page until `retry_at`.
    // The payment panel says until when, and its polls bring the card form
    // back once the server offers it again.
    let blocked = Memo::new(move |_| {
        order.with(|o| o.as_ref().is_some_and(|o| o.payment.retry_at.is_some()))
    });
    Effect::new(move |_| {
        if blocked.get() && payable.get_untracked() {
            paying.set(true);
        }
    });
    let renew_failed = RwSignal::new(false);
    let renewing = RwSignal::new(false);

    let lines = Signal::derive(move || {
        let catalogue = catalogue.get().and_then(Result::ok);
        order.with(|o| {
            o.iter()
                .flat_map(|o| o.lines.iter())
                .map(|line| SummaryLine {
                    name: line.project_name.clone(),
                    description: catalogue
                        .as_ref()
                        .map(|catalogue| describe(catalogue, &line.choice, locale.get()))
                        .unwrap_or_default(),
                    copies: line.copies,
                    total: Some(line.total),
                })
                .collect::<Vec<_>>()
        })
    });
    let delivery_name = Signal::derive(move || {
        let id = order.with(|o| o.as_ref().map(|o| o.delivery_option_id.clone()))?;
        let catalogue = catalogue.get()?.ok()?;
        catalogue
            .delivery_options
            .iter()
            .find(|option| option.id == id)
            .map(|option| option.name.get(locale.get()).to_owned())
    });

    // An expired authorization needs a fresh payment session first.
    let pay = move |_| {
        let Some(current) = order.get_untracked() else {
            return;
        };
        if current.status != OrderStatus::PaymentExpired {
            paying.set(true);
            return;
        }
        if renewing.get_untracked() {
            return;
        }
        renewing.set(true);
        renew_failed.set(false);
        spawn_local(async move {
            let outcome = api::orders::renew_payment(&current.id).await;
            renewing.try_set(false);
            match outcome {
                Ok(fresh) => {
                    order.try_set(Some(fresh));
                    paying.try_set(true);
                }
                // Too many cards refused: the panel says until when.
                Err(ApiError::Refused {
                    code: ErrorCode::TooManyPaymentAttempts,
                    retry_after_seconds,
                    ..
                }) => {
                    let wait = retry_after_seconds.map_or(3600, |s| s as i64);
                    let now = (js_sys::Date::now() / 1000.0) as i64;
                    let mut blocked = current;
                    blocked.payment.retry_at = Some(now + wait);
                    blocked.payment.hosted_page_url = None;
                    order.try_set(Some(blocked));
                    paying.try_set(true);
                }
                Err(_) => {
                    renew_failed.try_set(true);
                }
            }
        });
    };
    let on_settled = Callback::new(move |_settled: Order| {
        paying.set(false);
        request_animation_frame(|| {
            focus_by_id(routes::HEADING_ID);
        });
    });

    view! {
        // A card is debited at shipment; a wallet already was.
        {move || match status.get() {
            Some(OrderStatus::Authorized) => Some(o().confirmed_sentence),
            Some(OrderStatus::Paid) => Some(o().confirmed_sentence_wallet),
            _ => None,
        }.map(|sentence| view! {
            <p class="order-confirmed" role="status">{sentence}</p>
        })}
        {move || order.get().map(|current| view! {
            <p class="order-number">{move || o().number_label} " " <strong>{current.number.clone()}</strong></p>
            <p>{move || (o().placed_on)(&format_date(current.created_at, locale.get()))}</p>
            <dl class="order-facts">
                <dt>{move || o().status_label}</dt>
                <dd class="order-status">{move || headline_text(current.standing().headline, o())}</dd>
            </dl>
        })}
        {move || match (payable.get(), paying.get()) {
            (true, true) => view! {
                <section class="review-block" aria-labelledby=routes::STEP_HEADING_ID>
                    <h2 id=routes::STEP_HEADING_ID tabindex="-1">{move || c().step_payment}</h2>
                    <LazyPage load=move || lazy_pages::payment_panel(order, on_settled) loaded=Loaded::Payment />
                </section>
            }.into_any(),
            (true, false) => view! {
                {move || renew_failed.get().then(|| view! { <p class="form-error" role="alert">{o().renew_failed}</p> })}
                <p>
                    <button type="button" class="button-primary" on:click=pay disabled=move || renewing.get()>
                        {move || if expired.get() { o().pay_again_button } else { o().pay_button }}
                    </button>
                </p>
            }.into_any(),
            _ => ().into_any(),
        }}
        {move || order.get().map(|current| view! {
            <OrderTimeline
                status=current.status
                timeline=current.timeline
                shipment=current.shipment
                estimated_delivery=current.estimated_delivery
                heading_id="commande-etapes"
            />
        })}
        {move || order.get().map(|current| {
            let state = current.standing().payment;
            view! {
                <OrderPaymentView
                    payment=current.payment
                    state=state
                    total=current.totals.total
                    heading_id="commande-paiement"
                />
            }
        })}
        <section class="review-block" aria-labelledby="commande-produits">
            <h2 id="commande-produits">{move || c().lines_heading}</h2>
            <SummaryLines lines label=Signal::derive(move || c().lines_heading) />
        </section>
        <section class="review-block cart-summary" aria-labelledby="commande-totaux">
            <h2 id="commande-totaux">{move || c().totals_heading}</h2>
            {move || order.get().map(|current| view! {
                <CartTotalsView totals=current.totals delivery_name=delivery_name.get() />
            })}
        </section>
        <section class="review-block" aria-labelledby="commande-adresse">
            <h2 id="commande-adresse">{move || c().address_heading}</h2>
            {move || order.get().map(|current| {
                let a = current.delivery_address;
                view! {
                    <address class="postal-address">
                        {a.name} <br />
                        {a.street} <br />
                        {format!("{} {}", a.postcode, a.city)} <br />
                        {move || if a.country == "MC" { c().country_mc } else { c().country_fr }} <br />
                        {a.phone}
                    </address>
                }
            })}
        </section>
        {move || can_cancel.get().then(|| view! { <CancelOrder order paying /> })}
        // Once production starts the button is gone: say why, and where to
        // turn instead.
        {move || too_late.get().then(|| view! {
            <p class="order-cancel-closed">
                {move || o().cancel_production_started} " "
                <A href=routes::HELP>{move || o().help_link}</A>
            </p>
        })}
        <p><A href=routes::ORDERS>{move || o().all_orders}</A></p>
    }
}

/// "Annuler la commande", then a question before anything happens.
#[component]
fn CancelOrder(order: RwSignal<Option<Order>>, paying: RwSignal<bool>) -> impl IntoView {
    let t = use_strings();
    let o = move || &t.get().order;
    let asking = RwSignal::new(false);
    let failure = RwSignal::new(None::<&'static str>);
    // One cancellation at a time; its answer arrives through the action.
    let cancel = Action::new_local(|id: &String| {
        let id = id.clone();
        async move { api::orders::cancel(&id).await }
    });
    let pending = cancel.pending();
    Effect::new(move |_| match cancel.value().get() {
        Some(Ok(cancelled)) => {
            paying.set(false);
            asking.set(false);
            order.set(Some(cancelled));
            request_animation_frame(|| {
                focus_by_id(routes::HEADING_ID);
            });
        }
        Some(Err(error)) => {
            let o = &t.get_untracked().order;
            failure.set(Some(match error {
                ApiError::Refused {
                    code: ErrorCode::ProductionStarted,
                    ..
                } => o.cancel_production_started,
                ApiError::Refused {
                    code: ErrorCode::InvalidOrderState,
                    ..
                } => o.cancel_too_late,
                _ => o.cancel_failed,
            }));
        }
        None => {}
    });
    let open = move |_| {
        failure.set(None);
        asking.set(true);
        request_animation_frame(|| {
            focus_by_id(CANCEL_HEADING_ID);
        });
    };
    let confirm = move |_| {
        let Some(id) = order.with_untracked(|o| o.as_ref().map(|o| o.id.clone())) else {
            return;
        };
        if pending.get_untracked() {
            return;
        }
        cancel.dispatch_local(id);
    };
    view! {
        {move || if asking.get() {
            view! {
                <section
                    class="confirm"
                    role="alertdialog"
                    aria-labelledby=CANCEL_HEADING_ID
                    aria-describedby="annulation-texte"
                    on:keydown=move |event| {
                        if event.key() == "Escape" {
                            asking.set(false);
                        }
                    }
                >
                    <h2 id=CANCEL_HEADING_ID tabindex="-1">{move || o().cancel_heading}</h2>
                    <p id="annulation-texte">{move || o().cancel_body}</p>
                    {move || failure.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                    <div class="confirm-actions">
                        <button type="button" class="button-danger" on:click=confirm disabled=move || pending.get()>
                            {move || o().cancel_confirm}
                        </button>
                        <button type="button" class="button-secondary" on:click=move |_| asking.set(false)>
                            {move || o().cancel_keep}
                        </button>
                    </div>
                </section>
            }.into_any()
        } else {
            view! {
                <p>
                    <button type="button" class="button-secondary" on:click=open>
                        {move || o().cancel_button}
                    </button>
                </p>
            }.into_any()
        }}
    }
}
