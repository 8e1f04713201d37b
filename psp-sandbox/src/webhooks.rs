//! Webhook delivery: a background task posts each stored event to the
//! merchant's URL, signed, retrying with a doubling backoff for 24 hours.
//! A payment's events leave one at a time, in the order they happened.

mod backoff;
pub mod signature;

use crate::clock::{self, Clock};
use crate::db::{self, Database, DbError};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// The merchant's answer must come within this time, or the try failed.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);
/// How often due retries are looked for when nothing new was stored.
const POLL: Duration = Duration::from_millis(250);

#[derive(Debug, Clone)]
pub struct WebhookTarget {
    pub url: String,
    pub secret: String,
}

pub struct Deliverer {
    db: Database,
    clock: Arc<Clock>,
    target: WebhookTarget,
    client: reqwest::Client,
}

impl Deliverer {
    pub fn new(db: Database, clock: Arc<Clock>, target: WebhookTarget) -> Self {
        let client = reqwest::Client::builder()
            .timeout(ANSWER_TIMEOUT)
            .build()
            .unwrap_or_default();
        Self {
            db,
            clock,
            target,
            client,
        }
    }

    /// Runs until the task is dropped.
    pub async fn run(self, events_stored: Arc<Notify>) {
        loop {
            if let Err(error) = self.deliver_due().await {
                tracing::error!(%error, "webhook delivery pass failed");
            }
            let _ = tokio::time::timeout(POLL, events_stored.notified()).await;
        }
    }

    async fn deliver_due(&self) -> Result<(), DbError> {
        let pool = self.db.pool();
        for event in db::events::due(pool, clock::system_millis()).await? {
            if self.post(&event.payload).await {
                db::events::delivered(pool, event.seq, self.clock.now()).await?;
                continue;
            }
            let attempts = event.delivery_attempts + 1;
            match backoff::next_delay(attempts) {
                Some(delay) => {
                    let delay = i64::try_from(delay.as_millis()).unwrap_or(i64::MAX);
                    let at = clock::system_millis().saturating_add(delay);
                    db::events::retry_at(pool, event.seq, at).await?;
                }
                None => {
                    tracing::warn!(event = %event.id, "webhook abandoned after 24 hours of tries");
                    db::events::abandoned(pool, event.seq, self.clock.now()).await?;
                }
            }
        }
        Ok(())
    }

    /// Whether the merchant acknowledged (any 2xx).
    async fn post(&self, payload: &str) -> bool {
        let header = signature::header(&self.target.secret, clock::system_millis() / 1000, payload);
        let answer = self
            .client
            .post(&self.target.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(signature::HEADER, header)
            .body(payload.to_owned())
            .send()
            .await;
        match answer {
            Ok(response) if response.status().is_success() => true,
            Ok(response) => {
                tracing::info!(status = %response.status(), "webhook refused; will retry");
                false
            }
            Err(error) => {
                tracing::info!(%error, "webhook not delivered; will retry");
                false
            }
        }
    }
}
