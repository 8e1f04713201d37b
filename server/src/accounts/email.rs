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

    /// Any text: an address or none, never a panic; an address kept is
    /// canonical (trimmed, lower case), one `@`, no spaces or controls,
    /// within the length limit.
    #[test]
    fn fuzz_email_parse() {
        use proptest::prelude::*;
        let typed = prop_oneof![
            crate::fuzz::text(80),
            (crate::fuzz::text(20), crate::fuzz::text(20))
                .prop_map(|(local, domain)| format!("{local}@{domain}")),
            (
                crate::fuzz::text(10),
                crate::fuzz::text(10),
                crate::fuzz::text(4)
            )
                .prop_map(|(local, domain, tld)| format!("{local}@{domain}.{tld}")),
            (1..400usize).prop_map(|n| format!("{}@exemple.fr", "a".repeat(n))),
        ];
        crate::fuzz::run(
            "e-mail address (accounts::email::Email::parse)",
            typed,
            |typed| {
                if let Some(email) = Email::parse(&typed) {
                    let text = email.as_str();
                    prop_assert_eq!(text, typed.trim().to_lowercase());
                    prop_assert_eq!(text.matches('@').count(), 1);
                    prop_assert!(!text.chars().any(|c| c.is_whitespace() || c.is_control()));
                    prop_assert!(text.chars().count() <= shop_api::account::EMAIL_MAX_CHARS);
                }
                Ok(())
            },
        );
    }
}
