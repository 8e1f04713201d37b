//! The static shell's opening (in `index.html`: the heading and lead of the
//! page being opened, painted before the wasm) carried over when the app
//! replaces the shell: the first page to load shows the same lines above
//! its "Chargement…" until its code arrives, so they never blink out
//! between the shell and the page.

use leptos::prelude::window;
use std::cell::RefCell;

thread_local! {
    static KEPT: RefCell<Option<Opening>> = const { RefCell::new(None) };
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The address it was painted for.
    path: String,
    pub heading: String,
    pub lead: Option<String>,
}

/// Reads the opening the shell shows, if any, before the shell goes.
pub fn keep_from(shell: &web_sys::Element) {
    let text = |selector: &str| {
        shell
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|element| element.text_content())
    };
    let (Some(heading), Ok(path)) = (text("main > h1"), window().location().pathname()) else {
        return;
    };
    KEPT.set(Some(Opening {
        path,
        heading,
        lead: text("main > p.lead"),
    }));
}

/// The kept opening, once, if it was painted for the current address.
pub fn take() -> Option<Opening> {
    let opening = KEPT.take()?;
    let here = window().location().pathname().ok()?;
    (opening.path == here).then_some(opening)
}

/// Drops what the first render did not take (the home page is not loaded
/// on demand): a page opened later, after a navigation, starts without an
/// opening, whatever the address says while the router moves.
pub fn forget() {
    KEPT.set(None);
}
