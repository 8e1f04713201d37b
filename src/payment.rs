//! The payment boundary: the only code that touches the PSP's iframe or
//! `postMessage`. Auditors read this module; keep it small.
//!
//! Card fields live only in the PSP's hosted page, on its own origin. The
//! storefront frames that page (`card_frame.rs`) and listens to two kinds
//! of messages from it, resize and status, after checking who sent them.
//! A status is a hint: the page then asks the shop server, which asks the
//! PSP. Nothing here ever posts a message.

pub mod card_frame;

pub use card_frame::{CardFrame, MAX_HEIGHT, MIN_HEIGHT, PspMessage, accept, origin_of};
