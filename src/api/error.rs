//! What can go wrong with an API call, typed so that pages can say it
//! plainly in the shopper's language.

use shop_api::ErrorCode;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer (offline, server down).
    #[error("network error: {0}")]
    Network(String),
    /// The server refused, with its stable code.
    #[error("the server answered {status} ({code:?})")]
    Refused {
        status: u16,
        code: ErrorCode,
        retry_after_seconds: Option<u64>,
        /// The server's English message, for developers: never shown. A
        /// page may read one fact from it that the code cannot carry (the
        /// order that keeps an account from being deleted).
        message: String,
    },
    /// An answer this storefront cannot read (a proxy's HTML page, a newer
    /// server).
    #[error("unreadable answer ({status}): {detail}")]
    Unreadable { status: u16, detail: String },
}
