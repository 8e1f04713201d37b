//! `cargo xtask size`: the bytes a shopper downloads before each route is
//! interactive (HTML, styles, JS, the main wasm, the route's own modules
//! and the texts of `content/` it fetches), as the server sends them (its brotli copies), against the
//! goals and ceilings of `routes.rs`. `cargo xtask test` fails on a route
//! over its ceiling.

mod routes;

use crate::error::XtaskError;
use crate::setup::{self, Needs};
use crate::storefront::{self, wasm};
use routes::ROUTES;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn run(root: &Path) -> Result<(), XtaskError> {
    setup::ensure(root, Needs::Build)?;
    storefront::build(root)?;
    let dist = storefront::dist_dir(root);
    print_files(&dist)?;
    let report = measure(&dist)?;
    report.print();
    Ok(())
}

/// What `cargo xtask test` checks: prints the route table, fails over budget.
pub fn check(root: &Path) -> Result<bool, XtaskError> {
    storefront::build(root)?;
    let report = measure(&storefront::dist_dir(root))?;
    report.print();
    Ok(report.within_budget())
}

/// Every file a browser may fetch, raw and as sent (brotli).
fn print_files(dist: &Path) -> Result<(), XtaskError> {
    println!("{:<52} {:>10} {:>10}", "file", "raw", "brotli");
    for path in storefront::assets(dist)? {
        let name = path
            .strip_prefix(dist)
            .unwrap_or(&path)
            .display()
            .to_string();
        println!(
            "{name:<52} {:>10} {:>10}",
            file_size(&path)?,
            brotli_size(&path)?
        );
    }
    Ok(())
}

pub struct RouteSize {
    pub path: &'static str,
    pub bytes: u64,
    pub goal: u64,
    pub ceiling: u64,
    pub files: usize,
}

pub struct Report {
    pub routes: Vec<RouteSize>,
}

impl Report {
    fn print(&self) {
        println!(
            "{:<22} {:>8} {:>14} {:>10} {:>10}  verdict",
            "route (first load)", "requests", "brotli bytes", "goal", "ceiling"
        );
        for route in &self.routes {
            let verdict = if route.bytes > route.ceiling {
                "OVER CEILING"
            } else if route.bytes > route.goal {
                "within ceiling, over goal"
            } else {
                "ok"
            };
            println!(
                "{:<22} {:>8} {:>14} {:>10} {:>10}  {verdict}",
                route.path, route.files, route.bytes, route.goal, route.ceiling
            );
        }
    }

    fn within_budget(&self) -> bool {
        self.routes.iter().all(|route| route.bytes <= route.ceiling)
    }
}

/// The critical path of each route: what `index.html` loads for every
/// route, plus the files of the route's split points.
pub fn measure(dist: &Path) -> Result<Report, XtaskError> {
    let bundle = bundle_dir(dist)?;
    let manifest_path = bundle.join(wasm::MANIFEST);
    let manifest =
        std::fs::read_to_string(&manifest_path).map_err(XtaskError::io(&manifest_path))?;
    let manifest: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&manifest).map_err(|error| {
            XtaskError::Setup(format!(
                "{} is not a split manifest: {error}",
                manifest_path.display()
            ))
        })?;
    routes::check_every_split_has_a_route(&manifest)?;
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(XtaskError::io(&index))?;
    let mut shared = vec![index];
    shared.extend(linked_files(&html).into_iter().map(|file| dist.join(file)));
    let mut routes = Vec::new();
    for route in ROUTES {
        let mut files = shared.clone();
        for split in route.splits {
            let stems = manifest.get(*split).ok_or_else(|| {
                XtaskError::Setup(format!(
                    "the split manifest has no `{split}` for {}",
                    route.path
                ))
            })?;
            // Splits share chunks: each file is fetched once.
            for file in stems.iter().map(|stem| bundle.join(format!("{stem}.wasm"))) {
                if !files.contains(&file) {
                    files.push(file);
                }
            }
        }
        files.extend(route.content.iter().map(|file| dist.join(file)));
        let mut bytes = 0;
        for file in &files {
            bytes += brotli_size(file)?;
        }
        routes.push(RouteSize {
            path: route.path,
            bytes,
            goal: route.goal,
            ceiling: route.ceiling,
            files: files.len(),
        });
    }
    Ok(Report { routes })
}

/// The files `index.html` makes the browser fetch at once: styles,
/// module preloads and the wasm preload (the icon waits for the page).
fn linked_files(html: &str) -> Vec<String> {
    html.split("<link ")
        .skip(1)
        .filter(|tag| {
            let tag = tag.split('>').next().unwrap_or_default();
            [
                "rel=\"stylesheet\"",
                "rel=\"modulepreload\"",
                "rel=\"preload\"",
            ]
            .iter()
            .any(|rel| tag.contains(rel))
        })
        .filter_map(|tag| tag.split("href=\"").nth(1)?.split('"').next())
        .map(|href| href.trim_start_matches('/').to_owned())
        .collect()
}

fn bundle_dir(dist: &Path) -> Result<PathBuf, XtaskError> {
    std::fs::read_dir(dist)
        .map_err(XtaskError::io(dist))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| {
            path.is_dir()
                && path
                    .file_name()
                    .and_then(|name| name.to_str())
                    .is_some_and(|name| name.starts_with("wasm-"))
        })
        .ok_or_else(|| XtaskError::Setup(format!("{} has no wasm bundle folder", dist.display())))
}

fn file_size(path: &Path) -> Result<u64, XtaskError> {
    Ok(std::fs::metadata(path).map_err(XtaskError::io(path))?.len())
}

/// The brotli copy the server sends, written by the storefront build.
fn brotli_size(path: &Path) -> Result<u64, XtaskError> {
    let mut compressed = path.as_os_str().to_owned();
    compressed.push(".br");
    file_size(Path::new(&compressed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_critical_path_is_what_the_page_links_at_once() {
        let html = r#"<link rel="icon" href="/favicon-1.svg"/><link rel="stylesheet" href="/base-2.css" integrity="x"/>
            <link rel="modulepreload" href="/wasm-3/storefront.js" /><link rel="preload" href="/wasm-3/storefront_bg.wasm" as="fetch" />"#;
        assert_eq!(
            linked_files(html),
            [
                "base-2.css",
                "wasm-3/storefront.js",
                "wasm-3/storefront_bg.wasm"
            ]
        );
    }
}
