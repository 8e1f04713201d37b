//! An order's progress: its dated steps as an ordered list, the estimated
//! delivery until it arrives, and the parcel with a link to the carrier's
//! tracking page. Shared by the shopper's order page and the tracking
//! result, which show the same facts.

use crate::i18n::OrderText;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use shop_api::calendar::Date;
use shop_api::order::{OrderStatus, Shipment, TimelineEvent, TimelineKind};

/// A date in words: "1 décembre 2026", "1 December 2026".
pub fn date_in_words(date: Date, o: &OrderText) -> String {
    let month = usize::try_from(date.month.saturating_sub(1))
        .ok()
        .and_then(|i| o.months.get(i))
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", date.day, date.year)
}

fn step_text(kind: TimelineKind, o: &OrderText) -> &'static str {
    match kind {
        TimelineKind::Ordered => o.step_ordered,
        TimelineKind::PaymentAuthorized => o.step_payment_authorized,
        TimelineKind::InProduction => o.step_in_production,
        TimelineKind::Shipped => o.step_shipped,
        TimelineKind::Delivered => o.step_delivered,
        TimelineKind::Cancelled => o.step_cancelled,
        TimelineKind::Unknown => o.step_other,
    }
}

#[component]
pub fn OrderTimeline(
    #[prop(into)] status: Signal<OrderStatus>,
    #[prop(into)] timeline: Signal<Vec<TimelineEvent>>,
    #[prop(into)] shipment: Signal<Option<Shipment>>,
    #[prop(into)] estimated_delivery: Signal<Option<Date>>,
    /// Id of the section's heading (one per page).
    heading_id: &'static str,
    /// Inside a section that has its own `<h2>`: the headings are `<h3>`.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let t = use_strings();
    let o = move || &t.get().order;
    let locale = use_locale();
    // The language is read so that dates follow a switch.
    let words = move |date: Date| {
        locale.track();
        date_in_words(date, o())
    };
    let heading = move |text: &'static str, id: Option<&'static str>| {
        if nested {
            view! { <h3 id=id>{text}</h3> }.into_any()
        } else {
            view! { <h2 id=id>{text}</h2> }.into_any()
        }
    };
    // Until it arrives (and unless cancelled), the promise made at order time.
    let estimate = move || {
        let pending = !matches!(
            status.get(),
            OrderStatus::Delivered | OrderStatus::Cancelled
        );
        estimated_delivery.get().filter(|_| pending).map(
            |date| view! { <p class="order-estimate">{(o().estimated_delivery)(&words(date))}</p> },
        )
    };
    view! {
        <section class="review-block" aria-labelledby=heading_id>
            {move || heading(o().timeline_heading, Some(heading_id))}
            <ol class="order-timeline">
                {move || timeline.get().into_iter().map(|event| {
                    let day = Date::in_paris(event.at);
                    view! {
                        <li class="order-timeline__step">
                            <span class="order-timeline__name">{step_text(event.kind, o())}</span>
                            " "
                            <time datetime=day.to_string()>{words(day)}</time>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {estimate}
            {move || shipment.get().map(|parcel| {
                let carrier = parcel.carrier.name();
                view! {
                    {heading(o().parcel_heading, None)}
                    <dl class="order-facts">
                        <dt>{o().carrier_label}</dt>
                        <dd>{carrier}</dd>
                        <dt>{o().tracking_number_label}</dt>
                        <dd class="tracking-number">{parcel.tracking_number.clone()}</dd>
                    </dl>
                    {parcel.tracking_url.map(|url| view! {
                        <p>
                            <a href=url rel="noopener noreferrer">{(o().tracking_link)(carrier)}</a>
                        </p>
                    })}
                }
            })}
        </section>
    }
}
