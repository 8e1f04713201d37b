//! Reactive state shared across pages, each piece behind a `provide_*` /
//! `use_*` pair so that pages and tests get it the same way.

pub mod browser_data;
pub mod cart;
pub mod catalogue;
pub mod content;
pub mod local_sign_out;
pub mod locale;
pub mod paging;
pub mod projects;
pub mod session;
