//! `/panier`: the cart's lines with their copies, the delivery option and
//! the totals, every price from the server.

use crate::api;
use crate::components::cart_summary::{CartLineItem, CartTotalsView, describe};
use crate::components::delivery_choice::DeliveryChoice;
use crate::components::page_heading::PageHeading;
use crate::i18n::InLocale;
use crate::routes;
use crate::state::cart::{CartSyncError, use_cart};
use crate::state::locale::{use_locale, use_strings};
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos_router::components::A;
use shop_api::Money;
use shop_api::cart::CartTotals;
use std::time::Duration;

/// How long the cart must stay unchanged before the server prices it.
const PRICE_AFTER: Duration = Duration::from_millis(150);

/// The server's totals with the projects they were asked for, in order.
type TotalsAnswer = Result<(Vec<String>, CartTotals), ()>;

/// What changes in a line while it is shown.
#[derive(Clone, Copy)]
struct LineSignals {
    copies: RwSignal<u32>,
    total: RwSignal<Option<Money>>,
}

trait MaybeSet<T> {
    /// Sets the signal only to a different value, so that nothing
    /// reading it runs for nothing.
    fn maybe_set(&self, value: T);
}

impl<T: PartialEq + Send + Sync + 'static> MaybeSet<T> for RwSignal<T> {
    fn maybe_set(&self, value: T) {
        if self.with_untracked(|current| *current != value) {
            self.set(value);
        }
    }
}

#[component]
pub fn CartPage() -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().cart;
    let locale = use_locale();
    let cart = use_cart();
    let contents = cart.cart();
    let catalogue = LocalResource::new(crate::state::catalogue::catalogue);
    // The cart as last priced: a burst of changes (clicks on "+") asks the
    // server once, PRICE_AFTER after the last one, and the click itself
    // never waits on starting a request.
    let to_price = RwSignal::new(contents.get_untracked());
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        contents.track();
        if first.is_none() {
            return;
        }
        if let Some(previous) = pending.get_value() {
            previous.clear();
        }
        let handle = set_timeout_with_handle(
            move || to_price.maybe_set(contents.get_untracked()),
            PRICE_AFTER,
        );
        pending.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
    });
    // The totals carry the projects they were asked for: each line finds
    // its own price, even while a removal's new totals are on their way.
    let totals = LocalResource::new(move || {
        let current = to_price.get();
        async move {
            if current.lines.is_empty() {
                return None;
            }
            let projects: Vec<String> =
                current.lines.iter().map(|l| l.project_id.clone()).collect();
            Some(match current.contents() {
                Some(priced) => api::cart::totals(&priced)
                    .await
                    .map(|totals| (projects, totals))
                    .map_err(|_| ()),
                None => Err(()),
            })
        }
    });
    // A memo: a change that keeps the cart non-empty (copies, the delivery
    // option chosen at load) must not rebuild the page under the shopper's
    // pointer — "Commander" included.
    let empty = Memo::new(move |_| contents.with(|cart| cart.lines.is_empty()));
    // The lines shown change only when one is added or removed; a change of
    // copies reaches its own line only (see `CartLineItem`).
    let projects = Memo::new(move |_| {
        contents.with(|cart| {
            cart.lines
                .iter()
                .map(|l| l.project_id.clone())
                .collect::<Vec<_>>()
        })
    });
    // Each line shown has its own signals for its copies and its price,
    // and one effect each for the cart and the totals sets the ones that
    // changed: a change of copies wakes that line only, however long the
    // cart (`cargo xtask bench` times it).
    // A list, not a map: at most `MAX_CART_LINES` lines, and no hashing
    // code to download.
    let shown = StoredValue::new(Vec::<(String, LineSignals)>::new());
    Effect::new(move |_| {
        contents.with(|cart| {
            shown.with_value(|shown| {
                for line in &cart.lines {
                    if let Some((_, signals)) = shown.iter().find(|(id, _)| *id == line.project_id)
                    {
                        signals.copies.maybe_set(line.copies);
                    }
                }
            })
        })
    });
    let price_of = move |answer: &Option<Option<TotalsAnswer>>, project_id: &str| match answer {
        Some(Some(Ok((projects, totals)))) => projects
            .iter()
            .position(|p| p == project_id)
            .and_then(|index| totals.lines.get(index))
            .map(|quote| quote.total),
        _ => None,
    };
    Effect::new(move |_| {
        totals.with(|answer| {
            // Still loading: the prices shown stay until the answer.
            if matches!(answer, None | Some(None)) {
                return;
            }
            shown.with_value(|shown| {
                for (project_id, signals) in shown {
                    signals.total.maybe_set(price_of(answer, project_id));
                }
            })
        })
    });
    let line_view = move |project_id: String| {
        let line = contents.with_untracked(|cart| {
            cart.lines
                .iter()
                .find(|l| l.project_id == project_id)
                .cloned()
        })?;
        let id = StoredValue::new(project_id.clone());
        let signals = LineSignals {
            copies: RwSignal::new(line.copies),
            total: RwSignal::new(totals.with_untracked(|answer| price_of(answer, &project_id))),
        };
        shown.update_value(|shown| {
            shown.push((project_id.clone(), signals));
        });
        on_cleanup(move || {
            shown.try_update_value(|shown| shown.retain(|(id, _)| *id != project_id));
        });
        let choice = line.choice.clone();
        let description = Memo::new(move |_| {
            let locale = locale.get();
            catalogue.with(|catalogue| match catalogue {
                Some(Ok(catalogue)) => describe(catalogue, &choice, locale),
                _ => String::new(),
            })
        });
        Some(view! {
            <CartLineItem
                line
                copies=signals.copies
                description
                line_total=signals.total
                on_copies=Callback::new(move |copies| cart.set_copies(&id.get_value(), copies))
                on_remove=Callback::new(move |()| cart.remove_line(&id.get_value()))
            />
        })
    };

    view! {
        <PageHeading title=Signal::derive(move || c().title.to_owned()) heading=Signal::derive(move || c().title.to_owned()) />
        {move || cart.sync_error().get().map(|error| view! {
            <p class="form-error" role="alert">
                {match error {
                    CartSyncError::Unreachable => c().sync_unreachable,
                    CartSyncError::Refused => c().sync_refused,
                }}
            </p>
        })}
        {move || if empty.get() {
            view! {
                <p class="empty-state">{move || c().empty}</p>
                <p><A href=routes::HOME>{move || c().browse}</A></p>
            }.into_any()
        } else {
            view! {
                <ul class="cart-lines" aria-label=move || c().lines_label>
                    <For each=move || projects.get() key=|id| id.clone() children=line_view />
                </ul>
                <DeliveryChoice catalogue=Signal::derive(move || catalogue.get().and_then(Result::ok)) />
                <section aria-labelledby="totaux-titre" class="cart-summary">
                    <h2 id="totaux-titre">{move || c().totals_heading}</h2>
                    {move || match (totals.get().flatten(), catalogue.get()) {
                        (Some(Ok((_, totals))), Some(Ok(catalogue))) => {
                            let delivery_name = totals.delivery.as_ref().and_then(|charge| {
                                catalogue.delivery_options.iter().find(|o| o.id == charge.option_id).map(|o| o.name.get(locale.get()).to_owned())
                            });
                            view! {
                                <CartTotalsView totals delivery_name free_delivery_threshold=catalogue.free_delivery_threshold />
                            }.into_any()
                        }
                        (Some(Err(())), _) | (_, Some(Err(_))) => view! {
                            <div class="form-error" role="alert">
                                <p>{c().totals_unavailable}</p>
                                <button type="button" class="button-secondary" on:click=move |_| { totals.refetch(); catalogue.refetch(); }>
                                    {move || t.get().home.retry}
                                </button>
                            </div>
                        }.into_any(),
                        _ => view! { <p class="page-loading" role="status">{c().totals_loading}</p> }.into_any(),
                    }}
                </section>
                <CheckoutLink />
            }.into_any()
        }}
    }
}

/// The way to the checkout, signed in or not: a guest identifies at its
/// first step, then comes straight back to ordering.
#[component]
fn CheckoutLink() -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().cart;
    let status = use_session().status();
    let signed_in = Signal::derive(move || matches!(status.get(), SessionStatus::SignedIn(_)));
    view! {
        <div class="checkout-actions">
            {move || (!signed_in.get()).then(|| view! { <p class="notice">{move || c().checkout_sign_in}</p> })}
            <A href=routes::CHECKOUT attr:class="button-primary checkout-link">{move || c().checkout}</A>
        </div>
    }
}
