//! `cargo xtask cluster`: the shop as it runs beyond one machine, on this
//! one. A throw-away PostgreSQL, SeaweedFS (S3) for the photos, the PSP
//! sandbox, MailDev, several shop server processes sharing the database
//! and the photo bucket, and HAProxy
//! in front of them: each request goes to the next ready process in turn,
//! a process that drains (`/api/v1/ready` answers 503 after SIGTERM) or
//! dies is left out, and a request whose connection failed is sent to
//! another. Prints the address and runs until Ctrl-C.

use crate::error::XtaskError;
use crate::postgres;
use crate::process::{self, command};
use crate::seaweedfs;
use crate::setup::{self, HAPROXY, Needs};
use crate::stack::{Logs, Stack, StackOptions, maildev, psp_sandbox};
use crate::storefront;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// Each shop process's name, which also names its log file.
const SHOP_NAMES: [&str; 8] = [
    "shop server 1",
    "shop server 2",
    "shop server 3",
    "shop server 4",
    "shop server 5",
    "shop server 6",
    "shop server 7",
    "shop server 8",
];

#[derive(Debug, Clone, clap::Args)]
pub struct ClusterOptions {
    /// Shop server processes behind the balancer.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=8))]
    pub processes: u16,
    /// Seconds a stopping process stays unready while still serving.
    #[arg(long, default_value_t = 3)]
    pub drain_seconds: u64,
    /// PostgreSQL flushing every commit to disk (the bench's figures);
    /// otherwise durability is off, as for the tests.
    #[arg(skip)]
    pub durable_database: bool,
    #[command(flatten)]
    pub stack: StackOptions,
}

/// The running cluster: its processes, the database they share, and what
/// the end-to-end journey needs to know (each shop process's pid).
pub struct Cluster {
    pub stack: Stack,
    pub shop_pids: Vec<u32>,
    // Dropped after the stack: the processes stop before their database.
    database: postgres::Cluster,
}

pub fn run(root: &Path, options: &ClusterOptions) -> Result<(), XtaskError> {
    setup::ensure(root, Needs::Build)?;
    setup::ensure_haproxy()?;
    storefront::build(root)?;
    let folder = root.join("target").join("cluster");
    let cluster = Cluster::start(root, options, &folder, Logs::Folder(folder.join("logs")))?;
    let mut stack = cluster.stack;
    println!();
    println!("  Shop, through HAProxy:   {}", stack.shop_url);
    println!(
        "  Shop processes:          {} (pids {:?}; SIGTERM one to watch it drain)",
        options.processes, cluster.shop_pids
    );
    println!("  PSP sandbox:             {}", stack.psp_url);
    if let Some(inbox) = &stack.mail_url {
        println!("  Mail (MailDev):          {inbox}");
    }
    println!(
        "  Logs:                    {}",
        folder.join("logs").display()
    );
    println!("  Stop with Ctrl-C.");
    println!();
    let (stop_tx, stop_rx) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })?;
    let outcome = loop {
        if stop_rx.recv_timeout(Duration::from_millis(250)).is_ok() {
            break Ok(());
        }
        // One shop process stopping is what the cluster is for; the
        // balancer, PSP or mail catcher stopping ends it.
        if let Some(error) = stack.exited_child_but(|name| SHOP_NAMES.contains(&name)) {
            break Err(error);
        }
    };
    stack.stop();
    println!("xtask: cluster stopped");
    outcome
}

impl Cluster {
    pub fn start(
        root: &Path,
        options: &ClusterOptions,
        folder: &Path,
        logs: Logs,
    ) -> Result<Self, XtaskError> {
        let stack_options = &options.stack;
        let mut build = command(root, "cargo");
        build.args([
            "build",
            "--quiet",
            "--package",
            "shop-server",
            "--package",
            "psp-sandbox",
        ]);
        if !stack_options.debug {
            build.arg("--release");
        }
        process::run(&mut build)?;
        let bin = root.join("target").join(if stack_options.debug {
            "debug"
        } else {
            "release"
        });
        let database = postgres::Cluster::start_with(options.durable_database)?;
        let data = folder.join("data");
        let _ = std::fs::remove_dir_all(&data);
        std::fs::create_dir_all(&data).map_err(XtaskError::io(&data))?;
        let weed = seaweedfs::ensure(root)?;

        let shop_url = format!("http://127.0.0.1:{}", stack_options.port);
        let psp_url = format!("http://127.0.0.1:{}", stack_options.psp_port);
        let catcher = stack_options.mail_catcher && std::env::var_os("SHOP_SMTP_URL").is_none();
        let mail_url = catcher.then(|| format!("http://127.0.0.1:{}", stack_options.mail_web_port));
        let mut stack = Stack::empty(shop_url.clone(), psp_url.clone(), mail_url.clone());
        if catcher {
            stack.spawn("MailDev", maildev(root, stack_options), &logs)?;
        }
        // Webhooks come through the balancer too, to any process.
        let psp = psp_sandbox(root, &bin, stack_options, &shop_url, &data);
        stack.spawn("PSP sandbox", psp, &logs)?;

        // The photos: one bucket every process reads and writes.
        let (s3_port, filer_port) = (crate::stack::free_port()?, crate::stack::free_port()?);
        let s3 = format!("http://127.0.0.1:{s3_port}");
        stack.spawn(
            "SeaweedFS",
            seaweedfs::server(&weed, &data.join("seaweedfs"), s3_port, filer_port)?,
            &logs,
        )?;
        let filer = format!("http://127.0.0.1:{filer_port}");
        stack.wait_healthy("SeaweedFS", &format!("{filer}/buckets/"), &log_hint(&logs))?;
        make_bucket(filer_port, PHOTO_BUCKET)?;

        let mut backends = Vec::new();
        let mut shop_pids = Vec::new();
        for name in SHOP_NAMES.iter().take(usize::from(options.processes)) {
            let port = crate::stack::free_port()?;
            let mut shop = command(root, &bin.join("shop-server").to_string_lossy());
            shop.args(["--addr", &format!("127.0.0.1:{port}")])
                .args(["--public-url", &shop_url])
                // Its own folder (uploads waiting to be sent, swept at its
                // start): the database and photos are shared elsewhere.
                .arg("--data-dir")
                .arg(data.join(name.replace(' ', "-")))
                .arg("--dist-dir")
                .arg(storefront::dist_dir(root))
                .args(["--psp-origin", &psp_url])
                .args(["--log-level", &stack_options.log_level])
                // The balancer names the client in X-Forwarded-For.
                .args(["--trusted-proxies", "127.0.0.1"])
                .env("SHOP_DATABASE_URL", &database.url)
                .env("SHOP_PHOTOS_URL", format!("s3://{PHOTO_BUCKET}/shop"))
                .env("SHOP_S3_ENDPOINT", &s3)
                .env("SHOP_S3_ACCESS_KEY_ID", seaweedfs::CLUSTER_ACCESS_KEY_ID)
                .env(
                    "SHOP_S3_SECRET_ACCESS_KEY",
                    seaweedfs::CLUSTER_SECRET_ACCESS_KEY,
                )
                .env("SHOP_DRAIN_SECONDS", options.drain_seconds.to_string());
            if let Some(token) = &stack_options.operator_token {
                shop.env("SHOP_OPERATOR_TOKEN", token);
            }
            if stack_options.shop_test_clock {
                shop.arg("--test-clock");
            }
            if catcher {
                shop.args([
                    "--smtp-url",
                    &format!("smtp://127.0.0.1:{}", stack_options.mail_smtp_port),
                ]);
            }
            shop_pids.push(stack.spawn(name, shop, &logs)?);
            let backend = format!("http://127.0.0.1:{port}");
            // One at a time: the first runs the migrations alone.
            stack.wait_healthy(name, &format!("{backend}/api/v1/ready"), &log_hint(&logs))?;
            backends.push(port);
        }

        let config = folder.join("haproxy.cfg");
        std::fs::write(&config, haproxy_config(stack_options.port, &backends))
            .map_err(XtaskError::io(&config))?;
        let mut haproxy = std::process::Command::new(HAPROXY);
        haproxy.arg("-db").arg("-f").arg(&config);
        stack.spawn("HAProxy", haproxy, &logs)?;
        let hint = log_hint(&logs);
        stack.wait_healthy("HAProxy", &format!("{shop_url}/api/v1/ready"), &hint)?;
        stack.wait_healthy("PSP sandbox", &format!("{psp_url}/health"), &hint)?;
        if let Some(inbox) = mail_url {
            stack.wait_healthy("MailDev", &format!("{inbox}/healthz"), &hint)?;
        }
        Ok(Self {
            stack,
            shop_pids,
            database,
        })
    }

    /// The database the processes share (the bench reads its counters).
    pub fn database(&self) -> &postgres::Cluster {
        &self.database
    }
}

/// The bucket of the cluster's photos.
const PHOTO_BUCKET: &str = "photos";

/// Makes a bucket through SeaweedFS's filer (a folder under `/buckets`; an
/// S3 `CreateBucket` would need a signed request), then gives its S3
/// gateway a moment to learn of it from the filer's events.
fn make_bucket(filer_port: u16, name: &str) -> Result<(), XtaskError> {
    use std::io::{Read, Write};
    let address = format!("127.0.0.1:{filer_port}");
    let failed = |what: String| XtaskError::Setup(format!("bucket {name} at SeaweedFS: {what}"));
    let mut stream =
        std::net::TcpStream::connect(&address).map_err(|error| failed(error.to_string()))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|error| failed(error.to_string()))?;
    let request =
        format!("POST /buckets/{name}/ HTTP/1.0\r\nHost: {address}\r\nContent-Length: 0\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .map_err(|error| failed(error.to_string()))?;
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    let status = answer.get(9..12).unwrap_or_default();
    if !status.starts_with('2') {
        return Err(failed(format!("answered {:?}", answer.lines().next())));
    }
    std::thread::sleep(Duration::from_secs(2));
    Ok(())
}

fn log_hint(logs: &Logs) -> String {
    match logs {
        Logs::Terminal => "above".to_owned(),
        Logs::Folder(dir) => dir.display().to_string(),
    }
}

/// Round robin over the shop processes, each checked on `/api/v1/ready`
/// every half second (out at the first 503 or silence, back after two
/// answers); a request whose connection failed (a process just killed) is
/// sent again to another, which is safe: it never reached a server (one
/// cut off after it was sent is not resent: it may have acted). Each
/// answer says which process served it (`X-Served-By`), for the journey
/// that checks the processes take turns.
fn haproxy_config(port: u16, backends: &[u16]) -> String {
    let servers: String = backends
        .iter()
        .enumerate()
        .map(|(n, backend)| {
            format!(
                "    server shop{} 127.0.0.1:{backend} check inter 500ms fall 1 rise 2\n",
                n + 1
            )
        })
        .collect();
    format!(
        "global\n\
         \x20   log stderr format short local0 notice\n\
         defaults\n\
         \x20   mode http\n\
         \x20   log global\n\
         \x20   option httplog\n\
         \x20   timeout connect 2s\n\
         \x20   timeout client 120s\n\
         \x20   timeout server 120s\n\
         \x20   retries 3\n\
         \x20   option redispatch 1\n\
         \x20   retry-on conn-failure\n\
         frontend shop\n\
         \x20   bind 127.0.0.1:{port}\n\
         \x20   default_backend shops\n\
         backend shops\n\
         \x20   balance roundrobin\n\
         \x20   option forwardfor\n\
         \x20   option httpchk GET /api/v1/ready\n\
         \x20   http-check expect status 200\n\
         \x20   http-response set-header X-Served-By %s\n\
         {servers}"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_balancer_checks_readiness_and_takes_turns() {
        let config = super::haproxy_config(8080, &[40001, 40002]);
        assert!(config.contains("bind 127.0.0.1:8080"));
        assert!(config.contains("balance roundrobin"));
        assert!(config.contains("option httpchk GET /api/v1/ready"));
        assert!(config.contains("server shop1 127.0.0.1:40001 check"));
        assert!(config.contains("server shop2 127.0.0.1:40002 check"));
        assert!(config.contains("retry-on conn-failure\n"));
    }
}
