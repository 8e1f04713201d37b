//! Browser facilities the web-sys API makes awkward, wrapped as small typed
//! futures: IndexedDB (`idb.rs`), decoding photos into thumbnails
//! (`images.rs`) and fresh identifiers (`ids.rs`). No reactive state here;
//! `state/` builds on it.

pub mod idb;
pub mod ids;
pub mod images;
