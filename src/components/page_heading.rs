//! A page's `<title>` and its one `<h1>`, kept together so that no page can
//! have one without the other.

use crate::routes;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PageHeading(
    /// Short page name for the browser tab (the shop name is appended).
    #[prop(into)]
    title: Signal<String>,
    /// The visible heading.
    #[prop(into)]
    heading: Signal<String>,
) -> impl IntoView {
    view! {
        <Title text=move || title.get() />
        // Focus lands here after a client-side navigation (see app.rs), so
        // screen readers announce the new page.
        <h1 id=routes::HEADING_ID tabindex="-1">
            {move || heading.get()}
        </h1>
    }
}
