//! The token of a link the shop e-mailed (`/compte/confirmer-adresse#jeton=…`):
//! it travels in the fragment, which the browser never sends to a server
//! nor puts in a `Referer`. The page that opens it takes it once: the
//! fragment leaves the address bar (and the history entry) first, so it is
//! not copied with the address or found later in the history, then the
//! token is kept in memory only.

use shop_api::account::LINK_TOKEN_KEY;
use wasm_bindgen::JsValue;

/// Removes the fragment from the address bar, then answers the token it
/// held, if any. A second call finds nothing.
pub fn take() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let fragment = location.hash().ok().filter(|hash| !hash.is_empty())?;
    let without = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        // The router's own state for this entry is kept.
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&without));
    }
    token_in(&fragment)
}

/// The token in a fragment such as `#jeton=abc` (other keys ignored,
/// percent-escapes decoded); `None` when it is missing or empty.
pub fn token_in(fragment: &str) -> Option<String> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == LINK_TOKEN_KEY)
        .and_then(|(_, value)| {
            js_sys::decode_uri_component(value)
                .ok()
                .and_then(|decoded| decoded.as_string())
        })
        .filter(|token| !token.is_empty())
}
