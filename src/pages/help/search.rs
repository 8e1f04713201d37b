//! The help centre's search: accent- and case-insensitive matching of the
//! typed words against an answer's question, topic and text. Pure string
//! work, so that it is the same in both languages and cheap on each key.

use crate::i18n::{HelpAnswer, HelpTopic};

/// Lower case without diacritics, with typographic apostrophes and
/// no-break spaces made plain: "Débité ?" and "debite" meet.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => folded.push('a'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'î' | 'ï' | 'í' | 'ì' => folded.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => folded.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => folded.push('u'),
            'ç' => folded.push('c'),
            'ÿ' => folded.push('y'),
            'ñ' => folded.push('n'),
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            '’' | 'ʼ' | '‘' => folded.push('\''),
            '\u{a0}' | '\u{202f}' => folded.push(' '),
            c => folded.push(c),
        }
    }
    folded
}

/// The folded words of a query; empty when the query is blank.
pub fn words(query: &str) -> Vec<String> {
    fold(query)
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '?' | '!' | '.'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether every word appears in the answer (any word order). No words:
/// everything matches.
pub fn matches(topic: &HelpTopic, answer: &HelpAnswer, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let mut haystack = fold(&topic.title);
    haystack.push(' ');
    haystack.push_str(&fold(&answer.question));
    for paragraph in &answer.paragraphs {
        haystack.push(' ');
        haystack.push_str(&fold(paragraph));
    }
    words.iter().all(|word| haystack.contains(word.as_str()))
}

/// How many answers of `topics` match.
pub fn count(topics: &[HelpTopic], words: &[String]) -> usize {
    topics
        .iter()
        .map(|topic| {
            topic
                .answers
                .iter()
                .filter(|answer| matches(topic, answer, words))
                .count()
        })
        .sum()
}
