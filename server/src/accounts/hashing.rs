//! Where Argon2 runs: at most one hash per core at a time, off the async
//! threads. Each costs 19 MiB and tens of milliseconds, so 500 sign-ups at
//! once would otherwise take 9.5 GiB and every core. Requests beyond wait
//! in line, for [`QUEUE_DEADLINE`] at most; then the shopper is told the
//! shop is busy and when to come back, instead of waiting without end.

use super::password::{self, HashError};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// The longest a sign-in or sign-up waits for a free core.
pub const QUEUE_DEADLINE: Duration = Duration::from_secs(5);
/// What a refused request is told to wait.
pub const RETRY_AFTER_SECONDS: u64 = 5;

#[derive(Debug, thiserror::Error)]
pub enum HashingError {
    #[error("every password slot stayed busy for {0:?}")]
    Busy(Duration),
    #[error(transparent)]
    Failed(#[from] HashError),
    #[error("the hashing task ended abnormally")]
    Aborted,
}

/// The slots, shared by every request of the server.
#[derive(Clone)]
pub struct PasswordWork {
    slots: Arc<Semaphore>,
    deadline: Duration,
}

impl PasswordWork {
    pub fn new(slots: usize, deadline: Duration) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            deadline,
        }
    }

    /// One slot per core.
    pub fn per_core() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Self::new(cores, QUEUE_DEADLINE)
    }

    pub async fn hash(&self, password: String) -> Result<String, HashingError> {
        Ok(self.run(move || password::hash(&password)).await??)
    }

    pub async fn verify(&self, password: String, stored: String) -> Result<bool, HashingError> {
        self.run(move || password::verify(&password, &stored)).await
    }

    /// The slot is held until the work ends, even if the request that
    /// asked is gone: the core is busy until then either way.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashingError> {
        let permit = tokio::time::timeout(self.deadline, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| HashingError::Busy(self.deadline))?
            .map_err(|_| HashingError::Aborted)?;
        tokio::task::spawn_blocking(move || {
            let done = work();
            drop(permit);
            done
        })
        .await
        .map_err(|_| HashingError::Aborted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn no_more_than_the_slots_run_at_once() {
        let work = PasswordWork::new(2, Duration::from_secs(30));
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let jobs = (0..8).map(|_| {
            let (running, most) = (running.clone(), most.clone());
            let work = work.clone();
            async move {
                work.run(move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(20));
                    running.fetch_sub(1, Ordering::SeqCst);
                })
                .await
            }
        });
        for done in futures_util::future::join_all(jobs).await {
            done.unwrap();
        }
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_request_waits_no_longer_than_the_deadline() {
        let work = PasswordWork::new(1, Duration::from_millis(50));
        let busy = work.clone();
        let holder = tokio::spawn(async move {
            busy.run(|| std::thread::sleep(Duration::from_millis(500)))
                .await
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        let refused = work.run(|| ()).await;
        assert!(matches!(refused, Err(HashingError::Busy(_))), "{refused:?}");
        holder.await.unwrap().unwrap();
        work.run(|| ()).await.unwrap();
    }

    #[tokio::test]
    async fn hashes_and_verifies_through_the_slots() {
        let work = PasswordWork::per_core();
        let stored = work.hash("correct horse battery".into()).await.unwrap();
        assert!(
            work.verify("correct horse battery".into(), stored.clone())
                .await
                .unwrap()
        );
        assert!(!work.verify("wrong".into(), stored).await.unwrap());
    }
}
