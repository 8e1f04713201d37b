//! The periodic purge, so that tables and the disk do not grow without
//! end: expired sessions, browsers unused for a year, throttle windows
//! long over, PSP events older than
//! any redelivery, and the frozen photos of orders delivered or cancelled
//! longer ago than the retention period (with the folders of orders a
//! crash left unmade). Each kind is bounded by its own age; a pass that
//! fails is logged and the next one tries again. Several server processes
//! share the work by a lease row: one pass at a time, so that no two
//! processes purge one order's photos at once.

use crate::accounts::known_device;
use crate::accounts::session::{ABSOLUTE_SECONDS, IDLE_SECONDS};
use crate::clock::Clock;
use crate::db::{Database, DbError, FolderOwner};
use crate::projects::files::{FileError, PhotoFiles};
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// How often a pass runs (and once at start).
pub const EVERY: Duration = Duration::from_secs(3600);
/// How long an order's photos are kept after delivery or cancellation: a
/// reprint after a damaged delivery, or a claim, still has them.
pub const ORDER_PHOTO_RETENTION_SECONDS: i64 = 30 * 24 * 3600;
/// The sandbox redelivers within hours; a real PSP within days. Older
/// news is ignored by the orders' own clock anyway.
pub const PSP_EVENT_RETENTION_SECONDS: i64 = 90 * 24 * 3600;
/// A throttle row is kept one window (an hour) after it started.
const THROTTLE_WINDOW_MS: i64 = 3_600_000;
/// The lease's name in the `leases` table.
const LEASE_NAME: &str = "housekeeping";
/// Longer than any pass, so that only a dead holder's lease is taken over.
const LEASE_SECONDS: i64 = 30 * 60;
/// How long a pass waits for another process's pass (seconds long) to end.
const LEASE_WAIT: Duration = Duration::from_secs(10);
/// A folder with no order is left alone this long: its order may be being
/// made right now.
const UNMADE_ORDER_GRACE: Duration = Duration::from_secs(3600);

#[derive(Debug, thiserror::Error)]
pub enum HousekeepingError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Files(#[from] FileError),
    #[error("another server process is housekeeping (its lease runs until {until})")]
    OtherProcess { until: i64 },
}

/// What one pass deleted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    /// Known browsers (`accounts::known_device`) unused for their lifetime.
    pub devices: u64,
    pub throttle_rows: u64,
    pub psp_events: u64,
    /// E-mailed links used or ended a week ago.
    pub account_links: u64,
    /// Orders whose frozen photos were deleted.
    pub order_photos: u64,
    /// Folders of orders never made, or left after a purge.
    pub stray_folders: u64,
}

#[derive(Clone)]
pub struct Housekeeping {
    db: Database,
    photos: PhotoFiles,
    clock: Clock,
    holder: std::sync::Arc<str>,
}

impl Housekeeping {
    pub fn new(db: Database, photos: PhotoFiles, clock: Clock) -> Self {
        Self {
            db,
            photos,
            clock,
            holder: crate::reconciler::new_holder_id().into(),
        }
    }

    /// One pass, under the lease: another process's pass running, this
    /// one waits for it to end (up to [`LEASE_WAIT`]), then purges what is
    /// left, if anything.
    pub async fn pass(&self) -> Result<Purged, HousekeepingError> {
        let started = tokio::time::Instant::now();
        loop {
            let now = self.clock.now();
            if self
                .db
                .take_lease(LEASE_NAME, &self.holder, now, now + LEASE_SECONDS)
                .await?
            {
                break;
            }
            if started.elapsed() >= LEASE_WAIT {
                let until = self
                    .db
                    .lease(LEASE_NAME)
                    .await?
                    .map_or(now, |(_, until)| until);
                return Err(HousekeepingError::OtherProcess { until });
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let outcome = self.purge().await;
        self.release_lease().await;
        outcome
    }

    /// Gives the lease back (it expires by itself if this fails).
    async fn release_lease(&self) {
        if let Err(error) = self.db.release_lease(LEASE_NAME, &self.holder).await {
            tracing::error!(%error, "housekeeping lease not released; it expires by itself");
        }
    }

    async fn purge(&self) -> Result<Purged, HousekeepingError> {
        let now = self.clock.now();
        let now_ms = self.clock.now_ms();
        let mut purged = Purged {
            sessions: self
                .db
                .purge_sessions(now - IDLE_SECONDS, now - ABSOLUTE_SECONDS)
                .await?,
            devices: self
                .db
                .purge_devices(now - known_device::LIFETIME_SECONDS)
                .await?,
            throttle_rows: self
                .db
                .purge_throttle_rows(now_ms - THROTTLE_WINDOW_MS, now_ms)
                .await?,
            psp_events: self
                .db
                .purge_psp_events(now - PSP_EVENT_RETENTION_SECONDS)
                .await?,
            account_links: self.db.purge_account_links(now - 7 * 24 * 3600).await?,
            ..Purged::default()
        };
        let done = self
            .db
            .orders_with_photos_to_purge(now - ORDER_PHOTO_RETENTION_SECONDS)
            .await?;
        let mut emptied = std::collections::HashSet::new();
        for order_id in done {
            // Files first: a crash in between leaves rows whose next pass
            // finds the folder gone, never files no row describes.
            self.photos.remove_order(&order_id).await?;
            self.db.mark_order_photos_purged(&order_id, now).await?;
            purged.order_photos += 1;
            emptied.insert(order_id);
        }
        for folder in self.photos.order_folders().await? {
            // A bucket may still list a prefix it has just emptied
            // (SeaweedFS drops empty folders a moment later): not a stray.
            if emptied.contains(&folder) {
                continue;
            }
            let stray = match self.db.order_folder_owner(&folder).await? {
                FolderOwner::Live => false,
                FolderOwner::Purged => true,
                FolderOwner::NoOrder => self
                    .photos
                    .order_folder_age(&folder)
                    .await?
                    .is_some_and(|age| age >= UNMADE_ORDER_GRACE),
            };
            if stray {
                self.photos.remove_order(&folder).await?;
                purged.stray_folders += 1;
            }
        }
        Ok(purged)
    }

    /// A pass at start, then one every [`EVERY`], until `stop` changes.
    pub fn spawn(self, mut stop: watch::Receiver<bool>) -> JoinHandle<()> {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(EVERY);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = stop.changed() => break,
                    _ = tick.tick() => {}
                }
                tokio::select! {
                    // Stopped mid-pass: the lease goes back at once for
                    // another process to carry on.
                    _ = stop.changed() => {
                        self.release_lease().await;
                        break;
                    }
                    outcome = self.pass() => match outcome {
                        Ok(purged) if purged != Purged::default() => {
                            tracing::info!(?purged, "housekeeping pass done");
                        }
                        Ok(_) => tracing::debug!("housekeeping pass: nothing to delete"),
                        Err(error @ HousekeepingError::OtherProcess { .. }) => {
                            tracing::info!(%error, "housekeeping pass left to another process");
                        }
                        Err(error) => tracing::error!(%error, "housekeeping pass failed"),
                    },
                }
            }
            tracing::debug!("housekeeping stopped");
        })
    }
}
