//! What the shop writes to its shoppers, read where they would read it: in
//! a real SMTP catcher (MailDev) fed by the shop's own sender. Each journey
//! follows the link in the message, as the shopper's click would.

mod support;

use reqwest::StatusCode;
use serde_json::{Value, json};
use support::maildev::MailDev;
use support::psp::{operator, ordered, pay, shop_and_psp_with_mail};
use support::{STRONG, Shopper, TestServer, code};

/// A shop sending through `maildev`, with a PSP that sends webhooks.
async fn shop(maildev: &MailDev) -> (TestServer, support::psp::Psp) {
    shop_and_psp_with_mail(true, maildev.smtp_url()).await
}

/// The token of the first link to `path` in a message's text.
fn token_in(message: &Value, path: &str) -> String {
    let text = message["text"].as_str().unwrap();
    let start = text
        .find(&format!("{path}#jeton="))
        .unwrap_or_else(|| panic!("a link to {path} in {text}"));
    text[start + path.len() + "#jeton=".len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

fn text(message: &Value) -> &str {
    message["text"].as_str().unwrap()
}

#[tokio::test]
async fn sign_up_sends_a_link_that_confirms_the_address_once() {
    let maildev = MailDev::start().await;
    let (shop, _psp) = shop(&maildev).await;
    let mut shopper = Shopper::new(&shop);
    let created = shopper.sign_up("lea@exemple.fr", STRONG).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(created.body["account"]["email_verified"], false);
    assert_eq!(created.body["account"]["language"], "fr");

    let message = &maildev.wait_for("lea@exemple.fr", 1).await[0];
    assert_eq!(message["subject"], "Confirmez votre adresse e-mail");
    assert!(text(message).contains("dans les 24 heures"), "{message:#}");
    let html = message["html"].as_str().unwrap();
    assert!(html.contains("Confirmer mon adresse") && html.contains("Service Photo SAS"));
    assert!(!html.contains("<img"), "no image, no remote resource");
    let token = token_in(message, "/compte/confirmer-adresse");

    // Opened on another device, signed out: the link is enough.
    let mut phone = Shopper::new(&shop);
    let confirmed = phone
        .post(
            "/api/v1/account/verification/confirm",
            json!({"token": token}),
        )
        .await;
    assert_eq!(
        confirmed.status,
        StatusCode::NO_CONTENT,
        "{:?}",
        confirmed.body
    );
    let me = shopper.who_am_i().await;
    assert_eq!(me.body["account"]["email_verified"], true);
    // Once only, and a made-up token is no better.
    for token in [token.as_str(), "pas-un-jeton"] {
        let again = phone
            .post(
                "/api/v1/account/verification/confirm",
                json!({"token": token}),
            )
            .await;
        assert_eq!(again.status, StatusCode::BAD_REQUEST);
        assert_eq!(code(&again), "invalid_link");
    }
    shop.stop().await;
}

#[tokio::test]
async fn a_new_link_can_be_asked_a_few_times_then_the_account_waits() {
    let maildev = MailDev::start().await;
    let (shop, _psp) = shop(&maildev).await;
    let mut shopper = Shopper::new(&shop);
    let created = shopper
        .send(
            reqwest::Method::POST,
            "/api/v1/account",
            Some(json!({"email": "tom@exemple.fr", "password": STRONG, "language": "en"})),
        )
        .await;
    assert_eq!(created.body["account"]["language"], "en");
    for _ in 0..3 {
        let sent = shopper
            .post("/api/v1/account/verification", json!({}))
            .await;
        assert_eq!(sent.status, StatusCode::ACCEPTED);
    }
    let refused = shopper
        .post("/api/v1/account/verification", json!({}))
        .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.body["error"]["retry_after_seconds"]
            .as_u64()
            .unwrap()
            > 0
    );
    let messages = maildev.wait_for("tom@exemple.fr", 4).await;
    assert!(
        messages
            .iter()
            .all(|message| message["subject"] == "Confirm your e-mail address"),
        "in the language chosen at sign-up"
    );
    // Each message its own link; the last one works.
    let last = token_in(&messages[3], "/compte/confirmer-adresse");
    let confirmed = shopper
        .post(
            "/api/v1/account/verification/confirm",
            json!({"token": last}),
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::NO_CONTENT);
    // A guest cannot ask.
    let guest = Shopper::new(&shop)
        .post("/api/v1/account/verification", json!({}))
        .await;
    assert_eq!(guest.status, StatusCode::UNAUTHORIZED);
    shop.stop().await;
}

#[tokio::test]
async fn signing_up_with_a_known_address_answers_as_a_new_one_and_tells_the_owner() {
    let maildev = MailDev::start().await;
    let (shop, _psp) = shop(&maildev).await;
    let mut owner = Shopper::signed_up(&shop, "ines@exemple.fr").await;
    let fresh = Shopper::new(&shop)
        .sign_up("nouvelle@exemple.fr", STRONG)
        .await;
    let mut visitor = Shopper::new(&shop);
    let known = visitor.sign_up("INES@exemple.fr", STRONG).await;
    // The same status, cookies and body shape as a new account's.
    assert_eq!(known.status, fresh.status);
    assert_eq!(known.status, StatusCode::CREATED);
    let cookie_names = |answer: &support::Answer| -> Vec<String> {
        answer
            .headers
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .map(|cookie| {
                cookie
                    .to_str()
                    .unwrap()
                    .split('=')
                    .next()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(cookie_names(&known), cookie_names(&fresh));
    let keys = |body: &Value| -> Vec<String> {
        body["account"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(keys(&known.body), keys(&fresh.body));
    assert_eq!(known.body["account"]["email"], "ines@exemple.fr");
    // But its session is nobody's: the visitor is a guest.
    assert_eq!(visitor.who_am_i().await.bytes, b"null");
    // The owner is still themselves, and was told.
    assert_eq!(
        owner.who_am_i().await.body["account"]["email"],
        "ines@exemple.fr"
    );
    let messages = maildev.wait_for("ines@exemple.fr", 2).await;
    let told = messages
        .iter()
        .find(|message| message["subject"] == "Vous avez déjà un compte Service Photo")
        .expect("the owner is told");
    assert!(text(told).contains("aucun nouveau compte n’a été créé"));
    assert!(text(told).contains("/compte/mot-de-passe-oublie"));
    // Again within the hour: no second message to the owner.
    let again = Shopper::new(&shop).sign_up("ines@exemple.fr", STRONG).await;
    assert_eq!(again.status, StatusCode::CREATED);
    tokio::time::sleep(std::time::Duration::from_secs(7)).await;
    let told_count = maildev
        .wait_for("ines@exemple.fr", 2)
        .await
        .iter()
        .filter(|message| message["subject"] == "Vous avez déjà un compte Service Photo")
        .count();
    assert_eq!(told_count, 1);
    shop.stop().await;
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_every_other_session() {
    let maildev = MailDev::start().await;
    let (shop, _psp) = shop(&maildev).await;
    let mut laptop = Shopper::signed_up(&shop, "jules@exemple.fr").await;
    let mut forgetful = Shopper::new(&shop);
    for address in ["jules@exemple.fr", "personne@exemple.fr"] {
        let asked = forgetful
            .post("/api/v1/password-reset", json!({"email": address}))
            .await;
        assert_eq!(asked.status, StatusCode::ACCEPTED, "the same for {address}");
        assert_eq!(asked.bytes, b"", "{address}");
    }
    let messages = maildev.wait_for("jules@exemple.fr", 2).await;
    let reset = messages
        .iter()
        .find(|message| message["subject"] == "Choisissez un nouveau mot de passe")
        .unwrap();
    assert!(text(reset).contains("valable une heure"));
    let token = token_in(reset, "/compte/nouveau-mot-de-passe");

    // A weak password is refused and the link still works.
    let weak = forgetful
        .post(
            "/api/v1/password-reset/confirm",
            json!({"token": token, "password": "password1234"}),
        )
        .await;
    assert_eq!(code(&weak), "password_too_weak");
    const NEW: &str = "Nouveau-mot-de-passe-2026!";
    let done = forgetful
        .post(
            "/api/v1/password-reset/confirm",
            json!({"token": token, "password": NEW}),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{:?}", done.body);
    assert_eq!(done.body["account"]["email"], "jules@exemple.fr");
    // The link reached the address: it counts as confirmed.
    assert_eq!(done.body["account"]["email_verified"], true);
    assert_eq!(
        forgetful.who_am_i().await.body["account"]["email"],
        "jules@exemple.fr"
    );
    // The laptop's session is over; the old password is refused, the new
    // one works; the link does not work twice.
    assert_eq!(laptop.who_am_i().await.bytes, b"null");
    let old = Shopper::new(&shop)
        .sign_in("jules@exemple.fr", STRONG)
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let new = Shopper::new(&shop).sign_in("jules@exemple.fr", NEW).await;
    assert_eq!(new.status, StatusCode::OK);
    let twice = Shopper::new(&shop)
        .post(
            "/api/v1/password-reset/confirm",
            json!({"token": token, "password": "Encore-un-autre-2026!"}),
        )
        .await;
    assert_eq!(code(&twice), "invalid_link");
    // Nothing went to the address without an account.
    let all = maildev.messages().await;
    assert!(
        all.iter()
            .all(|message| message["to"][0]["address"] != "personne@exemple.fr")
    );
    shop.stop().await;
}

#[tokio::test]
async fn a_reset_link_ends_after_an_hour_and_an_address_gets_few_links() {
    let maildev = MailDev::start().await;
    let (shop, _psp) = shop(&maildev).await;
    Shopper::signed_up(&shop, "nina@exemple.fr").await;
    let mut asker = Shopper::new(&shop);
    for _ in 0..5 {
        let asked = asker
            .post(
                "/api/v1/password-reset",
                json!({"email": "nina@exemple.fr"}),
            )
            .await;
        assert_eq!(asked.status, StatusCode::ACCEPTED);
    }
    // Confirmation and three links; the fourth and fifth asks sent nothing.
    tokio::time::sleep(std::time::Duration::from_secs(7)).await;
    let messages = maildev.wait_for("nina@exemple.fr", 4).await;
    assert_eq!(messages.len(), 4, "{messages:#?}");
    let token = token_in(&messages[1], "/compte/nouveau-mot-de-passe");
    let clock = support::client()
        .post(shop.url("/api/v1/test/clock"))
        .json(&json!({"advance_seconds": 3601}))
        .send()
        .await
        .unwrap();
    assert!(clock.status().is_success(), "{}", clock.status());
    let late = asker
        .post(
            "/api/v1/password-reset/confirm",
            json!({"token": token, "password": "Nouveau-mot-de-passe-2026!"}),
        )
        .await;
    assert_eq!(code(&late), "invalid_link");
    shop.stop().await;
}

#[tokio::test]
async fn a_card_order_is_confirmed_once_with_its_debit_then_shipped_and_debited() {
    let maildev = MailDev::start().await;
    let (shop, psp) = shop(&maildev).await;
    let (mut shopper, order) = ordered(&shop, "camille@exemple.fr").await;
    let number = order["number"].as_str().unwrap().to_owned();
    pay(&psp, &order, "4242 4242 4242 4242").await;
    // Read again and again (each read may poll the PSP) while the webhook
    // also arrives: one confirmation.
    let path = format!("/api/v1/orders/{}", order["id"].as_str().unwrap());
    for _ in 0..200 {
        if shopper.get(&path).await.body["status"] == "authorized" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let messages = maildev.wait_for("camille@exemple.fr", 2).await;
    let confirmation = &messages[1];
    assert_eq!(
        confirmation["subject"],
        format!("Votre commande {number} est confirmée")
    );
    let words = text(confirmation);
    for expected in [
        number.as_str(),
        "Vous serez débité à l’expédition de votre commande, pas avant.",
        "se terminant par 4242",
        "Total TTC",
        "conditions générales de vente (version",
        "L221-28",
    ] {
        assert!(words.contains(expected), "{expected:?} in {words}");
    }
    let shipped = operator(&shop, &order, "production").await;
    assert!(shipped.status().is_success(), "{}", shipped.status());
    let shipped = operator(&shop, &order, "ship").await;
    assert!(shipped.status().is_success(), "{}", shipped.status());
    let messages = maildev.wait_for("camille@exemple.fr", 3).await;
    assert_eq!(messages.len(), 3, "one confirmation, one shipment");
    assert_eq!(
        messages[2]["subject"],
        format!("Votre commande {number} est expédiée")
    );
    let total = order["totals"]["total"]["cents"].as_i64().unwrap();
    let debited = shop_api::Money::eur(total).format_fr();
    assert!(
        text(&messages[2]).contains(&format!("Votre carte a été débitée de {debited}")),
        "{}",
        text(&messages[2])
    );
    // A partial refund, told once with its amount.
    let refunded = support::client()
        .post(shop.url(&format!(
            "/api/v1/operator/orders/{}/refund",
            order["id"].as_str().unwrap()
        )))
        .bearer_auth(support::OPERATOR_TOKEN)
        .json(&json!({"amount_cents": 500, "reason": "Tirage abîmé"}))
        .send()
        .await
        .unwrap();
    assert!(refunded.status().is_success(), "{}", refunded.status());
    let messages = maildev.wait_for("camille@exemple.fr", 4).await;
    assert_eq!(
        messages[3]["subject"],
        format!("Remboursement de votre commande {number}")
    );
    assert!(text(&messages[3]).contains("Nous vous avons remboursé 5,00\u{a0}€"));
    drop(psp);
    shop.stop().await;
}

#[tokio::test]
async fn a_support_request_is_acknowledged_without_its_words_then_answered() {
    let maildev = MailDev::start().await;
    let (shop, _psp) = shop(&maildev).await;
    let sent = Shopper::new(&shop)
        .post(
            "/api/v1/support",
            json!({
                "topic": "other",
                "message": "Achetez des montres pas chères sur example.com",
                "email": "sam@exemple.fr",
                "language": "en",
            }),
        )
        .await;
    assert_eq!(sent.status, StatusCode::CREATED, "{:?}", sent.body);
    let reference = sent.body["reference"].as_str().unwrap().to_owned();
    let received = &maildev.wait_for("sam@exemple.fr", 1).await[0];
    assert_eq!(
        received["subject"],
        format!("We received your request {reference}")
    );
    assert!(
        !text(received).contains("montres")
            && !received["html"].as_str().unwrap().contains("montres"),
        "the shop does not carry a stranger's words to an address"
    );
    let answered = support::client()
        .post(shop.url(&format!("/api/v1/operator/support/{reference}/answer")))
        .bearer_auth(support::OPERATOR_TOKEN)
        .json(&json!({"answer": "We do not sell watches.\nHave a nice day."}))
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), StatusCode::OK);
    let messages = maildev.wait_for("sam@exemple.fr", 2).await;
    assert_eq!(
        messages[1]["subject"],
        format!("Answer to your request {reference}")
    );
    assert!(text(&messages[1]).contains("We do not sell watches.\nHave a nice day."));
    shop.stop().await;
}
