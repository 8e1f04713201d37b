//! E-mail addresses: trimmed, compared without case, sanely checked.

use shop_api::account::EMAIL_MAX_CHARS;

/// An address in its canonical form (trimmed, lower case): the account key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// `None` for anything that cannot be a deliverable address. Not RFC
    /// 5322 in full: one `@`, a local part, a dotted domain, no spaces.
    pub fn parse(raw: &str) -> Option<Self> {
        let email = raw.trim().to_lowercase();
        if email.chars().count() > EMAIL_MAX_CHARS {
            return None;
        }
        let (local, domain) = email.split_once('@')?;
        let valid_local = !local.is_empty() && local.len() <= 64;
        let valid_domain = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        let clean =
            !email.chars().any(|c| c.is_whitespace() || c.is_control()) && !domain.contains('@');
        (valid_local && valid_domain && clean).then_some(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        let email = Email::parse("  Marie.Curie@Exemple.FR \n").unwrap();
        assert_eq!(email.as_str(), "marie.curie@exemple.fr");
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "",
            "marie",
            "@exemple.fr",
            "marie@",
            "marie@exemple",
            "marie@@exemple.fr",
            "marie curie@exemple.fr",
            "marie@exemple..fr",
            "marie@.exemple.fr",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad:?}");
        }
        let long = format!("{}@exemple.fr", "a".repeat(250));
        assert!(Email::parse(&long).is_none());
    }
}
