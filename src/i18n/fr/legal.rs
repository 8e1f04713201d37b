//! French: the legal pages' names (footer links and headings). Their texts
//! are `content/fr/legal.json`, fetched by the pages.

use crate::i18n::*;

pub const LEGAL: LegalTexts = LegalTexts {
    contents_label: "Sommaire",
    terms_version: |version| format!("Version en vigueur\u{a0}: {version}."),
    notice: LegalText {
        link: "Mentions légales",
        title: "Mentions légales",
    },
    terms: LegalText {
        link: "Conditions générales de vente",
        title: "Conditions générales de vente",
    },
    privacy: LegalText {
        link: "Confidentialité",
        title: "Politique de confidentialité",
    },
    cookies: LegalText {
        link: "Cookies et stockage",
        title: "Cookies et stockage",
    },
    accessibility: LegalText {
        link: "Accessibilité\u{a0}: partiellement conforme",
        title: "Déclaration d’accessibilité",
    },
};
