//! Small DOM helpers shared by components and the app frame.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with this id (which scrolls it into
/// view). Returns whether such a focusable element exists.
pub fn focus_by_id(id: &str) -> bool {
    let element = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}
