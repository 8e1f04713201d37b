//! The payment boundary: the only code that touches the PSP's iframe,
//! `postMessage` or `PaymentRequest`. Auditors read this module; keep it
//! small.
//!
//! Card fields live only in the PSP's hosted page, on its own origin. The
//! storefront frames that page (`card_frame.rs`) and listens to two kinds
//! of messages from it, resize and status, after checking who sent them.
//! A status is a hint: the page then asks the shop server, which asks the
//! PSP. Nothing here ever posts a message.
//!
//! Wallets go through the browser's Payment Request API: the bindings
//! web-sys lacks (`payment_request.rs`), each wallet's method data
//! (`wallets.rs`) and the buttons (`wallet_button.rs`). The wallet's token
//! goes to the shop server, never to the PSP from here.

pub mod card_frame;
pub mod payment_request;
pub mod wallet_button;
pub mod wallets;

pub use card_frame::{CardFrame, MAX_HEIGHT, MIN_HEIGHT, PspMessage, accept, origin_of};
pub use payment_request::{MerchantValidationEvent, PaymentRequest, WalletError};
pub use wallet_button::{LocalFuture, WalletButtons, WalletServer};
