//! Flags and `PSP_*` variables. The defaults suit development only: off
//! loopback, the sandbox refuses its development secrets and its test clock.

use crate::framing;
use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;

/// The development secrets, written in this file for anyone to read.
pub const DEV_MERCHANT_SECRET: &str = "sandbox-merchant-secret";
pub const DEV_WEBHOOK_SECRET: &str = "sandbox-webhook-secret";

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
        default_value = DEV_MERCHANT_SECRET,
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
        default_value = DEV_WEBHOOK_SECRET,
        hide_env_values = true
    )]
    pub webhook_secret: String,
    /// Days an authorization stays capturable.
    #[arg(long, env = "PSP_AUTHORIZATION_DAYS", default_value_t = 7, value_parser = clap::value_parser!(i64).range(1..=30))]
    pub authorization_days: i64,
    /// Enables `POST /v1/test/clock`, which moves the sandbox's clock (on a
    /// loopback address only).
    #[arg(long, env = "PSP_TEST_CLOCK")]
    pub test_clock: bool,
    /// Log filter, e.g. `info` or `psp_sandbox=debug`.
    #[arg(long, env = "PSP_LOG", default_value = "info")]
    pub log_level: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error(
        "{flag} ({env}) is the development secret, which anyone can read: \
         set your own before listening on {listening}"
    )]
    DevelopmentSecret {
        flag: &'static str,
        env: &'static str,
        listening: SocketAddr,
    },
    #[error(
        "--test-clock (PSP_TEST_CLOCK) is only allowed on a loopback address, not {0}: \
         anyone reaching the sandbox could move its clock"
    )]
    TestClockNotLoopback(SocketAddr),
}

impl Config {
    /// Refuses, off loopback, what only development may use.
    pub fn validate(&self, listening: SocketAddr) -> Result<(), ConfigError> {
        if listening.ip().is_loopback() {
            return Ok(());
        }
        if self.test_clock {
            return Err(ConfigError::TestClockNotLoopback(listening));
        }
        let development = [
            (
                &self.merchant_secret,
                DEV_MERCHANT_SECRET,
                "--merchant-secret",
                "PSP_MERCHANT_SECRET",
            ),
            (
                &self.webhook_secret,
                DEV_WEBHOOK_SECRET,
                "--webhook-secret",
                "PSP_WEBHOOK_SECRET",
            ),
        ];
        match development
            .into_iter()
            .find(|(value, dev, _, _)| value.as_str() == *dev)
        {
            Some((_, _, flag, env)) => Err(ConfigError::DevelopmentSecret {
                flag,
                env,
                listening,
            }),
            None => Ok(()),
        }
    }

    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Config {
        Config::parse_from(std::iter::once("psp-sandbox").chain(args.iter().copied()))
    }

    #[test]
    fn development_secrets_and_clock_are_refused_off_loopback() {
        let public: SocketAddr = "0.0.0.0:9090".parse().unwrap();
        let loopback: SocketAddr = "127.0.0.1:9090".parse().unwrap();
        assert_eq!(parse(&["--test-clock"]).validate(loopback), Ok(()));
        let refused = parse(&[]).validate(public).unwrap_err();
        assert!(refused.to_string().contains("PSP_MERCHANT_SECRET"));
        let own = [
            "--merchant-secret",
            "m-0123456789",
            "--webhook-secret",
            "w-0123456789",
        ];
        let refused = parse(&own[..2]).validate(public).unwrap_err();
        assert!(refused.to_string().contains("PSP_WEBHOOK_SECRET"));
        assert_eq!(parse(&own).validate(public), Ok(()));
        let clock = parse(&[&own[..], &["--test-clock"]].concat());
        assert_eq!(
            clock.validate(public),
            Err(ConfigError::TestClockNotLoopback(public))
        );
    }
}
