//! The account's pages a shopper reaches from the shop's e-mails, and
//! asking for one of them: `verify_email.rs` (the address confirmed),
//! `forgot_password.rs` (asking for a reset link, from the sign-in form),
//! `reset_password.rs` (a new password). Their own chunk
//! (`lazy_pages.rs`): they are visited apart from the account page. A
//! link's token is taken from the address's fragment before anything else
//! (`browser/link_token.rs`) and kept in memory only.

pub mod forgot_password;
pub mod reset_password;
pub mod verify_email;

pub use forgot_password::ForgotPasswordPage;
pub use reset_password::ResetPasswordPage;
pub use verify_email::VerifyEmailPage;
