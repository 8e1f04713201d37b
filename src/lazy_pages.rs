//! The split points of the storefront: every page but the home page lives
//! in its own wasm chunk, fetched the first time a shopper opens it, so the
//! home page downloads and compiles only what it shows; the payment panel
//! has its own, fetched at the checkout's payment step.
//!
//! The split happens only in builds made with `--cfg storefront_split`,
//! which `cargo xtask` gives the release build before it runs the splitter
//! (`xtask/src/storefront/split.rs`). Other builds (unit and browser tests,
//! clippy) call the same functions directly, so both paths share one
//! signature: an async function that may fail to load.

mod loader;
pub mod opening;

pub use loader::{LazyPage, Loaded, PendingHeadingFocus};

use crate::pages::{
    account::AccountPage,
    account_links::{ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage},
    account_settings::AccountSettingsPage,
    cart::CartPage,
    change_email::ChangeEmailPage,
    checkout::CheckoutPage,
    help::{HelpPage, answer::HelpAnswerPage, contact::ContactPage},
    legal::{AccessibilityPage, CookiesPage, LegalNoticePage, PrivacyPage, TermsPage},
    order::OrderPage,
    orders::OrdersPage,
    payment_methods::PaymentMethodsPage,
    project::{NewProjectPage, ProjectPage},
};
use crate::panels::payment::PaymentPanel;
use leptos::prelude::*;
use shop_api::order::Order;

/// A page's chunk did not arrive (offline, server restarted mid-deploy…).
/// Not cached: asking again fetches it anew.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the page's code could not be loaded")]
pub struct ChunkLoadError;

impl From<wasm_split_helpers::SplitLoaderError> for ChunkLoadError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Self
    }
}

/// Declares `async fn $name() -> Result<AnyView, ChunkLoadError>` rendering
/// `$page`, split into the chunk `$chunk` in split builds. Pages that share
/// a chunk are always visited together (the help centre, the legal pages).
/// A split point of its own costs the other routes too: the splitter makes
/// one chunk per set of split points sharing code, so each new one
/// fragments the shared code into more, smaller modules (the contact form
/// split from the help centre saved `/aide` 25 kB but cost the checkout
/// 5 kB and 16 requests, 2026-12-01).
macro_rules! split_page {
    ($chunk:ident: $($name:ident => $page:ident),+ $(,)?) => {$(
        #[cfg(storefront_split)]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        pub fn $name() -> Result<AnyView, ChunkLoadError> {
            Ok(view! { <$page /> }.into_any())
        }

        #[cfg(not(storefront_split))]
        pub async fn $name() -> Result<AnyView, ChunkLoadError> {
            Ok(view! { <$page /> }.into_any())
        }
    )+};
}

split_page!(cart: cart => CartPage);
split_page!(checkout: checkout => CheckoutPage);
split_page!(order: order => OrderPage);
split_page!(orders: orders => OrdersPage);
split_page!(project: new_project => NewProjectPage, project => ProjectPage);
split_page!(account: account => AccountPage);
// Not in `account`: the pages the shop's e-mails open (and asking for a
// reset link) are visited apart from the account page, which is near its
// size ceiling.
split_page!(account_links:
    verify_email => VerifyEmailPage,
    forgot_password => ForgotPasswordPage,
    reset_password => ResetPasswordPage,
);

split_page!(account_settings:
    account_settings => AccountSettingsPage,
    change_email => ChangeEmailPage,
);
split_page!(help: help => HelpPage, help_answer => HelpAnswerPage, contact => ContactPage);
split_page!(legal:
    legal_notice => LegalNoticePage,
    terms => TermsPage,
    privacy => PrivacyPage,
    cookies => CookiesPage,
    accessibility => AccessibilityPage,
);
split_page!(payment_methods: payment_methods => PaymentMethodsPage);

/// The payment panel (card frame, wallets and the Payment Request
/// bindings), fetched when the checkout reaches its payment step or the
/// order page offers to pay again: the checkout's first steps do without.
#[cfg(storefront_split)]
#[wasm_split_helpers::wasm_split(payment, fallible)]
pub fn payment_panel(
    order: RwSignal<Option<Order>>,
    on_settled: Callback<Order>,
) -> Result<AnyView, ChunkLoadError> {
    Ok(view! { <PaymentPanel order on_settled /> }.into_any())
}

#[cfg(not(storefront_split))]
pub async fn payment_panel(
    order: RwSignal<Option<Order>>,
    on_settled: Callback<Order>,
) -> Result<AnyView, ChunkLoadError> {
    Ok(view! { <PaymentPanel order on_settled /> }.into_any())
}
