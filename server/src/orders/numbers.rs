//! Order ids (128 random bits) and the `SP-XXXX-XXXX` numbers shoppers
//! read, drawn from the OS CSPRNG; the database keeps them unique.

use super::*;

/// A random order id: 128 bits, hex.
pub(super) fn new_order_id() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh order number from the operating system's CSPRNG (the one
/// `new_order_id` uses); uniqueness is the database's, callers retry.
pub fn new_order_number() -> OrderNumber {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    loop {
        // 8 of 32 bytes are rejected on average (≥ 248): 32 are plenty, and
        // the loop draws again in the rare case they are not.
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        if let Some(number) = OrderNumber::from_random_bytes(&bytes) {
            return number;
        }
    }
}

/// Draws for a number before giving up: with 31⁸ numbers, a second draw is
/// already rare; the tenth means something else is wrong.
pub(super) const NUMBER_ATTEMPTS: usize = 10;

/// Numbers the orders made before numbers existed (run at start-up, before
/// the first request, after migration 0009).
pub async fn number_old_orders(db: &Database) -> Result<(), DbError> {
    let ids = db.order_ids_without_number().await?;
    for id in &ids {
        for _ in 0..NUMBER_ATTEMPTS {
            if db.set_order_number(id, new_order_number().as_str()).await? {
                break;
            }
        }
    }
    if !ids.is_empty() {
        tracing::info!(orders = ids.len(), "order numbers given to older orders");
    }
    Ok(())
}
