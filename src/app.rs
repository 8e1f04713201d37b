//! The application: context providers, the page frame and the route table.

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::dom::focus_by_id;
use crate::lazy_pages::{self, LazyPage, PendingHeadingFocus};
use crate::pages::{home::HomePage, not_found::NotFoundPage};
use crate::routes;
use crate::routes::RETURN_PARAM;
use crate::state::browser_data::provide_browser_data;
use crate::state::cart::{provide_cart, use_cart_count};
use crate::state::locale::{provide_locale, use_locale, use_strings};
use crate::state::projects::provide_projects;
use crate::state::session::{SessionStatus, provide_session, use_session};
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{ParamSegment, StaticSegment};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_locale();
    provide_browser_data();
    provide_session();
    provide_cart();
    provide_projects();
    PendingHeadingFocus::provide();
    let locale = use_locale();
    let session_context = use_session();
    let session = session_context.status();
    let signed_in = Signal::derive(move || matches!(session.get(), SessionStatus::SignedIn(_)));
    let t = use_strings();
    let shop_name = move || t.get().shop_name;
    view! {
        <Title formatter=move |page: String| format!("{page} · {}", shop_name()) />
        <Router>
            <FocusOnNavigation />
            <SendExpiredSessionsToSignIn />
            // Same structure and classes as the static shell of index.html.
            <div class="layout">
                <Header cart_count=use_cart_count() signed_in=signed_in />
                <main id=routes::MAIN_ID class="page" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=StaticSegment(routes::HOME) view=HomePage />
                        <Route path=StaticSegment(routes::CART) view=|| view! { <LazyPage load=lazy_pages::cart /> } />
                        <Route path=StaticSegment(routes::CHECKOUT) view=|| view! { <LazyPage load=lazy_pages::checkout /> } />
                        <Route path=(StaticSegment(routes::ORDER), ParamSegment("id")) view=|| view! { <LazyPage load=lazy_pages::order /> } />
                        <Route path=(StaticSegment(routes::CREATE), ParamSegment("produit")) view=|| view! { <LazyPage load=lazy_pages::new_project /> } />
                        <Route path=(StaticSegment(routes::PROJECT), ParamSegment("id")) view=|| view! { <LazyPage load=lazy_pages::project /> } />
                        <Route path=StaticSegment(routes::ACCOUNT) view=|| view! { <LazyPage load=lazy_pages::account /> } />
                        <Route path=(StaticSegment(routes::ACCOUNT), StaticSegment(routes::VERIFY_EMAIL_SEGMENT)) view=|| view! { <LazyPage load=lazy_pages::verify_email /> } />
                        <Route path=(StaticSegment(routes::ACCOUNT), StaticSegment(routes::FORGOT_PASSWORD_SEGMENT)) view=|| view! { <LazyPage load=lazy_pages::forgot_password /> } />
                        <Route path=(StaticSegment(routes::ACCOUNT), StaticSegment(routes::RESET_PASSWORD_SEGMENT)) view=|| view! { <LazyPage load=lazy_pages::reset_password /> } />
                        <Route path=(StaticSegment(routes::ACCOUNT), StaticSegment(routes::ACCOUNT_SETTINGS_SEGMENT)) view=|| view! { <LazyPage load=lazy_pages::account_settings /> } />
                        <Route path=(StaticSegment(routes::ACCOUNT), StaticSegment(routes::CHANGE_EMAIL_SEGMENT)) view=|| view! { <LazyPage load=lazy_pages::change_email /> } />
                        <Route path=StaticSegment(routes::ORDERS) view=|| view! { <LazyPage load=lazy_pages::orders /> } />
                        <Route path=StaticSegment(routes::HELP) view=|| view! { <LazyPage load=lazy_pages::help /> } />
                        <Route path=(StaticSegment(routes::HELP), StaticSegment(routes::CONTACT_SEGMENT)) view=|| view! { <LazyPage load=lazy_pages::contact /> } />
                        <Route path=(StaticSegment(routes::HELP), ParamSegment("theme"), ParamSegment("reponse")) view=|| view! { <LazyPage load=lazy_pages::help_answer /> } />
                        <Route path=StaticSegment(routes::LEGAL_NOTICE) view=|| view! { <LazyPage load=lazy_pages::legal_notice /> } />
                        <Route path=StaticSegment(routes::TERMS) view=|| view! { <LazyPage load=lazy_pages::terms /> } />
                        <Route path=StaticSegment(routes::PRIVACY) view=|| view! { <LazyPage load=lazy_pages::privacy /> } />
                        <Route path=StaticSegment(routes::COOKIES) view=|| view! { <LazyPage load=lazy_pages::cookies /> } />
                        <Route path=StaticSegment(routes::ACCESSIBILITY) view=|| view! { <LazyPage load=lazy_pages::accessibility /> } />
                        <Route path=StaticSegment(routes::PAYMENT_METHODS) view=|| view! { <LazyPage load=lazy_pages::payment_methods /> } />
                    </Routes>
                </main>
                <Footer locale=locale on_switch_locale=Callback::new(move |l: crate::i18n::Locale| {
                    locale.set(l);
                    session_context.language_chosen(l.language());
                }) />
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
            let pending = use_context::<PendingHeadingFocus>();
            request_animation_frame(move || {
                // A page still loading its code focuses its heading itself.
                if !focus_by_id(routes::HEADING_ID)
                    && let Some(PendingHeadingFocus(pending)) = pending
                {
                    pending.set_value(true);
                }
            });
        }
        path
    });
}

/// When the server no longer knows this browser's session, the shopper is
/// taken to sign in, and brought back here afterwards. The checkout asks
/// for identification itself, keeping the shopper where they are; the
/// account's pages under `/compte` (an e-mailed link's, whose token would
/// be lost, and asking for one) are for shoppers signed out too.
#[component]
fn SendExpiredSessionsToSignIn() -> impl IntoView {
    let status = use_session().status();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if status.get() == (SessionStatus::SignedOut { expired: true }) {
            let here = location.pathname.get_untracked();
            let account_page = here
                .strip_prefix(routes::ACCOUNT)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
            if !account_page && here != routes::CHECKOUT {
                let back = js_sys::encode_uri_component(&here);
                navigate(
                    &format!("{}?{RETURN_PARAM}={back}", routes::ACCOUNT),
                    Default::default(),
                );
            }
        }
    });
}
