//! The shop under abuse (issue #13): 1,000 slow downloads of a 25 MiB
//! photo (`downloads.rs`), 500 sign-ups at once (`sign_ups.rs`) and 1,000
//! wrong passwords on one account (`wrong_passwords.rs`). Each runs on a
//! fresh release stack of its own, so that the server's peak memory is that
//! scenario's, with `--trusted-proxies 127.0.0.1`: the bench then speaks
//! for many clients through `X-Forwarded-For`, as a reverse proxy would.

use super::http::{self, Answer};
use super::{BenchOptions, downloads, sign_ups, wrong_passwords};
use crate::error::XtaskError;
use crate::stack::{self, Logs, Stack, StackOptions};
use shop_api::Credentials;
use std::io;
use std::net::SocketAddr;
use std::path::Path;

/// A password the server's strength rules accept.
pub const PASSWORD: &str = "k9#Vq2!mZr7p-banc";

pub struct Figures {
    pub downloads: downloads::Figures,
    pub sign_ups: sign_ups::Figures,
    pub wrong_passwords: wrong_passwords::Figures,
}

/// The running shop, as the scenarios reach it.
#[derive(Clone)]
pub struct Shop {
    pub addr: SocketAddr,
    /// The origin state changes must come from (`Origin`).
    pub origin: String,
    pub pid: u32,
}

impl Shop {
    /// `POST /api/v1/account` from the shop's own page, from `client`
    /// (through the trusted proxy) if given.
    pub async fn sign_up(&self, email: &str, client: Option<&str>) -> io::Result<Answer> {
        self.credentials("/api/v1/account", email, PASSWORD, client)
            .await
    }

    /// `POST /api/v1/session`.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: Option<&str>,
    ) -> io::Result<Answer> {
        self.credentials("/api/v1/session", email, password, client)
            .await
    }

    /// `POST /api/v1/session` from a browser that sends `cookie` (the
    /// known-device cookie of an earlier sign-in).
    pub async fn sign_in_from(
        &self,
        email: &str,
        password: &str,
        client: &str,
        cookie: &str,
    ) -> io::Result<Answer> {
        self.send_credentials(
            "/api/v1/session",
            email,
            password,
            Some(client),
            Some(cookie),
        )
        .await
    }

    async fn credentials(
        &self,
        path: &str,
        email: &str,
        password: &str,
        client: Option<&str>,
    ) -> io::Result<Answer> {
        self.send_credentials(path, email, password, client, None)
            .await
    }

    async fn send_credentials(
        &self,
        path: &str,
        email: &str,
        password: &str,
        client: Option<&str>,
        cookie: Option<&str>,
    ) -> io::Result<Answer> {
        let body = serde_json::to_vec(&Credentials {
            email: email.into(),
            password: password.into(),
            language: None,
        })?;
        let mut headers = vec![
            ("Origin", self.origin.as_str()),
            ("Content-Type", "application/json"),
        ];
        if let Some(client) = client {
            headers.push(("X-Forwarded-For", client));
        }
        if let Some(cookie) = cookie {
            headers.push(("Cookie", cookie));
        }
        http::exchange(
            self.addr,
            &http::request("POST", self.addr, path, &headers, &body),
        )
        .await
    }
}

pub fn run(root: &Path, work: &Path, options: &BenchOptions) -> Result<Figures, XtaskError> {
    raise_open_files_limit();
    let work = work.join("abuse");
    let _ = std::fs::remove_dir_all(&work);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(XtaskError::io("the bench's tokio runtime"))?;
    let downloads = on_fresh_shop(root, &work, "downloads", |shop| {
        runtime.block_on(downloads::run(shop, options))
    })?;
    let sign_ups = on_fresh_shop(root, &work, "sign-ups", |shop| {
        runtime.block_on(sign_ups::run(shop, options))
    })?;
    let wrong_passwords = on_fresh_shop(root, &work, "wrong-passwords", |shop| {
        runtime.block_on(wrong_passwords::run(shop))
    })?;
    Ok(Figures {
        downloads,
        sign_ups,
        wrong_passwords,
    })
}

/// Starts the release stack with a data folder of its own, runs
/// `scenario`, stops the stack.
fn on_fresh_shop<T>(
    root: &Path,
    work: &Path,
    name: &str,
    scenario: impl FnOnce(&Shop) -> Result<T, XtaskError>,
) -> Result<T, XtaskError> {
    let folder = work.join(name);
    let data_dir = folder.join("data");
    std::fs::create_dir_all(&folder).map_err(XtaskError::io(&folder))?;
    let port = stack::free_port()?;
    let options = StackOptions {
        port,
        // The bench is the reverse proxy: its `X-Forwarded-For` names the
        // client each throttle counts.
        shop_args: vec!["--trusted-proxies".into(), "127.0.0.1".into()],
        ..StackOptions::throw_away(data_dir.clone())?
    };
    let mut stack = Stack::start(root, &options, &data_dir, Logs::Folder(folder.join("logs")))?;
    let pid = stack
        .shop_pid()
        .ok_or_else(|| XtaskError::Setup("the shop server has no process id".into()))?;
    let shop = Shop {
        addr: SocketAddr::from(([127, 0, 0, 1], port)),
        origin: stack.shop_url.clone(),
        pid,
    };
    println!("xtask: abuse: {name} on {} (pid {pid})", shop.origin);
    let figures = scenario(&shop);
    stack.stop();
    figures
}

/// Open files up to the hard limit, for the bench's thousand connections;
/// the servers started after inherit it (the figures print theirs).
fn raise_open_files_limit() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit write and read the struct we own.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// An answer other than `expected` during set-up stops the scenario.
pub fn expect(what: &str, answer: io::Result<Answer>, expected: u16) -> Result<Answer, XtaskError> {
    match answer {
        Ok(answer) if answer.head.status == expected => Ok(answer),
        Ok(answer) => Err(XtaskError::Setup(format!(
            "{what}: {} {}",
            answer.head.status,
            String::from_utf8_lossy(&answer.body)
        ))),
        Err(error) => Err(XtaskError::Setup(format!("{what}: {error}"))),
    }
}

pub fn print(figures: &Figures) {
    downloads::print(&figures.downloads);
    println!();
    sign_ups::print(&figures.sign_ups);
    println!();
    wrong_passwords::print(&figures.wrong_passwords);
}
