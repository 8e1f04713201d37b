//! Photo files, one per photo, and the frozen copies of ordered photos,
//! in a photo store: a folder on this machine (`folder.rs`, the default)
//! or an S3-compatible bucket that several server processes share
//! (`bucket.rs`). The database describes them; this module only writes,
//! copies, reads and deletes the bytes.
//!
//! An upload is written to a temporary file on this machine as it arrives
//! (`StagedPhoto`), judged there, then committed: renamed over the photo's
//! name in a folder, or sent to the bucket. Either way, whatever interrupts
//! an upload, the photo is the old whole one or the new whole one, never
//! half of either.

mod bucket;
mod folder;

use super::ClientId;
use crate::config::photos::PhotoLocation;
use futures_util::stream::BoxStream;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::io::AsyncWriteExt as _;

pub use bucket::PART_BYTES;
pub use folder::DOWNLOAD_CHUNK_BYTES;

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("photo files: {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("photo store: {key}: {source}")]
    Object {
        key: String,
        source: object_store::Error,
    },
}

impl FileError {
    fn at(path: &Path) -> impl FnOnce(std::io::Error) -> Self + '_ {
        move |source| Self::Io {
            path: path.to_owned(),
            source,
        }
    }

    fn object(key: &(impl std::fmt::Display + ?Sized)) -> impl FnOnce(object_store::Error) -> Self {
        let key = key.to_string();
        move |source| Self::Object { key, source }
    }
}

/// A photo's bytes as they are read (from a file or the bucket's answer),
/// never whole.
pub type PhotoBytes = BoxStream<'static, std::io::Result<bytes::Bytes>>;

/// An open photo and its length (the `Content-Length`).
pub struct PhotoFile {
    pub length: u64,
    pub body: PhotoBytes,
}

impl std::fmt::Debug for PhotoFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhotoFile")
            .field("length", &self.length)
            .finish_non_exhaustive()
    }
}

/// Where a staged upload goes once judged.
#[derive(Debug)]
enum Destination {
    /// Renamed over this name (same folder as the temporary file).
    File(PathBuf),
    /// Sent up as this object.
    Object(bucket::BucketStore, object_store::path::Path),
}

/// An upload on its way to the store, in a temporary file. The file is
/// deleted when it is dropped uncommitted (refused, interrupted, too big)
/// or once sent to a bucket, so only `commit` ever makes it a photo.
#[derive(Debug)]
pub struct StagedPhoto {
    file: tokio::fs::File,
    temporary: PathBuf,
    destination: Destination,
    written: u64,
    /// The temporary file became the photo (renamed): nothing to delete.
    renamed: bool,
}

impl StagedPhoto {
    pub async fn append(&mut self, bytes: &[u8]) -> Result<(), FileError> {
        self.file
            .write_all(bytes)
            .await
            .map_err(FileError::at(&self.temporary))?;
        self.written += u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        Ok(())
    }

    /// Bytes appended so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Runs `read` on the bytes written so far, on a blocking thread (the
    /// checks of an image seek and read a file of up to 25 MiB).
    pub async fn read_with<T: Send + 'static>(
        &mut self,
        read: impl FnOnce(&mut std::fs::File) -> T + Send + 'static,
    ) -> Result<T, FileError> {
        self.file
            .flush()
            .await
            .map_err(FileError::at(&self.temporary))?;
        let temporary = self.temporary.clone();
        blocking(move || {
            let mut file = std::fs::File::open(&temporary).map_err(FileError::at(&temporary))?;
            Ok(read(&mut file))
        })
        .await
    }

    /// Makes the bytes the photo, replacing any earlier one of the same id:
    /// in a folder, flushed to the disk then renamed over the photo's name;
    /// in a bucket, sent up (the object is replaced when the upload
    /// completes, never before).
    pub async fn commit(mut self) -> Result<(), FileError> {
        self.file
            .flush()
            .await
            .map_err(FileError::at(&self.temporary))?;
        match &self.destination {
            Destination::File(target) => {
                // Before the rename, so that a power cut cannot leave the
                // final name pointing at a file whose bytes were never
                // written.
                self.file
                    .sync_all()
                    .await
                    .map_err(FileError::at(&self.temporary))?;
                tokio::fs::rename(&self.temporary, target)
                    .await
                    .map_err(FileError::at(target))?;
                self.renamed = true;
            }
            Destination::Object(bucket, key) => {
                bucket.upload(&self.temporary, self.written, key).await?;
            }
        }
        Ok(())
    }
}

impl Drop for StagedPhoto {
    fn drop(&mut self) {
        if !self.renamed {
            // Best effort: a leftover temporary file is never read, and the
            // next start sweeps it.
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

#[derive(Debug, Clone)]
enum Store {
    Folder(folder::FolderStore),
    Bucket(bucket::BucketStore),
}

/// The photo store the server was configured with; cheap to clone.
#[derive(Debug, Clone)]
pub struct PhotoFiles {
    store: Store,
}

/// One photo of an order line, to freeze: where it is now, where it goes.
#[derive(Debug, Clone)]
pub struct FrozenPhoto<'a> {
    pub account_id: i64,
    pub project: &'a ClientId,
    pub photo: &'a ClientId,
    pub line: u32,
    pub position: u32,
}

impl FrozenPhoto<'_> {
    /// Its name under the order: `<line>-<position>`.
    fn name(&self) -> String {
        order_photo_name(self.line, self.position)
    }
}

fn order_photo_name(line: u32, position: u32) -> String {
    format!("{line}-{position}")
}

impl PhotoFiles {
    /// A folder store whose photos are in `root` (`<data>/photos`), the
    /// orders' beside it. Creates the folders if needed, so that a data
    /// folder the server cannot write to stops it at start-up rather than
    /// at the first upload, and deletes the temporary files of uploads a
    /// stopped process left.
    pub fn open(root: PathBuf) -> Result<Self, FileError> {
        Ok(Self {
            store: Store::Folder(folder::FolderStore::open(root)?),
        })
    }

    /// The configured store: `<folder>/photos` and `<folder>/order-photos`,
    /// or the bucket, with uploads staged in `staging` on this machine.
    pub async fn connect(location: &PhotoLocation, staging: PathBuf) -> Result<Self, FileError> {
        match location {
            PhotoLocation::Folder(root) => Self::open(root.join("photos")),
            PhotoLocation::Bucket(config) => Ok(Self {
                store: Store::Bucket(bucket::BucketStore::connect(config, staging).await?),
            }),
        }
    }

    /// Whether photos are in a bucket (shared by every server process).
    pub fn is_bucket(&self) -> bool {
        matches!(self.store, Store::Bucket(_))
    }

    /// The origin of signed download URLs when the store hands them out
    /// (the CSP's `connect-src` must name it).
    pub fn signed_url_origin(&self) -> Option<&str> {
        match &self.store {
            Store::Folder(_) => None,
            Store::Bucket(bucket) => bucket.signed_url_origin(),
        }
    }

    /// A short-lived URL that reads the photo without the shop, when the
    /// store hands them out; ask only once the photo is known to be the
    /// caller's.
    pub async fn photo_url(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<Option<String>, FileError> {
        match &self.store {
            Store::Folder(_) => Ok(None),
            Store::Bucket(bucket) => bucket.photo_url(account_id, project, photo).await,
        }
    }

    /// Freezes what an order will print: each photo's current bytes are
    /// kept under the order (a link in a folder, a server-side copy in a
    /// bucket), so that a later upload or the project's deletion leaves the
    /// order's photo as it was. All or nothing.
    pub async fn freeze(
        &self,
        order_id: &str,
        photos: &[FrozenPhoto<'_>],
    ) -> Result<(), FileError> {
        match &self.store {
            Store::Folder(folder) => folder.freeze(order_id, photos).await,
            Store::Bucket(bucket) => bucket.freeze(order_id, photos).await,
        }
    }

    /// A frozen photo of an order, open for reading; `None` when there is
    /// none (or no longer: purged after the retention period).
    pub async fn open_order_photo(
        &self,
        order_id: &str,
        line: u32,
        position: u32,
    ) -> Result<Option<PhotoFile>, FileError> {
        let name = order_photo_name(line, position);
        match &self.store {
            Store::Folder(folder) => folder.open_order_photo(order_id, &name).await,
            Store::Bucket(bucket) => bucket.open_order_photo(order_id, &name).await,
        }
    }

    /// Deletes an order's frozen photos; none there is fine.
    pub async fn remove_order(&self, order_id: &str) -> Result<(), FileError> {
        match &self.store {
            Store::Folder(folder) => folder.remove_order(order_id).await,
            Store::Bucket(bucket) => bucket.remove_order(order_id).await,
        }
    }

    /// How long ago an order's frozen photos were made; `None` when there
    /// are none.
    pub async fn order_folder_age(&self, order_id: &str) -> Result<Option<Duration>, FileError> {
        match &self.store {
            Store::Folder(folder) => folder.order_folder_age(order_id).await,
            Store::Bucket(bucket) => bucket.order_folder_age(order_id).await,
        }
    }

    /// The ids of the orders that have frozen photos.
    pub async fn order_folders(&self) -> Result<Vec<String>, FileError> {
        match &self.store {
            Store::Folder(folder) => folder.order_folders().await,
            Store::Bucket(bucket) => bucket.order_folders().await,
        }
    }

    /// Opens the temporary file an upload is written to as its bytes
    /// arrive: memory per upload is one network buffer, not the photo.
    pub async fn stage(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<StagedPhoto, FileError> {
        let (file, temporary, destination) = match &self.store {
            Store::Folder(folder) => {
                let (file, temporary, target) = folder.stage(account_id, project, photo).await?;
                (file, temporary, Destination::File(target))
            }
            Store::Bucket(bucket) => {
                let temporary = bucket.staging.join(folder::temporary_name(photo));
                let file = tokio::fs::File::create(&temporary)
                    .await
                    .map_err(FileError::at(&temporary))?;
                let key = bucket.photo_key(account_id, project, photo);
                (file, temporary, Destination::Object(bucket.clone(), key))
            }
        };
        Ok(StagedPhoto {
            file,
            temporary,
            destination,
            written: 0,
            renamed: false,
        })
    }

    /// The photo's bytes, open for reading, or `None` when there are none.
    /// Read as they are sent, never whole: a thousand downloads of a 25 MiB
    /// photo must not hold 25 GiB.
    pub async fn open_photo(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<Option<PhotoFile>, FileError> {
        match &self.store {
            Store::Folder(folder) => folder.open_photo(account_id, project, photo).await,
            Store::Bucket(bucket) => bucket.open_photo(account_id, project, photo).await,
        }
    }

    /// Deletes the photo; one already gone is fine.
    pub async fn remove(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<(), FileError> {
        match &self.store {
            Store::Folder(folder) => folder.remove(account_id, project, photo).await,
            Store::Bucket(bucket) => bucket.remove(account_id, project, photo).await,
        }
    }

    /// Deletes every photo of the account (its deletion); orders' frozen
    /// copies are elsewhere and stay.
    pub async fn remove_account(&self, account_id: i64) -> Result<(), FileError> {
        match &self.store {
            Store::Folder(folder) => folder.remove_account(account_id).await,
            Store::Bucket(bucket) => bucket.remove_account(account_id).await,
        }
    }

    /// Deletes a project's photos.
    pub async fn remove_project(
        &self,
        account_id: i64,
        project: &ClientId,
    ) -> Result<(), FileError> {
        match &self.store {
            Store::Folder(folder) => folder.remove_project(account_id, project).await,
            Store::Bucket(bucket) => bucket.remove_project(account_id, project).await,
        }
    }
}

/// Order ids are the server's own hex, safe as a file name or key segment;
/// anything else has no photos.
fn valid_order_id(order_id: &str) -> bool {
    !order_id.is_empty()
        && order_id.len() <= 64
        && order_id.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn invalid_order_id(root: &Path) -> FileError {
    FileError::at(root)(std::io::Error::new(
        ErrorKind::InvalidInput,
        "an order id is letters and digits",
    ))
}

/// Deletes the `.<photo>.<n>.part` files in `dir`: no photo's name starts
/// with a dot, so only an upload's temporary file goes.
fn sweep_part_files(dir: &Path) -> Result<usize, FileError> {
    let mut swept = 0;
    let entries = std::fs::read_dir(dir).map_err(FileError::at(dir))?;
    for entry in entries {
        let path = entry.map_err(FileError::at(dir))?.path();
        let name = path.file_name().and_then(|name| name.to_str());
        if name.is_some_and(|name| name.starts_with('.') && name.ends_with(".part")) {
            std::fs::remove_file(&path).map_err(FileError::at(&path))?;
            swept += 1;
        }
    }
    Ok(swept)
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, FileError> + Send + 'static,
) -> Result<T, FileError> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|join| Err(FileError::at(Path::new(""))(std::io::Error::other(join))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(value: &str) -> ClientId {
        ClientId::parse(value).unwrap()
    }

    async fn write(files: &PhotoFiles, project: &ClientId, photo: &ClientId, bytes: &[u8]) {
        let mut staged = files.stage(7, project, photo).await.unwrap();
        staged.append(bytes).await.unwrap();
        staged.commit().await.unwrap();
    }

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect()
    }

    #[tokio::test]
    async fn an_upload_dropped_before_its_commit_leaves_nothing() {
        let dir = tempfile::TempDir::new().unwrap();
        let files = PhotoFiles::open(dir.path().join("photos")).unwrap();
        let (project, photo) = (id("p1"), id("ph1"));
        write(&files, &project, &photo, b"kept").await;
        let mut staged = files.stage(7, &project, &photo).await.unwrap();
        staged.append(b"half a ").await.unwrap();
        staged.append(b"photo").await.unwrap();
        assert_eq!(staged.written(), 12);
        let read = staged
            .read_with(|file| {
                let mut text = String::new();
                std::io::Read::read_to_string(file, &mut text).map(|_| text)
            })
            .await
            .unwrap()
            .unwrap();
        assert_eq!(read, "half a photo");
        assert_eq!(names(&dir.path().join("photos/7/p1")).len(), 2);
        drop(staged);
        assert_eq!(names(&dir.path().join("photos/7/p1")), ["ph1"]);
    }

    #[tokio::test]
    async fn a_rewrite_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::TempDir::new().unwrap();
        let files = PhotoFiles::open(dir.path().join("photos")).unwrap();
        let (project, photo) = (id("p1"), id("ph1"));
        write(&files, &project, &photo, b"first").await;
        write(&files, &project, &photo, b"second").await;
        let mut opened = files
            .open_photo(7, &project, &photo)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(opened.length, 6);
        let mut bytes = Vec::new();
        while let Some(chunk) = futures_util::StreamExt::next(&mut opened.body).await {
            bytes.extend_from_slice(&chunk.unwrap());
        }
        assert_eq!(bytes, b"second");
        assert_eq!(names(&dir.path().join("photos/7/p1")), ["ph1"]);

        files.remove(7, &project, &photo).await.unwrap();
        files.remove(7, &project, &photo).await.unwrap();
        assert!(
            files
                .open_photo(7, &project, &photo)
                .await
                .unwrap()
                .is_none()
        );
        files.remove_project(7, &project).await.unwrap();
        files.remove_project(7, &project).await.unwrap();
        assert!(!dir.path().join("photos/7/p1").exists());
    }

    #[tokio::test]
    async fn a_folder_url_holds_photos_and_order_photos_as_the_data_folder_does() {
        let dir = tempfile::TempDir::new().unwrap();
        let root = dir.path().join("shared");
        let location = PhotoLocation::Folder(root.clone());
        let files = PhotoFiles::connect(&location, dir.path().join("unused"))
            .await
            .unwrap();
        assert!(!files.is_bucket());
        let (project, photo) = (id("p1"), id("ph1"));
        write(&files, &project, &photo, b"bytes").await;
        assert!(root.join("photos/7/p1/ph1").is_file());
        let frozen = FrozenPhoto {
            account_id: 7,
            project: &project,
            photo: &photo,
            line: 0,
            position: 2,
        };
        files.freeze("abc123", &[frozen]).await.unwrap();
        assert!(root.join("order-photos/abc123/0-2").is_file());
        assert_eq!(files.order_folders().await.unwrap(), ["abc123"]);
        assert!(files.freeze("../x", &[]).await.is_err(), "ids are checked");
        assert!(
            !dir.path().join("unused").exists(),
            "no staging for a folder"
        );
    }

    #[test]
    fn leftovers_of_interrupted_uploads_are_deleted_at_start() {
        let dir = tempfile::TempDir::new().unwrap();
        let project = dir.path().join("photos/7/p1");
        std::fs::create_dir_all(&project).unwrap();
        std::fs::write(project.join("ph1"), b"kept").unwrap();
        std::fs::write(project.join(".ph2.41.part"), b"half a photo").unwrap();
        PhotoFiles::open(dir.path().join("photos")).unwrap();
        let names: Vec<_> = std::fs::read_dir(&project)
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["ph1"]);
    }
}
