//! Starts the wasm bundle from `index.html`: Trunk builds the page and its
//! styles, then this writes the lines that fetch and start the app, the way
//! Trunk would have for an unsplit module, plus a script that preloads the
//! modules of the page being opened, so that a shopper landing on
//! `/panier` fetches the cart's code alongside the main module instead of
//! after it; the same for the first API answers and texts a page reads.

use super::wasm::{Bundle, LOADER_JS, MAIN_JS, MAIN_WASM};
use crate::error::XtaskError;
use std::collections::BTreeMap;
use std::path::Path;

/// The first segment of each address of `src/app.rs` and the split point
/// (`src/lazy_pages.rs`) of its page; the first two where a page under
/// that segment has a split point of its own (the start script tries
/// those first).
const PAGE_SPLITS: &[(&str, &str)] = &[
    ("panier", "cart"),
    ("commande", "checkout"),
    ("commandes", "order"),
    ("suivi-de-commande", "orders"),
    ("creer", "project"),
    ("projets", "project"),
    ("compte", "account"),
    ("compte/confirmer-adresse", "account_links"),
    ("compte/mot-de-passe-oublie", "account_links"),
    ("compte/nouveau-mot-de-passe", "account_links"),
    ("compte/parametres", "account_settings"),
    ("compte/nouvelle-adresse", "account_settings"),
    ("aide", "help"),
    ("mentions-legales", "legal"),
    ("cgv", "legal"),
    ("confidentialite", "legal"),
    ("cookies", "legal"),
    ("accessibilite", "legal"),
    ("modes-de-paiement", "payment_methods"),
];

/// The first segments of the addresses whose page, opened by a new visitor,
/// reads the catalogue as soon as the app starts: the start script has the
/// browser fetch it with the page, so the app finds it on arrival instead
/// of asking once the wasm runs (a round trip less before the content).
/// Only these: a preloaded answer nobody reads makes Chromium warn in the
/// console. `tests/e2e/shell.spec.ts` checks both ways.
const CATALOGUE_PAGES: &[&str] = &["", "panier", "suivi-de-commande", "creer", "projets"];

/// The split points whose pages open with texts of `content/`
/// (`src/api/content.rs`), and the file: the start script preloads it, in
/// the shopper's language, on every address of those pages but
/// `/aide/contact`, which reads none.
const CONTENT_SPLITS: &[(&str, &str)] = &[("help", "help"), ("legal", "legal")];
const CONTENT_EXCEPT: &str = "/aide/contact";
/// Where the app serves them, and where it keeps the shopper's language
/// (`src/api/content.rs`, `src/browser/storage.rs`; a test compares).
const CONTENT_PREFIX: &str = "/content";
const LOCALE_KEY: &str = "service-photo.locale";

/// What every page asks first: who is signed in (the header shows it).
const SESSION_API: &str = "/api/v1/session";
const CATALOGUE_API: &str = "/api/v1/catalogue";

/// Split points that are parts of a page, not pages: fetched when the page
/// needs them (the payment panel, at the checkout's payment step), never
/// preloaded with an address.
const PART_SPLITS: &[&str] = &["payment"];

/// Inserts the bundle's preloads and start script before `</head>`.
pub fn insert(index: &Path, bundle: &Bundle) -> Result<(), XtaskError> {
    let html = std::fs::read_to_string(index).map_err(XtaskError::io(index))?;
    let preloads = page_preloads(&bundle.split_files)?;
    let catalogue_pages = serde_json::to_string(CATALOGUE_PAGES)
        .map_err(|error| XtaskError::Setup(format!("cannot write the preload table: {error}")))?;
    let html = with_boot(
        &html,
        &bundle.dir_name,
        &preloads,
        &catalogue_pages,
        &content_pages()?,
    )
    .ok_or_else(|| {
        XtaskError::Setup(format!(
            "{} has no </head> to start the app from",
            index.display()
        ))
    })?;
    std::fs::write(index, html).map_err(XtaskError::io(index))
}

/// `{"panier":["chunk_3.wasm",…],"compte/confirmer-adresse":[…],…}`: the
/// files of each address's page.
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

/// `{"aide":"help",…}`: the content file of each address's page.
fn content_pages() -> Result<String, XtaskError> {
    let table: BTreeMap<&str, &str> = PAGE_SPLITS
        .iter()
        .filter_map(|(segment, split)| {
            let file = CONTENT_SPLITS.iter().find(|(known, _)| known == split)?.1;
            Some((*segment, file))
        })
        .collect();
    serde_json::to_string(&table)
        .map_err(|error| XtaskError::Setup(format!("cannot write the preload table: {error}")))
}

fn with_boot(
    html: &str,
    dir: &str,
    preloads: &str,
    catalogue_pages: &str,
    content_pages: &str,
) -> Option<String> {
    let at = html.find("</head>")?;
    // Preloads let the browser fetch the module, its loader and the wasm in
    // parallel with the page instead of one after the other; the same for
    // the page's own modules and the first API answers it reads (`fetch`
    // preloads with `crossorigin="anonymous"` match what `api/client.rs`
    // sends: same-origin credentials, CORS mode).
    let boot = format!(
        "<link rel=\"modulepreload\" href=\"/{dir}/{MAIN_JS}\" />\n\
         <link rel=\"modulepreload\" href=\"/{dir}/{LOADER_JS}\" />\n\
         <link rel=\"preload\" href=\"/{dir}/{MAIN_WASM}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" />\n\
         <script type=\"module\">import init from \"/{dir}/{MAIN_JS}\";init({{ module_or_path: \"/{dir}/{MAIN_WASM}\" }});</script>\n\
         <script>(function(){{var q=location.pathname.split(\"/\"),s=q[1],t={preloads},f=t[s+\"/\"+q[2]]||t[s];function p(h){{var l=document.createElement(\"link\");l.rel=\"preload\";l.as=\"fetch\";l.crossOrigin=\"anonymous\";l.href=h;document.head.appendChild(l);}}p(\"{SESSION_API}\");if({catalogue_pages}.indexOf(s)>=0)p(\"{CATALOGUE_API}\");var c={content_pages}[s];if(c&&location.pathname!==\"{CONTENT_EXCEPT}\"){{var l=\"fr\";try{{if(localStorage.getItem(\"{LOCALE_KEY}\")===\"en\")l=\"en\";}}catch(e){{}}p(\"{CONTENT_PREFIX}/\"+l+\"/\"+c+\".json\");}}if(f)f.forEach(function(n){{p(\"/{dir}/\"+n);}});}})();</script>\n"
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
            "[\"\"]",
            "{\"aide\":\"help\"}",
        )
        .unwrap();
        let script = html
            .find("<script type=\"module\">import init from \"/wasm-0a1b/storefront.js\"")
            .unwrap();
        assert!(script < html.find("</head>").unwrap());
        assert!(html.contains("module_or_path: \"/wasm-0a1b/storefront_bg.wasm\""));
        assert!(html.contains("href=\"/wasm-0a1b/__wasm_split.js\""));
        assert!(
            html.contains(r#"p("/api/v1/session");if([""].indexOf(s)>=0)p("/api/v1/catalogue");"#)
        );
        assert!(
            html.contains(r#"var c={"aide":"help"}[s];if(c&&location.pathname!=="/aide/contact")"#)
        );
        assert!(html.contains(r#"p("/content/"+l+"/"+c+".json")"#));
        assert!(
            html.contains(
                r#"var q=location.pathname.split("/"),s=q[1],t={},f=t[s+"/"+q[2]]||t[s];"#
            )
        );
    }

    #[test]
    fn the_content_preloads_match_what_the_app_fetches() {
        let api = include_str!("../../../src/api/content.rs");
        assert!(api.contains(&format!(
            "pub const CONTENT_PREFIX: &str = \"{CONTENT_PREFIX}\";"
        )));
        assert!(api.contains("/{}/help.json") && api.contains("/{}/legal.json"));
        let storage = include_str!("../../../src/browser/storage.rs");
        assert!(storage.contains(&format!("Key::Locale => \"{LOCALE_KEY}\"")));
        let table = content_pages().unwrap();
        assert!(table.contains(r#""aide":"help""#) && table.contains(r#""cgv":"legal""#));
        assert!(!table.contains("panier"));
        for file in ["help", "legal"] {
            for locale in ["fr", "en"] {
                let path = format!("../content/{locale}/{file}.json");
                let on_disk = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&path);
                assert!(on_disk.is_file(), "{path}");
            }
        }
    }

    #[test]
    fn a_page_without_head_is_refused() {
        assert!(with_boot("<html><body></body></html>", "wasm-0a1b", "{}", "[]", "{}").is_none());
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
    fn a_page_with_a_split_of_its_own_under_a_segment_preloads_its_own_files() {
        let splits = BTreeMap::from([
            ("account".to_owned(), vec!["split_account".to_owned()]),
            (
                "account_links".to_owned(),
                vec!["split_account_links".to_owned()],
            ),
        ]);
        let table = page_preloads(&splits).unwrap();
        assert!(table.contains(r#""compte":["split_account.wasm"]"#));
        assert!(table.contains(r#""compte/confirmer-adresse":["split_account_links.wasm"]"#));
        assert!(table.contains(r#""compte/nouveau-mot-de-passe":["split_account_links.wasm"]"#));
        let html = with_boot("<head></head>", "wasm-0a1b", &table, "[]", "{}").unwrap();
        // The first two segments first, then the first alone.
        assert!(html.contains(r#"var q=location.pathname.split("/"),s=q[1],t={"#));
        assert!(html.contains(r#"f=t[s+"/"+q[2]]||t[s];"#));
        // The addresses are the contract's (what the shop's e-mails open).
        for (address, contract) in [
            ("compte/confirmer-adresse", "/compte/confirmer-adresse"),
            (
                "compte/nouveau-mot-de-passe",
                "/compte/nouveau-mot-de-passe",
            ),
        ] {
            assert_eq!(format!("/{address}"), contract);
            assert!(PAGE_SPLITS.iter().any(|(known, _)| *known == address));
        }
    }

    #[test]
    fn the_catalogue_is_preloaded_only_for_addresses_the_app_has() {
        for segment in CATALOGUE_PAGES {
            assert!(
                segment.is_empty() || PAGE_SPLITS.iter().any(|(known, _)| known == segment),
                "{segment}"
            );
        }
    }

    #[test]
    fn a_split_point_without_an_address_is_refused() {
        let splits = BTreeMap::from([("wishlist".to_owned(), vec!["split_wishlist".to_owned()])]);
        assert!(page_preloads(&splits).is_err());
    }
}
