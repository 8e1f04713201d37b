//! The running shop: the shop server (API + storefront) and the PSP sandbox
//! on its own origin. `cargo xtask dev` and the end-to-end tests start it
//! through the same code, so the tests exercise what developers run.

use crate::error::XtaskError;
use crate::process::{self, command};
use crate::setup::{self, Needs};
use crate::storefront;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);
const STOP_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, clap::Args)]
pub struct StackOptions {
    /// Port of the shop (storefront and API).
    #[arg(long, env = "SHOP_PORT", default_value_t = 8080)]
    pub port: u16,
    /// Port of the PSP sandbox (a second origin).
    #[arg(long, env = "PSP_PORT", default_value_t = 9090)]
    pub psp_port: u16,
    /// Folder of the shop's SQLite database.
    #[arg(long, env = "SHOP_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// Log filter for both servers, e.g. `info` or `debug`.
    #[arg(long, env = "SHOP_LOG", default_value = "info")]
    pub log_level: String,
    /// Bearer token of the shop's operator API (ship, cancel…); without
    /// one the operator API is off.
    #[arg(long, env = "SHOP_OPERATOR_TOKEN", hide_env_values = true)]
    pub operator_token: Option<String>,
    /// Let tools move the shop server's clock (`POST /api/v1/test/clock`:
    /// sessions, unpaid orders, the reconciler). The shop listens on
    /// loopback here, the only place it accepts a test clock.
    #[arg(long, env = "SHOP_TEST_CLOCK")]
    pub shop_test_clock: bool,
    /// Let tools move the PSP sandbox's clock (`POST /v1/test/clock`:
    /// authorization expiry).
    #[arg(long, env = "PSP_TEST_CLOCK")]
    pub psp_test_clock: bool,
    /// Debug builds of the two servers, quicker to rebuild while working
    /// on them; by default they run as released (`--release`), as a shop
    /// would run them.
    #[arg(long)]
    pub debug: bool,
    /// SMTP port of the mail catcher (MailDev), where the shop sends its
    /// mail; unused when `SHOP_SMTP_URL` names another server.
    #[arg(long, env = "MAILDEV_SMTP_PORT", default_value_t = 1025)]
    pub mail_smtp_port: u16,
    /// Port of the mail catcher's web inbox and REST API.
    #[arg(long, env = "MAILDEV_WEB_PORT", default_value_t = 1080)]
    pub mail_web_port: u16,
    /// Whether MailDev runs beside the shop (not for the bench, which
    /// sends no mail and needs no npm package).
    #[arg(skip = true)]
    pub mail_catcher: bool,
    /// More flags for the shop server (the bench's `--trusted-proxies`).
    #[arg(skip)]
    pub shop_args: Vec<String>,
}

impl StackOptions {
    /// A stack on free ports over `data_dir`, as the tests and the bench
    /// start theirs: release builds, `info` logs, no operator token, no
    /// test clock, no mail catcher. Callers change what they need.
    pub fn throw_away(data_dir: PathBuf) -> Result<Self, XtaskError> {
        Ok(Self {
            port: free_port()?,
            psp_port: free_port()?,
            data_dir,
            log_level: "info".into(),
            operator_token: None,
            shop_test_clock: false,
            psp_test_clock: false,
            debug: false,
            mail_smtp_port: free_port()?,
            mail_web_port: free_port()?,
            mail_catcher: false,
            shop_args: Vec::new(),
        })
    }
}

/// The PSP sandbox, sending its webhooks to the shop at `shop_url` (the
/// balancer's, in a cluster) and keeping its own state in `data_dir`, as
/// a real PSP would.
pub fn psp_sandbox(
    root: &Path,
    bin: &Path,
    options: &StackOptions,
    shop_url: &str,
    data_dir: &Path,
) -> Command {
    let mut psp = command(root, &bin.join("psp-sandbox").to_string_lossy());
    psp.args(["--addr", &format!("127.0.0.1:{}", options.psp_port)])
        .args(["--shop-origin", shop_url])
        .args(["--webhook-url", &format!("{shop_url}/api/v1/psp/webhooks")])
        .args(["--log-level", &options.log_level])
        .arg("--data-dir")
        .arg(data_dir.join("psp"));
    if options.psp_test_clock {
        psp.arg("--test-clock");
    }
    psp
}

/// Where the servers' output goes.
pub enum Logs {
    Terminal,
    Folder(PathBuf),
}

pub struct Stack {
    pub shop_url: String,
    pub psp_url: String,
    /// MailDev's inbox and REST API; `None` when `SHOP_SMTP_URL` sends the
    /// shop's mail elsewhere, or without a catcher.
    pub mail_url: Option<String>,
    children: Vec<(&'static str, Child)>,
}

/// `cargo xtask dev`.
pub fn dev(root: &Path, options: &StackOptions) -> Result<(), XtaskError> {
    setup::ensure(root, Needs::Build)?;
    storefront::build(root)?;
    let data_dir = root.join(&options.data_dir);
    let mut stack = Stack::start(root, options, &data_dir, Logs::Terminal)?;
    println!();
    println!("  Shop (storefront + API): {}", stack.shop_url);
    println!("  PSP sandbox:             {}", stack.psp_url);
    println!("  Data:                    {}", data_dir.display());
    match &stack.mail_url {
        Some(inbox) => println!(
            "  Mail (MailDev):          {inbox} (SMTP on 127.0.0.1:{})",
            options.mail_smtp_port
        ),
        None => println!("  Mail:                    through SHOP_SMTP_URL"),
    }
    for (on, clock) in [
        (
            options.shop_test_clock,
            format!("{}/api/v1/test/clock", stack.shop_url),
        ),
        (
            options.psp_test_clock,
            format!("{}/v1/test/clock", stack.psp_url),
        ),
    ] {
        if on {
            println!("  Test clock:              POST {clock}");
        }
    }
    if options.operator_token.is_some() {
        println!(
            "  Operator API:            {}/api/v1/operator/orders",
            stack.shop_url
        );
    }
    println!("  Stop with Ctrl-C.");
    println!();
    let (stop_tx, stop_rx) = mpsc::channel();
    // SIGINT, SIGTERM and SIGHUP all stop both servers cleanly.
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })?;
    let outcome = loop {
        if stop_rx.recv_timeout(Duration::from_millis(250)).is_ok() {
            break Ok(());
        }
        if let Some(error) = stack.exited_child() {
            break Err(error);
        }
    };
    stack.stop();
    println!("xtask: shop stopped");
    outcome
}

/// The mail catcher (npm's `maildev`, installed with the other npm
/// tools), on loopback only.
pub(crate) fn maildev(root: &Path, options: &StackOptions) -> Command {
    let mut maildev = command(
        root,
        &root
            .join("node_modules")
            .join(".bin")
            .join("maildev")
            .to_string_lossy(),
    );
    maildev
        .args(["--smtp", &options.mail_smtp_port.to_string()])
        .args(["--web", &options.mail_web_port.to_string()])
        .args(["--ip", "127.0.0.1", "--web-ip", "127.0.0.1"])
        // MailDev reads a configuration file from where it runs, if any.
        .current_dir(std::env::temp_dir());
    maildev
}

impl Stack {
    pub fn start(
        root: &Path,
        options: &StackOptions,
        data_dir: &Path,
        logs: Logs,
    ) -> Result<Self, XtaskError> {
        let mut build = command(root, "cargo");
        build.args([
            "build",
            "--quiet",
            "--package",
            "shop-server",
            "--package",
            "psp-sandbox",
        ]);
        if !options.debug {
            build.arg("--release");
        }
        process::run(&mut build)?;
        let profile = if options.debug { "debug" } else { "release" };
        let bin = root.join("target").join(profile);
        let shop_url = format!("http://127.0.0.1:{}", options.port);
        let psp_url = format!("http://127.0.0.1:{}", options.psp_port);
        // A real SMTP server named by the environment replaces the catcher.
        let catcher = options.mail_catcher && std::env::var_os("SHOP_SMTP_URL").is_none();
        let mut stack = Stack {
            shop_url: shop_url.clone(),
            psp_url: psp_url.clone(),
            mail_url: catcher.then(|| format!("http://127.0.0.1:{}", options.mail_web_port)),
            children: Vec::new(),
        };
        let mut shop = command(root, &bin.join("shop-server").to_string_lossy());
        shop.args(["--addr", &format!("127.0.0.1:{}", options.port)])
            .arg("--data-dir")
            .arg(data_dir)
            .arg("--dist-dir")
            .arg(storefront::dist_dir(root))
            .args(["--psp-origin", &psp_url, "--log-level", &options.log_level]);
        if let Some(token) = &options.operator_token {
            shop.env("SHOP_OPERATOR_TOKEN", token);
        }
        if options.shop_test_clock {
            shop.arg("--test-clock");
        }
        if catcher {
            shop.args([
                "--smtp-url",
                &format!("smtp://127.0.0.1:{}", options.mail_smtp_port),
            ]);
        }
        shop.args(&options.shop_args);
        let psp = psp_sandbox(root, &bin, options, &shop_url, data_dir);
        let mut servers = vec![("shop server", shop), ("PSP sandbox", psp)];
        if catcher {
            // First: the shop's first message finds it listening.
            servers.insert(0, ("MailDev", maildev(root, options)));
        }
        for (name, cmd) in servers {
            stack.spawn(name, cmd, &logs)?;
        }
        let log_hint = match &logs {
            Logs::Terminal => "above".to_owned(),
            Logs::Folder(dir) => dir.display().to_string(),
        };
        stack.wait_healthy(
            "shop server",
            &format!("{shop_url}/api/v1/health"),
            &log_hint,
        )?;
        stack.wait_healthy("PSP sandbox", &format!("{psp_url}/health"), &log_hint)?;
        if let Some(inbox) = stack.mail_url.clone() {
            stack.wait_healthy("MailDev", &format!("{inbox}/healthz"), &log_hint)?;
        }
        Ok(stack)
    }

    /// Stacks of other shapes (`cargo xtask cluster`): no process yet.
    pub(crate) fn empty(shop_url: String, psp_url: String, mail_url: Option<String>) -> Self {
        Stack {
            shop_url,
            psp_url,
            mail_url,
            children: Vec::new(),
        }
    }

    /// Starts `cmd` as one of the stack's processes, its output where
    /// `logs` says.
    pub(crate) fn spawn(
        &mut self,
        name: &'static str,
        mut cmd: Command,
        logs: &Logs,
    ) -> Result<u32, XtaskError> {
        if let Logs::Folder(dir) = logs {
            let file = log_file(dir, name)?;
            let copy = file.try_clone().map_err(XtaskError::io(dir))?;
            cmd.stdout(copy).stderr(file);
        }
        let child = cmd.spawn().map_err(|source| XtaskError::Spawn {
            command: process::describe(&cmd),
            source,
        })?;
        let pid = child.id();
        self.children.push((name, child));
        Ok(pid)
    }

    pub(crate) fn wait_healthy(
        &mut self,
        name: &'static str,
        url: &str,
        logs: &str,
    ) -> Result<(), XtaskError> {
        let started = Instant::now();
        while started.elapsed() < STARTUP_TIMEOUT {
            if let Some(error) = self.exited_child() {
                return Err(error);
            }
            if http_get_status(url) == Some(200) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(XtaskError::NotHealthy {
            name,
            url: url.to_owned(),
            seconds: STARTUP_TIMEOUT.as_secs(),
            logs: logs.to_owned(),
        })
    }

    /// The shop server's process id, to read its memory in `/proc`.
    pub fn shop_pid(&self) -> Option<u32> {
        self.children
            .iter()
            .find(|(name, _)| *name == "shop server")
            .map(|(_, child)| child.id())
    }

    /// The first process but those `spared` that has stopped.
    pub(crate) fn exited_child_but(&mut self, spared: impl Fn(&str) -> bool) -> Option<XtaskError> {
        self.children
            .iter_mut()
            .filter(|(name, _)| !spared(name))
            .find_map(|(name, child)| {
                let status = child.try_wait().ok()??;
                Some(XtaskError::Exited {
                    name,
                    status: status.to_string(),
                })
            })
    }

    /// The first server that has stopped on its own, if any.
    pub(crate) fn exited_child(&mut self) -> Option<XtaskError> {
        self.children.iter_mut().find_map(|(name, child)| {
            let status = child.try_wait().ok()??;
            Some(XtaskError::Exited {
                name,
                status: status.to_string(),
            })
        })
    }

    /// SIGTERM to each server, then waits for it (SIGKILL after a timeout).
    pub fn stop(&mut self) {
        for (_, child) in &self.children {
            if let Ok(pid) = libc::pid_t::try_from(child.id()) {
                // SAFETY: kill(2) on our own child's pid has no memory effects.
                unsafe {
                    libc::kill(pid, libc::SIGTERM);
                }
            }
        }
        for (name, child) in &mut self.children {
            let deadline = Instant::now() + STOP_TIMEOUT;
            loop {
                match child.try_wait() {
                    Ok(Some(_)) | Err(_) => break,
                    Ok(None) if Instant::now() > deadline => {
                        eprintln!("xtask: {name} did not stop in time; killing it");
                        let _ = child.kill();
                        let _ = child.wait();
                        break;
                    }
                    Ok(None) => std::thread::sleep(Duration::from_millis(50)),
                }
            }
        }
        self.children.clear();
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        self.stop();
    }
}

fn log_file(dir: &Path, name: &str) -> Result<std::fs::File, XtaskError> {
    std::fs::create_dir_all(dir).map_err(XtaskError::io(dir))?;
    let path = dir.join(format!("{}.log", name.replace(' ', "-")));
    std::fs::File::create(&path).map_err(XtaskError::io(path))
}

/// A free port on loopback, for stacks that must not collide with `dev`.
pub fn free_port() -> Result<u16, XtaskError> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(XtaskError::io("127.0.0.1:0"))?;
    let port = listener
        .local_addr()
        .map_err(XtaskError::io("127.0.0.1:0"))?
        .port();
    Ok(port)
}

/// Minimal HTTP/1.0 GET on loopback: the status code, if any answer came.
fn http_get_status(url: &str) -> Option<u16> {
    let rest = url.strip_prefix("http://")?;
    let (host, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_owned()), |(h, p)| (h, format!("/{p}")));
    let addr: SocketAddr = host.parse().ok()?;
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    // One write: the request must not reach the server in pieces.
    let request = format!("GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_status_of_a_real_http_answer() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/health", listener.local_addr().unwrap());
        let server = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = Vec::new();
            let mut buffer = [0u8; 64];
            while !request.ends_with(b"\r\n\r\n") {
                let n = std::io::Read::read(&mut stream, &mut buffer).unwrap();
                assert!(n > 0, "connection closed mid-request");
                request.extend_from_slice(&buffer[..n]);
            }
            assert!(request.starts_with(b"GET /health HTTP/1.0\r\n"));
            std::io::Write::write_all(&mut stream, b"HTTP/1.1 503 Service Unavailable\r\n\r\n")
                .unwrap();
        });
        assert_eq!(super::http_get_status(&url), Some(503));
        server.join().unwrap();
    }
}
