//! Browser tests (headless Chromium) of the whole app: routing on the test
//! page's address and the language switch.

use storefront::i18n::Locale;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod support;
use support::{all, container, next_tick, one, text};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_language_switch_changes_every_string_and_html_lang() {
    let root = container();
    let _app = leptos::mount::mount_to(root.clone(), storefront::app::App);
    next_tick().await;
    let html = leptos::prelude::document().document_element().unwrap();
    let nav = || {
        all(&root, "nav.site-nav a")
            .iter()
            .map(text)
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert_eq!(
        nav(),
        "Suivi de commande | Aide et service client | Compte | Panier 0"
    );
    assert_eq!(html.get_attribute("lang").as_deref(), Some("fr"));

    let switch: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(one(&root, ".lang-switch"));
    assert_eq!(text(&switch), "English");
    switch.click();
    next_tick().await;
    assert_eq!(
        nav(),
        "Order tracking | Help and customer service | Account | Cart 0"
    );
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(text(&switch), "Français");
    let stored = leptos::prelude::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(storefront::browser::storage::Key::Locale.name())
        .unwrap();
    assert_eq!(stored.as_deref(), Some("en"));

    switch.click();
    next_tick().await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("fr"));
}

#[wasm_bindgen_test]
fn both_languages_say_when_each_method_is_debited() {
    for locale in Locale::ALL {
        let methods = &locale.strings().payment_methods.methods;
        let brands: Vec<&str> = methods
            .iter()
            .flat_map(|m| m.brands.iter().copied())
            .collect();
        assert_eq!(brands.len(), 7, "{locale:?}");
        let amex = methods.iter().find(|m| m.id == "amex").unwrap();
        assert!(
            amex.asked.iter().any(|item| item.contains('4')),
            "{locale:?}"
        );
        assert!(
            methods
                .iter()
                .all(|m| !m.debit.is_empty() && !m.how.is_empty())
        );
        assert_eq!(Locale::from_code(locale.code()), Some(locale));
    }
}

/// The route table builds `/aide/contact` from its two segments; links use
/// the whole address.
#[wasm_bindgen_test]
fn the_contact_form_s_address_is_its_route() {
    use storefront::routes;
    assert_eq!(
        routes::HELP_CONTACT,
        format!("{}/{}", routes::HELP, routes::CONTACT_SEGMENT)
    );
}
