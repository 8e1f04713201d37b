//! `/aide`: help and customer service.

use crate::components::page_heading::PageHeading;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HelpPage() -> impl IntoView {
    let t = use_strings();
    let help = move || &t.get().help;
    view! {
        <PageHeading title=Signal::derive(move || help().title.to_owned()) heading=Signal::derive(move || help().title.to_owned()) />
        <p class="lead">{move || help().intro}</p>
        <section aria-labelledby="aide-paiement">
            <h2 id="aide-paiement">{move || help().payment_heading}</h2>
            <p>{move || help().payment_body}</p>
            <p>
                <A href=routes::PAYMENT_METHODS>{move || help().payment_link}</A>
            </p>
        </section>
        <section aria-labelledby="aide-compte">
            <h2 id="aide-compte">{move || help().account_heading}</h2>
            <p>{move || help().account_body}</p>
        </section>
    }
}
