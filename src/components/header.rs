//! The site header. Its markup and classes match the static shell in
//! `index.html`, so the app takes over the first paint without a jump.

use crate::dom::focus_by_id;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header(
    #[prop(into)] cart_count: Signal<u32>,
    #[prop(into)] signed_in: Signal<bool>,
) -> impl IntoView {
    let t = use_strings();
    view! {
        <header class="site-header">
            <a class="skip-link" href=format!("#{}", routes::MAIN_ID) on:click=skip_to_content>
                {move || t.get().skip_to_content}
            </a>
            <div class="site-header__inner">
                <A href=routes::HOME attr:class="brand">
                    {move || t.get().shop_name}
                </A>
                <nav class="site-nav" aria-label=move || t.get().main_nav_label>
                    <ul>
                        <li>
                            <A href=routes::ORDERS>{move || t.get().nav_orders}</A>
                        </li>
                        <li>
                            <A href=routes::HELP>{move || t.get().nav_help}</A>
                        </li>
                        <li>
                            <A
                                href=routes::ACCOUNT
                                attr:class=move || if signed_in.get() { "account-link is-signed-in" } else { "account-link" }
                                attr:aria-label=move || signed_in.get().then(|| t.get().account.signed_in_nav_label)
                            >
                                {move || t.get().nav_account}
                            </A>
                        </li>
                        <li>
                            <A
                                href=routes::CART
                                attr:class="cart-link"
                                attr:aria-label=move || (t.get().cart_link_label)(cart_count.get())
                            >
                                {move || t.get().nav_cart}
                                " "
                                <span class="cart-count">{move || cart_count.get()}</span>
                            </A>
                        </li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// The router would only scroll to `#contenu`; keyboard users need focus
/// there too, or their next Tab starts again at the top.
fn skip_to_content(event: leptos::ev::MouseEvent) {
    if focus_by_id(routes::MAIN_ID) {
        event.prevent_default();
    }
}
