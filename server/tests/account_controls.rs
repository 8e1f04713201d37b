//! The account's own controls over real HTTP: its sessions listed and the
//! others ended, its password changed (the current one asked, the others
//! signed out, the address told), its data exported, and its deletion
//! (refused while an order is open; then the person is gone, the order
//! stays without them, and the address is told once more).

mod support;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::maildev::MailDev;
use support::psp::{operator, ordered, shop_and_psp, shop_and_psp_with_mail};
use support::{STRONG, Shopper, code};

const NEW: &str = "Un-tout-autre-secret-2026";

#[tokio::test]
async fn the_sessions_are_listed_and_the_others_ended() {
    let (shop, _psp) = shop_and_psp(false).await;
    let mut laptop = Shopper::signed_up(&shop, "eva@exemple.fr").await;
    let mut phone = Shopper::new(&shop);
    let signed_in = phone
        .request(Method::POST, "/api/v1/session")
        .header(
            "user-agent",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
        )
        .json(&json!({"email": "eva@exemple.fr", "password": STRONG}));
    assert_eq!(phone.answer(signed_in).await.status, StatusCode::OK);

    let listed = laptop.get("/api/v1/account/sessions").await;
    assert_eq!(listed.status, StatusCode::OK);
    let sessions = listed.body.as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{sessions:#?}");
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    assert!(
        sessions.iter().any(|s| s["device"] == "Chrome · Android"),
        "{sessions:#?}"
    );
    // The list names sessions without giving their keys or cookies.
    let cookie = laptop.cookie.clone().unwrap();
    for session in sessions {
        let id = session["id"].as_str().unwrap();
        assert_eq!(id.len(), 16);
        assert!(!cookie.contains(id));
    }

    let ended = laptop.delete("/api/v1/account/sessions").await;
    assert_eq!(ended.status, StatusCode::NO_CONTENT);
    assert_eq!(phone.who_am_i().await.bytes, b"null");
    assert_eq!(
        laptop.who_am_i().await.body["account"]["email"],
        "eva@exemple.fr"
    );
    assert_eq!(
        laptop
            .get("/api/v1/account/sessions")
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A guest has no sessions to list.
    let guest = Shopper::new(&shop).get("/api/v1/account/sessions").await;
    assert_eq!(guest.status, StatusCode::UNAUTHORIZED);
    shop.stop().await;
}

#[tokio::test]
async fn a_password_change_asks_the_current_one_and_signs_the_others_out() {
    let maildev = MailDev::start().await;
    let (shop, _psp) = shop_and_psp_with_mail(false, maildev.smtp_url()).await;
    let mut here = Shopper::signed_up(&shop, "hugo@exemple.fr").await;
    let mut elsewhere = Shopper::new(&shop);
    elsewhere.sign_in("hugo@exemple.fr", STRONG).await;

    let wrong = here
        .put(
            "/api/v1/account/password",
            json!({"current_password": "pas le bon mot de passe", "new_password": NEW}),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(code(&wrong), "invalid_credentials");
    assert_eq!(
        here.who_am_i().await.body["account"]["email"],
        "hugo@exemple.fr"
    );
    let weak = here
        .put(
            "/api/v1/account/password",
            json!({"current_password": STRONG, "new_password": "password1234"}),
        )
        .await;
    assert_eq!(code(&weak), "password_too_weak");

    let changed = here
        .put(
            "/api/v1/account/password",
            json!({"current_password": STRONG, "new_password": NEW}),
        )
        .await;
    assert_eq!(changed.status, StatusCode::NO_CONTENT, "{:?}", changed.body);
    assert_eq!(
        here.who_am_i().await.body["account"]["email"],
        "hugo@exemple.fr"
    );
    assert_eq!(elsewhere.who_am_i().await.bytes, b"null");
    assert_eq!(
        Shopper::new(&shop)
            .sign_in("hugo@exemple.fr", STRONG)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        Shopper::new(&shop)
            .sign_in("hugo@exemple.fr", NEW)
            .await
            .status,
        StatusCode::OK
    );
    let messages = maildev.wait_for("hugo@exemple.fr", 2).await;
    assert_eq!(messages[1]["subject"], "Votre mot de passe a été changé");
    shop.stop().await;
}

#[tokio::test]
async fn the_export_holds_the_account_its_projects_and_orders() {
    let (shop, _psp) = shop_and_psp(false).await;
    let (mut shopper, order) = ordered(&shop, "lina@exemple.fr").await;
    let export = shopper.get("/api/v1/account/export").await;
    assert_eq!(export.status, StatusCode::OK);
    let disposition = export.headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    let archive = &export.body;
    assert_eq!(archive["account"]["email"], "lina@exemple.fr");
    assert_eq!(archive["projects"][0]["id"], "phare");
    assert_eq!(archive["projects"][0]["photos"][0]["id"], "p1");
    assert_eq!(archive["orders"][0]["number"], order["number"]);
    // No address saved by this account (the storefront saves it at
    // checkout): said as such, not left out.
    assert_eq!(archive["address"], Value::Null);
    assert!(archive.as_object().unwrap().contains_key("address"));
    assert_eq!(archive["sessions"][0]["current"], true);
    assert!(
        archive.to_string().find("password").is_none(),
        "no hash, ever"
    );
    shop.stop().await;
}

#[tokio::test]
async fn deletion_waits_for_open_orders_then_forgets_the_person_and_keeps_the_order() {
    let maildev = MailDev::start().await;
    let (shop, _psp) = shop_and_psp_with_mail(false, maildev.smtp_url()).await;
    let (mut shopper, order) = ordered(&shop, "zoe@exemple.fr").await;
    let number = order["number"].as_str().unwrap().to_owned();
    assert_eq!(shop.photo_files("phare"), ["p1"]);

    let wrong = shopper
        .send(
            Method::DELETE,
            "/api/v1/account",
            Some(json!({"password": "pas le bon mot de passe"})),
        )
        .await;
    assert_eq!(code(&wrong), "invalid_credentials");
    let open = shopper
        .send(
            Method::DELETE,
            "/api/v1/account",
            Some(json!({"password": STRONG})),
        )
        .await;
    assert_eq!(open.status, StatusCode::CONFLICT);
    assert_eq!(code(&open), "account_has_open_orders");
    assert!(
        open.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains(&number)
    );
    // Nothing was touched by the refusal.
    assert_eq!(
        shopper.who_am_i().await.body["account"]["email"],
        "zoe@exemple.fr"
    );
    assert_eq!(shop.photo_files("phare"), ["p1"]);

    let cancelled = operator(&shop, &order, "cancel").await;
    assert!(cancelled.status().is_success(), "{}", cancelled.status());
    let deleted = shopper
        .send(
            Method::DELETE,
            "/api/v1/account",
            Some(json!({"password": STRONG})),
        )
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT, "{:?}", deleted.body);
    assert!(deleted.headers.contains_key("clear-site-data"));
    assert_eq!(shopper.who_am_i().await.bytes, b"null");
    assert_eq!(
        Shopper::new(&shop)
            .sign_in("zoe@exemple.fr", STRONG)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert!(shop.photo_files("phare").is_empty(), "the photos are gone");

    // The order stays for the accounts, without the person.
    let db = shop.database().await;
    let row = db
        .order_by_id(order["id"].as_str().unwrap())
        .await
        .unwrap()
        .expect("the order is kept");
    let address: Value = serde_json::from_str(&row.address_json).unwrap();
    assert_eq!(address["name"], "");
    assert_eq!(address["street"], "");
    assert_eq!(address["phone"], "");
    assert_eq!(address["postcode"], order["delivery_address"]["postcode"]);
    let account = db.account(row.account_id).await.unwrap().unwrap();
    assert!(!account.email.contains('@'), "{}", account.email);
    assert!(account.password_hash.is_empty());

    // The same address may make a new account, and was told of the end.
    let again = Shopper::new(&shop).sign_up("zoe@exemple.fr", STRONG).await;
    assert_eq!(again.status, StatusCode::CREATED);
    let messages = maildev.wait_for("zoe@exemple.fr", 2).await;
    assert!(
        messages
            .iter()
            .any(|message| message["subject"] == "Votre compte Service Photo est supprimé"),
        "{messages:#?}"
    );
    shop.stop().await;
}

/// The token of the link to `path` in a message's text.
fn token_in(message: &Value, path: &str) -> String {
    let text = message["text"].as_str().unwrap();
    let start = text.find(&format!("{path}#jeton=")).unwrap();
    text[start + path.len() + "#jeton=".len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_address_changes_once_the_new_one_opens_its_link_and_the_old_one_is_told() {
    let maildev = MailDev::start().await;
    let (shop, _psp) = shop_and_psp_with_mail(false, maildev.smtp_url()).await;
    let mut shopper = Shopper::signed_up(&shop, "ancienne@exemple.fr").await;
    Shopper::signed_up(&shop, "prise@exemple.fr").await;
    let wrong = shopper
        .post(
            "/api/v1/account/email",
            json!({"new_email": "nouvelle@exemple.fr", "password": "pas le bon"}),
        )
        .await;
    assert_eq!(code(&wrong), "invalid_credentials");
    for address in ["nouvelle@exemple.fr", "prise@exemple.fr"] {
        let asked = shopper
            .post(
                "/api/v1/account/email",
                json!({"new_email": address, "password": STRONG}),
            )
            .await;
        assert_eq!(asked.status, StatusCode::ACCEPTED, "the same for {address}");
    }
    // Nothing changes before the link is opened.
    assert_eq!(
        shopper.who_am_i().await.body["account"]["email"],
        "ancienne@exemple.fr"
    );
    // The address another account has: its link cannot serve.
    let taken = maildev.wait_for("prise@exemple.fr", 2).await;
    let taken_token = token_in(&taken[1], "/compte/nouvelle-adresse");
    let refused = Shopper::new(&shop)
        .post(
            "/api/v1/account/email/confirm",
            json!({"token": taken_token}),
        )
        .await;
    assert_eq!(code(&refused), "invalid_link");

    let link = &maildev.wait_for("nouvelle@exemple.fr", 1).await[0];
    assert_eq!(link["subject"], "Confirmez votre nouvelle adresse e-mail");
    let token = token_in(link, "/compte/nouvelle-adresse");
    let moved = Shopper::new(&shop)
        .post("/api/v1/account/email/confirm", json!({"token": token}))
        .await;
    assert_eq!(moved.status, StatusCode::NO_CONTENT, "{:?}", moved.body);
    let me = shopper.who_am_i().await;
    assert_eq!(me.body["account"]["email"], "nouvelle@exemple.fr");
    assert_eq!(me.body["account"]["email_verified"], true);
    assert_eq!(
        Shopper::new(&shop)
            .sign_in("nouvelle@exemple.fr", STRONG)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        Shopper::new(&shop)
            .sign_in("ancienne@exemple.fr", STRONG)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let old = maildev.wait_for("ancienne@exemple.fr", 2).await;
    assert_eq!(old[1]["subject"], "L’adresse de votre compte a changé");
    assert!(
        old[1]["text"]
            .as_str()
            .unwrap()
            .contains("nouvelle@exemple.fr")
    );
    shop.stop().await;
}
