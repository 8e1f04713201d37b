//! Serves the built storefront (Trunk's `dist`): hashed assets cached for a
//! year, precompressed copies when the browser accepts them, and
//! `index.html`, never cached, for every client-side route.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_http::services::ServeDir;

const INDEX_CACHE: &str = "no-cache";
const HASHED_CACHE: &str = "public, max-age=31536000, immutable";
const OTHER_CACHE: &str = "public, max-age=3600";

#[derive(Debug, thiserror::Error)]
pub enum StorefrontError {
    #[error("cannot read {path}: {source}")]
    ReadIndex {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The storefront as built on disk. `index.html` is read once at start-up:
/// the CSP hashes of its inline scripts are computed from it, so a rebuilt
/// storefront needs a server restart (which `cargo xtask dev` does).
#[derive(Clone)]
pub struct Storefront {
    inner: Arc<Inner>,
}

struct Inner {
    dist_dir: PathBuf,
    index: Option<Bytes>,
    hashes: InlineHashes,
}

/// CSP source expressions (`'sha256-…'`) of index.html's inline code.
#[derive(Default)]
pub struct InlineHashes {
    /// The start script of the wasm bundle.
    pub scripts: Vec<String>,
    /// The styles, inlined so that no stylesheet request blocks the first
    /// paint.
    pub styles: Vec<String>,
}

impl Storefront {
    pub fn load(dist_dir: &Path) -> Result<Self, StorefrontError> {
        let path = dist_dir.join("index.html");
        let index = match std::fs::read(&path) {
            Ok(bytes) => Some(Bytes::from(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                tracing::warn!(path = %path.display(), "storefront not built: only the API is served (run `cargo xtask dev`)");
                None
            }
            Err(source) => return Err(StorefrontError::ReadIndex { path, source }),
        };
        let hashes = index
            .as_deref()
            .map(|html| {
                let html = String::from_utf8_lossy(html);
                InlineHashes {
                    scripts: inline_hashes(&html, "script"),
                    styles: inline_hashes(&html, "style"),
                }
            })
            .unwrap_or_default();
        Ok(Self {
            inner: Arc::new(Inner {
                dist_dir: dist_dir.to_owned(),
                index,
                hashes,
            }),
        })
    }

    pub fn inline_hashes(&self) -> &InlineHashes {
        &self.inner.hashes
    }
}

/// The routes for every path that is not the API.
pub fn router(storefront: Storefront) -> Router {
    let files = ServeDir::new(&storefront.inner.dist_dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(get(client_route).with_state(storefront));
    Router::new()
        .fallback_service(files)
        .layer(axum::middleware::from_fn(cache_control))
}

/// A path without a file extension is a client-side route: answer the app.
/// A missing file (`/missing.js`) is a real 404, not HTML in disguise.
async fn client_route(State(storefront): State<Storefront>, request: Request) -> Response {
    if looks_like_a_file(request.uri().path()) {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    }
    match &storefront.inner.index {
        Some(index) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            )],
            index.clone(),
        )
            .into_response(),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            "The storefront is not built. Run `cargo xtask dev`.",
        )
            .into_response(),
    }
}

async fn cache_control(request: Request, next: Next) -> Response {
    let policy = cache_policy(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    } else {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn looks_like_a_file(path: &str) -> bool {
    last_segment(path).contains('.')
}

/// Trunk names built assets `name-<hex hash>.ext`, and `cargo xtask` puts
/// the split wasm in a folder `wasm-<hex hash>/`: such a name never changes
/// content, so browsers may keep it forever.
fn cache_policy(path: &str) -> &'static str {
    let name = last_segment(path);
    // The page, and the texts it fetches (`/content/{fr,en}/*.json`): their
    // names never change, and the CGV's must match the version the app
    // shows, so the browser checks them on each use (a 304 when unchanged).
    if !looks_like_a_file(path) || name == "index.html" || name.ends_with(".json") {
        return INDEX_CACHE;
    }
    let stem = name.split('.').next().unwrap_or(name);
    // wasm-bindgen appends `_bg` to the module's name after Trunk's hash.
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let in_hashed_folder = path
        .trim_start_matches('/')
        .split('/')
        .collect::<Vec<_>>()
        .split_last()
        .is_some_and(|(_, folders)| folders.iter().copied().any(is_hashed));
    if is_hashed(stem) || in_hashed_folder {
        HASHED_CACHE
    } else {
        OTHER_CACHE
    }
}

/// `name-<at least 8 hex digits>`.
fn is_hashed(stem: &str) -> bool {
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// CSP source expressions (`'sha256-…'`) for each inline `<script>` or
/// `<style>` (`element`) of the page, so that they apply without
/// `unsafe-inline`.
pub fn inline_hashes(html: &str, element: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let (open, close_tag) = (format!("<{element}"), format!("</{element}"));
    let mut hashes = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find(&open).map(|i| i + from) {
        let Some(tag_end) = lower[start..].find('>').map(|i| i + start) else {
            break;
        };
        let Some(close) = lower[tag_end..].find(&close_tag).map(|i| i + tag_end) else {
            break;
        };
        let is_inline = !lower[start..tag_end].contains(" src=");
        if is_inline {
            let digest = Sha256::digest(&html.as_bytes()[tag_end + 1..close]);
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{encoded}'"));
        }
        from = close;
    }
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<head><script src="/a.js"></script><SCRIPT type="module">
import init from '/x.js';
</SCRIPT></head>"#;
        let hashes = inline_hashes(html, "script");
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest("\nimport init from '/x.js';\n".as_bytes()));
        assert_eq!(hashes, vec![format!("'sha256-{expected}'")]);
    }

    #[test]
    fn hashes_each_inline_style() {
        let html = "<head><style>a{color:red}</style><script>x</script><style>b{}</style></head>";
        let hash = |css: &str| {
            let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css));
            format!("'sha256-{digest}'")
        };
        assert_eq!(
            inline_hashes(html, "style"),
            vec![hash("a{color:red}"), hash("b{}")]
        );
    }

    #[test]
    fn hashed_assets_are_immutable_and_routes_are_not_cached() {
        assert_eq!(
            cache_policy("/storefront-1a2b3c4d5e6f7a8b_bg.wasm"),
            HASHED_CACHE
        );
        assert_eq!(
            cache_policy("/storefront-1a2b3c4d5e6f7a8b.js"),
            HASHED_CACHE
        );
        assert_eq!(cache_policy("/style-0123456789abcdef.css"), HASHED_CACHE);
        assert_eq!(cache_policy("/"), INDEX_CACHE);
        assert_eq!(cache_policy("/panier"), INDEX_CACHE);
        assert_eq!(cache_policy("/index.html"), INDEX_CACHE);
        assert_eq!(
            cache_policy("/wasm-0123456789abcdef/split_cart.wasm"),
            HASHED_CACHE
        );
        assert_eq!(
            cache_policy("/wasm-0123456789abcdef/__wasm_split.js"),
            HASHED_CACHE
        );
        assert_eq!(cache_policy("/images/split_cart.wasm"), OTHER_CACHE);
        assert_eq!(cache_policy("/robots.txt"), OTHER_CACHE);
        assert_eq!(cache_policy("/my-photos.css"), OTHER_CACHE);
    }

    #[test]
    fn the_texts_the_app_fetches_are_checked_on_each_use() {
        // The CGV page's text must never be an hour older than its version.
        assert_eq!(cache_policy("/content/fr/legal.json"), INDEX_CACHE);
        assert_eq!(cache_policy("/content/en/help.json"), INDEX_CACHE);
    }
}
