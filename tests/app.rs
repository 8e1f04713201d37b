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

/// The account's pages under `/compte` are built from two segments; the
/// shop's e-mails link to the contract's addresses.
#[wasm_bindgen_test]
fn the_account_s_link_pages_are_their_routes() {
    use storefront::routes;
    for (page, segment) in [
        (routes::VERIFY_EMAIL, routes::VERIFY_EMAIL_SEGMENT),
        (routes::RESET_PASSWORD, routes::RESET_PASSWORD_SEGMENT),
        (routes::FORGOT_PASSWORD, routes::FORGOT_PASSWORD_SEGMENT),
    ] {
        assert_eq!(page, format!("{}/{segment}", routes::ACCOUNT));
    }
    assert_eq!(routes::VERIFY_EMAIL, "/compte/confirmer-adresse");
    assert_eq!(routes::RESET_PASSWORD, "/compte/nouveau-mot-de-passe");
}

/// Each new page renders one heading through the app's route table.
#[wasm_bindgen_test]
async fn the_account_s_link_pages_open_with_their_heading() {
    for (path, heading) in [
        (
            "/compte/confirmer-adresse",
            "Confirmation de l’adresse e-mail",
        ),
        ("/compte/mot-de-passe-oublie", "Mot de passe oublié"),
        ("/compte/nouveau-mot-de-passe", "Nouveau mot de passe"),
    ] {
        let before = leptos::prelude::window().location().href().unwrap();
        leptos::prelude::window()
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
            .unwrap();
        let root = container();
        let app = leptos::mount::mount_to(root.clone(), storefront::app::App);
        next_tick().await;
        next_tick().await;
        let headings = all(&root, "h1");
        assert_eq!(headings.len(), 1, "{path}");
        assert_eq!(text(&headings[0]), heading, "{path}");
        drop(app);
        root.remove();
        leptos::prelude::window()
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&before))
            .unwrap();
    }
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
        (
            storefront::routes::VERIFY_EMAIL,
            strings.verification.title,
            None,
        ),
        (
            storefront::routes::FORGOT_PASSWORD,
            strings.password_reset.forgot_title,
            Some(strings.password_reset.forgot_intro),
        ),
        (
            storefront::routes::RESET_PASSWORD,
            strings.password_reset.reset_title,
            None,
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
