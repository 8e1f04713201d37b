//! Support request rows (see `crate::support` for the rules).

use super::words::{parse_word, word_of};
use super::{Database, DbError, outbox};
use crate::mail::Mail;
use crate::support::{CheckedRequest, WINDOW_SECONDS};
use shop_api::Language;
use shop_api::support::{REQUESTS_PER_HOUR, SupportTicket, SupportTopic};

#[derive(Debug, thiserror::Error)]
pub enum NewSupportError {
    /// The address used its hourly allowance; the oldest request of the
    /// window was made at this time (Unix seconds).
    #[error("too many support requests from this address")]
    Throttled { oldest_in_window: Option<i64> },
    /// The random reference is taken already: draw another.
    #[error("reference already in use")]
    ReferenceTaken,
    #[error(transparent)]
    Db(#[from] DbError),
}

#[derive(sqlx::FromRow)]
struct TicketRow {
    id: i64,
    reference: String,
    topic: String,
    order_reference: Option<String>,
    message: String,
    email: String,
    created_at: i64,
    answer: Option<String>,
    answered_at: Option<i64>,
}

/// An answered request, with the language it was written from.
#[derive(sqlx::FromRow)]
struct AnsweredRow {
    #[sqlx(flatten)]
    ticket: TicketRow,
    language: String,
}

impl TicketRow {
    fn into_ticket(self) -> SupportTicket {
        SupportTicket {
            id: self.id,
            reference: self.reference,
            // Written from the enum by `create_support_request`; a row
            // edited by hand still lists, as "other".
            topic: SupportTopic::parse(&self.topic).unwrap_or(SupportTopic::Other),
            order_reference: self.order_reference,
            message: self.message,
            email: self.email,
            created_at: self.created_at,
            answer: self.answer,
            answered_at: self.answered_at,
        }
    }
}

const TICKET_COLUMNS: &str = "id, reference, topic, order_reference, message, email, \
                              created_at, answer, answered_at";

impl Database {
    /// Stores the request unless `client_address` sent its allowance within
    /// the last hour. The count and the insert are one statement, so two
    /// requests at once from one address cannot both slip under the limit
    /// in SQLite.
    ///
    /// `acknowledgement` goes to the outbox with the request, in the same
    /// transaction.
    pub async fn create_support_request(
        &self,
        request: &CheckedRequest,
        reference: &str,
        client_address: &str,
        acknowledgement: &Mail,
        now: i64,
    ) -> Result<(), NewSupportError> {
        let mut tx = self.begin_write().await?;
        let inserted: Result<Option<(i64,)>, sqlx::Error> = sqlx::query_as(
            "INSERT INTO support_requests \
             (reference, topic, order_reference, message, email, client_address, created_at, \
             language) \
             SELECT $1, $2, $3, $4, $5, $6, $7, $8 \
             WHERE (SELECT COUNT(*) FROM support_requests \
                    WHERE client_address = $9 AND created_at > $10) < $11 \
             RETURNING id",
        )
        .bind(reference)
        .bind(request.topic.as_str())
        .bind(request.order_reference.as_deref())
        .bind(&request.message)
        .bind(request.email.as_str())
        .bind(client_address)
        .bind(now)
        .bind(word_of(request.language))
        .bind(client_address)
        .bind(now - WINDOW_SECONDS)
        .bind(REQUESTS_PER_HOUR as i64)
        .fetch_optional(&mut *tx)
        .await;
        match inserted {
            Ok(Some(_)) => {
                let event = format!("support-received:{reference}");
                outbox::insert(&mut tx, &event, acknowledgement, now).await?;
                tx.commit().await.map_err(DbError::from)?;
                Ok(())
            }
            Ok(None) => {
                drop(tx);
                let (oldest_in_window,): (Option<i64>,) = sqlx::query_as(
                    "SELECT MIN(created_at) FROM support_requests \
                     WHERE client_address = $1 AND created_at > $2",
                )
                .bind(client_address)
                .bind(now - WINDOW_SECONDS)
                .fetch_one(&self.pool)
                .await
                .map_err(DbError::from)?;
                Err(NewSupportError::Throttled { oldest_in_window })
            }
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
                Err(NewSupportError::ReferenceTaken)
            }
            Err(error) => Err(NewSupportError::Db(error.into())),
        }
    }

    /// Newest first; `before` is an id from a previous page.
    pub async fn support_requests(
        &self,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Vec<SupportTicket>, DbError> {
        let rows: Vec<TicketRow> = sqlx::query_as(&format!(
            "SELECT {TICKET_COLUMNS} FROM support_requests WHERE id < $1 ORDER BY id DESC LIMIT $2"
        ))
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(TicketRow::into_ticket).collect())
    }

    /// Records (or replaces) the answer; `None` when no request has this
    /// reference.
    ///
    /// The message `notice` makes of the answered request (and the
    /// language it was written from) goes to the outbox in the same
    /// transaction; answered again, the request is mailed again.
    pub async fn answer_support_request(
        &self,
        reference: &str,
        answer: &str,
        now: i64,
        notice: &(dyn Fn(&SupportTicket, Language) -> Mail + Sync),
    ) -> Result<Option<SupportTicket>, DbError> {
        let mut tx = self.begin_write().await?;
        let row: Option<AnsweredRow> = sqlx::query_as(&format!(
            "UPDATE support_requests SET answer = $1, answered_at = $2 WHERE reference = $3 \
             RETURNING {TICKET_COLUMNS}, language"
        ))
        .bind(answer)
        .bind(now)
        .bind(reference)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        // A language word the shop does not know writes in French: it only
        // chooses the message's words.
        let language = parse_word(&row.language).unwrap_or_default();
        let ticket = row.ticket.into_ticket();
        let event = format!("support-answered:{}:{now}", ticket.reference);
        outbox::insert(&mut tx, &event, &notice(&ticket, language), now).await?;
        tx.commit().await?;
        Ok(Some(ticket))
    }
}
