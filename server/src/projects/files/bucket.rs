//! The photo store as an S3-compatible bucket (`s3://bucket/prefix`),
//! shared by every server process: `<prefix>/photos/<account>/<project>/<photo>`
//! and `<prefix>/order-photos/<order>/<line>-<position>`, through the
//! `object_store` crate.
//!
//! Nothing is held whole in memory: an upload staged on local disk goes up
//! in one `PUT` when it fits one part, otherwise as a multipart upload read
//! from the file a part at a time; a download is the object's body passed
//! on as it arrives. A `PUT` or a completed multipart upload replaces an
//! object at once, so a reader sees the old photo or the new one, never
//! half. An order's photos are server-side copies (no bytes through the
//! shop); "folders" are key prefixes, listed.

use super::{FileError, FrozenPhoto, PhotoFile, valid_order_id};
use crate::config::photos::BucketConfig;
use crate::projects::ClientId;
use futures_util::{StreamExt as _, TryStreamExt as _};
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as Key;
use object_store::signer::Signer as _;
use object_store::{ClientOptions, ObjectStore, ObjectStoreExt as _, PutPayload, WriteMultipart};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use tokio::io::AsyncReadExt as _;

/// A multipart upload's part: S3's smallest (but the last). A photo up to
/// this size goes in one `PUT`.
pub const PART_BYTES: usize = 5 * 1024 * 1024;
/// Parts of one upload in flight at once: with the part being filled,
/// what an upload holds in memory is three parts at most.
const PARTS_IN_FLIGHT: usize = 2;
/// The file is read this much at a time into the part being filled.
const READ_BYTES: usize = 64 * 1024;
/// Server-side copies at once when an order is frozen.
const COPIES_IN_FLIGHT: usize = 8;

#[derive(Debug, Clone)]
pub(super) struct BucketStore {
    /// Writes, copies, deletions, listings.
    store: Arc<AmazonS3>,
    /// Downloads only.
    reader: Arc<AmazonS3>,
    /// `<prefix>/photos`.
    photos: Key,
    /// `<prefix>/order-photos`.
    orders: Key,
    /// Where uploads are staged on this machine before they go up.
    pub(super) staging: PathBuf,
    /// How long a signed download URL lasts, and the origin such URLs
    /// have (for the CSP); `None`: downloads are streamed.
    signed_urls: Option<(Duration, String)>,
}

impl BucketStore {
    /// Builds the client and lists the prefix once, so that a wrong
    /// bucket, endpoint or key stops the server at start-up rather than at
    /// the first upload.
    pub(super) async fn connect(
        config: &BucketConfig,
        staging: PathBuf,
    ) -> Result<Self, FileError> {
        let client = |options: ClientOptions| {
            let mut builder = AmazonS3Builder::new()
                .with_bucket_name(&config.bucket)
                .with_client_options(options)
                // After the options, which would reset it.
                .with_allow_http(config.allow_http);
            if let Some(endpoint) = &config.endpoint {
                builder = builder.with_endpoint(endpoint);
            }
            if let Some(region) = &config.region {
                builder = builder.with_region(region);
            }
            if let Some((id, secret)) = &config.credentials {
                builder = builder
                    .with_access_key_id(id)
                    .with_secret_access_key(secret);
            }
            builder
                .build()
                .map(Arc::new)
                .map_err(FileError::object(&format!("s3://{}", config.bucket)))
        };
        let root = Key::parse(&config.prefix)
            .map_err(|error| FileError::object(&config.prefix)(error.into()))?;
        let bucket = Self {
            // object_store's default: 30 s a request, 5 s to connect.
            store: client(ClientOptions::new())?,
            // A download's body is read at the shopper's pace, for minutes
            // on a slow line: a whole-request deadline would cut it off.
            reader: client(ClientOptions::new().with_timeout_disabled())?,
            photos: root.clone().join("photos"),
            orders: root.clone().join("order-photos"),
            staging,
            signed_urls: None,
        };
        let bucket = match config.signed_urls {
            Some(lasting) => {
                // The origin every signed URL shares, from one made now.
                let sample = bucket
                    .store
                    .signed_url(reqwest::Method::GET, &bucket.photos, lasting)
                    .await
                    .map_err(FileError::object(&bucket.photos))?;
                let origin = sample.origin().ascii_serialization();
                Self {
                    signed_urls: Some((lasting, origin)),
                    ..bucket
                }
            }
            None => bucket,
        };
        // The first page only: the stream asks for more as it is read.
        if let Some(Err(error)) = bucket.store.list(Some(&root)).next().await {
            return Err(FileError::object(&format!("s3://{}/{root}", config.bucket))(error));
        }
        std::fs::create_dir_all(&bucket.staging).map_err(FileError::at(&bucket.staging))?;
        let swept = super::sweep_part_files(&bucket.staging)?;
        if swept > 0 {
            tracing::info!(swept, "staged files of interrupted uploads deleted");
        }
        Ok(bucket)
    }

    fn project_key(&self, account_id: i64, project: &ClientId) -> Key {
        self.photos
            .clone()
            .join(account_id.to_string())
            .join(project.as_str())
    }

    pub(super) fn photo_key(&self, account_id: i64, project: &ClientId, photo: &ClientId) -> Key {
        self.project_key(account_id, project).join(photo.as_str())
    }

    fn order_key(&self, order_id: &str) -> Option<Key> {
        valid_order_id(order_id).then(|| self.orders.clone().join(order_id))
    }

    /// Sends the staged file up as the object `key`, replacing it.
    pub(super) async fn upload(
        &self,
        file: &Path,
        length: u64,
        key: &Key,
    ) -> Result<(), FileError> {
        let mut reader = tokio::fs::File::open(file)
            .await
            .map_err(FileError::at(file))?;
        if length <= PART_BYTES as u64 {
            let mut bytes = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
            reader
                .read_to_end(&mut bytes)
                .await
                .map_err(FileError::at(file))?;
            self.store
                .put(key, PutPayload::from(bytes))
                .await
                .map_err(FileError::object(key))?;
            return Ok(());
        }
        let upload = self
            .store
            .put_multipart(key)
            .await
            .map_err(FileError::object(key))?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, PART_BYTES);
        let mut buffer = vec![0; READ_BYTES];
        let sent = loop {
            if let Err(error) = writer.wait_for_capacity(PARTS_IN_FLIGHT).await {
                break Err(FileError::object(key)(error));
            }
            match reader.read(&mut buffer).await {
                Ok(0) => break Ok(()),
                Ok(read) => writer.write(&buffer[..read]),
                Err(error) => break Err(FileError::at(file)(error)),
            }
        };
        match sent {
            Ok(()) => writer
                .finish()
                .await
                .map(drop)
                .map_err(FileError::object(key)),
            Err(error) => {
                // Parts already sent would otherwise be kept (and billed)
                // until the bucket's lifecycle rule drops them.
                if let Err(abort) = writer.abort().await {
                    tracing::warn!(%abort, "cannot abort a failed multipart upload");
                }
                Err(error)
            }
        }
    }

    /// `None` when there is no such object.
    async fn open(&self, key: &Key) -> Result<Option<PhotoFile>, FileError> {
        match self.reader.get(key).await {
            Ok(found) => Ok(Some(PhotoFile {
                length: found.meta.size,
                body: found.into_stream().map_err(std::io::Error::from).boxed(),
            })),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(FileError::object(key)(error)),
        }
    }

    /// The origin of signed download URLs, when they are on.
    pub(super) fn signed_url_origin(&self) -> Option<&str> {
        self.signed_urls.as_ref().map(|(_, origin)| origin.as_str())
    }

    /// A short-lived URL that reads the photo straight from the bucket;
    /// `None` when signed URLs are off. Signing is local (no request): the
    /// object may be missing, and the bucket then answers 404 itself.
    pub(super) async fn photo_url(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<Option<String>, FileError> {
        let Some((lasting, _)) = &self.signed_urls else {
            return Ok(None);
        };
        let key = self.photo_key(account_id, project, photo);
        let url = self
            .store
            .signed_url(reqwest::Method::GET, &key, *lasting)
            .await
            .map_err(FileError::object(&key))?;
        Ok(Some(url.into()))
    }

    pub(super) async fn open_photo(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<Option<PhotoFile>, FileError> {
        self.open(&self.photo_key(account_id, project, photo)).await
    }

    pub(super) async fn open_order_photo(
        &self,
        order_id: &str,
        name: &str,
    ) -> Result<Option<PhotoFile>, FileError> {
        match self.order_key(order_id) {
            Some(order) => self.open(&order.clone().join(name)).await,
            None => Ok(None),
        }
    }

    /// Server-side copies, a few at a time. All or nothing: on a failure
    /// the copies made are deleted.
    pub(super) async fn freeze(
        &self,
        order_id: &str,
        photos: &[FrozenPhoto<'_>],
    ) -> Result<(), FileError> {
        let order = self
            .order_key(order_id)
            .ok_or_else(|| super::invalid_order_id(Path::new(self.orders.as_ref())))?;
        let copies: Vec<(Key, Key)> = photos
            .iter()
            .map(|frozen| {
                (
                    self.photo_key(frozen.account_id, frozen.project, frozen.photo),
                    order.clone().join(frozen.name()),
                )
            })
            .collect();
        let copied = futures_util::stream::iter(copies)
            .map(|(from, to)| async move {
                self.store
                    .copy(&from, &to)
                    .await
                    .map_err(FileError::object(&from))
            })
            .buffer_unordered(COPIES_IN_FLIGHT)
            .try_collect::<Vec<()>>()
            .await;
        if copied.is_err()
            && let Err(error) = self.remove_all(&order).await
        {
            tracing::error!(%error, "cannot delete the copies of an order not frozen");
        }
        copied.map(drop)
    }

    pub(super) async fn remove(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<(), FileError> {
        let key = self.photo_key(account_id, project, photo);
        match self.store.delete(&key).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(FileError::object(&key)(error)),
        }
    }

    pub(super) async fn remove_project(
        &self,
        account_id: i64,
        project: &ClientId,
    ) -> Result<(), FileError> {
        self.remove_all(&self.project_key(account_id, project))
            .await
    }

    pub(super) async fn remove_account(&self, account_id: i64) -> Result<(), FileError> {
        self.remove_all(&self.photos.clone().join(account_id.to_string()))
            .await
    }

    pub(super) async fn remove_order(&self, order_id: &str) -> Result<(), FileError> {
        match self.order_key(order_id) {
            Some(order) => self.remove_all(&order).await,
            None => Ok(()),
        }
    }

    /// Every object under `prefix` (a whole segment: `photos/7` is not a
    /// prefix of `photos/70/…`), deleted in batches as they are listed.
    async fn remove_all(&self, prefix: &Key) -> Result<(), FileError> {
        let listed = self
            .store
            .list(Some(prefix))
            .map_ok(|meta| meta.location)
            .boxed();
        self.store
            .delete_stream(listed)
            .try_for_each(|_| async { Ok(()) })
            .await
            .or_else(|error| match error {
                object_store::Error::NotFound { .. } => Ok(()),
                error => Err(error),
            })
            .map_err(FileError::object(prefix))
    }

    /// How long ago the newest object under the order's prefix was
    /// written (its copies are made together); `None` when there is none.
    pub(super) async fn order_folder_age(
        &self,
        order_id: &str,
    ) -> Result<Option<Duration>, FileError> {
        let Some(order) = self.order_key(order_id) else {
            return Ok(None);
        };
        let newest = self
            .store
            .list(Some(&order))
            .try_fold(None, |newest: Option<SystemTime>, meta| async move {
                let written = SystemTime::from(meta.last_modified);
                Ok(Some(newest.map_or(written, |newest| newest.max(written))))
            })
            .await
            .map_err(FileError::object(&order))?;
        // A clock behind the store's makes the order young: kept.
        Ok(newest.map(|written| written.elapsed().unwrap_or_default()))
    }

    /// The order ids under `order-photos/`.
    pub(super) async fn order_folders(&self) -> Result<Vec<String>, FileError> {
        let listed = self
            .store
            .list_with_delimiter(Some(&self.orders))
            .await
            .map_err(FileError::object(&self.orders))?;
        Ok(listed
            .common_prefixes
            .iter()
            .filter_map(|prefix| prefix.filename().map(str::to_owned))
            .collect())
    }
}
