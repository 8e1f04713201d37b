//! 1,000 slow downloads of a 25 MiB photo at once: a shopper's account, a
//! project, the photo uploaded as the storefront does; then that many
//! connections ask for it with the session's cookie and each reads a few
//! KiB every 100 ms (a slow phone, or a client that holds connections on
//! purpose), with a small receive buffer, so that what is not read yet
//! waits in the server. Meanwhile: the server's memory, and visitors asking
//! for the catalogue.

use super::abuse::{self, Shop};
use super::watch::{self, Latency, Memory, Stop};
use super::{BenchOptions, http, photo};
use crate::error::XtaskError;
use shop_api::catalogue::ProductChoice;
use shop_api::project::ProjectDraft;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::AsyncReadExt;

/// What a slow reader takes each [`READ_EVERY`]: 40 KiB/s.
const READ_BYTES: usize = 4 * 1024;
const READ_EVERY: Duration = Duration::from_millis(100);
/// The reader's socket receive buffer (the kernel doubles it).
const RECEIVE_BUFFER: u32 = 32 * 1024;
/// Connections opened together, then a pause: about a second to open all.
const OPEN_BATCH: usize = 50;
const OPEN_PAUSE: Duration = Duration::from_millis(50);
/// Memory read again this long after the downloads closed.
const SETTLE: Duration = Duration::from_secs(2);
/// The goals of issue #13.
const RSS_GOAL_MIB: f64 = 300.0;
const CATALOGUE_P99_GOAL_MS: f64 = 50.0;

pub struct Figures {
    pub downloads: usize,
    pub seconds: u64,
    pub photo_bytes: usize,
    pub upload: Duration,
    /// Answered `200` and read from until the end.
    pub streaming: usize,
    /// Read to their last byte (at this pace, none should).
    pub completed: usize,
    /// Answered `200`, then closed by the server before the end.
    pub cut: usize,
    /// Answers other than `200`.
    pub refused: Vec<u16>,
    /// No answer: connection refused, reset or timed out.
    pub failed: usize,
    pub bytes_read: u64,
    /// From connecting to the answer's head, for the `200`s.
    pub head_times: Vec<Duration>,
    pub memory: Memory,
    /// VmRSS [`SETTLE`] after the downloads closed.
    pub after_kib: u64,
    pub catalogue: Latency,
    pub open_files_limit: Option<String>,
}

enum Outcome {
    Streaming {
        head: Duration,
        bytes: u64,
        complete: bool,
        cut: bool,
    },
    Refused(u16),
    Failed,
}

pub async fn run(shop: &Shop, options: &BenchOptions) -> Result<Figures, XtaskError> {
    let (cookie, path, photo_bytes, upload) = set_up(shop).await?;
    let request: Arc<[u8]> = http::request(
        "GET",
        shop.addr,
        &path,
        &[("Cookie", &cookie), ("Accept-Encoding", "gzip, br")],
        b"",
    )
    .into();
    let stop = Stop::default();
    let memory = tokio::spawn(watch::memory(shop.pid, stop.clone()));
    let catalogue = tokio::spawn(watch::catalogue(shop.addr, stop.clone()));
    let until = Instant::now() + Duration::from_secs(options.download_seconds);
    let mut readers = Vec::with_capacity(options.downloads);
    for batch in 0..options.downloads.div_ceil(OPEN_BATCH) {
        let size = OPEN_BATCH.min(options.downloads - batch * OPEN_BATCH);
        for _ in 0..size {
            readers.push(tokio::spawn(slow_download(
                shop.addr,
                request.clone(),
                photo_bytes as u64,
                until,
            )));
        }
        tokio::time::sleep(OPEN_PAUSE).await;
    }
    let mut figures = Figures {
        downloads: options.downloads,
        seconds: options.download_seconds,
        photo_bytes,
        upload,
        streaming: 0,
        completed: 0,
        cut: 0,
        refused: Vec::new(),
        failed: 0,
        bytes_read: 0,
        head_times: Vec::new(),
        memory: Memory::default(),
        after_kib: 0,
        catalogue: Latency::default(),
        open_files_limit: watch::open_files_limit(shop.pid),
    };
    for reader in readers {
        match reader.await {
            Ok(Outcome::Streaming {
                head,
                bytes,
                complete,
                cut,
            }) => {
                figures.head_times.push(head);
                figures.bytes_read += bytes;
                if complete {
                    figures.completed += 1;
                } else if cut {
                    figures.cut += 1;
                } else {
                    figures.streaming += 1;
                }
            }
            Ok(Outcome::Refused(status)) => figures.refused.push(status),
            Ok(Outcome::Failed) | Err(_) => figures.failed += 1,
        }
    }
    stop.now();
    figures.memory = memory.await.unwrap_or_default();
    figures.catalogue = catalogue.await.unwrap_or_default();
    tokio::time::sleep(SETTLE).await;
    figures.after_kib = watch::memory_of(shop.pid).map_or(0, |(rss, _, _)| rss);
    Ok(figures)
}

/// A new account, a project of prints with one photo, the photo uploaded
/// and downloaded once whole: the cookie, the photo's path, its size and
/// the upload's time.
async fn set_up(shop: &Shop) -> Result<(String, String, usize, Duration), XtaskError> {
    let created = abuse::expect(
        "sign-up",
        shop.sign_up("telechargements@exemple.fr", None).await,
        201,
    )?;
    let cookie = created
        .head
        .cookie()
        .ok_or_else(|| XtaskError::Setup("sign-up: no session cookie".into()))?;
    let draft = ProjectDraft {
        name: "Grand format".into(),
        choice: ProductChoice {
            product_id: "tirages".into(),
            format_id: "10x15".into(),
            quantity: 1,
            pages: None,
            cover_id: None,
        },
        photo_ids: vec!["grande".into()],
    };
    let draft = serde_json::to_vec(&draft).unwrap_or_default();
    let project = "/api/v1/projects/grand-format";
    let headers = [
        ("Origin", shop.origin.as_str()),
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
    ];
    abuse::expect(
        "project saved",
        http::exchange(
            shop.addr,
            &http::request("PUT", shop.addr, project, &headers, &draft),
        )
        .await,
        200,
    )?;
    let bytes = photo::png(13);
    let path = format!("{project}/photos/grande");
    let headers = [
        ("Origin", shop.origin.as_str()),
        ("Cookie", cookie.as_str()),
        ("Content-Type", "image/png"),
    ];
    let started = Instant::now();
    abuse::expect(
        "photo uploaded",
        http::exchange(
            shop.addr,
            &http::request("PUT", shop.addr, &path, &headers, &bytes),
        )
        .await,
        200,
    )?;
    let upload = started.elapsed();
    let whole = abuse::expect(
        "photo downloaded",
        http::exchange(
            shop.addr,
            &http::request("GET", shop.addr, &path, &[("Cookie", &cookie)], b""),
        )
        .await,
        200,
    )?;
    if whole.body != bytes {
        return Err(XtaskError::Setup(format!(
            "the photo came back as {} bytes, not the {} uploaded",
            whole.body.len(),
            bytes.len()
        )));
    }
    Ok((cookie, path, bytes.len(), upload))
}

/// One slow reader, until `until`.
async fn slow_download(
    addr: SocketAddr,
    request: Arc<[u8]>,
    length: u64,
    until: Instant,
) -> Outcome {
    let started = Instant::now();
    let opened = async {
        let mut stream = http::connect(addr, Some(RECEIVE_BUFFER)).await?;
        http::send(&mut stream, &request).await?;
        let head = http::read_head(&mut stream).await?;
        Ok::<_, std::io::Error>((stream, head))
    };
    let Ok(Ok((mut stream, head))) = tokio::time::timeout(http::ANSWER_TIMEOUT, opened).await
    else {
        return Outcome::Failed;
    };
    if head.status != 200 {
        return Outcome::Refused(head.status);
    }
    let head_time = started.elapsed();
    let mut buffer = vec![0u8; READ_BYTES];
    let mut bytes = 0;
    let mut cut = false;
    while Instant::now() < until && bytes < length {
        tokio::time::sleep(READ_EVERY).await;
        match stream.read(&mut buffer).await {
            Ok(0) | Err(_) => {
                cut = true;
                break;
            }
            Ok(n) => bytes += n as u64,
        }
    }
    Outcome::Streaming {
        head: head_time,
        bytes,
        complete: bytes >= length,
        cut,
    }
}

pub fn print(figures: &Figures) {
    println!(
        "{} slow downloads of a {:.1} MiB photo at once ({} KiB every {} ms each, {} s; \
         uploaded in {:.1} s; the server's open-files limit: {})",
        figures.downloads,
        figures.photo_bytes as f64 / (1024.0 * 1024.0),
        READ_BYTES / 1024,
        READ_EVERY.as_millis(),
        figures.seconds,
        figures.upload.as_secs_f64(),
        figures.open_files_limit.as_deref().unwrap_or("?"),
    );
    let mut answers = format!(
        "  downloads: {} streaming to the end, {} read whole, {} cut by the server",
        figures.streaming, figures.completed, figures.cut
    );
    if !figures.refused.is_empty() {
        answers.push_str(&format!(", refused: {}!", watch::tally(&figures.refused)));
    }
    if figures.failed > 0 {
        answers.push_str(&format!(", {} without an answer!", figures.failed));
    }
    println!("{answers}");
    println!(
        "  {:.0} MiB sent in all; from connecting to the answer's head: p50 {} ms, p99 {} ms",
        figures.bytes_read as f64 / (1024.0 * 1024.0),
        watch::ms(watch::quantile_ms(&figures.head_times, 0.5)),
        watch::ms(watch::quantile_ms(&figures.head_times, 0.99)),
    );
    watch::print_memory(&figures.memory, Some(RSS_GOAL_MIB));
    println!(
        "  server RSS {:.0} MiB {} s after the downloads closed",
        watch::mib(figures.after_kib),
        SETTLE.as_secs()
    );
    watch::print_catalogue(&figures.catalogue, Some(CATALOGUE_P99_GOAL_MS));
}
