//! The site footer: information links and the language switch.

use crate::i18n::Locale;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Footer(
    #[prop(into)] locale: Signal<Locale>,
    #[prop(into)] on_switch_locale: Callback<Locale>,
) -> impl IntoView {
    let t = use_strings();
    let other = move || locale.get().other();
    view! {
        <footer class="site-footer">
            <nav class="site-footer__nav" aria-label=move || t.get().footer_nav_label>
                <A href=routes::PAYMENT_METHODS>{move || t.get().footer_payment_methods}</A>
            </nav>
            <button
                type="button"
                class="lang-switch"
                lang=move || other().code()
                aria-label=move || t.get().switch_language_label
                on:click=move |_| on_switch_locale.run(other())
            >
                {move || other().strings().language_name}
            </button>
        </footer>
    }
}
