//! The outbox delivered through a real SMTP catcher (MailDev): a message
//! arrives once with its text and HTML parts and the event's Message-ID;
//! a second write of the same event sends nothing more; while the SMTP
//! server is down the message waits and is tried again later, then
//! arrives; an address SMTP cannot carry is marked failed at once.

mod support;

use shop_server::clock::Clock;
use shop_server::db::Database;
use shop_server::mail::Mail;
use shop_server::mail::sender::{Mailer, Sender, wait_after};
use support::maildev::MailDev;

const FROM: &str = "Service Photo <bonjour@service-photo.localhost>";

fn confirmation(to: &str) -> Mail {
    Mail {
        to: to.into(),
        subject: "Commande SP-7K3M-9Q2D confirmée".into(),
        text: "Bonjour Camille,\n\nVotre commande SP-7K3M-9Q2D est confirmée.".into(),
        html: "<p>Bonjour Camille,</p><p>Votre commande <strong>SP-7K3M-9Q2D</strong> est confirmée.</p>".into(),
    }
}

async fn outbox() -> (tempfile::TempDir, Database, Clock) {
    let dir = tempfile::tempdir().unwrap();
    // The suite's database engine: PostgreSQL when the run names a cluster.
    let db = match support::database::fresh_url() {
        Some(url) => Database::connect(&url).await.unwrap(),
        None => Database::open(dir.path()).await.unwrap(),
    };
    (dir, db, Clock::test())
}

fn sender(db: &Database, clock: &Clock, smtp_url: &str) -> Sender {
    let mailer = Mailer::new(smtp_url, FROM).unwrap();
    Sender::new(db.clone(), mailer, clock.clone())
}

#[tokio::test]
async fn a_message_arrives_once_with_both_parts_and_the_events_message_id() {
    let maildev = MailDev::start().await;
    let (_dir, db, clock) = outbox().await;
    let sender = sender(&db, &clock, &maildev.smtp_url());
    assert!(
        db.enqueue_mail(
            "order-confirmed:o1",
            &confirmation("camille@exemple.fr"),
            clock.now()
        )
        .await
        .unwrap()
    );
    assert_eq!(sender.pass().await.unwrap(), 1);
    // The same event again, and another pass: nothing more is sent.
    assert!(
        !db.enqueue_mail(
            "order-confirmed:o1",
            &confirmation("camille@exemple.fr"),
            clock.now()
        )
        .await
        .unwrap()
    );
    assert_eq!(sender.pass().await.unwrap(), 0);

    let messages = maildev.messages().await;
    assert_eq!(messages.len(), 1, "{messages:#?}");
    let message = &messages[0];
    assert_eq!(message["subject"], "Commande SP-7K3M-9Q2D confirmée");
    assert_eq!(message["to"][0]["address"], "camille@exemple.fr");
    assert_eq!(
        message["from"][0]["address"],
        "bonjour@service-photo.localhost"
    );
    assert_eq!(message["from"][0]["name"], "Service Photo");
    assert!(
        message["text"]
            .as_str()
            .unwrap()
            .contains("Votre commande SP-7K3M-9Q2D est confirmée.")
    );
    assert!(
        message["html"]
            .as_str()
            .unwrap()
            .contains("<strong>SP-7K3M-9Q2D</strong>")
    );
    let id = message["headers"]["message-id"].as_str().unwrap();
    assert!(id.ends_with("@service-photo.localhost>"), "{id}");

    let state = db.mail_state("order-confirmed:o1").await.unwrap().unwrap();
    assert_eq!(state.attempts, 1);
    assert!(state.sent_at.is_some());
    assert_eq!(state.next_attempt_at, None);
}

#[tokio::test]
async fn while_the_smtp_server_is_down_a_message_waits_then_arrives() {
    let (_dir, db, clock) = outbox().await;
    // Nothing listens there yet.
    let port = support::maildev::free_port();
    let down = sender(&db, &clock, &format!("smtp://127.0.0.1:{port}"));
    db.enqueue_mail(
        "order-shipped:o2",
        &confirmation("camille@exemple.fr"),
        clock.now(),
    )
    .await
    .unwrap();
    assert_eq!(down.pass().await.unwrap(), 1);
    let waiting = db.mail_state("order-shipped:o2").await.unwrap().unwrap();
    assert_eq!(waiting.attempts, 1);
    assert_eq!(waiting.next_attempt_at, Some(clock.now() + wait_after(1)));
    assert!(
        waiting.last_error.is_some() && waiting.sent_at.is_none() && waiting.failed_at.is_none()
    );
    // Not tried again before its time.
    assert_eq!(down.pass().await.unwrap(), 0);

    let maildev = MailDev::start().await;
    let up = sender(&db, &clock, &maildev.smtp_url());
    assert_eq!(up.pass().await.unwrap(), 0, "still waiting");
    clock.advance(wait_after(1)).unwrap();
    assert_eq!(up.pass().await.unwrap(), 1);
    assert_eq!(maildev.messages().await.len(), 1);
    let sent = db.mail_state("order-shipped:o2").await.unwrap().unwrap();
    assert_eq!(sent.attempts, 2);
    assert!(sent.sent_at.is_some());
}

#[tokio::test]
async fn an_address_smtp_cannot_carry_is_marked_failed_at_once() {
    let maildev = MailDev::start().await;
    let (_dir, db, clock) = outbox().await;
    let sender = sender(&db, &clock, &maildev.smtp_url());
    db.enqueue_mail(
        "support-answered:1",
        &confirmation("pas une adresse"),
        clock.now(),
    )
    .await
    .unwrap();
    assert_eq!(sender.pass().await.unwrap(), 1);
    let failed = db.mail_state("support-answered:1").await.unwrap().unwrap();
    assert!(failed.failed_at.is_some());
    assert_eq!(failed.next_attempt_at, None);
    assert!(maildev.messages().await.is_empty());
}
