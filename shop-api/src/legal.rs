//! Versions of the shop's legal texts, so that the server can record and
//! the storefront show which version a shopper accepted.

/// The version of the CGV (conditions générales de vente) the storefront
/// shows at `/cgv`: the date it takes effect. Change it with the text.
pub const CGV_VERSION: &str = "2026-12-01";
