//! Browser tests (headless Chromium) of the account settings and of the
//! page an address change's link opens, against a double of `fetch`: the
//! devices listed with this one marked, the deletion's question before
//! any request, an open order's refusal in words, and the link's token
//! taken out of the address bar before a refusal is shown.

use leptos::prelude::*;
use leptos_router::components::Router;
use std::cell::Cell;
use std::rc::Rc;
use storefront::i18n::Locale;
use storefront::pages::account_settings::AccountSettingsPage;
use storefront::pages::change_email::ChangeEmailPage;
use storefront::state::session::provide_session;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

mod support;
use support::fetch::{Answer, FetchDouble};
use support::{all, container, next_tick, one, text};

wasm_bindgen_test_configure!(run_in_browser);

const SIGNED_IN: &str =
    r#"{"account": {"email": "marie@exemple.fr", "email_verified": true, "language": "fr"}}"#;
const PASSWORD: &str = "k9#Vq2!mZr7p";
const OPEN_ORDER: &str = "order SP-7K3M-9Q2D is neither shipped, delivered nor cancelled";

/// The session's answer, then `answer` for the rest (404 when it has none).
fn signed_in(answer: impl Fn(&str, &str) -> Option<Answer> + 'static) -> FetchDouble {
    FetchDouble::install(move |method, path| match (method, path) {
        ("GET", "/api/v1/session") => Answer::json(200, SIGNED_IN),
        _ => answer(method, path)
            .unwrap_or_else(|| Answer::refusal(404, "not_found", "no such API route")),
    })
}

fn mount_settings() -> (HtmlElement, impl Drop) {
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), || {
        leptos_meta::provide_meta_context();
        provide_session();
        view! { <Router><AccountSettingsPage /></Router> }
    });
    (root, app)
}

/// Lets the requests, effects and a paint or two happen.
async fn settle() {
    for _ in 0..8 {
        next_tick().await;
    }
}

fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = one(root, selector).unchecked_into();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
}

fn button(root: &Element, label: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|button| text(button) == label)
        .unwrap_or_else(|| panic!("no button {label}"))
        .unchecked_into()
}

/// The text as a test compares it (non-breaking spaces too become spaces).
fn words(sentence: &str) -> String {
    sentence.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn focused_id() -> Option<String> {
    document().active_element().map(|element| element.id())
}

#[wasm_bindgen_test]
async fn the_devices_are_listed_with_this_one_marked_and_the_others_can_be_signed_out() {
    let ended = Rc::new(Cell::new(false));
    let fetch = signed_in({
        let ended = ended.clone();
        move |method, path| match (method, path) {
            ("GET", "/api/v1/account/sessions") if ended.get() => Some(Answer::json(
                200,
                r#"[{"id": "b", "device": "", "created_at": 1767225600, "last_seen_at": 1767261600, "current": true}]"#,
            )),
            ("GET", "/api/v1/account/sessions") => Some(Answer::json(
                200,
                r#"[
                    {"id": "a", "device": "Firefox · Android", "created_at": 1767000000, "last_seen_at": 1767270000, "current": false},
                    {"id": "b", "device": "", "created_at": 1767225600, "last_seen_at": 1767261600, "current": true}
                ]"#,
            )),
            ("DELETE", "/api/v1/account/sessions") => {
                ended.set(true);
                Some(Answer::empty(204))
            }
            _ => None,
        }
    });
    let (root, _app) = mount_settings();
    settle().await;

    assert_eq!(text(&one(&root, "h1")), "Paramètres du compte");
    let lines: Vec<(String, String)> = all(&root, ".session-list li")
        .iter()
        .map(|line| {
            (
                text(&one(line, ".session-device")),
                text(&one(line, ".session-last-used")),
            )
        })
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0].0, "Firefox · Android");
    assert_eq!(lines[1].0, "Navigateur inconnu Cet appareil");
    for (_, last_used) in &lines {
        assert!(
            last_used.starts_with("Dernière utilisation le ") && last_used.contains(" à "),
            "{last_used}"
        );
    }
    assert_eq!(all(&root, ".session-current").len(), 1);

    button(&root, "Déconnecter les autres appareils").click();
    settle().await;
    assert_eq!(
        fetch.calls_to("DELETE", "/api/v1/account/sessions").len(),
        1
    );
    assert_eq!(
        fetch.calls_to("GET", "/api/v1/account/sessions").len(),
        2,
        "the list is read again"
    );
    let lines: Vec<String> = all(&root, ".session-list li").iter().map(text).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(
        text(&one(&root, "#appareils-statut")),
        "Les autres appareils sont déconnectés."
    );
    assert_eq!(focused_id().as_deref(), Some("appareils-statut"));
    assert!(text(&root).contains("Aucun autre appareil n’est connecté à votre compte."));
}

#[wasm_bindgen_test]
async fn deleting_the_account_asks_first_and_sends_nothing_before_the_answer() {
    let fetch = signed_in(|method, path| match (method, path) {
        ("GET", "/api/v1/account/sessions") => Some(Answer::json(200, "[]")),
        _ => None,
    });
    let (root, _app) = mount_settings();
    settle().await;

    // Without the password: said next to the field, and no question.
    click(&root, "#suppression-bouton");
    settle().await;
    let password = one(&root, "#suppression-mot-de-passe");
    assert_eq!(
        password.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        password.get_attribute("aria-describedby").as_deref(),
        Some("suppression-mot-de-passe-erreur")
    );
    assert_eq!(
        text(&one(&root, "#suppression-mot-de-passe-erreur")),
        "Saisissez votre mot de passe."
    );
    assert_eq!(focused_id().as_deref(), Some("suppression-mot-de-passe"));
    assert!(all(&root, "[role=alertdialog]").is_empty());

    type_into(&root, "#suppression-mot-de-passe", PASSWORD);
    click(&root, "#suppression-bouton");
    settle().await;
    let question = one(&root, "[role=alertdialog]");
    assert_eq!(text(&one(&question, "h3")), "Supprimer votre compte ?");
    assert_eq!(focused_id().as_deref(), Some("suppression-question"));
    assert!(
        fetch.calls_to("DELETE", "/api/v1/account").is_empty(),
        "nothing sent yet"
    );

    // Escape takes the question back; still nothing sent.
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    question.dispatch_event(&escape).unwrap();
    settle().await;
    assert!(all(&root, "[role=alertdialog]").is_empty());
    assert_eq!(focused_id().as_deref(), Some("suppression-bouton"));
    assert!(fetch.calls_to("DELETE", "/api/v1/account").is_empty());
}

#[wasm_bindgen_test]
async fn an_open_order_keeps_the_account_and_is_named() {
    let named = Rc::new(Cell::new(true));
    let fetch = signed_in({
        let named = named.clone();
        move |method, path| match (method, path) {
            ("GET", "/api/v1/account/sessions") => Some(Answer::json(200, "[]")),
            ("DELETE", "/api/v1/account") => Some(Answer::refusal(
                409,
                "account_has_open_orders",
                if named.get() {
                    OPEN_ORDER
                } else {
                    "order  is neither shipped, delivered nor cancelled"
                },
            )),
            _ => None,
        }
    });
    let (root, _app) = mount_settings();
    settle().await;
    let deletion = &Locale::Fr.strings().account_settings.deletion;

    type_into(&root, "#suppression-mot-de-passe", PASSWORD);
    click(&root, "#suppression-bouton");
    settle().await;
    button(&root, "Oui, supprimer mon compte").click();
    settle().await;
    let sent = fetch.calls_to("DELETE", "/api/v1/account");
    assert_eq!(sent.len(), 1);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&sent[0].body).unwrap(),
        serde_json::json!({"password": PASSWORD})
    );
    assert_eq!(
        text(&one(&root, "#suppression-erreur")),
        words(&(deletion.open_order)(Some("SP-7K3M-9Q2D")))
    );
    assert_eq!(
        text(&one(&root, "#suppression-erreur")),
        "Une commande est en cours (SP-7K3M-9Q2D) : annulez-la ou attendez sa livraison, puis supprimez votre compte."
    );
    assert_eq!(focused_id().as_deref(), Some("suppression-erreur"));
    assert!(all(&root, "[role=alertdialog]").is_empty());
    // Still signed in, still on the settings.
    assert_eq!(all(&root, "#suppression-mot-de-passe").len(), 1);

    // A message without a number: the sentence without it.
    named.set(false);
    click(&root, "#suppression-bouton");
    settle().await;
    button(&root, "Oui, supprimer mon compte").click();
    settle().await;
    assert_eq!(
        text(&one(&root, "#suppression-erreur")),
        words(&(deletion.open_order)(None))
    );
}

/// Puts the test page at `address` for the time of a test.
struct Address(String);

impl Address {
    fn set(address: &str) -> Self {
        let location = window().location();
        let before = format!(
            "{}{}{}",
            location.pathname().unwrap(),
            location.search().unwrap(),
            location.hash().unwrap()
        );
        window()
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address))
            .unwrap();
        Self(before)
    }
}

impl Drop for Address {
    fn drop(&mut self) {
        let _ = window().history().unwrap().replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&self.0),
        );
    }
}

fn mount_change_email() -> (HtmlElement, impl Drop) {
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), || {
        leptos_meta::provide_meta_context();
        provide_session();
        view! { <Router><ChangeEmailPage /></Router> }
    });
    (root, app)
}

#[wasm_bindgen_test]
async fn the_link_s_token_leaves_the_address_bar_and_a_spent_link_is_said_so() {
    let fetch = FetchDouble::install(|method, path| match (method, path) {
        ("GET", "/api/v1/session") => Answer::json(200, "null"),
        ("POST", "/api/v1/account/email/confirm") => {
            Answer::refusal(400, "invalid_link", "unknown, used or expired link")
        }
        _ => Answer::refusal(404, "not_found", "no such API route"),
    });
    let _address = Address::set("/compte/nouvelle-adresse#jeton=jeton%2Bperime");
    let (root, _app) = mount_change_email();
    let location = window().location();
    // Gone as soon as the page is built, before any answer.
    assert_eq!(location.hash().unwrap(), "");
    assert_eq!(location.pathname().unwrap(), "/compte/nouvelle-adresse");
    settle().await;

    let sent = fetch.calls_to("POST", "/api/v1/account/email/confirm");
    assert_eq!(sent.len(), 1);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&sent[0].body).unwrap(),
        serde_json::json!({"token": "jeton+perime"})
    );
    assert_eq!(text(&one(&root, "h1")), "Nouvelle adresse e-mail");
    assert_eq!(
        text(&one(&root, "[role=alert]")),
        "Ce lien n’est plus valable : il a déjà servi, date de plus de 24 heures, ou l’adresse est prise par un autre compte."
    );
    let forward = one(&root, "a");
    assert_eq!(
        forward.get_attribute("href").as_deref(),
        Some("/compte/parametres")
    );
    assert_eq!(location.hash().unwrap(), "");
}

#[wasm_bindgen_test]
async fn a_link_without_its_token_sends_nothing() {
    let fetch = FetchDouble::install(|method, path| match (method, path) {
        ("GET", "/api/v1/session") => Answer::json(200, "null"),
        _ => Answer::refusal(404, "not_found", "no such API route"),
    });
    let _address = Address::set("/compte/nouvelle-adresse");
    let (root, _app) = mount_change_email();
    settle().await;
    assert!(
        fetch
            .calls_to("POST", "/api/v1/account/email/confirm")
            .is_empty()
    );
    assert!(text(&one(&root, "[role=alert]")).starts_with("Ce lien n’est plus valable"));
}
