//! Photo files in the data folder, one per photo:
//! `photos/<account_id>/<project_id>/<photo_id>`, and the frozen copies of
//! ordered photos, `order-photos/<order_id>/<line>-<position>`. The database
//! describes them; this module only writes, links, reads and deletes the
//! bytes.
//!
//! A photo is written to a temporary file beside its final name, flushed to
//! disk, then renamed over it: whatever interrupts an upload, the photo's
//! file is the old whole one or the new whole one, never half of either.

use super::ClientId;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::io::AsyncWriteExt as _;

/// Makes temporary names unique among the uploads in flight. Ids cannot
/// contain a dot, so a temporary name never collides with a photo.
static NEXT_UPLOAD: AtomicU64 = AtomicU64::new(0);

#[derive(Debug, thiserror::Error)]
#[error("photo files: {path}: {source}")]
pub struct FileError {
    path: PathBuf,
    source: std::io::Error,
}

impl FileError {
    fn at(path: &Path) -> impl FnOnce(std::io::Error) -> Self + '_ {
        move |source| Self {
            path: path.to_owned(),
            source,
        }
    }
}

/// The read size of a photo's download: with the connection's buffers
/// (`http::serve`), what one download holds, not the photo.
pub const DOWNLOAD_CHUNK_BYTES: usize = 32 * 1024;

/// An open photo file and its length (the `Content-Length`).
#[derive(Debug)]
pub struct PhotoFile {
    pub file: tokio::fs::File,
    pub length: u64,
}

/// An upload on its way to disk, under a temporary name. Its file is
/// deleted when it is dropped uncommitted (refused, interrupted, too big),
/// so only `commit` ever makes it a photo.
#[derive(Debug)]
pub struct StagedPhoto {
    file: tokio::fs::File,
    temporary: PathBuf,
    target: PathBuf,
    written: u64,
    committed: bool,
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

    /// Flushes the bytes to the disk, then renames them over the photo's
    /// name, replacing any earlier file of the same id.
    pub async fn commit(mut self) -> Result<(), FileError> {
        self.file
            .flush()
            .await
            .map_err(FileError::at(&self.temporary))?;
        // Before the rename, so that a power cut cannot leave the final
        // name pointing at a file whose bytes were never written.
        self.file
            .sync_all()
            .await
            .map_err(FileError::at(&self.temporary))?;
        tokio::fs::rename(&self.temporary, &self.target)
            .await
            .map_err(FileError::at(&self.target))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for StagedPhoto {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: a leftover temporary file is never read, and the
            // next start sweeps it.
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

#[derive(Debug, Clone)]
pub struct PhotoFiles {
    root: PathBuf,
    /// `order-photos`, beside `root`.
    orders_root: PathBuf,
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

impl PhotoFiles {
    /// Creates the folder if needed, so that a data folder the server
    /// cannot write to stops it at start-up rather than at the first upload,
    /// and deletes the temporary files of uploads a stopped process left.
    pub fn open(root: PathBuf) -> Result<Self, FileError> {
        std::fs::create_dir_all(&root).map_err(FileError::at(&root))?;
        let orders_root = root.with_file_name("order-photos");
        std::fs::create_dir_all(&orders_root).map_err(FileError::at(&orders_root))?;
        let swept = sweep_leftovers(&root)?;
        if swept > 0 {
            tracing::info!(swept, "temporary files of interrupted uploads deleted");
        }
        Ok(Self { root, orders_root })
    }

    /// Where an order's frozen photos are. Order ids are the server's own
    /// hex, safe as a file name; anything else has no folder.
    fn order_dir(&self, order_id: &str) -> Option<PathBuf> {
        let safe = !order_id.is_empty()
            && order_id.len() <= 64
            && order_id.bytes().all(|b| b.is_ascii_alphanumeric());
        safe.then(|| self.orders_root.join(order_id))
    }

    /// Freezes what an order will print: each photo's current file is
    /// linked under the order (no copy, no extra space), so that a later
    /// upload, which renames a new file over the project's name, or the
    /// project's deletion, leaves the order's photo as it was. All or
    /// nothing: on a failure the order's folder is removed.
    pub async fn freeze(
        &self,
        order_id: &str,
        photos: &[FrozenPhoto<'_>],
    ) -> Result<(), FileError> {
        let dir = self
            .order_dir(order_id)
            .ok_or_else(|| invalid_order_id(&self.orders_root))?;
        let links: Vec<(PathBuf, PathBuf)> = photos
            .iter()
            .map(|frozen| {
                (
                    self.path(frozen.account_id, frozen.project, frozen.photo),
                    dir.join(format!("{}-{}", frozen.line, frozen.position)),
                )
            })
            .collect();
        blocking(move || {
            let linked = std::fs::create_dir_all(&dir)
                .map_err(FileError::at(&dir))
                .and_then(|()| {
                    links
                        .iter()
                        .try_for_each(|(from, to)| link_or_copy(from, to))
                });
            if linked.is_err() {
                let _ = std::fs::remove_dir_all(&dir);
            }
            linked
        })
        .await
    }

    /// A frozen photo of an order, open for reading; `None` when there is
    /// none (or no longer: purged after the retention period).
    pub async fn open_order_photo(
        &self,
        order_id: &str,
        line: u32,
        position: u32,
    ) -> Result<Option<PhotoFile>, FileError> {
        let Some(dir) = self.order_dir(order_id) else {
            return Ok(None);
        };
        open_file(&dir.join(format!("{line}-{position}"))).await
    }

    /// Deletes an order's frozen photos; a folder already gone is fine.
    pub async fn remove_order(&self, order_id: &str) -> Result<(), FileError> {
        let Some(dir) = self.order_dir(order_id) else {
            return Ok(());
        };
        remove_dir(&dir).await
    }

    /// How long ago an order's folder was made; `None` when there is none.
    pub async fn order_folder_age(&self, order_id: &str) -> Result<Option<Duration>, FileError> {
        let Some(dir) = self.order_dir(order_id) else {
            return Ok(None);
        };
        let metadata = match tokio::fs::metadata(&dir).await {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(FileError::at(&dir)(error)),
        };
        let made = metadata.modified().map_err(FileError::at(&dir))?;
        // A clock set back makes the folder young: kept, not deleted.
        Ok(Some(made.elapsed().unwrap_or_default()))
    }

    /// The ids of the orders that have a folder of frozen photos.
    pub async fn order_folders(&self) -> Result<Vec<String>, FileError> {
        let root = self.orders_root.clone();
        blocking(move || {
            Ok(read_dirs(&root)?
                .into_iter()
                .filter_map(|dir| Some(dir.file_name()?.to_str()?.to_owned()))
                .collect())
        })
        .await
    }

    fn project_dir(&self, account_id: i64, project: &ClientId) -> PathBuf {
        self.root
            .join(account_id.to_string())
            .join(project.as_str())
    }

    /// Where the photo's bytes live (tests look there).
    pub fn path(&self, account_id: i64, project: &ClientId, photo: &ClientId) -> PathBuf {
        self.project_dir(account_id, project).join(photo.as_str())
    }

    /// Opens the temporary file an upload is written to as its bytes
    /// arrive: memory per upload is one network buffer, not the photo.
    pub async fn stage(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<StagedPhoto, FileError> {
        let dir = self.project_dir(account_id, project);
        let target = dir.join(photo.as_str());
        let upload = NEXT_UPLOAD.fetch_add(1, Ordering::Relaxed);
        let temporary = dir.join(format!(".{}.{upload}.part", photo.as_str()));
        tokio::fs::create_dir_all(&dir)
            .await
            .map_err(FileError::at(&dir))?;
        let file = tokio::fs::File::create(&temporary)
            .await
            .map_err(FileError::at(&temporary))?;
        Ok(StagedPhoto {
            file,
            temporary,
            target,
            written: 0,
            committed: false,
        })
    }

    /// The photo's file, open for reading, or `None` when there is none.
    /// Read as it is sent, never whole: a thousand downloads of a 25 MiB
    /// photo must not hold 25 GiB. A rewrite renames a new file over the
    /// name, so an open file stays the whole old photo.
    pub async fn open_photo(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<Option<PhotoFile>, FileError> {
        open_file(&self.path(account_id, project, photo)).await
    }

    /// Deletes the photo's file; a file already gone is fine.
    pub async fn remove(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<(), FileError> {
        let path = self.path(account_id, project, photo);
        match tokio::fs::remove_file(&path).await {
            Err(error) if error.kind() != ErrorKind::NotFound => Err(FileError::at(&path)(error)),
            _ => Ok(()),
        }
    }

    /// Deletes every photo file of the account (its deletion); orders'
    /// frozen copies are links elsewhere and stay.
    pub async fn remove_account(&self, account_id: i64) -> Result<(), FileError> {
        remove_dir(&self.root.join(account_id.to_string())).await
    }

    /// Deletes the folder of a project and every file in it.
    pub async fn remove_project(
        &self,
        account_id: i64,
        project: &ClientId,
    ) -> Result<(), FileError> {
        remove_dir(&self.project_dir(account_id, project)).await
    }
}

/// A link where the file system has them; a copy where it does not.
fn link_or_copy(from: &Path, to: &Path) -> Result<(), FileError> {
    match std::fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == ErrorKind::NotFound => Err(FileError::at(from)(error)),
        Err(_) => std::fs::copy(from, to)
            .map(drop)
            .map_err(FileError::at(from)),
    }
}

async fn open_file(path: &Path) -> Result<Option<PhotoFile>, FileError> {
    let file = match tokio::fs::File::open(path).await {
        Ok(file) => file,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(FileError::at(path)(error)),
    };
    let length = file.metadata().await.map_err(FileError::at(path))?.len();
    Ok(Some(PhotoFile { file, length }))
}

async fn remove_dir(path: &Path) -> Result<(), FileError> {
    match tokio::fs::remove_dir_all(path).await {
        Err(error) if error.kind() != ErrorKind::NotFound => Err(FileError::at(path)(error)),
        _ => Ok(()),
    }
}

fn invalid_order_id(root: &Path) -> FileError {
    FileError::at(root)(std::io::Error::new(
        ErrorKind::InvalidInput,
        "an order id is letters and digits",
    ))
}

/// `photos/<account>/<project>/.<photo>.<n>.part`: no photo's name starts
/// with a dot, so only an upload's temporary file is deleted. Called before
/// the server takes requests, so no upload is in progress.
fn sweep_leftovers(root: &Path) -> Result<usize, FileError> {
    let mut swept = 0;
    for account in read_dirs(root)? {
        for project in read_dirs(&account)? {
            let entries = std::fs::read_dir(&project).map_err(FileError::at(&project))?;
            for entry in entries {
                let path = entry.map_err(FileError::at(&project))?.path();
                let name = path.file_name().and_then(|name| name.to_str());
                if name.is_some_and(|name| name.starts_with('.') && name.ends_with(".part")) {
                    std::fs::remove_file(&path).map_err(FileError::at(&path))?;
                    swept += 1;
                }
            }
        }
    }
    Ok(swept)
}

fn read_dirs(path: &Path) -> Result<Vec<PathBuf>, FileError> {
    let entries = std::fs::read_dir(path).map_err(FileError::at(path))?;
    let mut dirs = Vec::new();
    for entry in entries {
        let path = entry.map_err(FileError::at(path))?.path();
        if path.is_dir() {
            dirs.push(path);
        }
    }
    Ok(dirs)
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, FileError> + Send + 'static,
) -> Result<T, FileError> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|join| {
            Err(FileError {
                path: PathBuf::new(),
                source: std::io::Error::other(join),
            })
        })
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
        tokio::io::AsyncReadExt::read_to_end(&mut opened.file, &mut bytes)
            .await
            .unwrap();
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
