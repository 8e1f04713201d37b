//! `cargo xtask size`: the bytes a shopper downloads before the first
//! interactive page (HTML, JS, wasm, CSS), raw and compressed.

use crate::compress;
use crate::error::XtaskError;
use crate::setup::{self, Needs};
use crate::storefront;
use std::path::Path;

pub fn run(root: &Path) -> Result<(), XtaskError> {
    setup::ensure(root, Needs::Build)?;
    storefront::build(root)?;
    let dist = storefront::dist_dir(root);
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut totals = [0usize; 3];
    for path in storefront::assets(&dist)? {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The favicon is fetched after the page is usable.
        if name.ends_with(".svg") {
            continue;
        }
        let data = std::fs::read(&path).map_err(XtaskError::io(&path))?;
        let sizes = [
            data.len(),
            compress::gzip(&data).len(),
            compress::brotli(&data).len(),
        ];
        println!(
            "{name:<44} {:>10} {:>10} {:>10}",
            sizes[0], sizes[1], sizes[2]
        );
        for (total, size) in totals.iter_mut().zip(sizes) {
            *total += size;
        }
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "critical path total (bytes)", totals[0], totals[1], totals[2]
    );
    Ok(())
}
