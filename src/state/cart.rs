//! The cart summary the header shows. It starts empty; the cart itself
//! (browser for guests, server for signed-in shoppers) will feed it.

use leptos::prelude::*;

#[derive(Clone, Copy)]
struct CartContext(RwSignal<u32>);

pub fn provide_cart() {
    provide_context(CartContext(RwSignal::new(0)));
}

/// Number of items in the cart; 0 when no provider is mounted.
pub fn use_cart_count() -> Signal<u32> {
    use_context::<CartContext>()
        .map(|CartContext(count)| count.into())
        .unwrap_or_else(|| Signal::stored(0))
}
