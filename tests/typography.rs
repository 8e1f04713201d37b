//! French typography of the French table (`src/i18n/fr.rs` and `fr/`), read as its
//! source so that format strings are checked too: a non-breaking space
//! (`\u{a0}`) before `:` `;` `!` `?` and inside « », and one apostrophe
//! style, the typographic ’, throughout.

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The French table and its sub-tables (help centre, legal pages, account
/// settings).
const FRENCH: [&str; 4] = [
    include_str!("../src/i18n/fr.rs"),
    include_str!("../src/i18n/fr/help.rs"),
    include_str!("../src/i18n/fr/legal.rs"),
    include_str!("../src/i18n/fr/account_settings.rs"),
];

/// The contents of the double-quoted string literals of `source`, outside
/// `//` comments, escapes left as written.
fn literals(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in source.lines() {
        let code = match line.trim_start().starts_with("//") {
            true => continue,
            false => line,
        };
        let mut chars = code.chars();
        let mut current: Option<String> = None;
        while let Some(c) = chars.next() {
            match (&mut current, c) {
                (None, '"') => current = Some(String::new()),
                (None, '/') if code.contains("//") && chars.as_str().starts_with('/') => break,
                (None, _) => {}
                (Some(text), '\\') => {
                    text.push('\\');
                    if let Some(escaped) = chars.next() {
                        text.push(escaped);
                    }
                }
                (Some(_), '"') => found.extend(current.take()),
                (Some(text), other) => text.push(other),
            }
        }
    }
    found
}

/// What is wrong with one French string, if anything.
fn faults(text: &str) -> Vec<&'static str> {
    let mut faults = Vec::new();
    for (bad, fault) in [
        (" :", "breaking space before :"),
        (" ;", "breaking space before ;"),
        (" !", "breaking space before !"),
        (" ?", "breaking space before ?"),
        ("« ", "breaking space after «"),
        (" »", "breaking space before »"),
        ("'", "straight apostrophe (use ’)"),
    ] {
        if text.contains(bad) {
            faults.push(fault);
        }
    }
    let glued =
        |before: Option<char>, after: Option<char>| before != Some(' ') && after != Some(' ');
    for (index, c) in text.char_indices() {
        let next = text[index + c.len_utf8()..].chars().next();
        let previous = text[..index].chars().next_back();
        if c == '«' && !text[index + c.len_utf8()..].starts_with("\\u{a0}") && glued(None, next) {
            faults.push("« without a non-breaking space");
        }
        if c == '»' && !text[..index].ends_with("\\u{a0}") && glued(previous, None) {
            faults.push("» without a non-breaking space");
        }
    }
    faults
}

#[wasm_bindgen_test]
fn the_check_finds_what_it_looks_for() {
    let source = r#"
        // A comment: "ignored : here".
        a: "Statut : payée",
        b: "l'adresse",
        c: "«Enregistrer»",
        d: "Statut\u{a0}: payée, à l’expédition, «\u{a0}Enregistrer\u{a0}»",
    "#;
    let found: Vec<_> = literals(source).iter().map(|t| faults(t)).collect();
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(found[0], ["breaking space before :"]);
    assert_eq!(found[1], ["straight apostrophe (use ’)"]);
    assert_eq!(found[2].len(), 2);
    assert!(found[3].is_empty(), "{:?}", found[3]);
}

#[wasm_bindgen_test]
fn every_french_string_has_non_breaking_spaces_and_typographic_apostrophes() {
    let all: Vec<String> = FRENCH.iter().flat_map(|source| literals(source)).collect();
    assert!(all.len() > 200, "the table was read: {} strings", all.len());
    let wrong: Vec<String> = all
        .iter()
        .filter_map(|text| {
            let faults = faults(text);
            (!faults.is_empty()).then(|| format!("{text:?}: {}", faults.join(", ")))
        })
        .collect();
    assert!(wrong.is_empty(), "French typography:\n{}", wrong.join("\n"));
}
