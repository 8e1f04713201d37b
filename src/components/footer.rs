//! The site footer: information links (payment methods and the legal
//! pages, which the law wants reachable from every page) and the language
//! switch. `index.html`'s static shell repeats this markup in French.

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
    let legal = move || &t.get().legal;
    view! {
        <footer class="site-footer">
            <nav class="site-footer__nav" aria-label=move || t.get().footer_nav_label>
                <ul>
                    <li><A href=routes::PAYMENT_METHODS>{move || t.get().footer_payment_methods}</A></li>
                    <li><A href=routes::LEGAL_NOTICE>{move || legal().notice.link}</A></li>
                    <li><A href=routes::TERMS>{move || legal().terms.link}</A></li>
                    <li><A href=routes::PRIVACY>{move || legal().privacy.link}</A></li>
                    <li><A href=routes::COOKIES>{move || legal().cookies.link}</A></li>
                    <li><A href=routes::ACCESSIBILITY>{move || legal().accessibility.link}</A></li>
                </ul>
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
