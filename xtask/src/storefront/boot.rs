//! Starts the wasm bundle from `index.html`: Trunk builds the page and its
//! styles, then this writes the lines that fetch and start the app, the way
//! Trunk would have for an unsplit module.

use super::wasm::{Bundle, LOADER_JS, MAIN_JS, MAIN_WASM};
use crate::error::XtaskError;
use std::path::Path;

/// Inserts the bundle's preloads and start script before `</head>`.
pub fn insert(index: &Path, bundle: &Bundle) -> Result<(), XtaskError> {
    let html = std::fs::read_to_string(index).map_err(XtaskError::io(index))?;
    let html = with_boot(&html, &bundle.dir_name).ok_or_else(|| {
        XtaskError::Setup(format!(
            "{} has no </head> to start the app from",
            index.display()
        ))
    })?;
    std::fs::write(index, html).map_err(XtaskError::io(index))
}

fn with_boot(html: &str, dir: &str) -> Option<String> {
    let at = html.find("</head>")?;
    // Preloads let the browser fetch the module, its loader and the wasm in
    // parallel with the page instead of one after the other.
    let boot = format!(
        "<link rel=\"modulepreload\" href=\"/{dir}/{MAIN_JS}\" />\n\
         <link rel=\"modulepreload\" href=\"/{dir}/{LOADER_JS}\" />\n\
         <link rel=\"preload\" href=\"/{dir}/{MAIN_WASM}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" />\n\
         <script type=\"module\">import init from \"/{dir}/{MAIN_JS}\";init({{ module_or_path: \"/{dir}/{MAIN_WASM}\" }});</script>\n"
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
        assert!(with_boot("<html><body></body></html>", "wasm-0a1b").is_none());
    }
}
