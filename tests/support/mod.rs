//! Helpers shared by the browser tests: a fresh container in the page, a
//! way to let effects run, text extraction, and a double of `fetch`
//! (`fetch.rs`).

#![allow(dead_code)]

pub mod fetch;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A new, empty element appended to the test page's body.
pub fn container() -> HtmlElement {
    let document = leptos::prelude::document();
    let element = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

/// Lets pending effects and microtasks run (one macrotask turn).
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::window()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Whitespace-normalised text content.
pub fn text(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

pub fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}
