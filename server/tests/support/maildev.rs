//! A real SMTP catcher for the tests: MailDev (npm, installed by `cargo
//! xtask` with `npm ci`) started on free loopback ports, read through its
//! REST API, stopped when dropped.

use super::client;
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct MailDev {
    pub smtp_port: u16,
    pub web: String,
    child: Child,
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn binary() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let binary = root.join("node_modules").join(".bin").join("maildev");
    assert!(
        binary.exists(),
        "MailDev is missing ({}): `cargo xtask test` installs it, or run `npm ci`",
        binary.display()
    );
    binary
}

impl MailDev {
    pub async fn start() -> MailDev {
        let smtp_port = free_port();
        let web_port = free_port();
        let child = Command::new(binary())
            .args([
                "--smtp",
                &smtp_port.to_string(),
                "--web",
                &web_port.to_string(),
            ])
            .args(["--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"])
            // MailDev reads no configuration file from here.
            .current_dir(std::env::temp_dir())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("MailDev starts");
        let maildev = MailDev {
            smtp_port,
            web: format!("http://127.0.0.1:{web_port}"),
            child,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = client()
                .get(format!("{}/healthz", maildev.web))
                .send()
                .await
                .is_ok_and(|answer| answer.status().is_success());
            if ready {
                return maildev;
            }
            assert!(
                Instant::now() < deadline,
                "MailDev did not answer within 30 s"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub fn smtp_url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.smtp_port)
    }

    /// Every message received, oldest first.
    pub async fn messages(&self) -> Vec<Value> {
        client()
            .get(format!("{}/email", self.web))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

impl MailDev {
    /// The messages to `to`, oldest first, once there are at least `count`
    /// (the shop's sender looks at its outbox every 5 s).
    pub async fn wait_for(&self, to: &str, count: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let received: Vec<Value> = self
                .messages()
                .await
                .into_iter()
                .filter(|message| message["to"][0]["address"] == to)
                .collect();
            if received.len() >= count {
                return received;
            }
            assert!(
                Instant::now() < deadline,
                "{count} message(s) to {to} within 30 s; got {received:#?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for MailDev {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
