//! The cart. A guest's lives in this browser's localStorage; a signed-in
//! shopper's lives on the server (so it follows them to another browser)
//! and is mirrored in localStorage. Every tab listens to localStorage's
//! `storage` event, so the header's count is right in all of them. Signing
//! in folds the guest cart into the account's.

use crate::api::{self, ApiError};
use crate::browser::storage::{self, Key};
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shop_api::cart::{Cart, CartLine, MAX_CART_LINES};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Guest,
    Account,
}

impl Owner {
    fn key(self) -> Key {
        match self {
            Owner::Guest => Key::GuestCart,
            Owner::Account => Key::AccountCart,
        }
    }
}

/// The cart already holds `MAX_CART_LINES` projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the cart already holds {MAX_CART_LINES} projects")]
pub struct CartFull;

/// What went wrong keeping the cart on the server; the cart in the page is
/// kept all the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CartSyncError {
    Unreachable,
    Refused,
}

#[derive(Clone, Copy)]
pub struct CartContext {
    cart: RwSignal<Cart>,
    owner: RwSignal<Owner>,
    sync_error: RwSignal<Option<CartSyncError>>,
    /// The cart in the page is the account's, read (and the guest's folded
    /// in) since the last sign-in; false for a guest.
    account_ready: RwSignal<bool>,
}

fn read(key: Key) -> Cart {
    storage::read(key)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn write(key: Key, cart: &Cart) {
    if let Ok(json) = serde_json::to_string(cart) {
        storage::write(key, &json);
    }
}

/// Needs the session context: provide it after `provide_session`.
pub fn provide_cart() {
    let context = CartContext {
        cart: RwSignal::new(read(Key::GuestCart)),
        owner: RwSignal::new(Owner::Guest),
        sync_error: RwSignal::new(None),
        account_ready: RwSignal::new(false),
    };
    listen_to_other_tabs(context);
    let status = use_session().status();
    // Whose cart it is changes only with who is signed in: the account
    // asked again (its address confirmed) keeps the cart as it is.
    let holder = Memo::new(move |_| match status.get() {
        SessionStatus::SignedIn(account) => Some(Some(account.email)),
        SessionStatus::SignedOut { .. } => Some(None),
        SessionStatus::Checking => None,
    });
    Effect::new(move |_| match holder.get() {
        Some(Some(_)) => spawn_local(context.adopt_account_cart()),
        Some(None) => {
            context.owner.set(Owner::Guest);
            context.account_ready.set(false);
            context.cart.set(read(Key::GuestCart));
        }
        None => {}
    });
    provide_context(context);
}

fn listen_to_other_tabs(context: CartContext) {
    let on_storage =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            let owner = context.owner.get_untracked();
            // `key` is null when another tab cleared the storage (sign-out).
            match event.key() {
                Some(key) if key == owner.key().name() => context.cart.set(read(owner.key())),
                None => context.cart.set(Cart::default()),
                Some(_) => {}
            }
        });
    let _ =
        window().add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_storage.forget();
}

/// The cart; an empty, guest one when no provider is mounted.
pub fn use_cart() -> CartContext {
    use_context::<CartContext>().unwrap_or_else(|| CartContext {
        cart: RwSignal::new(Cart::default()),
        owner: RwSignal::new(Owner::Guest),
        sync_error: RwSignal::new(None),
        account_ready: RwSignal::new(false),
    })
}

/// Number of items (copies) in the cart.
pub fn use_cart_count() -> Signal<u32> {
    use_cart().item_count()
}

impl CartContext {
    pub fn item_count(&self) -> Signal<u32> {
        let cart = self.cart;
        Signal::derive(move || cart.with(Cart::item_count))
    }

    pub fn cart(&self) -> Signal<Cart> {
        self.cart.into()
    }

    /// Reads the cart without tracking it: for a task after an `await`,
    /// where `cart()` would make a signal that no component owns (never
    /// freed).
    pub fn with_untracked<T>(&self, read: impl FnOnce(&Cart) -> T) -> T {
        self.cart.with_untracked(read)
    }

    /// True once the account's cart is in the page after a sign-in (or a
    /// reload while signed in), whether or not the server could be read.
    pub fn account_ready(&self) -> Signal<bool> {
        self.account_ready.into()
    }

    /// Set when the server could not keep the latest change.
    pub fn sync_error(&self) -> Signal<Option<CartSyncError>> {
        self.sync_error.into()
    }

    /// Adds a project, or refreshes its line (name, options) if it is there.
    /// A new line beyond the most the server prices is refused: the cart
    /// stays as it was, and the shopper is told why.
    pub fn add(&self, line: CartLine) -> Result<(), CartFull> {
        let full = self.cart.with_untracked(|cart| {
            cart.lines.len() >= MAX_CART_LINES
                && !cart.lines.iter().any(|l| l.project_id == line.project_id)
        });
        if full {
            return Err(CartFull);
        }
        self.change(|cart| {
            match cart
                .lines
                .iter_mut()
                .find(|l| l.project_id == line.project_id)
            {
                Some(kept) => {
                    kept.project_name = line.project_name;
                    kept.choice = line.choice;
                }
                None => cart.lines.push(line),
            }
        });
        Ok(())
    }

    /// Keeps a project's line in step after the project was edited.
    pub fn refresh_project(
        &self,
        project_id: &str,
        name: &str,
        choice: &shop_api::catalogue::ProductChoice,
    ) {
        let present = self
            .cart
            .with_untracked(|cart| cart.lines.iter().any(|l| l.project_id == project_id));
        if present {
            self.change(|cart| {
                if let Some(line) = cart.lines.iter_mut().find(|l| l.project_id == project_id) {
                    line.project_name = name.to_owned();
                    line.choice = choice.clone();
                }
            });
        }
    }

    pub fn contains(&self, project_id: &str) -> Signal<bool> {
        let cart = self.cart;
        let id = project_id.to_owned();
        Signal::derive(move || cart.with(|c| c.lines.iter().any(|l| l.project_id == id)))
    }

    pub fn set_copies(&self, project_id: &str, copies: u32) {
        let copies = copies.max(1);
        self.change(|cart| {
            if let Some(line) = cart.lines.iter_mut().find(|l| l.project_id == project_id) {
                line.copies = copies;
            }
        });
    }

    pub fn remove_line(&self, project_id: &str) {
        self.change(|cart| cart.lines.retain(|l| l.project_id != project_id));
    }

    pub fn set_delivery(&self, option_id: String) {
        self.change(|cart| cart.delivery_option_id = Some(option_id));
    }

    /// Reads the account's cart again from the server, which empties it
    /// once an order's payment is authorized; the header count follows.
    /// A guest's cart lives only here, so there is nothing to reload.
    pub fn reload(&self) {
        if self.owner.get_untracked() != Owner::Account {
            return;
        }
        let context = *self;
        spawn_local(async move {
            match api::cart::load().await {
                Ok(cart) => {
                    write(Key::AccountCart, &cart);
                    context.cart.try_set(cart);
                    context.sync_error.try_set(None);
                }
                // The cart shown stays what this browser last knew.
                Err(error) => context.settle(Err(error)),
            }
        });
    }

    /// Empties the cart in the page (sign-out deletes the stored copies).
    pub fn clear(&self) {
        self.cart.set(Cart::default());
    }

    fn change(&self, edit: impl FnOnce(&mut Cart)) {
        self.cart.update(edit);
        let cart = self.cart.get_untracked();
        let owner = self.owner.get_untracked();
        write(owner.key(), &cart);
        if owner == Owner::Account {
            let context = *self;
            spawn_local(async move {
                let outcome = api::cart::store(&cart).await;
                context.settle(outcome);
            });
        }
    }

    /// Records the server's answer to a cart change.
    fn settle(&self, outcome: Result<Cart, ApiError>) {
        match outcome {
            Ok(_) => {
                self.sync_error.try_set(None);
            }
            Err(ApiError::Network(_)) => {
                self.sync_error.try_set(Some(CartSyncError::Unreachable));
            }
            Err(_) => {
                self.sync_error.try_set(Some(CartSyncError::Refused));
            }
        }
    }

    /// After sign-in (or a reload while signed in): the account's cart,
    /// with the guest's folded in once.
    async fn adopt_account_cart(self) {
        self.owner.set(Owner::Account);
        self.account_ready.set(false);
        let guest = read(Key::GuestCart);
        let outcome = if guest.lines.is_empty() {
            api::cart::load().await
        } else {
            api::cart::merge(&guest).await
        };
        match outcome {
            Ok(cart) => {
                if !guest.lines.is_empty() {
                    storage::remove(Key::GuestCart);
                }
                write(Key::AccountCart, &cart);
                self.cart.try_set(cart);
                self.sync_error.try_set(None);
            }
            Err(error) => {
                // Show what this browser last knew; the guest cart stays
                // in storage to be merged on the next try.
                let mut known = read(Key::AccountCart);
                if !guest.lines.is_empty() {
                    known = known.merged_with(guest);
                }
                self.cart.try_set(known);
                self.settle(Err(error));
            }
        }
        self.account_ready.try_set(true);
    }
}
