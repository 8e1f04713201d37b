//! The cart's figure: what one change of copies costs in a long cart.
//! `cart_copies.mjs` (Playwright's Chromium, in `package.json`) does the
//! measuring in the page; this runs it and prints its figures.

use crate::error::XtaskError;
use crate::process::{self, command};
use crate::setup::CHROMIUM;
use serde::Deserialize;
use std::path::Path;

/// The longest cart the shop prices, and the 200 lines (a cart the
/// shop no longer prices: measured without its totals).
const SIZES: [usize; 2] = [shop_api::cart::MAX_CART_LINES, 200];

#[derive(Debug, Deserialize)]
pub struct CartFigures {
    lines: usize,
    priced: bool,
    update_ms: Spread,
    scripting_ms: Spread,
    fetch_start_ms: Spread,
    console_errors: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Spread {
    median: f64,
    p90: f64,
    max: f64,
}

pub fn run(root: &Path, shop_url: &str) -> Result<Vec<CartFigures>, XtaskError> {
    let script = root.join("xtask/src/bench/cart_copies.mjs");
    let mut node = command(root, "node");
    node.arg(&script)
        .arg(shop_url)
        .arg(CHROMIUM)
        .arg(shop_api::cart::MAX_CART_LINES.to_string())
        .args(SIZES.map(|size| size.to_string()));
    let description = process::describe(&node);
    println!("$ {description}");
    let output = node.output().map_err(|source| XtaskError::Spawn {
        command: description.clone(),
        source,
    })?;
    if !output.status.success() {
        return Err(XtaskError::Setup(format!(
            "{description} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    parse(&String::from_utf8_lossy(&output.stdout))
}

fn parse(stdout: &str) -> Result<Vec<CartFigures>, XtaskError> {
    stdout
        .lines()
        .filter(|line| line.starts_with('{'))
        .map(|line| {
            serde_json::from_str(line).map_err(|error| {
                XtaskError::Setup(format!("cart figures not understood ({error}): {line}"))
            })
        })
        .collect()
}

pub fn print(figures: &[CartFigures]) {
    println!(
        "Cart: one line's copies changed, 30 times (Chromium, no throttling; ms: median / p90 / max)"
    );
    println!(
        "{:>6} {:>24} {:>24} {:>24}  notes",
        "lines", "change → page updated", "scripting incl. totals", "a bare fetch() start"
    );
    for figure in figures {
        let spread = |s: &Spread| format!("{:.2} / {:.2} / {:.2}", s.median, s.p90, s.max);
        let mut notes = Vec::new();
        if !figure.priced {
            notes.push("over the shop's line limit: no totals".to_owned());
        }
        let mut errors: Vec<(&str, usize)> = Vec::new();
        for error in &figure.console_errors {
            match errors.iter_mut().find(|(text, _)| text == error) {
                Some((_, count)) => *count += 1,
                None => errors.push((error, 1)),
            }
        }
        for (text, count) in errors {
            notes.push(format!("console error ×{count}: {text}"));
        }
        println!(
            "{:>6} {:>24} {:>24} {:>24}  {}",
            figure.lines,
            spread(&figure.update_ms),
            spread(&figure.scripting_ms),
            spread(&figure.fetch_start_ms),
            notes.join("; ")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_script_s_lines_and_skips_the_rest() {
        let stdout = "Playwright says hello\n\
            {\"lines\":100,\"priced\":true,\"update_ms\":{\"median\":0.4,\"p90\":0.6,\"max\":1.2},\
            \"scripting_ms\":{\"median\":1.5,\"p90\":2.0,\"max\":3.1},\
            \"fetch_start_ms\":{\"median\":0.9,\"p90\":1.0,\"max\":1.4},\"console_errors\":[]}\n";
        let figures = parse(stdout).unwrap();
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].lines, 100);
        assert!(figures[0].priced);
        assert!((figures[0].scripting_ms.p90 - 2.0).abs() < f64::EPSILON);
    }

    #[test]
    fn a_line_that_is_not_figures_is_an_error() {
        assert!(parse("{\"lines\":\"many\"}\n").is_err());
    }
}
