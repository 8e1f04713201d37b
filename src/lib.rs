//! The storefront of the photo service: a Leptos app rendered in the browser.
//! `main.rs` only mounts it; tests mount its parts.

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod dom;
pub mod i18n;
pub mod lazy_pages;
pub mod pages;
pub mod panels;
pub mod payment;
pub mod routes;
pub mod state;

/// Id of the static shell in `index.html`, painted before the wasm loads.
pub const STATIC_SHELL_ID: &str = "static-shell";

/// Replaces the static shell with the live app. Both happen in the same
/// task, so the browser never paints the page without a header.
pub fn mount() {
    if let Some(shell) = leptos::prelude::document().get_element_by_id(STATIC_SHELL_ID) {
        lazy_pages::opening::keep_from(&shell);
        shell.remove();
    }
    leptos::mount::mount_to_body(app::App);
    // The first route rendered above; later pages must not show the opening.
    lazy_pages::opening::forget();
}
