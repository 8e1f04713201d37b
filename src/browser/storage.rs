//! Web storage's one door: every key the app keeps in localStorage or
//! sessionStorage is named here, under one scheme (`service-photo.` then
//! what it holds, in French like the addresses), with the storage it lives
//! in. Storage can be missing or full (private modes, quotas): reading then
//! finds nothing and writing is skipped, which only costs the shopper a
//! preference or a reload's memory.

use leptos::prelude::window;

/// Everything the app keeps in web storage. Sign-out clears both storages
/// whole (`state/browser_data.rs`), whatever the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The shopper's language (localStorage).
    Locale,
    /// Set while signed in, so that an expired session can be told from
    /// never having signed in (localStorage).
    HadSession,
    /// A guest's cart, as JSON (localStorage).
    GuestCart,
    /// The signed-in shopper's cart as last read from the server (localStorage).
    AccountCart,
    /// The checkout attempt's idempotency key (sessionStorage: per tab).
    CheckoutKey,
    /// The order being paid in this tab (sessionStorage).
    CheckoutOrder,
}

impl Key {
    /// Every key, for the cookie policy's list (`tests/help.rs`).
    pub const ALL: [Key; 6] = [
        Key::Locale,
        Key::HadSession,
        Key::GuestCart,
        Key::AccountCart,
        Key::CheckoutKey,
        Key::CheckoutOrder,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Key::Locale => "service-photo.locale",
            Key::HadSession => "service-photo.had-session",
            Key::GuestCart => "service-photo.panier",
            Key::AccountCart => "service-photo.panier-compte",
            Key::CheckoutKey => "service-photo.commande.cle",
            Key::CheckoutOrder => "service-photo.commande.en-cours",
        }
    }

    fn storage(self) -> Option<web_sys::Storage> {
        let window = window();
        match self {
            Key::CheckoutKey | Key::CheckoutOrder => window.session_storage(),
            Key::Locale | Key::HadSession | Key::GuestCart | Key::AccountCart => {
                window.local_storage()
            }
        }
        .ok()
        .flatten()
    }
}

pub fn read(key: Key) -> Option<String> {
    key.storage()?.get_item(key.name()).ok().flatten()
}

pub fn write(key: Key, value: &str) {
    if let Some(storage) = key.storage() {
        let _ = storage.set_item(key.name(), value);
    }
}

pub fn remove(key: Key) {
    if let Some(storage) = key.storage() {
        let _ = storage.remove_item(key.name());
    }
}
