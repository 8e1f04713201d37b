//! The token of a link the shop e-mails (`…#jeton=TOKEN`,
//! `shop_api::account::LINK_TOKEN_KEY`): taken from the address bar, which
//! is left without it, so that it stays out of the history, of a bookmark
//! and of a screenshot.

use shop_api::account::LINK_TOKEN_KEY;
use wasm_bindgen::JsValue;

/// The fragment's token, if any. The fragment is removed from the address
/// (`history.replaceState`, no navigation) before anything uses it.
pub fn take_link_token() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let fragment = location.hash().ok().filter(|hash| !hash.is_empty())?;
    if let Ok(history) = window.history() {
        let address = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&address));
    }
    token_in(&fragment)
}

/// `#jeton=abc&x=y` → `abc`, percent-decoded; `None` when absent or empty.
fn token_in(fragment: &str) -> Option<String> {
    let raw = fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix(LINK_TOKEN_KEY)?.strip_prefix('='))?;
    let token = String::from(js_sys::decode_uri_component(raw).ok()?);
    (!token.is_empty()).then_some(token)
}
