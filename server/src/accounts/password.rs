//! Passwords: length in Unicode characters (never truncated), a strength
//! estimate (zxcvbn) that refuses common and guessable ones, and Argon2id
//! hashing with OWASP's parameters.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use shop_api::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};

/// zxcvbn's score (0–4) a password needs: 3 means "safely unguessable".
const MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;
/// zxcvbn's cost grows with length; beyond this a password's strength is
/// judged on its beginning, which is plenty.
const STRENGTH_INPUT_CHARS: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("password shorter than {PASSWORD_MIN_CHARS} characters")]
    TooShort,
    #[error("password longer than {PASSWORD_MAX_CHARS} characters")]
    TooLong,
    #[error("password too common or guessable")]
    TooWeak,
}

/// Checks a new password; `context` holds words an attacker would try first
/// (the e-mail address, the shop's name).
pub fn check_new(password: &str, context: &[&str]) -> Result<(), PasswordError> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(PasswordError::TooLong);
    }
    let judged: String = password.chars().take(STRENGTH_INPUT_CHARS).collect();
    if zxcvbn::zxcvbn(&judged, context).score() < MIN_SCORE {
        return Err(PasswordError::TooWeak);
    }
    Ok(())
}

/// Argon2id, m = 19 MiB, t = 2, p = 1: OWASP's recommended minimum.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with a fresh salt.
pub fn hash(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| HashError(error.to_string()))
}

/// Whether `password` matches the stored PHC string. A malformed stored
/// hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_counted_in_characters() {
        assert_eq!(check_new("k9#Vq2!mZr7", &[]), Err(PasswordError::TooShort));
        assert_eq!(check_new("k9#Vq2!mZr7p", &[]), Ok(()));
        // 12 characters, 24 bytes: accepted, not counted in bytes.
        assert_eq!(check_new("çàéèùœ€ßøñ日本", &[]), Ok(()));
        assert_eq!(
            check_new(&"é".repeat(PASSWORD_MAX_CHARS + 1), &[]),
            Err(PasswordError::TooLong)
        );
    }

    #[test]
    fn common_and_guessable_passwords_are_refused() {
        for weak in [
            "password1234",
            "azertyuiop123",
            "123456789012",
            "aaaaaaaaaaaaaaaa",
        ] {
            assert_eq!(check_new(weak, &[]), Err(PasswordError::TooWeak), "{weak}");
        }
        assert_eq!(
            check_new("marie.curie2024", &["marie.curie", "exemple.fr"]),
            Err(PasswordError::TooWeak)
        );
    }

    #[test]
    fn long_unicode_passphrases_hash_and_verify() {
        let passphrase = "Le soleil d'août brille sur la baie de Somme, 日本の夏 🌞";
        assert_eq!(check_new(passphrase, &[]), Ok(()));
        let stored = hash(passphrase).unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify(passphrase, &stored));
        assert!(!verify(
            "Le soleil d'août brille sur la baie de Somme",
            &stored
        ));
        assert!(!verify(passphrase, "not a hash"));
    }
}
