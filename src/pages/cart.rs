//! `/panier`: the cart's lines with their copies, the delivery option and
//! the totals, every price from the server.

use crate::api;
use crate::components::cart_summary::{CartLineItem, CartTotalsView, describe};
use crate::components::delivery_choice::DeliveryChoice;
use crate::components::page_heading::PageHeading;
use crate::i18n::Locale;
use crate::routes;
use crate::state::cart::{CartSyncError, use_cart};
use crate::state::locale::{use_locale, use_strings};
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::HashMap;

#[component]
pub fn CartPage() -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().cart;
    let locale = use_locale();
    let cart = use_cart();
    let contents = cart.cart();
    let catalogue = LocalResource::new(crate::state::catalogue::catalogue);
    // The totals carry the projects they were asked for: each line finds
    // its own price, even while a removal's new totals are on their way.
    let totals = LocalResource::new(move || {
        let current = contents.get();
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
    // Each line's price, by project, once per answer of the server; a
    // line's own memo then wakes only if its price changed.
    let prices = Memo::new(move |_| {
        totals.with(|answer| match answer {
            Some(Some(Ok((projects, totals)))) => projects
                .iter()
                .cloned()
                .zip(totals.lines.iter().map(|quote| quote.total))
                .collect::<HashMap<_, _>>(),
            _ => HashMap::new(),
        })
    });
    let line_total = move |project_id: String| {
        Memo::new(move |_| prices.with(|prices| prices.get(&project_id).copied()))
    };
    let line_view = move |project_id: String| {
        let line = contents.with_untracked(|cart| {
            cart.lines
                .iter()
                .find(|l| l.project_id == project_id)
                .cloned()
        })?;
        let id = StoredValue::new(project_id.clone());
        let copies = Memo::new(move |_| {
            id.with_value(|id| {
                contents.with(|cart| {
                    cart.lines
                        .iter()
                        .find(|l| l.project_id == *id)
                        .map_or(1, |l| l.copies)
                })
            })
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
                copies
                description
                line_total=line_total(project_id)
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
                                catalogue.delivery_options.iter().find(|o| o.id == charge.option_id).map(|o| match locale.get() {
                                    Locale::Fr => o.name.fr.clone(),
                                    Locale::En => o.name.en.clone(),
                                })
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
