//! Server configuration from flags or environment variables (flags win).

pub mod photos;

use clap::{Parser, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

/// The PSP sandbox's development secrets: anyone who reads this file knows
/// them, so a server reachable from the network refuses them.
pub const DEV_MERCHANT_SECRET: &str = "sandbox-merchant-secret";
pub const DEV_WEBHOOK_SECRET: &str = "sandbox-webhook-secret";
/// An operator token shorter than this is refused off loopback: it guards
/// refunds and cancellations.
pub const OPERATOR_TOKEN_MIN_CHARS: usize = 32;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "shop-server",
    version,
    about = "The photo shop's API and storefront server"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "SHOP_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Folder for the SQLite database (unless `--database-url` names
    /// another) and the uploaded photos (created if missing).
    #[arg(long, env = "SHOP_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// The database: `sqlite:///path/to/file` or `postgres://user:password@host/name`
    /// (several server processes share one PostgreSQL). Default: the
    /// SQLite file `shop.sqlite3` in the data folder.
    #[arg(long, env = "SHOP_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// Folder of the built storefront (Trunk's `dist`).
    #[arg(long, env = "SHOP_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,
    /// The shop's public origin (`https://photo.example.fr`), as shoppers'
    /// browsers reach it: the only origin whose pages may change state,
    /// frame the PSP's card page and ask for Apple Pay; `https` makes the
    /// session cookie `Secure`. Default: the address the server listens on,
    /// in plain http. Never read from request headers.
    #[arg(long, env = "SHOP_PUBLIC_URL", value_parser = parse_origin)]
    pub public_url: Option<String>,
    /// Origin of the payment service provider's hosted pages: the only
    /// origin the storefront may frame.
    #[arg(long, env = "SHOP_PSP_ORIGIN", default_value = "http://127.0.0.1:9090", value_parser = parse_origin)]
    pub psp_origin: String,
    /// Base URL of the PSP's merchant API (server to server, `https` for a
    /// real PSP: checked against the web's root certificates); the PSP
    /// origin when not set.
    #[arg(long, env = "SHOP_PSP_API_URL")]
    pub psp_api_url: Option<String>,
    /// The shop's merchant secret at the PSP. The default is the sandbox's
    /// development secret, refused unless the server listens on loopback.
    #[arg(
        long,
        env = "SHOP_PSP_MERCHANT_SECRET",
        default_value = DEV_MERCHANT_SECRET,
        hide_env_values = true
    )]
    pub psp_merchant_secret: String,
    /// Secret the PSP signs its webhooks with (same caveat).
    #[arg(
        long,
        env = "SHOP_PSP_WEBHOOK_SECRET",
        default_value = DEV_WEBHOOK_SECRET,
        hide_env_values = true
    )]
    pub psp_webhook_secret: String,
    /// Bearer token of the operator API (`/api/v1/operator/…`); the
    /// operator API answers 404 when it is not set. An empty one is a
    /// start-up error, and off loopback it needs at least
    /// [`OPERATOR_TOKEN_MIN_CHARS`] characters.
    #[arg(long, env = "SHOP_OPERATOR_TOKEN", hide_env_values = true)]
    pub operator_token: Option<String>,
    /// Reverse proxies (addresses or blocks, comma-separated, e.g.
    /// `10.0.0.0/8,::1`) whose `X-Forwarded-For` names the client. Without
    /// any, the header is ignored and each peer is a client.
    #[arg(long, env = "SHOP_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_network)]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Requests served at once; beyond, `503 server_busy` with
    /// `Retry-After` at once.
    #[arg(long, env = "SHOP_MAX_IN_FLIGHT", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_in_flight: u32,
    /// Seconds between a stop signal (SIGTERM) and the end of accepting
    /// requests: `/api/v1/ready` answers 503 meanwhile, so that a load
    /// balancer checking it sends new requests elsewhere first. Requests
    /// in flight then finish in any case.
    #[arg(long, env = "SHOP_DRAIN_SECONDS", default_value_t = 0)]
    pub drain_seconds: u64,
    /// Seconds a handler may take (a photo upload excepted); then `503`.
    #[arg(long, env = "SHOP_REQUEST_TIMEOUT", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub request_timeout_seconds: u64,
    /// Seconds a request body may send nothing before its request ends.
    #[arg(long, env = "SHOP_BODY_IDLE_TIMEOUT", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub body_idle_timeout_seconds: u64,
    /// Seconds a client has to send a request's headers (slow-loris).
    #[arg(long, env = "SHOP_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout_seconds: u64,
    /// MiB of photos one account may keep, all projects together.
    #[arg(long, env = "SHOP_PHOTO_QUOTA_MIB", default_value_t = crate::projects::Quotas::DEFAULT_PHOTO_MIB, value_parser = clap::value_parser!(u64).range(1..))]
    pub photo_quota_mib: u64,
    /// Projects one account may keep.
    #[arg(long, env = "SHOP_MAX_PROJECTS", default_value_t = crate::projects::Quotas::DEFAULT_PROJECTS, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_projects: u32,
    /// Apple Pay merchant identifier (as registered with Apple).
    #[arg(
        long,
        env = "SHOP_APPLE_PAY_MERCHANT_ID",
        default_value = "merchant.fr.service-photo.sandbox"
    )]
    pub apple_pay_merchant_id: String,
    /// Google Pay merchant id; `TEST` environment unless `--google-pay-production`.
    #[arg(
        long,
        env = "SHOP_GOOGLE_PAY_MERCHANT_ID",
        default_value = "sandbox-google-merchant"
    )]
    pub google_pay_merchant_id: String,
    /// Use Google Pay's `PRODUCTION` environment (real cards).
    #[arg(long, env = "SHOP_GOOGLE_PAY_PRODUCTION")]
    pub google_pay_production: bool,
    /// The PSP's gateway name and the shop's id there, for Google Pay's
    /// `PAYMENT_GATEWAY` tokenization.
    #[arg(long, env = "SHOP_GOOGLE_PAY_GATEWAY", default_value = "psp-sandbox")]
    pub google_pay_gateway: String,
    #[arg(
        long,
        env = "SHOP_GOOGLE_PAY_GATEWAY_MERCHANT_ID",
        default_value = "sandbox-merchant"
    )]
    pub google_pay_gateway_merchant_id: String,
    /// Where the shop's mail goes: `smtp://127.0.0.1:1025` (a local
    /// catcher such as MailDev), `smtp://user:password@host:587?tls=required`
    /// (STARTTLS) or `smtps://host:465`. Without it, messages wait in the
    /// outbox and go once it is set.
    #[arg(long, env = "SHOP_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The messages' sender.
    #[arg(
        long,
        env = "SHOP_MAIL_FROM",
        default_value = "Service Photo <bonjour@service-photo.localhost>"
    )]
    pub mail_from: String,
    /// Lets `POST /api/v1/test/clock` move the server's clock forward (for
    /// tests and the end-to-end journeys). Refused unless the server listens
    /// on a loopback address: a shop on the network never runs on a clock
    /// anyone may move.
    #[arg(long, env = "SHOP_TEST_CLOCK")]
    pub test_clock: bool,
    /// Log filter, e.g. `info` or `shop_server=debug,tower_http=debug`.
    #[arg(long, env = "SHOP_LOG", default_value = "info")]
    pub log_level: String,
    /// Log format: human-readable text or one JSON object per line.
    #[arg(long, env = "SHOP_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// Where photos are kept (`SHOP_PHOTOS_URL`, `SHOP_S3_*`).
    #[command(flatten)]
    pub photo_store: photos::PhotoStoreArgs,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error(
        "--test-clock (SHOP_TEST_CLOCK) is only allowed on a loopback address, not {0}: \
         anyone reaching the server could move its clock"
    )]
    TestClockNotLoopback(SocketAddr),
    #[error(
        "{flag} ({env}) is the sandbox's development secret, which anyone can read: \
         set your own before listening on {listening}"
    )]
    DevelopmentSecret {
        flag: &'static str,
        env: &'static str,
        listening: SocketAddr,
    },
    #[error(
        "--operator-token (SHOP_OPERATOR_TOKEN) is empty: an empty token would open the \
         operator API; set a long random one, or leave it unset to turn the API off"
    )]
    EmptyOperatorToken,
    #[error(
        "--operator-token (SHOP_OPERATOR_TOKEN) has {chars} characters: off loopback it needs \
         at least {OPERATOR_TOKEN_MIN_CHARS} (e.g. `openssl rand -hex 32`)"
    )]
    ShortOperatorToken { chars: usize },
    #[error(transparent)]
    PhotoStore(#[from] photos::PhotoStoreConfigError),
}

impl Config {
    pub fn drain_period(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.drain_seconds)
    }

    pub fn limits(&self) -> crate::http::limits::Limits {
        use std::time::Duration;
        crate::http::limits::Limits {
            in_flight: self.max_in_flight as usize,
            request: Duration::from_secs(self.request_timeout_seconds),
            body_idle: Duration::from_secs(self.body_idle_timeout_seconds),
            header_read: Duration::from_secs(self.header_timeout_seconds),
        }
    }

    pub fn quotas(&self) -> crate::projects::Quotas {
        crate::projects::Quotas {
            photo_bytes: self.photo_quota_mib.saturating_mul(1024 * 1024),
            projects: self.max_projects,
        }
    }

    /// Checks what flags alone cannot, against the address actually listened
    /// on (tests bind port 0).
    pub fn validate(&self, listening: SocketAddr) -> Result<(), ConfigError> {
        let loopback = listening.ip().is_loopback();
        if let Some(token) = &self.operator_token {
            let chars = token.trim().chars().count();
            if chars == 0 {
                return Err(ConfigError::EmptyOperatorToken);
            }
            if !loopback && chars < OPERATOR_TOKEN_MIN_CHARS {
                return Err(ConfigError::ShortOperatorToken { chars });
            }
        }
        if loopback {
            return Ok(());
        }
        if self.test_clock {
            return Err(ConfigError::TestClockNotLoopback(listening));
        }
        let development = [
            (
                &self.psp_merchant_secret,
                DEV_MERCHANT_SECRET,
                "--psp-merchant-secret",
                "SHOP_PSP_MERCHANT_SECRET",
            ),
            (
                &self.psp_webhook_secret,
                DEV_WEBHOOK_SECRET,
                "--psp-webhook-secret",
                "SHOP_PSP_WEBHOOK_SECRET",
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Accepts `scheme://host[:port]` only: the value goes verbatim into the
/// Content-Security-Policy, where a path or a stray `;` would weaken it.
pub fn parse_origin(value: &str) -> Result<String, String> {
    let uri: axum::http::Uri = value
        .parse()
        .map_err(|error| format!("not an origin: {error}"))?;
    let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
    let bare = uri.path() == "/" && uri.query().is_none() && !value.ends_with('/');
    match (scheme_ok, uri.authority()) {
        (true, Some(authority)) if bare && !authority.as_str().contains('@') => {
            Ok(value.to_owned())
        }
        _ => Err("expected an origin such as http://127.0.0.1:9090".to_owned()),
    }
}

/// `10.0.0.0/8`, or one address (`192.0.2.1`, `::1`).
pub fn parse_network(value: &str) -> Result<ipnet::IpNet, String> {
    let value = value.trim();
    value
        .parse::<ipnet::IpNet>()
        .or_else(|_| value.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("not an address or block: {value}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL_SECRETS: [&str; 4] = [
        "--psp-merchant-secret",
        "merchant-secret-from-the-psp-dashboard",
        "--psp-webhook-secret",
        "webhook-secret-from-the-psp-dashboard",
    ];

    fn parse(args: &[&str]) -> Config {
        Config::parse_from(std::iter::once("shop-server").chain(args.iter().copied()))
    }

    #[test]
    fn the_test_clock_is_refused_off_loopback() {
        let mut config = parse(&REAL_SECRETS);
        assert!(!config.test_clock, "off by default");
        let public: SocketAddr = "0.0.0.0:8080".parse().unwrap();
        let loopback: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let loopback6: SocketAddr = "[::1]:8080".parse().unwrap();
        assert_eq!(config.validate(public), Ok(()));
        config = parse(&[&REAL_SECRETS[..], &["--test-clock"]].concat());
        assert!(config.test_clock);
        assert_eq!(config.validate(loopback), Ok(()));
        assert_eq!(config.validate(loopback6), Ok(()));
        let refused = config.validate(public).unwrap_err();
        assert_eq!(refused, ConfigError::TestClockNotLoopback(public));
        assert!(refused.to_string().contains("loopback"));
    }

    #[test]
    fn development_secrets_are_refused_off_loopback_and_named() {
        let public: SocketAddr = "192.0.2.10:8080".parse().unwrap();
        let loopback: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        assert_eq!(
            parse(&[]).validate(loopback),
            Ok(()),
            "development as before"
        );
        let refused = parse(&[]).validate(public).unwrap_err();
        assert!(matches!(
            refused,
            ConfigError::DevelopmentSecret {
                env: "SHOP_PSP_MERCHANT_SECRET",
                ..
            }
        ));
        assert!(refused.to_string().contains("SHOP_PSP_MERCHANT_SECRET"));
        let refused = parse(&REAL_SECRETS[..2]).validate(public).unwrap_err();
        assert!(refused.to_string().contains("--psp-webhook-secret"));
        assert_eq!(parse(&REAL_SECRETS).validate(public), Ok(()));
    }

    #[test]
    fn an_empty_operator_token_is_refused_everywhere() {
        let loopback: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        for empty in ["", "   "] {
            let config = parse(&[&REAL_SECRETS[..], &["--operator-token", empty]].concat());
            assert_eq!(
                config.validate(loopback),
                Err(ConfigError::EmptyOperatorToken)
            );
        }
        let config = parse(&["--operator-token", "devtoken"]);
        assert_eq!(config.validate(loopback), Ok(()), "any length on loopback");
    }

    #[test]
    fn a_short_operator_token_is_refused_off_loopback() {
        let public: SocketAddr = "[2001:db8::1]:443".parse().unwrap();
        let short = parse(&[&REAL_SECRETS[..], &["--operator-token", "devtoken"]].concat());
        assert_eq!(
            short.validate(public),
            Err(ConfigError::ShortOperatorToken { chars: 8 })
        );
        let long = "0123456789abcdef".repeat(2);
        let config = parse(&[&REAL_SECRETS[..], &["--operator-token", &long]].concat());
        assert_eq!(config.validate(public), Ok(()));
    }

    #[test]
    fn trusted_proxies_are_addresses_or_blocks() {
        let config = parse(&["--trusted-proxies", "10.0.0.0/8, ::1,192.0.2.7"]);
        let listed: Vec<String> = config
            .trusted_proxies
            .iter()
            .map(|n| n.to_string())
            .collect();
        assert_eq!(listed, ["10.0.0.0/8", "::1/128", "192.0.2.7/32"]);
        assert!(parse(&[]).trusted_proxies.is_empty());
        assert!(parse_network("proxy.example").is_err());
    }

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        assert!(parse_origin("http://127.0.0.1:9090").is_ok());
        assert!(parse_origin("https://pay.example.com").is_ok());
        assert!(parse_origin("https://pay.example.com/").is_err());
        assert!(parse_origin("https://pay.example.com/card").is_err());
        assert!(parse_origin("ftp://pay.example.com").is_err());
        assert!(parse_origin("pay.example.com").is_err());
        assert!(parse_origin("https://a.com; script-src *").is_err());
    }
}
