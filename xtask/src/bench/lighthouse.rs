//! Four pages through Lighthouse (npm's CLI, pinned in `package.json`) as a
//! fresh visitor on a phone: Lighthouse's defaults (mobile, simulated
//! throttling), a new Chromium profile per page, Debian's Chromium. Reads
//! back the three category scores, LCP, TBT and CLS, and the audits that
//! cost accessibility or best-practices points, so that they can be fixed.

use crate::error::XtaskError;
use crate::process::{self, command};
use crate::setup::CHROMIUM;
use serde_json::Value;
use std::path::Path;

/// What a shopper meets on the way to paying, each reachable directly by a
/// fresh visitor. The product editor is reached through `/creer/poster`
/// (what "Créer" on the home page's poster does: it makes the project in
/// the browser and moves to `/projets/{id}`). The checkout, `/commande`,
/// shows a fresh visitor nothing but "your cart is empty", so the page
/// listing the payment methods stands for it.
const PAGES: &[(&str, &str)] = &[
    ("home", "/"),
    ("product editor", "/creer/poster"),
    ("cart", "/panier"),
    ("payment methods", "/modes-de-paiement"),
];

const CHROME_FLAGS: &str = "--headless --no-sandbox --disable-gpu --disable-background-networking \
     --disable-component-update --disable-sync --no-first-run";

/// Categories whose lost points are listed audit by audit.
const EXPLAINED: &[(&str, &str)] = &[
    ("accessibility", "accessibility"),
    ("best-practices", "best practices"),
];

pub struct PageFigures {
    pub page: &'static str,
    pub path: &'static str,
    pub final_url: String,
    pub performance: Option<f64>,
    pub accessibility: Option<f64>,
    pub best_practices: Option<f64>,
    pub lcp_ms: Option<f64>,
    pub tbt_ms: Option<f64>,
    pub cls: Option<f64>,
    /// Lighthouse's measure of this machine's CPU during the run (a
    /// desktop scores about 1,000 to 2,000): its 4× slowdown stands for a
    /// mid-range phone only on such a machine, so the figures depend on it.
    pub benchmark_index: Option<f64>,
    /// (category, audit ids that did not pass).
    pub failed: Vec<(&'static str, Vec<String>)>,
    /// `errors-in-console`'s items: source and text.
    pub console_errors: Vec<String>,
    /// Lighthouse's own trouble (page not loaded, Chrome gone).
    pub runtime_error: Option<String>,
}

pub fn run(root: &Path, work: &Path, shop_url: &str) -> Result<Vec<PageFigures>, XtaskError> {
    let reports = work.join("lighthouse");
    std::fs::create_dir_all(&reports).map_err(XtaskError::io(&reports))?;
    let mut figures = Vec::new();
    for &(page, path) in PAGES {
        let report = reports.join(format!("{}.json", page.replace(' ', "-")));
        process::run(
            command(root, "lighthouse")
                .arg(format!("{shop_url}{path}"))
                .args(["--output", "json", "--quiet"])
                .arg("--output-path")
                .arg(&report)
                .arg("--only-categories=performance,accessibility,best-practices")
                .arg(format!("--chrome-flags={CHROME_FLAGS}"))
                .env("CHROME_PATH", CHROMIUM),
        )?;
        let text = std::fs::read_to_string(&report).map_err(XtaskError::io(&report))?;
        let json: Value = serde_json::from_str(&text).map_err(|error| {
            XtaskError::Setup(format!("{} is not JSON: {error}", report.display()))
        })?;
        figures.push(read(page, path, &json));
    }
    Ok(figures)
}

fn read(page: &'static str, path: &'static str, report: &Value) -> PageFigures {
    let score = |category: &str| {
        report["categories"][category]["score"]
            .as_f64()
            .map(|score| score * 100.0)
    };
    let metric = |audit: &str| report["audits"][audit]["numericValue"].as_f64();
    let failed = EXPLAINED
        .iter()
        .filter(|(id, _)| score(id).is_some_and(|score| score < 100.0))
        .map(|&(id, name)| (name, failed_audits(report, id)))
        .collect();
    let console_errors = report["audits"]["errors-in-console"]["details"]["items"]
        .as_array()
        .map(|items| items.iter().map(console_error).collect())
        .unwrap_or_default();
    PageFigures {
        page,
        path,
        final_url: report["finalDisplayedUrl"]
            .as_str()
            .or(report["finalUrl"].as_str())
            .unwrap_or_default()
            .to_owned(),
        performance: score("performance"),
        accessibility: score("accessibility"),
        best_practices: score("best-practices"),
        lcp_ms: metric("largest-contentful-paint"),
        tbt_ms: metric("total-blocking-time"),
        cls: metric("cumulative-layout-shift"),
        benchmark_index: report["environment"]["benchmarkIndex"].as_f64(),
        failed,
        console_errors,
        runtime_error: report["runtimeError"]["message"]
            .as_str()
            .map(str::to_owned),
    }
}

/// The category's scored audits (not the informative or not applicable
/// ones) below a full score.
fn failed_audits(report: &Value, category: &str) -> Vec<String> {
    let Some(refs) = report["categories"][category]["auditRefs"].as_array() else {
        return Vec::new();
    };
    refs.iter()
        .filter_map(|audit_ref| audit_ref["id"].as_str())
        .filter(|id| {
            let audit = &report["audits"][*id];
            let scored = matches!(
                audit["scoreDisplayMode"].as_str(),
                Some("binary" | "numeric" | "metricSavings")
            );
            scored && audit["score"].as_f64().is_some_and(|score| score < 1.0)
        })
        .map(str::to_owned)
        .collect()
}

fn console_error(item: &Value) -> String {
    let source = item["source"].as_str().unwrap_or("?");
    let text = item["description"].as_str().unwrap_or_default();
    let url = item["sourceLocation"]["url"]
        .as_str()
        .or(item["url"].as_str())
        .unwrap_or_default();
    format!("[{source}] {text} {url}").trim_end().to_owned()
}

pub fn print(pages: &[PageFigures]) {
    let score = |value: Option<f64>| value.map_or("-".to_owned(), |v| format!("{v:.0}"));
    let number = |value: Option<f64>, decimals: usize| {
        value.map_or("-".to_owned(), |v| format!("{v:.decimals$}"))
    };
    println!("Lighthouse 12 (mobile, simulated throttling, fresh visitor)");
    println!(
        "{:<18} {:<20} {:>5} {:>6} {:>6} {:>8} {:>7} {:>6} {:>6}",
        "page", "address", "perf", "a11y", "b.p.", "LCP ms", "TBT ms", "CLS", "CPU"
    );
    for page in pages {
        println!(
            "{:<18} {:<20} {:>5} {:>6} {:>6} {:>8} {:>7} {:>6} {:>6}",
            page.page,
            page.path,
            score(page.performance),
            score(page.accessibility),
            score(page.best_practices),
            number(page.lcp_ms, 0),
            number(page.tbt_ms, 0),
            number(page.cls, 3),
            number(page.benchmark_index, 0),
        );
    }
    println!("(CPU: Lighthouse's benchmark index of this machine during the run)");
    for page in pages {
        let mut lines = Vec::new();
        if let Some(error) = &page.runtime_error {
            lines.push(format!("  Lighthouse error: {error}"));
        }
        for (category, audits) in &page.failed {
            lines.push(format!("  {category} lost on: {}", audits.join(", ")));
        }
        for error in &page.console_errors {
            lines.push(format!("  console: {error}"));
        }
        if !lines.is_empty() {
            println!("{} ({}):", page.page, page.final_url);
            for line in lines {
                println!("{line}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_scores_metrics_and_what_was_lost() {
        let report = json!({
            "finalDisplayedUrl": "http://127.0.0.1:4000/projets/abc",
            "environment": {"benchmarkIndex": 1153.5},
            "categories": {
                "performance": {"score": 0.97, "auditRefs": []},
                "accessibility": {"score": 1, "auditRefs": [{"id": "color-contrast"}]},
                "best-practices": {"score": 0.96, "auditRefs": [
                    {"id": "errors-in-console"}, {"id": "is-on-https"}, {"id": "deprecations"}
                ]}
            },
            "audits": {
                "largest-contentful-paint": {"numericValue": 1834.2},
                "total-blocking-time": {"numericValue": 12.0},
                "cumulative-layout-shift": {"numericValue": 0.0012},
                "color-contrast": {"score": 1, "scoreDisplayMode": "binary"},
                "errors-in-console": {"score": 0, "scoreDisplayMode": "binary", "details": {"items": [
                    {"source": "network", "description": "Failed to load resource: 401", "sourceLocation": {"url": "http://127.0.0.1:4000/api/v1/session"}}
                ]}},
                "is-on-https": {"score": 0, "scoreDisplayMode": "binary"},
                "deprecations": {"score": null, "scoreDisplayMode": "notApplicable"}
            }
        });
        let page = read("product editor", "/creer/poster", &report);
        assert_eq!(page.final_url, "http://127.0.0.1:4000/projets/abc");
        assert_eq!(page.performance, Some(97.0));
        assert_eq!(page.accessibility, Some(100.0));
        assert_eq!(page.lcp_ms, Some(1834.2));
        assert_eq!(page.cls, Some(0.0012));
        assert_eq!(page.benchmark_index, Some(1153.5));
        assert_eq!(
            page.failed,
            [(
                "best practices",
                vec!["errors-in-console".to_owned(), "is-on-https".to_owned()]
            )]
        );
        assert_eq!(
            page.console_errors,
            ["[network] Failed to load resource: 401 http://127.0.0.1:4000/api/v1/session"]
        );
        assert_eq!(page.runtime_error, None);
    }
}
