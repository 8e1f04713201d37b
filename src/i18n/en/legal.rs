//! English: the legal pages' names (footer links and headings). Their texts
//! are `content/en/legal.json`, fetched by the pages.

use crate::i18n::*;

pub const LEGAL: LegalTexts = LegalTexts {
    contents_label: "Contents",
    terms_version: |version| format!("Version in force: {version}."),
    notice: LegalText {
        link: "Legal notice",
        title: "Legal notice",
    },
    terms: LegalText {
        link: "Terms of sale",
        title: "Terms of sale",
    },
    privacy: LegalText {
        link: "Privacy",
        title: "Privacy policy",
    },
    cookies: LegalText {
        link: "Cookies and storage",
        title: "Cookies and storage",
    },
    accessibility: LegalText {
        link: "Accessibility: partially compliant",
        title: "Accessibility statement",
    },
};
