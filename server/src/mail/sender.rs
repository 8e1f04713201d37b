//! Delivers the outbox through SMTP (`lettre`): one message at a time,
//! taken under a lease, then marked sent; a refusal that may pass (a 4xx,
//! no connection, a timeout) is tried again with growing waits, a final
//! one (a 5xx) or the last try marks it failed. A sender killed between
//! the SMTP server's "250" and marking the row sent sends that message
//! once more when the lease ends: the one window where a message can be
//! doubled. Its `Message-ID` is the event's, so mail clients see one.

use crate::clock::Clock;
use crate::db::{Database, DbError, OutboxRow};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// How long a taken message is left to its sender before another may take
/// it: longer than an SMTP exchange may last (`SMTP_TIMEOUT`, twice).
pub const LEASE_SECONDS: i64 = 120;
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// Tries before a message is marked failed: with the waits below, about a
/// day and a half of an unreachable SMTP server.
pub const MAX_ATTEMPTS: i64 = 15;
/// The wait after the first failed try; it doubles each time, up to
/// `LONGEST_WAIT_SECONDS`.
const FIRST_WAIT_SECONDS: i64 = 30;
const LONGEST_WAIT_SECONDS: i64 = 6 * 3600;
/// The outbox is looked at this often: a new message leaves within it,
/// as do messages due again after a wait and other processes' messages.
const POLL: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("invalid SMTP URL (SHOP_SMTP_URL): {0}")]
    Url(lettre::transport::smtp::Error),
    #[error("invalid sender address (SHOP_MAIL_FROM) {0:?}: {1}")]
    From(String, lettre::address::AddressError),
}

/// How one try went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    /// May pass: tried again later.
    Deferred(String),
    /// Will not pass (a 5xx, an address SMTP cannot carry).
    Refused(String),
}

/// The SMTP server and the address messages come from.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `smtp://host:port` (plain, as to a local catcher),
    /// `smtp://user:password@host:587?tls=required` (STARTTLS) or
    /// `smtps://host:465` (TLS from the start).
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, MailerError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(MailerError::Url)?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|error| MailerError::From(from.to_owned(), error))?;
        Ok(Self { transport, from })
    }

    pub async fn deliver(&self, row: &OutboxRow) -> Delivery {
        let message = match self.message(row) {
            Ok(message) => message,
            Err(error) => return Delivery::Refused(error),
        };
        match self.transport.send(message).await {
            Ok(_) => Delivery::Sent,
            Err(error) if error.is_permanent() => Delivery::Refused(error.to_string()),
            Err(error) => Delivery::Deferred(error.to_string()),
        }
    }

    fn message(&self, row: &OutboxRow) -> Result<Message, String> {
        let to = row
            .recipient
            .parse::<Mailbox>()
            .map_err(|error| format!("recipient {:?}: {error}", row.recipient))?;
        let domain = self.from.email.domain().to_owned();
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone())
            .message_id(Some(message_id(&row.event_key, &domain)))
            .multipart(MultiPart::alternative_plain_html(
                row.text_body.clone(),
                row.html_body.clone(),
            ))
            .map_err(|error| error.to_string())
    }
}

/// The same for every try of one event's message: `<hash@domain>`.
fn message_id(event_key: &str, domain: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(event_key.as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("<{hex}@{domain}>")
}

/// The wait before the next try, after `attempts` tries.
pub fn wait_after(attempts: i64) -> i64 {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    FIRST_WAIT_SECONDS
        .saturating_mul(1_i64 << doublings)
        .min(LONGEST_WAIT_SECONDS)
}

/// Delivers the outbox until stopped.
#[derive(Clone)]
pub struct Sender {
    db: Database,
    mailer: Mailer,
    clock: Clock,
}

impl Sender {
    pub fn new(db: Database, mailer: Mailer, clock: Clock) -> Self {
        Self { db, mailer, clock }
    }

    /// Sends every message due now, one after the other; how many were
    /// tried.
    pub async fn pass(&self) -> Result<usize, DbError> {
        let mut tried = 0;
        loop {
            let now = self.clock.now();
            let Some(row) = self.db.take_due_mail(now, now + LEASE_SECONDS).await? else {
                return Ok(tried);
            };
            tried += 1;
            let delivery = self.mailer.deliver(&row).await;
            let now = self.clock.now();
            match delivery {
                Delivery::Sent => {
                    self.db.mark_mail_sent(row.id, now).await?;
                    tracing::info!(event = row.event_key, "mail sent");
                }
                Delivery::Deferred(error) if row.attempts < MAX_ATTEMPTS => {
                    let at = now + wait_after(row.attempts);
                    tracing::warn!(event = row.event_key, attempts = row.attempts, %error, retry_at = at, "mail not sent, will try again");
                    self.db.retry_mail_at(row.id, at, &error).await?;
                }
                Delivery::Deferred(error) | Delivery::Refused(error) => {
                    tracing::error!(event = row.event_key, attempts = row.attempts, %error, "mail failed for good");
                    self.db.mark_mail_failed(row.id, now, &error).await?;
                }
            }
        }
    }

    pub fn spawn(self, mut stop: watch::Receiver<bool>) -> JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = stop.changed() => break,
                    outcome = self.pass() => {
                        if let Err(error) = outcome {
                            tracing::error!(%error, "the mail sender could not read the outbox");
                        }
                    }
                }
                tokio::select! {
                    _ = stop.changed() => break,
                    () = tokio::time::sleep(POLL) => {}
                }
            }
            tracing::debug!("mail sender stopped");
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_from_30_seconds_up_to_6_hours() {
        assert_eq!(wait_after(1), 30);
        assert_eq!(wait_after(2), 60);
        assert_eq!(wait_after(5), 480);
        assert_eq!(wait_after(11), 6 * 3600);
        assert_eq!(wait_after(100), 6 * 3600);
        let total: i64 = (1..MAX_ATTEMPTS).map(wait_after).sum();
        assert!((24 * 3600..48 * 3600).contains(&total), "{total}");
    }

    #[test]
    fn an_event_keeps_its_message_id() {
        let first = message_id("order-confirmed:o1", "service-photo.fr");
        assert_eq!(first, message_id("order-confirmed:o1", "service-photo.fr"));
        assert_ne!(first, message_id("order-confirmed:o2", "service-photo.fr"));
        assert!(first.starts_with('<') && first.ends_with("@service-photo.fr>"));
    }

    // The transport's connection pool starts a task: inside a runtime.
    #[tokio::test]
    async fn urls_and_sender_addresses_are_checked_at_start() {
        let from = "Service Photo <bonjour@service-photo.fr>";
        assert!(Mailer::new("smtp://127.0.0.1:1025", from).is_ok());
        assert!(Mailer::new("smtps://smtp.example.com:465", from).is_ok());
        assert!(Mailer::new("smtp://smtp.example.com:587?tls=required", from).is_ok());
        assert!(matches!(
            Mailer::new("http://nope", from),
            Err(MailerError::Url(_))
        ));
        assert!(matches!(
            Mailer::new("smtp://127.0.0.1:1025", "pas une adresse"),
            Err(MailerError::From(..))
        ));
    }
}
