//! Where the photos live: `SHOP_PHOTOS_URL` (a folder, the default, or an
//! S3-compatible bucket) and the bucket's endpoint and credentials, each in
//! its own variable so that secrets never sit in a URL that logs may print.
//! Parsed into a [`PhotoLocation`] that `projects::files` opens.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, clap::Args)]
pub struct PhotoStoreArgs {
    /// Where photos are kept: `file:///absolute/folder` or
    /// `s3://bucket[/prefix]`. Either holds `photos/` and `order-photos/`.
    /// Default: the data folder (`<data-dir>/photos`, as before). Several
    /// server processes share photos only through `s3://`.
    #[arg(long, env = "SHOP_PHOTOS_URL", value_parser = parse_photos_url)]
    pub photos_url: Option<PhotosUrl>,
    /// The S3 endpoint (`https://s3.fr-par.scw.cloud`,
    /// `http://127.0.0.1:8333`); AWS's own from the region when not set.
    #[arg(long, env = "SHOP_S3_ENDPOINT")]
    pub s3_endpoint: Option<String>,
    /// The bucket's region (`us-east-1` when not set).
    #[arg(long, env = "SHOP_S3_REGION")]
    pub s3_region: Option<String>,
    /// The access key id; with the secret below, or neither (then the
    /// instance's own role, from the cloud's metadata endpoint).
    #[arg(long, env = "SHOP_S3_ACCESS_KEY_ID", hide_env_values = true)]
    pub s3_access_key_id: Option<String>,
    /// The secret access key (never printed, nor logged).
    #[arg(long, env = "SHOP_S3_SECRET_ACCESS_KEY", hide_env_values = true)]
    pub s3_secret_access_key: Option<String>,
    /// Allows an `http://` endpoint that is not on loopback (photos and
    /// signatures then cross the network in clear).
    #[arg(long, env = "SHOP_S3_ALLOW_HTTP")]
    pub s3_allow_http: bool,
    /// Answers a shopper's photo download, once the shop has checked that
    /// the photo is theirs, with a redirect to a URL signed for this many
    /// seconds, so that the bytes go from the bucket to the browser without
    /// passing through the shop. Off by default. The endpoint must then be
    /// reachable by browsers and allow the shop's origin (CORS); the CSP's
    /// `connect-src` names it.
    #[arg(long, env = "SHOP_S3_SIGNED_URL_SECONDS", value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub s3_signed_url_seconds: Option<u32>,
}

/// `SHOP_PHOTOS_URL`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotosUrl {
    Folder(PathBuf),
    Bucket { bucket: String, prefix: String },
}

/// Everything `projects::files` needs to open the photo store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoLocation {
    /// `<root>/photos/…` and `<root>/order-photos/…` on this machine.
    Folder(PathBuf),
    Bucket(BucketConfig),
}

#[derive(Clone, PartialEq, Eq)]
pub struct BucketConfig {
    pub bucket: String,
    /// Keys start with it (no leading or trailing `/`); may be empty.
    pub prefix: String,
    pub endpoint: Option<String>,
    pub region: Option<String>,
    pub credentials: Option<(String, String)>,
    pub allow_http: bool,
    /// How long a signed download URL lasts; `None`: downloads are
    /// streamed through the shop.
    pub signed_urls: Option<std::time::Duration>,
}

// By hand: the secret must never reach a log line.
impl std::fmt::Debug for BucketConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BucketConfig")
            .field("bucket", &self.bucket)
            .field("prefix", &self.prefix)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .field(
                "access_key_id",
                &self.credentials.as_ref().map(|(id, _)| id),
            )
            .field("allow_http", &self.allow_http)
            .field("signed_urls", &self.signed_urls)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoStoreConfigError {
    #[error(
        "SHOP_S3_ENDPOINT / SHOP_S3_REGION / SHOP_S3_ACCESS_KEY_ID / SHOP_S3_SECRET_ACCESS_KEY / \
         SHOP_S3_SIGNED_URL_SECONDS are set but SHOP_PHOTOS_URL (--photos-url) is not an s3:// bucket"
    )]
    S3SettingsWithoutBucket,
    #[error(
        "SHOP_S3_ACCESS_KEY_ID and SHOP_S3_SECRET_ACCESS_KEY go together: set both, or neither"
    )]
    HalfCredentials,
    #[error("SHOP_S3_ENDPOINT is not an http(s) URL: {0}")]
    InvalidEndpoint(String),
    #[error(
        "SHOP_S3_ENDPOINT {0} is plain http off loopback: use https, or set \
         SHOP_S3_ALLOW_HTTP (--s3-allow-http) if that network is trusted"
    )]
    PlainHttpEndpoint(String),
}

impl PhotoStoreArgs {
    /// The store to open; `data_dir` is the default folder.
    pub fn location(&self, data_dir: &Path) -> Result<PhotoLocation, PhotoStoreConfigError> {
        let s3_settings = self.s3_endpoint.is_some()
            || self.s3_region.is_some()
            || self.s3_access_key_id.is_some()
            || self.s3_secret_access_key.is_some()
            || self.s3_signed_url_seconds.is_some();
        let (bucket, prefix) = match &self.photos_url {
            None | Some(PhotosUrl::Folder(_)) if s3_settings => {
                return Err(PhotoStoreConfigError::S3SettingsWithoutBucket);
            }
            None => return Ok(PhotoLocation::Folder(data_dir.to_owned())),
            Some(PhotosUrl::Folder(root)) => return Ok(PhotoLocation::Folder(root.clone())),
            Some(PhotosUrl::Bucket { bucket, prefix }) => (bucket, prefix),
        };
        let credentials = match (&self.s3_access_key_id, &self.s3_secret_access_key) {
            (Some(id), Some(secret)) => Some((id.clone(), secret.clone())),
            (None, None) => None,
            _ => return Err(PhotoStoreConfigError::HalfCredentials),
        };
        let mut allow_http = false;
        if let Some(endpoint) = &self.s3_endpoint {
            let uri: axum::http::Uri = endpoint
                .parse()
                .map_err(|_| PhotoStoreConfigError::InvalidEndpoint(endpoint.clone()))?;
            let host = uri
                .host()
                .ok_or_else(|| PhotoStoreConfigError::InvalidEndpoint(endpoint.clone()))?;
            match uri.scheme_str() {
                Some("https") => {}
                Some("http") if self.s3_allow_http || is_loopback(host) => allow_http = true,
                Some("http") => {
                    return Err(PhotoStoreConfigError::PlainHttpEndpoint(endpoint.clone()));
                }
                _ => return Err(PhotoStoreConfigError::InvalidEndpoint(endpoint.clone())),
            }
        }
        Ok(PhotoLocation::Bucket(BucketConfig {
            bucket: bucket.clone(),
            prefix: prefix.clone(),
            endpoint: self.s3_endpoint.clone(),
            region: self.s3_region.clone(),
            credentials,
            allow_http,
            signed_urls: self
                .s3_signed_url_seconds
                .map(|seconds| std::time::Duration::from_secs(seconds.into())),
        }))
    }
}

/// `localhost`, `127.0.0.0/8` or `::1` (in brackets, as a URL has it).
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// `file:///absolute/folder` or `s3://bucket[/prefix]`. A bucket name is
/// S3's (3 to 63 lowercase letters, digits, `.` and `-`); a prefix is
/// path segments of letters, digits, `.`, `-` and `_`, so that no key is
/// ever ambiguous or escapes it.
pub fn parse_photos_url(value: &str) -> Result<PhotosUrl, String> {
    if let Some(path) = value.strip_prefix("file://") {
        let path = Path::new(path);
        if !path.is_absolute() {
            return Err("expected file:///absolute/folder (three slashes)".into());
        }
        if path
            .components()
            .any(|part| matches!(part, std::path::Component::ParentDir))
        {
            return Err("a photo folder's path may not contain `..`".into());
        }
        return Ok(PhotosUrl::Folder(path.to_owned()));
    }
    let Some(rest) = value.strip_prefix("s3://") else {
        return Err("expected file:///absolute/folder or s3://bucket[/prefix]".into());
    };
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    let bucket_ok = (3..=63).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
        && !bucket.starts_with(['.', '-'])
        && !bucket.ends_with(['.', '-']);
    if !bucket_ok {
        return Err(format!("not an S3 bucket name: {bucket:?}"));
    }
    let prefix = prefix.trim_end_matches('/');
    let prefix_ok = prefix.is_empty()
        || prefix.split('/').all(|segment| {
            !segment.is_empty()
                && segment != "."
                && segment != ".."
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        });
    if !prefix_ok {
        return Err(format!(
            "not a key prefix (segments of letters, digits, '.', '-', '_'): {prefix:?}"
        ));
    }
    Ok(PhotosUrl::Bucket {
        bucket: bucket.to_owned(),
        prefix: prefix.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(url: Option<&str>) -> PhotoStoreArgs {
        PhotoStoreArgs {
            photos_url: url.map(|url| parse_photos_url(url).unwrap()),
            ..PhotoStoreArgs::default()
        }
    }

    #[test]
    fn urls_name_a_folder_or_a_bucket_and_prefix() {
        assert_eq!(
            parse_photos_url("file:///srv/shop/photos"),
            Ok(PhotosUrl::Folder("/srv/shop/photos".into()))
        );
        assert_eq!(
            parse_photos_url("s3://shop-photos"),
            Ok(PhotosUrl::Bucket {
                bucket: "shop-photos".into(),
                prefix: String::new()
            })
        );
        assert_eq!(
            parse_photos_url("s3://shop-photos/prod/eu_1/"),
            Ok(PhotosUrl::Bucket {
                bucket: "shop-photos".into(),
                prefix: "prod/eu_1".into()
            })
        );
        for refused in [
            "file://relative/photos",
            "file:///srv/../etc",
            "/srv/photos",
            "photos",
            "https://bucket.s3.amazonaws.com",
            "s3://",
            "s3://ab",
            "s3://Upper",
            "s3://-bucket",
            "s3://bucket_name",
            "s3://bucket/a//b",
            "s3://bucket/../x",
            "s3://bucket/a b",
            "s3://bucket/%2e",
        ] {
            assert!(parse_photos_url(refused).is_err(), "{refused} refused");
        }
    }

    #[test]
    fn the_default_is_the_data_folder() {
        let data = Path::new("/var/lib/shop");
        assert_eq!(
            args(None).location(data),
            Ok(PhotoLocation::Folder(data.into()))
        );
        assert_eq!(
            args(Some("file:///mnt/photos")).location(data),
            Ok(PhotoLocation::Folder("/mnt/photos".into()))
        );
    }

    #[test]
    fn s3_settings_need_a_bucket_and_both_halves_of_the_key() {
        let data = Path::new("data");
        let mut stray = args(None);
        stray.s3_endpoint = Some("https://s3.example.com".into());
        assert_eq!(
            stray.location(data),
            Err(PhotoStoreConfigError::S3SettingsWithoutBucket)
        );
        let mut half = args(Some("s3://photos"));
        half.s3_access_key_id = Some("id".into());
        assert_eq!(
            half.location(data),
            Err(PhotoStoreConfigError::HalfCredentials)
        );
        half.s3_secret_access_key = Some("secret".into());
        let Ok(PhotoLocation::Bucket(bucket)) = half.location(data) else {
            panic!("a bucket");
        };
        assert_eq!(bucket.credentials, Some(("id".into(), "secret".into())));
        assert!(!format!("{bucket:?}").contains("secret"), "never logged");
        assert_eq!(bucket.signed_urls, None, "streamed unless asked");
        half.s3_signed_url_seconds = Some(60);
        let Ok(PhotoLocation::Bucket(bucket)) = half.location(data) else {
            panic!("a bucket");
        };
        assert_eq!(bucket.signed_urls, Some(std::time::Duration::from_secs(60)));
        let mut folder = args(Some("file:///srv/photos"));
        folder.s3_signed_url_seconds = Some(60);
        assert_eq!(
            folder.location(data),
            Err(PhotoStoreConfigError::S3SettingsWithoutBucket)
        );
    }

    #[test]
    fn plain_http_is_for_loopback_or_an_explicit_flag() {
        let data = Path::new("data");
        let with = |endpoint: &str, allow: bool| {
            let mut args = args(Some("s3://photos/shop"));
            args.s3_endpoint = Some(endpoint.into());
            args.s3_allow_http = allow;
            args.location(data)
        };
        for loopback in [
            "http://127.0.0.1:8333",
            "http://localhost:9000",
            "http://[::1]:8333",
        ] {
            let Ok(PhotoLocation::Bucket(bucket)) = with(loopback, false) else {
                panic!("{loopback} allowed");
            };
            assert!(bucket.allow_http);
            assert_eq!(bucket.prefix, "shop");
        }
        assert_eq!(
            with("http://10.0.0.5:8333", false),
            Err(PhotoStoreConfigError::PlainHttpEndpoint(
                "http://10.0.0.5:8333".into()
            ))
        );
        assert!(with("http://10.0.0.5:8333", true).is_ok());
        let Ok(PhotoLocation::Bucket(bucket)) = with("https://s3.fr-par.scw.cloud", false) else {
            panic!("https allowed");
        };
        assert!(!bucket.allow_http);
        assert!(matches!(
            with("ftp://s3.example.com", false),
            Err(PhotoStoreConfigError::InvalidEndpoint(_))
        ));
        assert!(matches!(
            with("not a url", false),
            Err(PhotoStoreConfigError::InvalidEndpoint(_))
        ));
    }

    #[test]
    fn flags_and_variables_reach_the_arguments() {
        use clap::Parser as _;
        let config = crate::config::Config::parse_from([
            "shop-server",
            "--photos-url",
            "s3://photos",
            "--s3-endpoint",
            "http://127.0.0.1:8333",
            "--s3-access-key-id",
            "id",
            "--s3-secret-access-key",
            "secret",
        ]);
        assert_eq!(
            config.photo_store.photos_url,
            Some(PhotosUrl::Bucket {
                bucket: "photos".into(),
                prefix: String::new()
            })
        );
        assert!(config.photo_store.location(Path::new("data")).is_ok());
    }
}
