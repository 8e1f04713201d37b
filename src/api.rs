//! The only code that talks HTTP (gloo-net) to the shop API. Every call
//! returns `Result<T, ApiError>`; pages turn errors into sentences.

pub mod account;
pub mod catalogue;
mod client;
mod error;

pub use error::ApiError;
