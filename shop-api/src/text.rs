//! Free text typed by shoppers (names, streets, cities, project names):
//! what counts as blank.

/// Whether `text` shows anything: a character that is neither whitespace
/// nor one of the format characters that render as nothing (zero-width
/// spaces and joiners, direction marks and overrides, the byte-order mark,
/// soft hyphens, variation selectors, Hangul fillers, tags). A name made
/// only of those would be accepted as filled yet print as a blank label.
pub fn shows_something(text: &str) -> bool {
    text.chars()
        .any(|c| !c.is_whitespace() && !renders_as_nothing(c))
}

fn renders_as_nothing(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

#[cfg(test)]
mod tests {
    use super::shows_something;

    #[test]
    fn invisible_characters_alone_are_blank() {
        for blank in [
            "",
            " \t\n",
            "\u{200b}",
            "\u{202e}",
            "\u{feff}\u{200d}",
            "\u{2066}\u{2069}",
            "\u{ad}\u{3000}",
        ] {
            assert!(!shows_something(blank), "{blank:?}");
        }
        // Marks and joiners inside real text are kept: right-to-left
        // names, emoji sequences.
        for text in ["a", "\u{200f}שרה", "👩\u{200d}👩\u{200d}👧", "\u{202e}x"] {
            assert!(shows_something(text), "{text:?}");
        }
    }
}
