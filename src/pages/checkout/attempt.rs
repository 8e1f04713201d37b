//! One checkout attempt, kept in this tab's sessionStorage: the
//! idempotency key (so that a retried or reloaded "Payer" answers the same
//! order) and the order waiting for payment (so that a reload during 3-D
//! Secure comes back to it). sessionStorage is per tab and is wiped at
//! sign-out with the rest of web storage.

use crate::browser::ids::random_id;
use crate::browser::storage::{self, Key};

/// This attempt's key, made once. Without storage (private modes) the key
/// lives as long as the page: a reload then makes a new attempt.
pub fn idempotency_key() -> String {
    if let Some(key) = storage::read(Key::CheckoutKey) {
        return key;
    }
    let key = random_id().unwrap_or_else(fallback_key);
    storage::write(Key::CheckoutKey, &key);
    key
}

/// Where `crypto.randomUUID` is missing: time and `Math.random` are
/// enough to tell one shopper's attempts apart.
fn fallback_key() -> String {
    format!(
        "{:x}-{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e15) as u64
    )
}

pub fn order_in_progress() -> Option<String> {
    storage::read(Key::CheckoutOrder).filter(|id| !id.is_empty())
}

pub fn remember_order(id: &str) {
    storage::write(Key::CheckoutOrder, id);
}

/// The attempt is over (paid, or its order is gone): the next checkout
/// makes a new order with a new key.
pub fn finish() {
    storage::remove(Key::CheckoutOrder);
    storage::remove(Key::CheckoutKey);
}
