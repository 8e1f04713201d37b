//! One routed component per file: reads the route, composes components.

pub mod account;
pub mod account_links;
pub mod account_settings;
pub mod cart;
pub mod change_email;
pub mod checkout;
pub mod help;
pub mod home;
pub mod legal;
pub mod not_found;
pub mod order;
pub mod orders;
pub mod payment_methods;
pub mod project;
