//! The outbox's rows (see `migrations/0020_outbox.sql` and `crate::mail`):
//! a message written once per event, taken by the sender under a lease,
//! then sent, due again, or failed.

use super::{Database, DbError};
use crate::mail::Mail;

/// A message the sender has taken.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub event_key: String,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    /// Including the one being made now.
    pub attempts: i64,
}

/// Where a message stands, for operators and tests.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxState {
    pub attempts: i64,
    pub next_attempt_at: Option<i64>,
    pub sent_at: Option<i64>,
    pub failed_at: Option<i64>,
    pub last_error: Option<String>,
}

/// Writes `mail` for `event_key` in the caller's transaction, due at once;
/// false when that event already has its message.
pub(super) async fn insert(
    tx: &mut sqlx::AnyConnection,
    event_key: &str,
    mail: &Mail,
    now: i64,
) -> Result<bool, DbError> {
    let written = sqlx::query(
        "INSERT INTO outbox (event_key, recipient, subject, text_body, html_body, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_key) DO NOTHING",
    )
    .bind(event_key)
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(&mail.html)
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(written.rows_affected() == 1)
}

impl Database {
    /// Writes a message on its own (an event with no other row to write);
    /// false when that event already has its message.
    pub async fn enqueue_mail(
        &self,
        event_key: &str,
        mail: &Mail,
        now: i64,
    ) -> Result<bool, DbError> {
        let mut connection = self.pool.acquire().await?;
        insert(&mut connection, event_key, mail, now).await
    }

    /// Takes the message due longest ago, if any, until `lease_until`: no
    /// other sender takes it meanwhile, and it is due again then if this
    /// one never says how it went.
    pub async fn take_due_mail(
        &self,
        now: i64,
        lease_until: i64,
    ) -> Result<Option<OutboxRow>, DbError> {
        // One statement: two senders never take the same message. On
        // PostgreSQL a sender passes over a message another is taking
        // (SKIP LOCKED), and the outer condition, checked again on the row
        // as committed, stops a second taker that read it just before.
        let row = sqlx::query_as::<_, OutboxRow>(&format!(
            "UPDATE outbox SET next_attempt_at = $1, attempts = attempts + 1 \
             WHERE next_attempt_at <= $2 AND id = (SELECT id FROM outbox WHERE next_attempt_at <= $2 \
                         ORDER BY next_attempt_at, id LIMIT 1{}) \
             RETURNING id, event_key, recipient, subject, text_body, html_body, attempts",
            self.skip_locked()
        ))
        .bind(lease_until)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row)
    }

    pub async fn mark_mail_sent(&self, id: i64, now: i64) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE outbox SET sent_at = $1, next_attempt_at = NULL, last_error = NULL WHERE id = $2",
        )
        .bind(now)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn retry_mail_at(&self, id: i64, at: i64, error: &str) -> Result<(), DbError> {
        sqlx::query("UPDATE outbox SET next_attempt_at = $1, last_error = $2 WHERE id = $3")
            .bind(at)
            .bind(error)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn mark_mail_failed(&self, id: i64, now: i64, error: &str) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE outbox SET failed_at = $1, next_attempt_at = NULL, last_error = $2 WHERE id = $3",
        )
        .bind(now)
        .bind(error)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn mail_state(&self, event_key: &str) -> Result<Option<OutboxState>, DbError> {
        let state = sqlx::query_as::<_, OutboxState>(
            "SELECT attempts, next_attempt_at, sent_at, failed_at, last_error FROM outbox WHERE event_key = $1",
        )
        .bind(event_key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail() -> Mail {
        Mail {
            to: "camille@exemple.fr".into(),
            subject: "Commande confirmée".into(),
            text: "Bonjour".into(),
            html: "<p>Bonjour</p>".into(),
        }
    }

    async fn database() -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path()).await.unwrap();
        (dir, db)
    }

    #[tokio::test]
    async fn an_event_written_twice_makes_one_message() {
        let (_dir, db) = database().await;
        assert!(
            db.enqueue_mail("order-confirmed:o1", &mail(), 100)
                .await
                .unwrap()
        );
        assert!(
            !db.enqueue_mail("order-confirmed:o1", &mail(), 101)
                .await
                .unwrap()
        );
        let state = db.mail_state("order-confirmed:o1").await.unwrap().unwrap();
        assert_eq!(state.attempts, 0, "one row, never taken");
    }

    #[tokio::test]
    async fn a_taken_message_is_not_taken_again_until_its_lease_ends() {
        let (_dir, db) = database().await;
        db.enqueue_mail("e1", &mail(), 100).await.unwrap();
        assert!(
            db.take_due_mail(99, 160).await.unwrap().is_none(),
            "not due yet"
        );
        let taken = db.take_due_mail(100, 160).await.unwrap().unwrap();
        assert_eq!((taken.event_key.as_str(), taken.attempts), ("e1", 1));
        assert!(
            db.take_due_mail(159, 219).await.unwrap().is_none(),
            "leased"
        );
        // The sender that took it died: it is due again when the lease ends.
        let again = db.take_due_mail(160, 220).await.unwrap().unwrap();
        assert_eq!((again.id, again.attempts), (taken.id, 2));
    }

    #[tokio::test]
    async fn sent_and_failed_messages_are_never_taken_again() {
        let (_dir, db) = database().await;
        db.enqueue_mail("sent", &mail(), 100).await.unwrap();
        db.enqueue_mail("failed", &mail(), 100).await.unwrap();
        db.enqueue_mail("later", &mail(), 100).await.unwrap();
        let first = db.take_due_mail(100, 160).await.unwrap().unwrap();
        db.mark_mail_sent(first.id, 101).await.unwrap();
        let second = db.take_due_mail(100, 160).await.unwrap().unwrap();
        db.mark_mail_failed(second.id, 101, "550 no such mailbox")
            .await
            .unwrap();
        let third = db.take_due_mail(100, 160).await.unwrap().unwrap();
        db.retry_mail_at(third.id, 500, "421 try later")
            .await
            .unwrap();
        assert!(
            db.take_due_mail(499, 559).await.unwrap().is_none(),
            "waits until 500"
        );
        let again = db.take_due_mail(500, 560).await.unwrap().unwrap();
        assert_eq!((again.id, again.attempts), (third.id, 2));
        db.mark_mail_sent(again.id, 501).await.unwrap();
        assert!(db.take_due_mail(100_000, 100_060).await.unwrap().is_none());
        let sent = db.mail_state("sent").await.unwrap().unwrap();
        assert_eq!((sent.sent_at, sent.next_attempt_at), (Some(101), None));
        let failed = db.mail_state("failed").await.unwrap().unwrap();
        assert_eq!(failed.last_error.as_deref(), Some("550 no such mailbox"));
        assert_eq!(failed.next_attempt_at, None);
    }
}
