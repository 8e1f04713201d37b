//! Presentational components: props and context in, callbacks out. They
//! never fetch, so they render the same in tests as in the shop.

pub mod footer;
pub mod header;
pub mod page_heading;
