//! Shoppers' whole order journeys at once, through the balancer, in the
//! requests the storefront and the PSP's card page send: sign up, a poster
//! project, its photo (a phone photo's size), the cart, the order, the card
//! typed in the PSP's page, then the order page asked until the PSP's
//! webhook has confirmed it. Each shopper comes from an address of its own
//! (`X-Forwarded-For`, which HAProxy passes on), as on the internet.

use super::BenchOptions;
use super::abuse::PASSWORD;
use super::http::{self, Answer};
use super::photo;
use crate::error::XtaskError;
use crate::stack::Stack;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The journey's steps, in order.
const STEPS: [&str; 7] = [
    "sign up",
    "project",
    "photo upload",
    "cart",
    "order",
    "card at the PSP",
    "confirmed",
];
/// 1,200 × 1,000 px of noise: 3.4 MiB, a phone photo's size.
const PHOTO_SIZE: (u32, u32) = (1200, 1000);
/// How long the webhook may take to confirm an order.
const CONFIRMATION_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Figures {
    pub shoppers: usize,
    pub journeys: usize,
    pub confirmed: u64,
    /// The first failures, one line each.
    pub failures: Vec<String>,
    pub failed: usize,
    /// Each confirmed journey's duration, sorted.
    pub durations: Vec<Duration>,
    /// Each step's durations, sorted, in the order of [`STEPS`].
    pub steps: Vec<Vec<Duration>>,
    pub elapsed: Duration,
    pub photo_bytes: usize,
}

impl Figures {
    pub fn throughput_per_second(&self) -> f64 {
        self.confirmed as f64 / self.elapsed.as_secs_f64().max(f64::EPSILON)
    }
}

struct Target {
    shop: SocketAddr,
    shop_origin: String,
    psp: SocketAddr,
    psp_origin: String,
    photo: Vec<u8>,
}

type Outcome = Result<Vec<Duration>, String>;

pub fn run(stack: &Stack, options: &BenchOptions) -> Result<Figures, XtaskError> {
    let target = Arc::new(Target {
        shop: address(&stack.shop_url)?,
        shop_origin: stack.shop_url.clone(),
        psp: address(&stack.psp_url)?,
        psp_origin: stack.psp_url.clone(),
        photo: photo::noise_png(21, PHOTO_SIZE.0, PHOTO_SIZE.1),
    });
    println!(
        "xtask: {} order journeys, {} shoppers at once",
        options.journeys, options.shoppers
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(XtaskError::io("the bench's tokio runtime"))?;
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let outcomes: Vec<Outcome> = runtime.block_on(async {
        let mut shoppers = Vec::new();
        for _ in 0..options.shoppers {
            let (target, next, total) = (target.clone(), next.clone(), options.journeys);
            shoppers.push(tokio::spawn(async move {
                let mut outcomes = Vec::new();
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= total {
                        return outcomes;
                    }
                    outcomes.push(journey(&target, index).await);
                }
            }));
        }
        let mut outcomes = Vec::new();
        for shopper in shoppers {
            outcomes.extend(shopper.await.unwrap_or_default());
        }
        outcomes
    });
    let elapsed = started.elapsed();
    let mut figures = Figures {
        shoppers: options.shoppers,
        journeys: options.journeys,
        confirmed: 0,
        failures: Vec::new(),
        failed: 0,
        durations: Vec::new(),
        steps: vec![Vec::new(); STEPS.len()],
        elapsed,
        photo_bytes: target.photo.len(),
    };
    for outcome in outcomes {
        match outcome {
            Ok(steps) => {
                figures.confirmed += 1;
                figures.durations.push(steps.iter().sum());
                for (all, step) in figures.steps.iter_mut().zip(steps) {
                    all.push(step);
                }
            }
            Err(failure) => {
                figures.failed += 1;
                if figures.failures.len() < 5 {
                    figures.failures.push(failure);
                }
            }
        }
    }
    figures.durations.sort();
    for step in &mut figures.steps {
        step.sort();
    }
    Ok(figures)
}

fn address(url: &str) -> Result<SocketAddr, XtaskError> {
    url.trim_start_matches("http://")
        .parse()
        .map_err(|_| XtaskError::Setup(format!("not an http://address:port: {url}")))
}

/// One shopper's journey: each step's duration, or what went wrong.
async fn journey(target: &Target, index: usize) -> Outcome {
    let client = format!(
        "10.{}.{}.{}",
        (index >> 16) & 255,
        (index >> 8) & 255,
        (index & 255) + 1
    );
    let mut steps = Vec::with_capacity(STEPS.len());
    let mut timed = Instant::now();
    let mut lap = |steps: &mut Vec<Duration>| {
        steps.push(timed.elapsed());
        timed = Instant::now();
    };
    let shop = Session {
        target,
        client: &client,
        cookies: String::new(),
    };

    let email = format!("client-{index}-{}@example.fr", std::process::id());
    let body = serde_json::json!({ "email": email, "password": PASSWORD });
    let answer = shop
        .send("POST", "/api/v1/account", &[], &json(&body))
        .await;
    let signed_up = expect("sign up", answer, 201)?;
    let shop = Session {
        cookies: cookies(&signed_up),
        ..shop
    };
    lap(&mut steps);

    let project = format!("/api/v1/projects/bench-{index}");
    let choice = serde_json::json!({"product_id": "poster", "format_id": "50x70", "quantity": 1});
    let body = serde_json::json!({"name": "Le phare", "choice": choice, "photo_ids": ["p1"]});
    let answer = shop.send("PUT", &project, &[], &json(&body)).await;
    expect("project", answer, 200)?;
    lap(&mut steps);

    let upload = shop
        .send(
            "PUT",
            &format!("{project}/photos/p1"),
            &[("Content-Type", "image/png")],
            &target.photo,
        )
        .await;
    expect("photo upload", upload, 200)?;
    lap(&mut steps);

    let line = serde_json::json!({"project_id": format!("bench-{index}"),
        "project_name": "Le phare", "choice": choice, "copies": 1});
    let body = serde_json::json!({ "lines": [line] });
    let answer = shop.send("PUT", "/api/v1/cart", &[], &json(&body)).await;
    expect("cart", answer, 200)?;
    lap(&mut steps);

    let body = serde_json::json!({
        "delivery_address": {"name": "Camille Martin", "street": "12 rue des Lilas",
            "postcode": "35000", "city": "Rennes", "country": "FR", "phone": "0612345678"},
        "delivery_option_id": "standard",
        "accepted_terms": shop_api::order::TERMS_VERSION,
        "keep_card": false,
    });
    let key = format!("bench-order-{index}");
    let answer = shop
        .send(
            "POST",
            "/api/v1/orders",
            &[("Idempotency-Key", &key)],
            &json(&body),
        )
        .await;
    let order: serde_json::Value = serde_json::from_slice(&expect("order", answer, 201)?.body)
        .map_err(|error| format!("order: {error}"))?;
    let order_id = order["id"].as_str().unwrap_or_default().to_owned();
    let page = order["payment"]["hosted_page_url"]
        .as_str()
        .ok_or("order: no card page")?;
    let payment = page.rsplit('/').next().unwrap_or_default();
    lap(&mut steps);

    let card = serde_json::json!({"number": "4242424242424242", "expiry": "12/40",
        "security_code": "123", "holder": "Camille Martin"});
    let path = format!("/pay/{payment}/card");
    let request = http::request(
        "POST",
        target.psp,
        &path,
        &[
            ("Origin", &target.psp_origin),
            ("Content-Type", "application/json"),
        ],
        &json(&card),
    );
    expect("card", http::exchange(target.psp, &request).await, 200)?;
    lap(&mut steps);

    let deadline = Instant::now() + CONFIRMATION_TIMEOUT;
    loop {
        let answer = shop
            .send("GET", &format!("/api/v1/orders/{order_id}"), &[], &[])
            .await;
        let order: serde_json::Value =
            serde_json::from_slice(&expect("order page", answer, 200)?.body)
                .map_err(|error| format!("order page: {error}"))?;
        match order["status"].as_str() {
            Some("authorized") => break,
            Some("awaiting_payment") if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            status => return Err(format!("confirmation: the order is {status:?}")),
        }
    }
    lap(&mut steps);
    Ok(steps)
}

/// A shopper's browser at the shop: its address, its cookies.
struct Session<'a> {
    target: &'a Target,
    client: &'a str,
    cookies: String,
}

impl Session<'_> {
    async fn send(
        &self,
        method: &str,
        path: &str,
        extra: &[(&str, &str)],
        body: &[u8],
    ) -> std::io::Result<Answer> {
        let mut headers = vec![
            ("Origin", self.target.shop_origin.as_str()),
            ("X-Forwarded-For", self.client),
        ];
        if !body.is_empty() && !extra.iter().any(|(name, _)| *name == "Content-Type") {
            headers.push(("Content-Type", "application/json"));
        }
        if !self.cookies.is_empty() {
            headers.push(("Cookie", &self.cookies));
        }
        headers.extend_from_slice(extra);
        let request = http::request(method, self.target.shop, path, &headers, body);
        http::exchange(self.target.shop, &request).await
    }
}

fn json(value: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// Every cookie the answer sets, as a browser sends them back.
fn cookies(answer: &Answer) -> String {
    answer
        .head
        .headers("set-cookie")
        .filter_map(|cookie| cookie.split(';').next())
        .map(str::trim)
        .filter(|pair| !pair.ends_with('='))
        .collect::<Vec<_>>()
        .join("; ")
}

fn expect(step: &str, answer: std::io::Result<Answer>, status: u16) -> Result<Answer, String> {
    match answer {
        Ok(answer) if answer.head.status == status => Ok(answer),
        Ok(answer) => Err(format!(
            "{step}: {} {}",
            answer.head.status,
            answer.code().unwrap_or_default()
        )),
        Err(error) => Err(format!("{step}: {error}")),
    }
}

/// The nearest-rank percentile of sorted durations, in milliseconds.
fn percentile(sorted: &[Duration], percent: usize) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (sorted.len() * percent).div_ceil(100).max(1);
    sorted[rank - 1].as_secs_f64() * 1000.0
}

pub fn print(figures: &Figures) {
    println!(
        "{} order journeys, {} shoppers at once, through HAProxy to 2 shop processes \
         (a {:.1} MiB photo each): {} confirmed, {} failed, in {:.1} s ({:.2} journeys/s)",
        figures.journeys,
        figures.shoppers,
        figures.photo_bytes as f64 / 1_048_576.0,
        figures.confirmed,
        figures.failed,
        figures.elapsed.as_secs_f64(),
        figures.throughput_per_second()
    );
    for failure in &figures.failures {
        println!("  failed: {failure}");
    }
    println!("{:<18} {:>9} {:>9} {:>9}", "", "p50 ms", "p90 ms", "p99 ms");
    let row = |name: &str, sorted: &[Duration]| {
        println!(
            "{name:<18} {:>9.0} {:>9.0} {:>9.0}",
            percentile(sorted, 50),
            percentile(sorted, 90),
            percentile(sorted, 99)
        );
    };
    row("whole journey", &figures.durations);
    for (name, sorted) in STEPS.iter().zip(&figures.steps) {
        row(name, sorted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let sorted: Vec<Duration> = (1..=200).map(Duration::from_millis).collect();
        assert!((percentile(&sorted, 50) - 100.0).abs() < 1e-9);
        assert!((percentile(&sorted, 99) - 198.0).abs() < 1e-9);
        assert!(percentile(&[], 99).is_nan());
    }
}
