//! The cart's parts: one line (project, options, copies, price, removal),
//! the read-only lines of a cart under review or of an order, and the
//! totals as the server computed them, with the free-delivery threshold
//! explained.

use crate::i18n::{InLocale, Locale};
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;
use shop_api::Money;
use shop_api::cart::{CartLine, CartTotals};
use shop_api::catalogue::{Catalogue, ProductChoice};

/// A line's product and options in words ("Poster · 50 × 70 cm"), from
/// the catalogue.
pub fn describe(catalogue: &Catalogue, choice: &ProductChoice, locale: Locale) -> String {
    let Some(product) = catalogue
        .products
        .iter()
        .find(|p| p.id == choice.product_id)
    else {
        return String::new();
    };
    let mut parts = vec![product.name.get(locale).to_owned()];
    if let Some(format) = product.formats.iter().find(|f| f.id == choice.format_id) {
        parts.push(format.label.clone());
    }
    if let Some(pages) = choice.pages {
        parts.push((locale.strings().cart.pages)(pages));
    }
    if let Some(cover) = choice
        .cover_id
        .as_ref()
        .and_then(|id| product.covers.iter().find(|c| &c.id == id))
    {
        parts.push(cover.label.get(locale).to_owned());
    }
    parts.join(" · ")
}

/// Most copies of one project the stepper offers; the server has the last
/// word (each product has its own maximum).
pub const MAX_COPIES: u32 = 99;

/// One line of the cart. Only the copies change while the line is shown
/// (another project or product is another line, keyed by project), so the
/// rest is built once and a click updates the stepper, the price and
/// nothing else.
#[component]
pub fn CartLineItem(
    line: CartLine,
    /// The line's copies as they change.
    #[prop(into)]
    copies: Signal<u32>,
    /// Product and format, in the shopper's language.
    #[prop(into)]
    description: Signal<String>,
    #[prop(into)] line_total: Signal<Option<Money>>,
    on_copies: Callback<u32>,
    on_remove: Callback<()>,
) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().cart;
    let input_id = format!("exemplaires-{}", line.project_id);
    let name = line.project_name.clone();
    let name_for_labels = StoredValue::new(line.project_name.clone());
    let units = line.choice.quantity;
    view! {
        <li class="cart-line">
            <div class="cart-line__what">
                <h3 class="cart-line__name">
                    <A href=format!("{}/{}", routes::PROJECT, line.project_id)>{name}</A>
                </h3>
                <p class="cart-line__options">{move || description.get()}</p>
                {(units > 1).then(|| view! { <p class="cart-line__units">{move || (c().units_per_copy)(units)}</p> })}
            </div>
            <div class="cart-line__copies">
                <label for=input_id.clone()>{move || c().copies_label}</label>
                <div class="stepper">
                    <button type="button" class="icon-button"
                        aria-label=move || (c().fewer_copies)(&name_for_labels.get_value())
                        disabled=move || { copies.get() <= 1 }
                        on:click=move |_| on_copies.run(copies.get_untracked().saturating_sub(1).max(1))>"−"</button>
                    <input id=input_id type="number" inputmode="numeric" min="1" max=MAX_COPIES.to_string()
                        prop:value=move || copies.get().to_string()
                        on:change=move |event| {
                            if let Ok(value) = event_target_value(&event).trim().parse::<u32>() {
                                on_copies.run(value.clamp(1, MAX_COPIES));
                            }
                        } />
                    <button type="button" class="icon-button"
                        aria-label=move || (c().more_copies)(&name_for_labels.get_value())
                        disabled=move || { copies.get() >= MAX_COPIES }
                        on:click=move |_| on_copies.run((copies.get_untracked() + 1).min(MAX_COPIES))>"+"</button>
                </div>
            </div>
            <p class="cart-line__total">
                {move || line_total.get().map(|m| m.format_fr()).unwrap_or_default()}
            </p>
            <button type="button" class="button-link"
                aria-label=move || (c().remove_line)(&name_for_labels.get_value())
                on:click=move |_| on_remove.run(())>
                {move || c().remove}
            </button>
        </li>
    }
}

#[component]
pub fn CartTotalsView(
    totals: CartTotals,
    /// The chosen delivery option's name, if one is chosen.
    delivery_name: Option<String>,
    /// Explained under the totals while the cart can still change; left
    /// out for an order.
    #[prop(optional)]
    free_delivery_threshold: Option<Money>,
) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().cart;
    let delivery = totals.delivery.clone();
    let missing = totals.missing_for_free_delivery;
    view! {
        <dl class="cart-totals">
            <dt>{move || c().subtotal}</dt>
            <dd>{totals.subtotal.format_fr()}</dd>
            <dt>{move || match &delivery_name { Some(name) => format!("{} ({name})", c().delivery), None => c().delivery.to_owned() }}</dt>
            <dd>{move || match &delivery {
                None => c().delivery_to_choose.to_owned(),
                Some(charge) if charge.waived => c().delivery_free.to_owned(),
                Some(charge) => charge.price.format_fr(),
            }}</dd>
            <dt>{move || c().vat_included}</dt>
            <dd>{totals.vat_included.format_fr()}</dd>
            <dt class="cart-totals__total">{move || c().total}</dt>
            <dd class="cart-totals__total">{totals.total.format_fr()}</dd>
        </dl>
        {free_delivery_threshold.map(|threshold| {
            let threshold = threshold.format_fr();
            view! {
                <p class="free-delivery" role="status">
                    {move || match missing {
                        Some(missing) => (c().free_delivery_missing)(&missing.format_fr(), &threshold),
                        None => (c().free_delivery_reached)(&threshold),
                    }}
                </p>
            }
        })}
    }
}

/// One line under review or of an order: nothing to change here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryLine {
    pub name: String,
    /// Product and format, in the shopper's language.
    pub description: String,
    pub copies: u32,
    /// The server's price of the line, once known.
    pub total: Option<Money>,
}

#[component]
pub fn SummaryLines(
    #[prop(into)] lines: Signal<Vec<SummaryLine>>,
    /// Names the list for assistive technology.
    #[prop(into)]
    label: Signal<&'static str>,
) -> impl IntoView {
    let t = use_strings();
    view! {
        <ul class="summary-lines" aria-label=move || label.get()>
            {move || lines.get().into_iter().map(|line| {
                let copies = line.copies;
                view! {
                    <li class="summary-line">
                        <div>
                            <p class="summary-line__name">{line.name}</p>
                            <p class="summary-line__options">{line.description}</p>
                        </div>
                        <p class="summary-line__copies">{move || (t.get().checkout.copies)(copies)}</p>
                        <p class="summary-line__total">{line.total.map(|m| m.format_fr()).unwrap_or_default()}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
