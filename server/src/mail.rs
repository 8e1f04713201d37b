//! The shop's mail to its shoppers. A message is a row of the outbox,
//! written in the same transaction as the event that causes it and named
//! by that event (`db::outbox`), so that a rolled-back event sends nothing
//! and a repeated one sends once; the sender (`sender.rs`) delivers the
//! rows through SMTP, retrying with backoff.

pub mod letters;
pub mod sender;

/// One message, ready to send: the text and HTML versions of the same
/// words (no remote images).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}
