//! Flags and `PSP_*` variables. The defaults suit development only: a real
//! deployment must set its own merchant and webhook secrets.

use crate::framing;
use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "psp-sandbox",
    version,
    about = "Payment service provider sandbox"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "PSP_ADDR", default_value = "127.0.0.1:9090")]
    pub addr: SocketAddr,
    /// The sandbox's own origin as browsers reach it (payment page links,
    /// the card form's same-origin check). Default: `http://<addr>`.
    #[arg(long, env = "PSP_PUBLIC_URL", value_parser = framing::parse_origin)]
    pub public_url: Option<String>,
    /// The merchant's (shop's) origin: the only one allowed to frame the
    /// sandbox's pages other than a payment's own page, which the payment's
    /// `allowed_origin` may frame.
    #[arg(long, env = "PSP_SHOP_ORIGIN", default_value = "http://127.0.0.1:8080", value_parser = framing::parse_origin)]
    pub shop_origin: String,
    /// Folder of the sandbox's SQLite database (`psp.sqlite3`).
    #[arg(long, env = "PSP_DATA_DIR", default_value = "psp-data")]
    pub data_dir: PathBuf,
    /// The bearer secret of the merchant API. The default is for
    /// development only: a real deployment must set its own.
    #[arg(
        long,
        env = "PSP_MERCHANT_SECRET",
        default_value = "sandbox-merchant-secret",
        hide_env_values = true
    )]
    pub merchant_secret: String,
    /// Where webhooks are posted (the shop's `/api/v1/psp/webhooks`); none
    /// means events are stored but not sent.
    #[arg(long, env = "PSP_WEBHOOK_URL")]
    pub webhook_url: Option<String>,
    /// The HMAC key of webhook signatures. The default is for development
    /// only: a real deployment must set its own.
    #[arg(
        long,
        env = "PSP_WEBHOOK_SECRET",
        default_value = "sandbox-webhook-secret",
        hide_env_values = true
    )]
    pub webhook_secret: String,
    /// Days an authorization stays capturable.
    #[arg(long, env = "PSP_AUTHORIZATION_DAYS", default_value_t = 7, value_parser = clap::value_parser!(i64).range(1..=30))]
    pub authorization_days: i64,
    /// Enables `POST /v1/test/clock`, which moves the sandbox's clock.
    #[arg(long, env = "PSP_TEST_CLOCK")]
    pub test_clock: bool,
    /// Log filter, e.g. `info` or `psp_sandbox=debug`.
    #[arg(long, env = "PSP_LOG", default_value = "info")]
    pub log_level: String,
}

impl Config {
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
    }
}
