//! Panic hook, then mount: nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    storefront::mount();
}
