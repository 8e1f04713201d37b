//! The only code that talks HTTP to the shop API: gloo-net for JSON, and
//! XMLHttpRequest for photo uploads (the one call that reports progress).
//! Every call returns `Result<T, ApiError>`; pages turn errors into
//! sentences.

pub mod account;
pub mod account_settings;
pub mod address;
pub mod cart;
pub mod catalogue;
mod client;
pub mod content;
mod error;
pub mod orders;
pub mod projects;
pub mod support;
pub mod upload;
pub mod wallets;

pub use error::ApiError;
