//! The photo store as a folder on this machine (the default, and
//! `file:///…`): `photos/<account>/<project>/<photo>` and
//! `order-photos/<order>/<line>-<position>`. An upload is written beside
//! its final name, flushed to disk, then renamed over it; an order's photos
//! are hard links, so freezing them costs no space.

use super::{FileError, FrozenPhoto, PhotoFile, blocking, valid_order_id};
use crate::projects::ClientId;
use futures_util::StreamExt as _;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio_util::io::ReaderStream;

/// Makes temporary names unique among the uploads in flight. Ids cannot
/// contain a dot, so a temporary name never collides with a photo.
static NEXT_UPLOAD: AtomicU64 = AtomicU64::new(0);

/// The read size of a photo's download: with the connection's buffers
/// (`http::serve`), what one download holds, not the photo.
pub const DOWNLOAD_CHUNK_BYTES: usize = 32 * 1024;

#[derive(Debug, Clone)]
pub(super) struct FolderStore {
    root: PathBuf,
    /// `order-photos`, beside `root`.
    orders_root: PathBuf,
}

impl FolderStore {
    /// Creates the folders if needed, so that a data folder the server
    /// cannot write to stops it at start-up rather than at the first upload,
    /// and deletes the temporary files of uploads a stopped process left.
    pub(super) fn open(root: PathBuf) -> Result<Self, FileError> {
        std::fs::create_dir_all(&root).map_err(FileError::at(&root))?;
        let orders_root = root.with_file_name("order-photos");
        std::fs::create_dir_all(&orders_root).map_err(FileError::at(&orders_root))?;
        let swept = sweep_leftovers(&root)?;
        if swept > 0 {
            tracing::info!(swept, "temporary files of interrupted uploads deleted");
        }
        Ok(Self { root, orders_root })
    }

    fn order_dir(&self, order_id: &str) -> Option<PathBuf> {
        valid_order_id(order_id).then(|| self.orders_root.join(order_id))
    }

    /// Each photo's current file is linked under the order, so that a
    /// later upload (a new file renamed over the project's name) or the
    /// project's deletion leaves the order's photo as it was. All or
    /// nothing: on a failure the order's folder is removed.
    pub(super) async fn freeze(
        &self,
        order_id: &str,
        photos: &[FrozenPhoto<'_>],
    ) -> Result<(), FileError> {
        let dir = self
            .order_dir(order_id)
            .ok_or_else(|| super::invalid_order_id(&self.orders_root))?;
        let links: Vec<(PathBuf, PathBuf)> = photos
            .iter()
            .map(|frozen| {
                (
                    self.path(frozen.account_id, frozen.project, frozen.photo),
                    dir.join(frozen.name()),
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

    pub(super) async fn open_order_photo(
        &self,
        order_id: &str,
        name: &str,
    ) -> Result<Option<PhotoFile>, FileError> {
        let Some(dir) = self.order_dir(order_id) else {
            return Ok(None);
        };
        open_file(&dir.join(name)).await
    }

    pub(super) async fn remove_order(&self, order_id: &str) -> Result<(), FileError> {
        let Some(dir) = self.order_dir(order_id) else {
            return Ok(());
        };
        remove_dir(&dir).await
    }

    pub(super) async fn order_folder_age(
        &self,
        order_id: &str,
    ) -> Result<Option<Duration>, FileError> {
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

    pub(super) async fn order_folders(&self) -> Result<Vec<String>, FileError> {
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

    fn path(&self, account_id: i64, project: &ClientId, photo: &ClientId) -> PathBuf {
        self.project_dir(account_id, project).join(photo.as_str())
    }

    /// The temporary file beside the photo's name, and that name.
    pub(super) async fn stage(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<(tokio::fs::File, PathBuf, PathBuf), FileError> {
        let dir = self.project_dir(account_id, project);
        let target = dir.join(photo.as_str());
        let temporary = dir.join(temporary_name(photo));
        tokio::fs::create_dir_all(&dir)
            .await
            .map_err(FileError::at(&dir))?;
        let file = tokio::fs::File::create(&temporary)
            .await
            .map_err(FileError::at(&temporary))?;
        Ok((file, temporary, target))
    }

    /// A rewrite renames a new file over the name, so an open file stays
    /// the whole old photo.
    pub(super) async fn open_photo(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
    ) -> Result<Option<PhotoFile>, FileError> {
        open_file(&self.path(account_id, project, photo)).await
    }

    pub(super) async fn remove(
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

    /// Orders' frozen copies are links elsewhere and stay.
    pub(super) async fn remove_account(&self, account_id: i64) -> Result<(), FileError> {
        remove_dir(&self.root.join(account_id.to_string())).await
    }

    pub(super) async fn remove_project(
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

/// `.<photo>.<n>.part`, unique among the uploads in flight.
pub(super) fn temporary_name(photo: &ClientId) -> String {
    let upload = NEXT_UPLOAD.fetch_add(1, Ordering::Relaxed);
    format!(".{}.{upload}.part", photo.as_str())
}

/// Read as it is sent, a chunk at a time, never whole: a thousand
/// downloads of a 25 MiB photo must not hold 25 GiB.
async fn open_file(path: &Path) -> Result<Option<PhotoFile>, FileError> {
    let file = match tokio::fs::File::open(path).await {
        Ok(file) => file,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(FileError::at(path)(error)),
    };
    let length = file.metadata().await.map_err(FileError::at(path))?.len();
    Ok(Some(PhotoFile {
        length,
        body: ReaderStream::with_capacity(file, DOWNLOAD_CHUNK_BYTES).boxed(),
    }))
}

async fn remove_dir(path: &Path) -> Result<(), FileError> {
    match tokio::fs::remove_dir_all(path).await {
        Err(error) if error.kind() != ErrorKind::NotFound => Err(FileError::at(path)(error)),
        _ => Ok(()),
    }
}

/// `photos/<account>/<project>/.<photo>.<n>.part`: no photo's name starts
/// with a dot, so only an upload's temporary file is deleted. Called before
/// the server takes requests, so no upload is in progress.
fn sweep_leftovers(root: &Path) -> Result<usize, FileError> {
    let mut swept = 0;
    for account in read_dirs(root)? {
        for project in read_dirs(&account)? {
            swept += super::sweep_part_files(&project)?;
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
