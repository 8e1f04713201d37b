//! The application: context providers, the page frame and the route table.

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::dom::focus_by_id;
use crate::pages::{
    account::AccountPage, cart::CartPage, help::HelpPage, home::HomePage, not_found::NotFoundPage,
    orders::OrdersPage, payment_methods::PaymentMethodsPage,
};
use crate::routes;
use crate::state::cart::{provide_cart, use_cart_count};
use crate::state::locale::{provide_locale, use_locale, use_strings};
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_locale();
    provide_cart();
    let locale = use_locale();
    let t = use_strings();
    let shop_name = move || t.get().shop_name;
    view! {
        <Title formatter=move |page: String| format!("{page} · {}", shop_name()) />
        <Router>
            <FocusOnNavigation />
            // Same structure and classes as the static shell of index.html.
            <div class="layout">
                <Header cart_count=use_cart_count() />
                <main id=routes::MAIN_ID class="page" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/panier") view=CartPage />
                        <Route path=path!("/compte") view=AccountPage />
                        <Route path=path!("/suivi-de-commande") view=OrdersPage />
                        <Route path=path!("/aide") view=HelpPage />
                        <Route path=path!("/modes-de-paiement") view=PaymentMethodsPage />
                    </Routes>
                </main>
                <Footer locale=locale on_switch_locale=Callback::new(move |l| locale.set(l)) />
            </div>
        </Router>
    }
}

/// After a client-side navigation, move focus to the new page's heading so
/// keyboard and screen-reader users start there, as after a page load.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            request_animation_frame(|| {
                focus_by_id(routes::HEADING_ID);
            });
        }
        path
    });
}
