//! Browser tests (headless Chromium) of the account's e-mailed links and
//! what leads to them, against a double of the shop API
//! (`support::FetchDouble`): sign-up of an address that may already have
//! an account, the account page's reminder, the confirmation page, asking
//! for a reset link and choosing a new password, and the language the
//! account follows.

use leptos::prelude::*;
use leptos_router::components::Router;
use storefront::pages::account::AccountPage;
use storefront::pages::account_links::{ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage};
use storefront::panels::identification::IdentificationForms;
use storefront::state::browser_data::provide_browser_data;
use storefront::state::cart::provide_cart;
use storefront::state::locale::provide_locale;
use storefront::state::projects::provide_projects;
use storefront::state::session::{SessionStatus, provide_session, use_session};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod support;
use support::{
    Address, Answer, FetchDouble, all, click, container, eventually, next_frame, one, text,
    type_into, words,
};

wasm_bindgen_test_configure!(run_in_browser);

const EMAIL: &str = "marie@exemple.fr";
const STRONG: &str = "k9#Vq2!mZr7p";
const SESSION: &str = "/api/v1/session";

fn session(verified: bool) -> String {
    format!(r#"{{"account":{{"email":"{EMAIL}","email_verified":{verified},"language":"fr"}}}}"#)
}

fn empty_cart() -> Answer {
    Answer::new("GET", "/api/v1/cart", 200, r#"{"lines":[]}"#)
}

/// A fresh browser: nothing kept from another test.
fn forget_everything() {
    let window = window();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.session_storage().unwrap().unwrap().clear().unwrap();
}

/// The app's state as `App` provides it, around `page`, in a router; and
/// where the session stands, in `.who` (`signed-in`, `signed-out`, …).
fn mount<V: IntoView + 'static>(
    root: &web_sys::HtmlElement,
    page: fn() -> V,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    leptos::mount::mount_to(root.clone(), move || {
        provide_locale();
        provide_browser_data();
        provide_session();
        provide_cart();
        provide_projects();
        let status = use_session().status();
        let who = move || match status.get() {
            SessionStatus::Checking => "checking",
            SessionStatus::SignedOut { .. } => "signed-out",
            SessionStatus::SignedIn(account) if account.email_verified => "signed-in verified",
            SessionStatus::SignedIn(_) => "signed-in",
        };
        view! {
            <Router>
                <p class="who">{who}</p>
                <main>{page()}</main>
            </Router>
        }
    })
}

fn who(root: &web_sys::HtmlElement) -> String {
    text(&one(root, ".who"))
}

fn hash() -> String {
    window().location().hash().unwrap()
}

fn pathname() -> String {
    window().location().pathname().unwrap()
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|element| element.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_sign_up_the_server_answers_without_a_session_does_not_sign_in() {
    forget_everything();
    // A guest's cart, which a sign-in would merge into the account's.
    let guest = r#"{"lines":[{"project_id":"p-1","project_name":"Vacances","choice":{"product_id":"poster","format":"a3"},"copies":1}]}"#;
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("service-photo.panier", guest)
        .unwrap();
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, "null"),
        // The server's answer to a known address: a session that does not
        // exist.
        Answer::new("POST", "/api/v1/account", 201, &session(false)),
    ]);
    let root = container();
    let app = mount(&root, || view! { <IdentificationForms /> });
    assert!(eventually(|| who(&root) == "signed-out").await);
    let form = one(&root, "form[aria-labelledby=creation-titre]");
    type_into(&one(&form, "input[type=email]"), &format!(" {EMAIL} "));
    type_into(&one(&form, "#creation-mot-de-passe"), STRONG);
    click(&one(&form, "button[type=submit]"));

    let notice = one(&form, "[role=status]");
    assert!(eventually(|| !text(&notice).is_empty()).await);
    assert_eq!(
        text(&notice),
        words(
            "Nous vous avons écrit à marie@exemple.fr. Si cette adresse a déjà un compte, \
             connectez-vous ou choisissez «\u{a0}Mot de passe oublié\u{a0}?\u{a0}»."
        )
    );
    next_frame().await;
    assert_eq!(active_id(), "creation-avis");
    assert_eq!(
        double.calls(),
        [
            "GET /api/v1/session",
            "POST /api/v1/account",
            "GET /api/v1/session"
        ]
    );
    let sent: serde_json::Value = serde_json::from_str(&double.requests()[1].body).unwrap();
    assert_eq!(sent["email"], EMAIL);
    assert_eq!(sent["language"], "fr");
    // Still a guest: no cart asked of, or pushed to, an account.
    assert_eq!(who(&root), "signed-out");
    assert!(all(&form, "[role=alert]").is_empty());
    drop(app);
    root.remove();
    drop(double);
    forget_everything();
}

#[wasm_bindgen_test]
async fn a_sign_up_with_a_session_after_it_signs_in_as_before() {
    forget_everything();
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, "null").once(),
        Answer::new("POST", "/api/v1/account", 201, &session(false)),
        Answer::new("GET", SESSION, 200, &session(false)),
        empty_cart(),
    ]);
    let root = container();
    let app = mount(&root, || view! { <IdentificationForms /> });
    assert!(eventually(|| who(&root) == "signed-out").await);
    let form = one(&root, "form[aria-labelledby=creation-titre]");
    type_into(&one(&form, "input[type=email]"), EMAIL);
    type_into(&one(&form, "#creation-mot-de-passe"), STRONG);
    click(&one(&form, "button[type=submit]"));
    assert!(eventually(|| who(&root) == "signed-in").await);
    assert!(eventually(|| double.calls().contains(&"GET /api/v1/cart".to_owned())).await);
    assert_eq!(text(&one(&form, "[role=status]")), "");
    drop(app);
    root.remove();
    drop(double);
    forget_everything();
}

#[wasm_bindgen_test]
async fn signing_in_sends_the_storefront_s_language() {
    forget_everything();
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("service-photo.locale", "en")
        .unwrap();
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, "null"),
        Answer::new("POST", SESSION, 200, &session(true)),
        empty_cart(),
    ]);
    let root = container();
    let app = mount(&root, || view! { <IdentificationForms /> });
    assert!(eventually(|| who(&root) == "signed-out").await);
    let form = one(&root, "form[aria-labelledby=connexion-titre]");
    type_into(&one(&form, "input[type=email]"), EMAIL);
    type_into(&one(&form, "#connexion-mot-de-passe"), STRONG);
    click(&one(&form, "button[type=submit]"));
    assert!(eventually(|| who(&root) == "signed-in verified").await);
    let sign_in = double
        .requests()
        .into_iter()
        .find(|sent| sent.method == "POST")
        .unwrap();
    let sent: serde_json::Value = serde_json::from_str(&sign_in.body).unwrap();
    assert_eq!(sent["language"], "en");
    drop(app);
    root.remove();
    drop(double);
    forget_everything();
}

#[wasm_bindgen_test]
async fn switching_the_language_while_signed_in_tells_the_account() {
    forget_everything();
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, &session(true)),
        empty_cart(),
        Answer::new("PUT", "/api/v1/account/language", 204, ""),
    ]);
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), storefront::app::App);
    let switch = one(&root, ".lang-switch");
    assert!(
        eventually(|| one(&root, ".account-link")
            .class_list()
            .contains("is-signed-in"))
        .await
    );
    click(&switch);
    assert!(
        eventually(|| double
            .calls()
            .contains(&"PUT /api/v1/account/language".to_owned()))
        .await
    );
    click(&switch);
    assert!(
        eventually(|| double
            .requests()
            .iter()
            .filter(|sent| sent.method == "PUT")
            .count()
            == 2)
        .await
    );
    let chosen: Vec<String> = double
        .requests()
        .into_iter()
        .filter(|sent| sent.method == "PUT")
        .map(|sent| sent.body)
        .collect();
    assert_eq!(chosen, [r#"{"language":"en"}"#, r#"{"language":"fr"}"#]);
    drop(app);
    root.remove();
    drop(double);
    forget_everything();
}

#[wasm_bindgen_test]
async fn a_guest_switching_the_language_tells_nobody() {
    forget_everything();
    let double = FetchDouble::install(vec![Answer::new("GET", SESSION, 200, "null")]);
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), storefront::app::App);
    assert!(eventually(|| double.calls().contains(&"GET /api/v1/session".to_owned())).await);
    support::sleep(50).await;
    click(&one(&root, ".lang-switch"));
    click(&one(&root, ".lang-switch"));
    support::sleep(50).await;
    assert!(!double.calls().iter().any(|call| call.starts_with("PUT")));
    drop(app);
    root.remove();
    drop(double);
    forget_everything();
}

#[wasm_bindgen_test]
async fn an_unconfirmed_account_is_reminded_and_asks_for_the_link_again() {
    forget_everything();
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, &session(false)),
        empty_cart(),
        Answer::new(
            "POST",
            "/api/v1/account/verification",
            429,
            r#"{"error":{"code":"too_many_attempts","message":"wait","retry_after_seconds":120}}"#,
        )
        .once(),
        Answer::new("POST", "/api/v1/account/verification", 202, "{}"),
    ]);
    let root = container();
    let app = mount(&root, || view! { <AccountPage /> });
    assert!(eventually(|| all(&root, ".verification-reminder").len() == 1).await);
    let reminder = one(&root, ".verification-reminder");
    assert!(text(&reminder).starts_with(&words(
        "Confirmez votre adresse e-mail\u{a0}: nous avons envoyé un lien à marie@exemple.fr."
    )));
    let button = one(&reminder, "button");
    assert_eq!(text(&button), "Renvoyer le lien");
    let status = one(&reminder, "[role=status]");
    click(&button);
    assert!(eventually(|| !text(&status).is_empty()).await);
    assert_eq!(
        text(&status),
        "Un lien vient déjà de partir. Vous pourrez en demander un autre dans 2 minutes."
    );
    next_frame().await;
    assert_eq!(active_id(), status.id());
    click(&button);
    assert!(eventually(|| text(&status) == "Lien envoyé.").await);
    let asked: Vec<_> = double
        .requests()
        .into_iter()
        .filter(|sent| sent.path == "/api/v1/account/verification")
        .map(|sent| sent.body)
        .collect();
    assert_eq!(asked, ["{}", "{}"]);
    drop(app);
    root.remove();
    drop(double);
    forget_everything();
}

#[wasm_bindgen_test]
async fn a_confirmed_account_is_not_reminded() {
    forget_everything();
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, &session(true)),
        empty_cart(),
    ]);
    let root = container();
    let app = mount(&root, || view! { <AccountPage /> });
    assert!(eventually(|| all(&root, ".signed-in-as").len() == 1).await);
    assert!(all(&root, ".verification-reminder").is_empty());
    drop(app);
    root.remove();
    drop(double);
    forget_everything();
}

#[wasm_bindgen_test]
async fn the_confirmation_page_takes_the_token_confirms_and_asks_the_session_again() {
    forget_everything();
    let address = Address::set("/compte/confirmer-adresse#jeton=tok%2D42");
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, &session(false)).once(),
        Answer::new("POST", "/api/v1/account/verification/confirm", 204, ""),
        Answer::new("GET", SESSION, 200, &session(true)),
        empty_cart(),
    ]);
    let root = container();
    let app = mount(&root, || view! { <VerifyEmailPage /> });
    // Out of the address bar before any request.
    assert_eq!(hash(), "");
    assert_eq!(pathname(), "/compte/confirmer-adresse");
    assert_eq!(text(&one(&root, "h1")), "Confirmation de l’adresse e-mail");
    let status = one(&root, "[role=status]");
    assert!(eventually(|| text(&status) == "Votre adresse e-mail est confirmée.").await);
    assert!(eventually(|| who(&root) == "signed-in verified").await);
    let confirm = double
        .requests()
        .into_iter()
        .find(|sent| sent.path.ends_with("/confirm"))
        .unwrap();
    assert_eq!(confirm.body, r#"{"token":"tok-42"}"#);
    let link = one(&root, "main a");
    assert_eq!(text(&link), "Aller à mon compte");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/compte"));
    drop(app);
    root.remove();
    drop(double);
    drop(address);
    forget_everything();
}

#[wasm_bindgen_test]
async fn the_confirmation_page_says_a_used_or_old_link_is_no_longer_valid() {
    forget_everything();
    let address = Address::set("/compte/confirmer-adresse#jeton=used");
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, "null"),
        Answer::new(
            "POST",
            "/api/v1/account/verification/confirm",
            400,
            r#"{"error":{"code":"invalid_link","message":"used"}}"#,
        ),
    ]);
    let root = container();
    let app = mount(&root, || view! { <VerifyEmailPage /> });
    assert_eq!(hash(), "");
    let status = one(&root, "[role=status]");
    assert!(eventually(|| text(&status).starts_with("Ce lien n’est plus valable")).await);
    let said: Vec<String> = all(&status, "p").iter().map(text).collect();
    assert_eq!(
        said,
        [
            words(
                "Ce lien n’est plus valable\u{a0}: il a déjà servi ou date de plus de 24 heures."
            ),
            words(
                "Pour en recevoir un nouveau, connectez-vous, puis choisissez «\u{a0}Renvoyer le lien\u{a0}» sur la page Compte."
            )
        ]
    );
    let link = one(&root, "main a");
    assert_eq!(text(&link), "Se connecter");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/compte"));
    drop(app);
    root.remove();
    drop(double);
    drop(address);

    // No token at all: the same words, and nothing sent.
    let address = Address::set("/compte/confirmer-adresse");
    let double = FetchDouble::install(vec![Answer::new("GET", SESSION, 200, "null")]);
    let root = container();
    let app = mount(&root, || view! { <VerifyEmailPage /> });
    let status = one(&root, "[role=status]");
    assert!(text(&status).starts_with("Ce lien n’est plus valable"));
    support::sleep(30).await;
    assert_eq!(double.calls(), ["GET /api/v1/session"]);
    drop(app);
    root.remove();
    drop(double);
    drop(address);
    forget_everything();
}

#[wasm_bindgen_test]
async fn the_confirmation_page_offers_to_try_again_when_the_service_does_not_answer() {
    forget_everything();
    let address = Address::set("/compte/confirmer-adresse#jeton=tok");
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, "null"),
        Answer::new("POST", "/api/v1/account/verification/confirm", 0, "").once(),
        Answer::new("POST", "/api/v1/account/verification/confirm", 204, ""),
    ]);
    let root = container();
    let app = mount(&root, || view! { <VerifyEmailPage /> });
    let status = one(&root, "[role=status]");
    assert!(eventually(|| text(&status).starts_with("La confirmation n’a pas abouti")).await);
    let retry = one(&root, "main button");
    assert_eq!(text(&retry), "Réessayer");
    click(&retry);
    assert!(eventually(|| text(&status) == "Votre adresse e-mail est confirmée.").await);
    // Signed out: the way on is the home page.
    assert_eq!(
        one(&root, "main a").get_attribute("href").as_deref(),
        Some("/")
    );
    drop(app);
    root.remove();
    drop(double);
    drop(address);
    forget_everything();
}

#[wasm_bindgen_test]
async fn asking_for_a_reset_link_says_the_same_whatever_the_address() {
    forget_everything();
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, "null"),
        Answer::new(
            "POST",
            "/api/v1/password-reset",
            429,
            r#"{"error":{"code":"too_many_attempts","message":"wait","retry_after_seconds":30}}"#,
        )
        .once(),
        Answer::new("POST", "/api/v1/password-reset", 202, ""),
    ]);
    let root = container();
    let app = mount(&root, || view! { <ForgotPasswordPage /> });
    assert_eq!(text(&one(&root, "h1")), "Mot de passe oublié");
    let form = one(&root, "form");
    // Checked in the browser first.
    click(&one(&form, "button[type=submit]"));
    support::next_tick().await;
    assert_eq!(
        text(&one(&form, ".field-error")),
        "Saisissez votre adresse e-mail."
    );
    type_into(&one(&form, "input[type=email]"), EMAIL);
    click(&one(&form, "button[type=submit]"));
    assert!(eventually(|| all(&form, "[role=alert]").len() == 1).await);
    assert_eq!(
        text(&one(&form, "[role=alert]")),
        "Vous avez déjà demandé plusieurs liens. Réessayez dans 30 secondes."
    );
    click(&one(&form, "button[type=submit]"));
    assert!(eventually(|| all(&root, ".confirmation").len() == 1).await);
    let sent = one(&root, ".confirmation");
    assert_eq!(
        text(&sent),
        "Si un compte existe pour marie@exemple.fr, nous venons de lui envoyer un lien valable une heure."
    );
    assert_eq!(sent.get_attribute("role").as_deref(), Some("status"));
    next_frame().await;
    assert_eq!(active_id(), sent.id());
    let asked = double
        .requests()
        .into_iter()
        .filter(|sent| sent.path == "/api/v1/password-reset")
        .map(|sent| sent.body)
        .collect::<Vec<_>>();
    assert_eq!(
        asked,
        [r#"{"email":"marie@exemple.fr","language":"fr"}"#; 2]
    );
    drop(app);
    root.remove();
    drop(double);
    forget_everything();
}

#[wasm_bindgen_test]
async fn the_reset_page_takes_the_token_from_the_address_and_signs_in_with_the_new_password() {
    forget_everything();
    let address = Address::set("/compte/nouveau-mot-de-passe#jeton=reset-7");
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, "null"),
        Answer::new(
            "POST",
            "/api/v1/password-reset/confirm",
            400,
            r#"{"error":{"code":"password_too_weak","message":"weak"}}"#,
        )
        .once(),
        Answer::new(
            "POST",
            "/api/v1/password-reset/confirm",
            200,
            &session(true),
        ),
        empty_cart(),
    ]);
    let root = container();
    let app = mount(&root, || view! { <ResetPasswordPage /> });
    // The token left the address bar at once, and only it.
    assert_eq!(hash(), "");
    assert_eq!(pathname(), "/compte/nouveau-mot-de-passe");
    assert_eq!(text(&one(&root, "h1")), "Nouveau mot de passe");
    assert!(eventually(|| who(&root) == "signed-out").await);
    let form = one(&root, "form");
    let password = one(&form, "#nouveau-mot-de-passe");
    assert_eq!(
        password.get_attribute("autocomplete").as_deref(),
        Some("new-password")
    );
    assert!(text(&one(&form, ".field-hint")).starts_with("Au moins 12 caractères."));
    // Too short: said in the browser, nothing sent.
    type_into(&password, "court");
    click(&one(&form, "button[type=submit]"));
    support::next_tick().await;
    assert_eq!(
        text(&one(&form, ".field-error")),
        "Le mot de passe doit compter au moins 12 caractères."
    );
    assert_eq!(active_id(), "nouveau-mot-de-passe");
    assert_eq!(double.calls(), ["GET /api/v1/session"]);
    // Refused by the server: next to the field too.
    type_into(&password, "password1234");
    click(&one(&form, "button[type=submit]"));
    assert!(
        eventually(|| all(&form, ".field-error")
            .iter()
            .any(|error| text(error).starts_with("Ce mot de passe est trop courant")))
        .await
    );
    assert_eq!(
        password.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    type_into(&password, STRONG);
    click(&one(&form, "button[type=submit]"));
    assert!(eventually(|| all(&root, ".confirmation").len() == 1).await);
    assert_eq!(
        text(&one(&root, ".confirmation")),
        "Votre mot de passe est changé. Vos autres sessions sont fermées."
    );
    let link = one(&root, "main a");
    assert_eq!(text(&link), "Aller à mon compte");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/compte"));
    // Signed in as after a sign-in: the account's cart is read.
    assert!(eventually(|| who(&root) == "signed-in verified").await);
    assert!(eventually(|| double.calls().contains(&"GET /api/v1/cart".to_owned())).await);
    let sent: Vec<_> = double
        .requests()
        .into_iter()
        .filter(|sent| sent.path == "/api/v1/password-reset/confirm")
        .map(|sent| sent.body)
        .collect();
    assert_eq!(
        sent,
        [
            r#"{"token":"reset-7","password":"password1234"}"#.to_owned(),
            format!(r#"{{"token":"reset-7","password":"{STRONG}"}}"#)
        ]
    );
    drop(app);
    root.remove();
    drop(double);
    drop(address);
    forget_everything();
}

#[wasm_bindgen_test]
async fn the_reset_page_sends_to_asking_again_when_the_link_no_longer_works() {
    forget_everything();
    let address = Address::set("/compte/nouveau-mot-de-passe#jeton=old");
    let double = FetchDouble::install(vec![
        Answer::new("GET", SESSION, 200, "null"),
        Answer::new(
            "POST",
            "/api/v1/password-reset/confirm",
            400,
            r#"{"error":{"code":"invalid_link","message":"old"}}"#,
        ),
    ]);
    let root = container();
    let app = mount(&root, || view! { <ResetPasswordPage /> });
    type_into(&one(&root, "#nouveau-mot-de-passe"), STRONG);
    click(&one(&root, "form button[type=submit]"));
    assert!(eventually(|| all(&root, "form").is_empty()).await);
    assert_eq!(
        text(&one(&root, "[role=status]")),
        words("Ce lien n’est plus valable\u{a0}: il a déjà servi ou date de plus d’une heure.")
    );
    let link = one(&root, "main a");
    assert_eq!(text(&link), words("Mot de passe oublié\u{a0}?"));
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/compte/mot-de-passe-oublie")
    );
    assert_eq!(who(&root), "signed-out");
    drop(app);
    root.remove();
    drop(double);
    drop(address);

    // Opened without its token: the same, at once.
    let address = Address::set("/compte/nouveau-mot-de-passe");
    let double = FetchDouble::install(vec![Answer::new("GET", SESSION, 200, "null")]);
    let root = container();
    let app = mount(&root, || view! { <ResetPasswordPage /> });
    assert!(all(&root, "form").is_empty());
    assert!(text(&one(&root, "[role=status]")).starts_with("Ce lien n’est plus valable"));
    drop(app);
    root.remove();
    drop(double);
    drop(address);
    forget_everything();
}

/// A shopper whose session ended since (this browser remembers having
/// one) opens the e-mailed link: they stay on its page, whose token would
/// be lost on the way to signing in.
#[wasm_bindgen_test]
async fn an_expired_session_does_not_take_the_shopper_away_from_a_link_s_page() {
    forget_everything();
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("service-photo.had-session", "1")
        .unwrap();
    let address = Address::set("/compte/nouveau-mot-de-passe#jeton=reset-8");
    let double = FetchDouble::install(vec![Answer::new("GET", SESSION, 200, "null")]);
    let root = container();
    let app = leptos::mount::mount_to(root.clone(), storefront::app::App);
    assert!(eventually(|| double.calls().contains(&"GET /api/v1/session".to_owned())).await);
    support::sleep(50).await;
    assert_eq!(pathname(), "/compte/nouveau-mot-de-passe");
    assert_eq!(hash(), "");
    assert_eq!(text(&one(&root, "h1")), "Nouveau mot de passe");
    assert_eq!(all(&root, "#nouveau-mot-de-passe").len(), 1);
    drop(app);
    root.remove();
    drop(double);
    drop(address);
    forget_everything();
}
