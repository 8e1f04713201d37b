//! Starts the wasm bundle from `index.html`: Trunk builds the page and its
//! styles, then this writes the lines that fetch and start the app, the way
//! Trunk would have for an unsplit module, plus a script that preloads the
//! modules of the page being opened, so that a shopper landing on
//! `/panier` fetches the cart's code alongside the main module instead of
//! after it.

use super::wasm::{Bundle, LOADER_JS, MAIN_JS, MAIN_WASM};
use crate::error::XtaskError;
use std::collections::BTreeMap;
use std::path::Path;

/// The first segment of each address of `src/app.rs` and the split point
/// (`src/lazy_pages.rs`) of its page.
const PAGE_SPLITS: &[(&str, &str)] = &[
    ("panier", "cart"),
    ("commande", "checkout"),
    ("commandes", "order"),
    ("suivi-de-commande", "orders"),
    ("creer", "project"),
    ("projets", "project"),
    ("compte", "account"),
    ("aide", "help"),
    ("mentions-legales", "legal"),
    ("cgv", "legal"),
    ("confidentialite", "legal"),
    ("cookies", "legal"),
    ("accessibilite", "legal"),
    ("modes-de-paiement", "payment_methods"),
];

/// Split points that are parts of a page, not pages: fetched when the page
/// needs them (the payment panel, at the checkout's payment step), never
/// preloaded with an address.
const PART_SPLITS: &[&str] = &["payment"];

/// Inserts the bundle's preloads and start script before `</head>`.
pub fn insert(index: &Path, bundle: &Bundle) -> Result<(), XtaskError> {
    let html = std::fs::read_to_string(index).map_err(XtaskError::io(index))?;
    let preloads = page_preloads(&bundle.split_files)?;
    let html = with_boot(&html, &bundle.dir_name, &preloads).ok_or_else(|| {
        XtaskError::Setup(format!(
            "{} has no </head> to start the app from",
            index.display()
        ))
    })?;
    std::fs::write(index, html).map_err(XtaskError::io(index))
}

/// `{"panier":["chunk_3.wasm",…],…}`: the files of each address's page.
fn page_preloads(split_files: &BTreeMap<String, Vec<String>>) -> Result<String, XtaskError> {
    if let Some(split) = split_files.keys().find(|split| {
        !PAGE_SPLITS.iter().any(|(_, known)| known == split)
            && !PART_SPLITS.contains(&split.as_str())
    }) {
        return Err(XtaskError::Setup(format!(
            "the split point `{split}` has no address in xtask/src/storefront/boot.rs"
        )));
    }
    let mut table = BTreeMap::new();
    for (segment, split) in PAGE_SPLITS {
        if let Some(stems) = split_files.get(*split) {
            let files: Vec<String> = stems.iter().map(|stem| format!("{stem}.wasm")).collect();
            table.insert(*segment, files);
        }
    }
    serde_json::to_string(&table)
        .map_err(|error| XtaskError::Setup(format!("cannot write the preload table: {error}")))
}

fn with_boot(html: &str, dir: &str, preloads: &str) -> Option<String> {
    let at = html.find("</head>")?;
    // Preloads let the browser fetch the module, its loader and the wasm in
    // parallel with the page instead of one after the other.
    let boot = format!(
        "<link rel=\"modulepreload\" href=\"/{dir}/{MAIN_JS}\" />\n\
         <link rel=\"modulepreload\" href=\"/{dir}/{LOADER_JS}\" />\n\
         <link rel=\"preload\" href=\"/{dir}/{MAIN_WASM}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" />\n\
         <script type=\"module\">import init from \"/{dir}/{MAIN_JS}\";init({{ module_or_path: \"/{dir}/{MAIN_WASM}\" }});</script>\n\
         <script>(function(){{var f={preloads}[location.pathname.split(\"/\")[1]];if(f)f.forEach(function(n){{var l=document.createElement(\"link\");l.rel=\"preload\";l.as=\"fetch\";l.crossOrigin=\"anonymous\";l.href=\"/{dir}/\"+n;document.head.appendChild(l);}});}})();</script>\n"
    );
    Some(format!("{}{boot}{}", &html[..at], &html[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_starts_from_the_bundle_before_the_head_ends() {
        let html = with_boot(
            "<html><head><title>t</title></head><body></body></html>",
            "wasm-0a1b",
            "{}",
        )
        .unwrap();
        let script = html
            .find("<script type=\"module\">import init from \"/wasm-0a1b/storefront.js\"")
            .unwrap();
        assert!(script < html.find("</head>").unwrap());
        assert!(html.contains("module_or_path: \"/wasm-0a1b/storefront_bg.wasm\""));
        assert!(html.contains("href=\"/wasm-0a1b/__wasm_split.js\""));
    }

    #[test]
    fn a_page_without_head_is_refused() {
        assert!(with_boot("<html><body></body></html>", "wasm-0a1b", "{}").is_none());
    }

    #[test]
    fn each_address_preloads_its_page_files() {
        let splits = BTreeMap::from([
            (
                "cart".to_owned(),
                vec!["chunk_3".to_owned(), "split_cart".to_owned()],
            ),
            ("legal".to_owned(), vec!["split_legal".to_owned()]),
        ]);
        let table = page_preloads(&splits).unwrap();
        assert!(table.contains(r#""panier":["chunk_3.wasm","split_cart.wasm"]"#));
        assert!(table.contains(r#""cgv":["split_legal.wasm"]"#));
        assert!(!table.contains("commande"));
    }

    #[test]
    fn a_split_point_without_an_address_is_refused() {
        let splits = BTreeMap::from([("wishlist".to_owned(), vec!["split_wishlist".to_owned()])]);
        assert!(page_preloads(&splits).is_err());
    }
}
