//! The static shell's opening (in `index.html`: the heading and lead of the
//! page being opened, painted before the wasm) carried over when the app
//! replaces the shell: the first page to load shows the same lines above
//! its "Chargement…" until its code arrives, so they never blink out
//! between the shell and the page.

use std::cell::RefCell;

thread_local! {
    static KEPT: RefCell<Option<Opening>> = const { RefCell::new(None) };
}

#[derive(Clone)]
pub struct Opening {
    pub heading: String,
    pub lead: Option<String>,
}

/// Reads the opening the shell shows, if any, before the shell goes. The
/// shell's script painted it for the address being opened, which is the
/// route the app renders first.
pub fn keep_from(shell: &web_sys::Element) {
    let text = |selector: &str| {
        shell
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|element| element.text_content())
    };
    let Some(heading) = text("main > h1") else {
        return;
    };
    KEPT.set(Some(Opening {
        heading,
        lead: text("main > p.lead"),
    }));
}

/// The kept opening, once.
pub fn take() -> Option<Opening> {
    KEPT.take()
}

/// Drops what the first render did not take (the home page is not loaded
/// on demand): a page opened later, after a navigation, starts without an
/// opening.
pub fn forget() {
    KEPT.set(None);
}
