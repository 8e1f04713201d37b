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

/// The route table builds the account's own pages from two segments;
/// links, and the links the shop e-mails (`shop_api`), use the whole
/// address.
#[wasm_bindgen_test]
fn the_account_s_own_pages_addresses_are_their_routes() {
    use storefront::routes;
    assert_eq!(
        routes::ACCOUNT_SETTINGS,
        format!("{}/{}", routes::ACCOUNT, routes::ACCOUNT_SETTINGS_SEGMENT)
    );
    assert_eq!(
        routes::CHANGE_EMAIL,
        format!("{}/{}", routes::ACCOUNT, routes::CHANGE_EMAIL_SEGMENT)
    );
}

/// The static shell's page openings (index.html) must say what the pages
/// say, with the heading the app focuses, or the page changes under the
/// shopper's eyes when the app takes over.
#[wasm_bindgen_test]
fn the_static_shell_opens_each_page_with_its_own_heading_and_lead() {
    let strings = Locale::Fr.strings();
    let expected = [
        ("/", strings.home.heading, Some(strings.home.intro)),
        ("/panier", strings.cart.title, None),
        ("/aide", strings.help.title, Some(strings.help.intro)),
        ("/compte/parametres", strings.account_settings.title, None),
        (
            "/compte/nouvelle-adresse",
            strings.account_settings.link.title,
            None,
        ),
        (
            "/modes-de-paiement",
            strings.payment_methods.title,
            Some(strings.payment_methods.intro),
        ),
    ];
    let html = include_str!("../index.html");
    let start = html.find("<div id=\"static-shell\"").unwrap();
    let end = html.rfind("</body>").unwrap();
    let shell = container();
    shell.set_inner_html(&html[start..end]);
    let openings: Vec<_> = all(&shell, "template[data-page]")
        .into_iter()
        .map(|template| {
            let page = template.get_attribute("data-page").unwrap_or_default();
            let content = container();
            content.set_inner_html(&template.inner_html());
            let heading = one(&content, "h1");
            assert_eq!(heading.id(), storefront::routes::HEADING_ID, "{page}");
            assert_eq!(heading.get_attribute("tabindex").as_deref(), Some("-1"));
            let lead = content
                .query_selector("p.lead")
                .unwrap()
                .map(|lead| lead.text_content().unwrap_or_default());
            (page, heading.text_content().unwrap_or_default(), lead)
        })
        .collect();
    let expected: Vec<_> = expected
        .iter()
        .map(|(page, heading, lead)| {
            (
                (*page).to_owned(),
                (*heading).to_owned(),
                lead.map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(openings, expected);
    // An English-speaking shopper keeps "Chargement…" alone: the script reads
    // the language the app stores.
    let key = storefront::browser::storage::Key::Locale.name();
    assert!(html.contains(&format!("localStorage.getItem(\"{key}\") === \"en\"")));
}
