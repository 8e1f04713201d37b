//! Parts shared by several pages that, unlike `components/`, call the
//! server: the sign-in and create-account forms (`identification.rs`) and
//! the payment panel (`payment.rs`). Pages import panels; panels never
//! import pages, so that each page's code can load on its own.

pub mod identification;
pub mod payment;
