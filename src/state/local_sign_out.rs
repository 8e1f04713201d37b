//! What this browser does once the server has signed the shopper out: at
//! sign-out, and when the account is deleted. The projects it keeps are let
//! go of, every registered database and web storage wiped
//! (`browser_data.rs`), the cart emptied, and the session said signed out,
//! in that order.

use crate::state::browser_data::{BrowserData, use_browser_data};
use crate::state::cart::{CartContext, use_cart};
use crate::state::projects::{ProjectsContext, use_projects};
use crate::state::session::{SessionContext, use_session};

/// The shared state signing out touches, read when the page is built (a
/// task after an `await` must not look contexts up).
#[derive(Clone, Copy)]
pub struct LocalSignOut {
    session: SessionContext,
    browser_data: BrowserData,
    cart: CartContext,
    projects: ProjectsContext,
}

pub fn use_local_sign_out() -> LocalSignOut {
    LocalSignOut {
        session: use_session(),
        browser_data: use_browser_data(),
        cart: use_cart(),
        projects: use_projects(),
    }
}

impl LocalSignOut {
    /// Forgets the shopper in this browser; resolves once the wipe is done.
    pub async fn run(self) {
        self.projects.forget_all();
        self.browser_data.wipe().await;
        self.cart.clear();
        self.session.signed_out();
    }
}
