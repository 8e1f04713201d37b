//! Random public ids: `pay_…`, `evt_…` and `card_…` followed by 24 lowercase hex
//! characters (96 bits from the operating system), unguessable so that a
//! payment's page address is not enumerable.

#[derive(Debug, thiserror::Error)]
#[error("the operating system gave no randomness: {0}")]
pub struct RandomnessError(getrandom::Error);

pub fn payment_id() -> Result<String, RandomnessError> {
    new_id("pay_")
}

pub fn event_id() -> Result<String, RandomnessError> {
    new_id("evt_")
}

pub fn stored_card_id() -> Result<String, RandomnessError> {
    new_id("card_")
}

fn new_id(prefix: &str) -> Result<String, RandomnessError> {
    Ok(format!("{prefix}{}", random_hex::<12>()?))
}

/// `N` random bytes from the operating system, as lowercase hex.
pub fn random_hex<const N: usize>() -> Result<String, RandomnessError> {
    let mut bytes = [0_u8; N];
    getrandom::getrandom(&mut bytes).map_err(RandomnessError)?;
    Ok(hex::encode(bytes))
}

/// Whether a path segment can be one of our ids, checked before any query.
pub fn looks_like(prefix: &str, value: &str) -> bool {
    value.strip_prefix(prefix).is_some_and(|rest| {
        rest.len() == 24 && rest.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_have_a_prefix_and_24_hex_characters() {
        let id = super::payment_id().unwrap();
        assert!(super::looks_like("pay_", &id), "{id}");
        assert_ne!(id, super::payment_id().unwrap());
        assert!(!super::looks_like("pay_", "pay_../../etc"));
        let card = super::stored_card_id().unwrap();
        assert!(super::looks_like("card_", &card), "{card}");
        assert!(!super::looks_like("pay_", &card));
    }
}
