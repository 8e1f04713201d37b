//! The shop API contract: request and response bodies exchanged under
//! `/api/v1`, shared by the storefront (wasm) and the shop server so that the
//! two can never disagree on a field name.

pub mod account;
pub mod calendar;
pub mod cart;
pub mod catalogue;
pub mod error;
pub mod health;
pub mod legal;
pub mod money;
pub mod order;
pub mod page;
pub mod project;
pub mod reconcile;
pub mod support;
pub mod test_clock;
pub mod text;
pub mod wallet;

pub use account::{Account, Credentials, Language, Session};
pub use error::{ApiError, ApiErrorBody, ErrorCode};
pub use health::{CheckStatus, DatabaseHealth, Health};
pub use legal::CGV_VERSION;
pub use money::{Currency, Money};

/// Prefix of every shop API route.
pub const API_PREFIX: &str = "/api/v1";
