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
    "content",
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

const COMPRESSIBLE: &[&str] = &["html", "js", "wasm", "css", "svg", "json"];

pub fn dist_dir(root: &Path) -> PathBuf {
    root.join("dist")
}

/// Builds unless the last complete build is newer than every input.
pub fn build(root: &Path) -> Result<(), XtaskError> {
    if is_up_to_date(root) {
        println!("xtask: storefront up to date in dist/");
        return Ok(());
    }
    let started = SystemTime::now();
    let stamp_file = stamp_path(root);
    if stamp_file.exists() {
        std::fs::remove_file(&stamp_file).map_err(XtaskError::io(&stamp_file))?;
    }
    process::run(command(root, "trunk").args(["build", "--release"]))?;
    let dist = dist_dir(root);
    let bundle = wasm::build(root, &dist)?;
    boot::insert(&dist.join("index.html"), &bundle)?;
    precompress(&dist)?;
    stamp(root, started)
}

/// Written once `dist/` is complete, outside it (the server would serve
/// it): a build stopped halfway (Ctrl-C during the minutes of wasm-opt or
/// compression) leaves a fresh `index.html` but no stamp, so the next run
/// builds again instead of serving a page without its app.
fn stamp_path(root: &Path) -> PathBuf {
    root.join("target").join("storefront-built.stamp")
}

/// Dates the build from when it started: a file saved while it ran (the
/// build takes minutes) is newer, so the next run builds again.
fn stamp(root: &Path, started: SystemTime) -> Result<(), XtaskError> {
    let path = stamp_path(root);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(XtaskError::io(parent))?;
    }
    std::fs::write(&path, "")
        .and_then(|()| std::fs::File::options().write(true).open(&path))
        .and_then(|file| file.set_modified(started))
        .map_err(XtaskError::io(&path))
}

fn is_up_to_date(root: &Path) -> bool {
    if !dist_dir(root).join("index.html").exists() {
        return false;
    }
    let built = std::fs::metadata(stamp_path(root))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_file_saved_during_the_build_makes_the_next_run_build_again() {
        let root = std::env::temp_dir().join(format!("xtask-stamp-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("src")).unwrap();
        std::fs::create_dir_all(root.join("dist")).unwrap();
        let started = SystemTime::now() - Duration::from_secs(60);
        // Saved during the build, which then writes its output.
        let edited = root.join("src/lib.rs");
        std::fs::write(&edited, "// edited").unwrap();
        let at = |path: &Path, time: SystemTime| {
            let file = std::fs::File::options().write(true).open(path).unwrap();
            file.set_modified(time).unwrap();
        };
        at(&edited, started + Duration::from_secs(30));
        std::fs::write(root.join("dist/index.html"), "<html>").unwrap();
        stamp(&root, started).unwrap();
        assert!(!is_up_to_date(&root), "the edit is newer than the build");
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_build_stopped_halfway_is_built_again() {
        let root = std::env::temp_dir().join(format!("xtask-halfway-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("src")).unwrap();
        std::fs::create_dir_all(root.join("dist")).unwrap();
        std::fs::write(root.join("src/lib.rs"), "// source").unwrap();
        let started = SystemTime::now() + Duration::from_secs(1);
        // Trunk has written the page, then Ctrl-C during wasm-opt or the
        // compression: the page is newer than the sources, yet incomplete.
        std::fs::write(root.join("dist/index.html"), "<html>").unwrap();
        let file = std::fs::File::options()
            .write(true)
            .open(root.join("dist/index.html"))
            .unwrap();
        file.set_modified(started + Duration::from_secs(60))
            .unwrap();
        assert!(!is_up_to_date(&root));
        stamp(&root, started).unwrap();
        assert!(is_up_to_date(&root));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
