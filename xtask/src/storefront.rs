//! Builds the storefront into `dist/`: Trunk (release, offline) for the
//! page, styles and icons, `wasm` for the split wasm bundle, `boot` to start
//! it from the page; then brotli and gzip copies beside each asset for the
//! server to send.

mod boot;
pub mod wasm;

use crate::compress;
use crate::error::XtaskError;
use crate::process::{self, command};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What the built storefront is made from: a change to any of these
/// triggers a rebuild.
const INPUTS: &[&str] = &[
    "src",
    "style",
    "assets",
    "shop-api/src",
    "index.html",
    "Cargo.toml",
    "Cargo.lock",
    "Trunk.toml",
    "shop-api/Cargo.toml",
    // How it is built: a new split or wasm-opt setting is a new build.
    "xtask/src/storefront",
    "xtask/src/storefront.rs",
];

const COMPRESSIBLE: &[&str] = &["html", "js", "wasm", "css", "svg"];

pub fn dist_dir(root: &Path) -> PathBuf {
    root.join("dist")
}

/// Builds unless `dist/` is newer than every input.
pub fn build(root: &Path) -> Result<(), XtaskError> {
    if is_up_to_date(root) {
        println!("xtask: storefront up to date in dist/");
        return Ok(());
    }
    process::run(command(root, "trunk").args(["build", "--release"]))?;
    let dist = dist_dir(root);
    let bundle = wasm::build(root, &dist)?;
    boot::insert(&dist.join("index.html"), &bundle)?;
    precompress(&dist)
}

fn is_up_to_date(root: &Path) -> bool {
    let built = std::fs::metadata(dist_dir(root).join("index.html"))
        .and_then(|meta| meta.modified())
        .ok();
    let newest_input = INPUTS
        .iter()
        .filter_map(|input| newest_modification(&root.join(input)))
        .max();
    matches!((built, newest_input), (Some(built), Some(input)) if built > input)
}

fn newest_modification(path: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_dir() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| newest_modification(&entry.path()))
        .max()
}

/// The files a browser may download from `dist/` and its folders (not the
/// compressed copies).
pub fn assets(dist: &Path) -> Result<Vec<PathBuf>, XtaskError> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist).map_err(XtaskError::io(dist))? {
        let path = entry.map_err(XtaskError::io(dist))?.path();
        if path.is_dir() {
            files.extend(assets(&path)?);
        } else if path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| COMPRESSIBLE.contains(&ext))
        {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn precompress(dist: &Path) -> Result<(), XtaskError> {
    for path in assets(dist)? {
        let data = std::fs::read(&path).map_err(XtaskError::io(&path))?;
        for (suffix, compressed) in [
            ("br", compress::brotli(&data)),
            ("gz", compress::gzip(&data)),
        ] {
            let mut target = path.clone().into_os_string();
            target.push(".");
            target.push(suffix);
            std::fs::write(&target, compressed).map_err(XtaskError::io(PathBuf::from(&target)))?;
        }
    }
    Ok(())
}
