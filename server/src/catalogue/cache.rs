//! The catalogue held in memory: read from SQLite once at start-up, then
//! shared by every request that shows or prices it (`GET /api/v1/catalogue`,
//! quotes, cart totals, carts, projects, new orders), so that no request
//! reads the catalogue tables.
//!
//! Why loading once is enough: the catalogue tables (`products`,
//! `product_formats`, `volume_tiers`, `cover_options`, `delivery_options`,
//! `shop_settings`) change only by migration, and migrations run when the
//! server opens the database, before this cache is loaded. No endpoint,
//! operator's or other, writes them. One that does must replace the cache in
//! the same code path (the cache would then need a swappable cell), or the
//! server would keep selling at the old prices until restarted.
//!
//! The JSON the storefront receives is serialised once, and compressed once
//! (brotli and gzip at their best settings: compressing it again for every
//! request would cost more than everything else the request does), with a
//! weak ETag of its bytes: a browser revalidating (`If-None-Match`) gets a
//! 304 instead of the catalogue again. Weak because the same JSON goes out
//! in three encodings.

use crate::db::{Database, DbError};
use axum::body::Bytes;
use axum::http::HeaderValue;
use sha2::{Digest, Sha256};
use shop_api::catalogue::Catalogue;
use std::fmt::Write as _;
use std::io::Write as _;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum CatalogueCacheError {
    #[error("cannot load the catalogue: {0}")]
    Load(#[from] DbError),
    #[error("cannot serialise the catalogue: {0}")]
    Serialise(#[from] serde_json::Error),
    #[error("cannot compress the catalogue: {0}")]
    Compress(#[from] std::io::Error),
}

/// A content coding the catalogue's JSON is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    /// The `Content-Encoding` token, `None` for identity.
    pub fn token(self) -> Option<&'static str> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some("gzip"),
            Encoding::Brotli => Some("br"),
        }
    }
}

/// The catalogue, its JSON and the JSON's ETag; cheap to clone (one `Arc`).
#[derive(Debug, Clone)]
pub struct CatalogueCache {
    loaded: Arc<Loaded>,
}

#[derive(Debug)]
struct Loaded {
    catalogue: Arc<Catalogue>,
    json: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    etag: HeaderValue,
}

impl CatalogueCache {
    /// Reads the catalogue tables (the only time the server does).
    pub async fn load(db: &Database) -> Result<Self, CatalogueCacheError> {
        Self::new(db.load_catalogue().await?)
    }

    pub fn new(catalogue: Catalogue) -> Result<Self, CatalogueCacheError> {
        let json = serde_json::to_vec(&catalogue)?;
        let gzip = gzip(&json)?.into();
        let brotli = brotli(&json)?.into();
        let etag = weak_etag(&json);
        Ok(Self {
            loaded: Arc::new(Loaded {
                catalogue: Arc::new(catalogue),
                json: json.into(),
                gzip,
                brotli,
                etag,
            }),
        })
    }

    pub fn catalogue(&self) -> &Arc<Catalogue> {
        &self.loaded.catalogue
    }

    /// The catalogue as `application/json` bytes in `encoding` (a clone is
    /// a reference count, not a copy).
    pub fn json(&self, encoding: Encoding) -> Bytes {
        match encoding {
            Encoding::Identity => self.loaded.json.clone(),
            Encoding::Gzip => self.loaded.gzip.clone(),
            Encoding::Brotli => self.loaded.brotli.clone(),
        }
    }

    pub fn etag(&self) -> &HeaderValue {
        &self.loaded.etag
    }

    /// Whether an `If-None-Match` header value names this catalogue (weak
    /// comparison, RFC 9110 §13.1.2: `W/` prefixes are ignored).
    pub fn matches(&self, if_none_match: &HeaderValue) -> bool {
        let Ok(list) = if_none_match.to_str() else {
            return false;
        };
        let ours = opaque(self.loaded.etag.to_str().unwrap_or_default());
        list.split(',')
            .map(str::trim)
            .any(|tag| tag == "*" || opaque(tag) == ours)
    }
}

fn gzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data)?;
    encoder.finish()
}

fn brotli(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)?;
    Ok(out)
}

fn opaque(tag: &str) -> &str {
    tag.strip_prefix("W/").unwrap_or(tag)
}

/// `W/"` + the first 16 bytes of the JSON's SHA-256 in hex + `"`.
fn weak_etag(json: &[u8]) -> HeaderValue {
    let digest = Sha256::digest(json);
    let mut tag = String::with_capacity(36);
    tag.push_str("W/\"");
    for byte in &digest[..16] {
        let _ = write!(tag, "{byte:02x}");
    }
    tag.push('"');
    // Only ASCII hex digits and quotes: always a valid header value.
    HeaderValue::from_str(&tag).unwrap_or(HeaderValue::from_static("W/\"catalogue\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn seeded() -> (CatalogueCache, Catalogue) {
        let dir = tempfile::TempDir::new().unwrap();
        let db = Database::open(dir.path()).await.unwrap();
        let cache = CatalogueCache::load(&db).await.unwrap();
        let read = db.load_catalogue().await.unwrap();
        db.close().await;
        (cache, read)
    }

    #[tokio::test]
    async fn holds_the_seeded_catalogue_and_its_json() {
        let (cache, read) = seeded().await;
        assert_eq!(**cache.catalogue(), read);
        let json = serde_json::to_vec(&read).unwrap();
        assert_eq!(cache.json(Encoding::Identity), json);
        let mut unzipped = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&cache.json(Encoding::Gzip)[..]),
            &mut unzipped,
        )
        .unwrap();
        assert_eq!(unzipped, json);
        let mut unbrotlied = Vec::new();
        brotli::BrotliDecompress(&mut &cache.json(Encoding::Brotli)[..], &mut unbrotlied).unwrap();
        assert_eq!(unbrotlied, json);
        assert!(cache.json(Encoding::Brotli).len() < json.len() / 2);
    }

    #[tokio::test]
    async fn its_etag_is_weak_and_follows_the_content() {
        let (cache, mut read) = seeded().await;
        let tag = cache.etag().to_str().unwrap().to_owned();
        assert!(tag.starts_with("W/\"") && tag.ends_with('"') && tag.len() == 36);
        read.free_delivery_threshold.cents += 100;
        let changed = CatalogueCache::new(read).unwrap();
        assert_ne!(changed.etag(), cache.etag());
    }

    #[tokio::test]
    async fn revalidation_matches_its_own_tag_weak_or_strong() {
        let (cache, _) = seeded().await;
        let tag = cache.etag().to_str().unwrap();
        let strong = tag.strip_prefix("W/").unwrap();
        for header in [
            tag.to_owned(),
            strong.to_owned(),
            format!("\"other\", {tag}"),
            "*".to_owned(),
        ] {
            assert!(
                cache.matches(&HeaderValue::from_str(&header).unwrap()),
                "{header}"
            );
        }
        for header in ["\"other\"", "W/\"other\"", ""] {
            assert!(
                !cache.matches(&HeaderValue::from_str(header).unwrap()),
                "{header}"
            );
        }
    }
}
