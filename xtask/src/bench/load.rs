//! The API under load: wrk against `GET /api/v1/catalogue` and
//! `POST /api/v1/cart/totals` (a guest's cart priced by the server), with
//! the headers a browser sends, and what it reports read back from its text.

use super::BenchOptions;
use crate::error::XtaskError;
use crate::process;
use shop_api::cart::CartContents;
use shop_api::catalogue::ProductChoice;
use std::path::Path;
use std::process::Command;

/// What Chromium sends: the server answers in the encoding it would.
const ACCEPT_ENCODING: &str = "Accept-Encoding: gzip, deflate, br, zstd";
const WARM_UP_SECONDS: u32 = 2;

/// One endpoint's figures.
pub struct Figures {
    pub endpoint: &'static str,
    pub requests_per_second: f64,
    pub p99_ms: f64,
    /// Answers other than 2xx or 3xx: figures with any are not the
    /// endpoint's.
    pub failed: u64,
    /// wrk's "Socket errors" line, if it printed one.
    pub socket_errors: Option<String>,
}

pub fn run(
    work: &Path,
    shop_url: &str,
    options: &BenchOptions,
) -> Result<Vec<Figures>, XtaskError> {
    let script = work.join("cart-totals.lua");
    std::fs::write(&script, cart_totals_script(shop_url)).map_err(XtaskError::io(&script))?;
    let script = script.to_string_lossy().into_owned();
    let catalogue = format!("{shop_url}/api/v1/catalogue");
    let totals = format!("{shop_url}/api/v1/cart/totals");
    let endpoints: [(&'static str, &str, Option<&str>); 2] = [
        ("GET /api/v1/catalogue", &catalogue, None),
        ("POST /api/v1/cart/totals", &totals, Some(&script)),
    ];
    let mut figures = Vec::new();
    for (endpoint, url, script) in endpoints {
        // Connections opened, caches and allocator warm.
        wrk(url, script, options.connections, WARM_UP_SECONDS)?;
        let report = wrk(url, script, options.connections, options.seconds)?;
        println!("{report}");
        figures.push(parse(endpoint, &report).ok_or_else(|| {
            XtaskError::Setup(format!("cannot read wrk's report for {endpoint}"))
        })?);
    }
    Ok(figures)
}

fn wrk(
    url: &str,
    script: Option<&str>,
    connections: u32,
    seconds: u32,
) -> Result<String, XtaskError> {
    // Two threads: one per core of the machine this was sized for; more
    // would only take CPU from the server.
    // Debian's, from `setup::ensure_wrk`.
    let mut wrk = Command::new("wrk");
    wrk.args(["--threads", "2", "--latency"])
        .args(["--connections", &connections.to_string()])
        .args(["--duration", &format!("{seconds}s")])
        .args(["--header", ACCEPT_ENCODING]);
    if let Some(script) = script {
        wrk.args(["--script", script]);
    }
    wrk.arg(url);
    let description = process::describe(&wrk);
    println!("$ {description}");
    let output = wrk.output().map_err(|source| XtaskError::Spawn {
        command: description.clone(),
        source,
    })?;
    if !output.status.success() {
        return Err(XtaskError::Failed {
            command: description,
            status: output.status.to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// A guest's cart of three lines (prints in volume, a hard-cover book with
/// extra pages, a poster) with standard delivery, POSTed from the shop's
/// own origin as the storefront does (the API refuses other origins).
fn cart_totals_script(shop_url: &str) -> String {
    let choice = |product: &str, format: &str, quantity| ProductChoice {
        product_id: product.into(),
        format_id: format.into(),
        quantity,
        pages: None,
        cover_id: None,
    };
    let cart = CartContents {
        lines: vec![
            choice("tirages", "10x15", 50),
            ProductChoice {
                pages: Some(30),
                cover_id: Some("rigide".into()),
                ..choice("livre-photo", "30x30", 2)
            },
            choice("poster", "50x70", 1),
        ],
        delivery_option_id: Some("standard".into()),
    };
    let body = serde_json::to_string(&cart).unwrap_or_default();
    format!(
        "wrk.method = \"POST\"\n\
         wrk.headers[\"Content-Type\"] = \"application/json\"\n\
         wrk.headers[\"Origin\"] = \"{shop_url}\"\n\
         wrk.body = [==[{body}]==]\n"
    )
}

/// Requests per second, the 99th percentile and the failures of a wrk
/// report (`--latency`).
fn parse(endpoint: &'static str, report: &str) -> Option<Figures> {
    let mut requests_per_second = None;
    let mut p99_ms = None;
    let mut failed = 0;
    let mut socket_errors = None;
    for line in report.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("Requests/sec:") {
            requests_per_second = rest.trim().parse().ok();
        } else if let Some(rest) = line.strip_prefix("99%") {
            p99_ms = milliseconds(rest.trim());
        } else if let Some(rest) = line.strip_prefix("Non-2xx or 3xx responses:") {
            failed = rest.trim().parse().ok()?;
        } else if let Some(rest) = line.strip_prefix("Socket errors:") {
            socket_errors = Some(rest.trim().to_owned());
        }
    }
    Some(Figures {
        endpoint,
        requests_per_second: requests_per_second?,
        p99_ms: p99_ms?,
        failed,
        socket_errors,
    })
}

/// wrk's durations: `830.00us`, `9.87ms`, `1.20s`, `2.00m`.
fn milliseconds(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let value: f64 = number.parse().ok()?;
    let factor = match unit {
        "us" => 0.001,
        "ms" => 1.0,
        "s" => 1000.0,
        "m" => 60_000.0,
        "h" => 3_600_000.0,
        _ => return None,
    };
    Some(value * factor)
}

pub fn print(figures: &[Figures], options: &BenchOptions) {
    println!(
        "API under load (wrk, {} connections, 2 threads, {} s, browser's Accept-Encoding)",
        options.connections, options.seconds
    );
    println!("{:<26} {:>10} {:>10}", "endpoint", "req/s", "p99 ms");
    for figure in figures {
        println!(
            "{:<26} {:>10.0} {:>10.2}  {}",
            figure.endpoint,
            figure.requests_per_second,
            figure.p99_ms,
            notes(figure)
        );
    }
}

/// What makes a figure not the endpoint's: failed answers, socket errors.
pub fn notes(figure: &Figures) -> String {
    let mut notes = Vec::new();
    if figure.failed > 0 {
        notes.push(format!("{} answers not 2xx/3xx!", figure.failed));
    }
    if let Some(errors) = &figure.socket_errors {
        notes.push(format!("socket errors: {errors}"));
    }
    notes.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Running 10s test @ http://127.0.0.1:8080/api/v1/catalogue
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.16ms    1.20ms  30.11ms   80.00%
    Req/Sec    10.10k     1.00k   12.00k    70.00%
  Latency Distribution
     50%    2.90ms
     75%    3.50ms
     90%    4.40ms
     99%  830.00us
  201234 requests in 10.00s, 200.00MB read
  Socket errors: connect 0, read 0, write 0, timeout 3
  Non-2xx or 3xx responses: 12
Requests/sec:  20123.40
Transfer/sec:     20.00MB
";

    #[test]
    fn reads_a_wrk_report() {
        let figures = parse("GET /", REPORT).unwrap();
        assert!((figures.requests_per_second - 20123.4).abs() < 1e-6);
        assert!((figures.p99_ms - 0.83).abs() < 1e-9);
        assert_eq!(figures.failed, 12);
        assert_eq!(
            figures.socket_errors.as_deref(),
            Some("connect 0, read 0, write 0, timeout 3")
        );
        assert!(parse("GET /", "Running 10s test").is_none());
    }

    #[test]
    fn reads_wrk_durations() {
        assert_eq!(milliseconds("9.5ms"), Some(9.5));
        assert_eq!(milliseconds("1.20s"), Some(1200.0));
        assert_eq!(milliseconds("2.00m"), Some(120_000.0));
        assert_eq!(milliseconds("12"), None);
    }

    #[test]
    fn the_cart_script_posts_from_the_shop_s_origin() {
        let script = cart_totals_script("http://127.0.0.1:4000");
        assert!(script.contains("wrk.headers[\"Origin\"] = \"http://127.0.0.1:4000\""));
        let body = script
            .split("[==[")
            .nth(1)
            .unwrap()
            .split("]==]")
            .next()
            .unwrap();
        let cart: CartContents = serde_json::from_str(body).unwrap();
        assert_eq!(cart.lines.len(), 3);
    }
}
