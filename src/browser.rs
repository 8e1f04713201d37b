//! Browser facilities the web-sys API makes awkward, wrapped as small typed
//! futures: IndexedDB (`idb.rs`), decoding photos into thumbnails
//! (`images.rs`), fresh identifiers (`ids.rs`), web storage, every key
//! named in one place (`storage.rs`), and the token of an e-mailed link,
//! taken from the address bar (`link_token.rs`). No reactive state here; `state/`
//! builds on it.

pub mod idb;
pub mod ids;
pub mod images;
pub mod link_token;
pub mod storage;
