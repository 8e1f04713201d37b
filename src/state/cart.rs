//! The cart summary the header shows. It starts empty; the cart itself
//! (browser for guests, server for signed-in shoppers) will feed it.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct CartContext(RwSignal<u32>);

pub fn provide_cart() {
    provide_context(CartContext(RwSignal::new(0)));
}

/// The cart; an empty one when no provider is mounted.
pub fn use_cart() -> CartContext {
    use_context::<CartContext>().unwrap_or_else(|| CartContext(RwSignal::new(0)))
}

/// Number of items in the cart.
pub fn use_cart_count() -> Signal<u32> {
    use_cart().item_count()
}

impl CartContext {
    pub fn item_count(&self) -> Signal<u32> {
        self.0.into()
    }

    /// Empties the cart (sign-out deletes it).
    pub fn clear(&self) {
        self.0.set(0);
    }
}
