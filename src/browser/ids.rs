//! Identifiers made in the browser for projects and photos, so that an
//! unsaved project keeps its id when saved and a retried upload is
//! recognised by the server.

/// A random UUID (v4) from the browser's CSPRNG; `None` where
/// `crypto.randomUUID` is missing (non-secure contexts).
pub fn random_id() -> Option<String> {
    web_sys::window()?
        .crypto()
        .ok()
        .map(|crypto| crypto.random_uuid())
}
