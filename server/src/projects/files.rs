//! Photo files in the data folder, one per photo:
//! `photos/<account_id>/<project_id>/<photo_id>`. The database describes
//! them; this module only writes, reads and deletes the bytes.
//!
//! A photo is written to a temporary file beside its final name, flushed to
//! disk, then renamed over it: whatever interrupts an upload, the photo's
//! file is the old whole one or the new whole one, never half of either.

use super::ClientId;
use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

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

/// An open photo file and its length (the `Content-Length`).
#[derive(Debug)]
pub struct PhotoFile {
    pub file: tokio::fs::File,
    pub length: u64,
}

#[derive(Debug, Clone)]
pub struct PhotoFiles {
    root: PathBuf,
}

impl PhotoFiles {
    /// Creates the folder if needed, so that a data folder the server
    /// cannot write to stops it at start-up rather than at the first upload,
    /// and deletes the temporary files of uploads a stopped process left.
    pub fn open(root: PathBuf) -> Result<Self, FileError> {
        std::fs::create_dir_all(&root).map_err(FileError::at(&root))?;
        let swept = sweep_leftovers(&root)?;
        if swept > 0 {
            tracing::info!(swept, "temporary files of interrupted uploads deleted");
        }
        Ok(Self { root })
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

    /// Writes the photo whole, replacing any earlier file of the same id.
    pub async fn write(
        &self,
        account_id: i64,
        project: &ClientId,
        photo: &ClientId,
        bytes: Vec<u8>,
    ) -> Result<(), FileError> {
        let dir = self.project_dir(account_id, project);
        let target = dir.join(photo.as_str());
        let upload = NEXT_UPLOAD.fetch_add(1, Ordering::Relaxed);
        let temporary = dir.join(format!(".{}.{upload}.part", photo.as_str()));
        blocking(move || {
            std::fs::create_dir_all(&dir).map_err(FileError::at(&dir))?;
            let written = write_synced(&temporary, &bytes)
                .and_then(|()| std::fs::rename(&temporary, &target));
            written.map_err(|source| {
                // Best effort: a leftover temporary file is never read.
                let _ = std::fs::remove_file(&temporary);
                FileError::at(&target)(source)
            })
        })
        .await
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
        let path = self.path(account_id, project, photo);
        let file = match tokio::fs::File::open(&path).await {
            Ok(file) => file,
            Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(FileError::at(&path)(error)),
        };
        let length = file.metadata().await.map_err(FileError::at(&path))?.len();
        Ok(Some(PhotoFile { file, length }))
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

    /// Deletes the folder of a project and every file in it.
    pub async fn remove_project(
        &self,
        account_id: i64,
        project: &ClientId,
    ) -> Result<(), FileError> {
        let path = self.project_dir(account_id, project);
        match tokio::fs::remove_dir_all(&path).await {
            Err(error) if error.kind() != ErrorKind::NotFound => Err(FileError::at(&path)(error)),
            _ => Ok(()),
        }
    }
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

/// Flushed to the disk before the rename, so that a power cut cannot leave
/// the final name pointing at a file whose bytes were never written.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
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

    #[tokio::test]
    async fn a_rewrite_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::TempDir::new().unwrap();
        let files = PhotoFiles::open(dir.path().join("photos")).unwrap();
        let (project, photo) = (id("p1"), id("ph1"));
        files
            .write(7, &project, &photo, b"first".to_vec())
            .await
            .unwrap();
        files
            .write(7, &project, &photo, b"second".to_vec())
            .await
            .unwrap();
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
        let names: Vec<_> = std::fs::read_dir(dir.path().join("photos/7/p1"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["ph1"]);

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
