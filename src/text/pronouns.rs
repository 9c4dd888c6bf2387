//! The one list of English pronouns Gloss knows, and a case-aware test for them.
//!
//! Imports use it to give a span with no stated mention kind the kind "pronoun" ("she"), and the
//! quoting gestures use it for a selected speaker. Case matters: "he", "He" (a sentence start) and
//! "I" are pronouns, but an all-capitals word of two or more letters ("US", "WHO", "IT") is a name
//! or an abbreviation — unless the whole line it is on is in capitals (a shouted headline,
//! "HE SAID NO"), where capitals say nothing. Mixed case ("wHo") is never a pronoun.

/// Personal, possessive, reflexive and relative pronouns, in lower case.
pub const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "who",
    "whom",
    "whose",
];

/// How a word is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    /// "he", or "He" / "I": how a pronoun is written in running text.
    Running,
    /// "US": two or more letters, all capitals.
    Capitals,
    /// Anything else ("wHo").
    Mixed,
}

fn case_of(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Case::Mixed;
    };
    let rest: Vec<char> = letters.collect();
    if rest.iter().all(|c| c.is_lowercase()) {
        Case::Running
    } else if first.is_uppercase() && rest.iter().all(|c| c.is_uppercase()) {
        Case::Capitals
    } else {
        Case::Mixed
    }
}

fn in_list(word: &str) -> bool {
    PRONOUNS.contains(&word.to_lowercase().as_str())
}

/// True when `word` (surrounding spaces ignored) is a pronoun as written, without context:
/// "he", "He" and "I" are; "US" and "WHO" are not (see the module notes).
pub fn is_pronoun(word: &str) -> bool {
    let word = word.trim();
    in_list(word) && case_of(word) == Case::Running
}

/// True when bytes `start..end` of `text` are a pronoun: as [`is_pronoun`], and an all-capitals
/// word also counts when its whole line has no lower-case letters (a headline in capitals).
/// Out-of-range or non-boundary offsets give false.
pub fn is_pronoun_in(text: &str, start: usize, end: usize) -> bool {
    let Some(raw) = text.get(start..end.max(start)) else {
        return false;
    };
    let word = raw.trim();
    if !in_list(word) {
        return false;
    }
    match case_of(word) {
        Case::Running => true,
        Case::Mixed => false,
        Case::Capitals => {
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            !text[line_start..line_end].chars().any(char::is_lowercase)
        }
    }
}

/// True when code points `start..end` of `doc` are a pronoun as written (case-aware: "US" is a
/// name; see [`is_pronoun_in`]).
pub fn is_pronoun_at(doc: &crate::model::Document, start: usize, end: usize) -> bool {
    is_pronoun_in(&doc.text, doc.byte_of(start), doc.byte_of(end.max(start)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_text_pronouns_are_pronouns_in_lower_and_title_case() {
        assert!(is_pronoun("he") && is_pronoun("He") && is_pronoun(" her ") && is_pronoun("I"));
        assert!(is_pronoun("who") && is_pronoun("Who"));
        assert!(!is_pronoun("the official") && !is_pronoun("Hermes") && !is_pronoun(""));
    }

    #[test]
    fn all_capitals_words_are_names_not_pronouns() {
        assert!(!is_pronoun("US") && !is_pronoun("WHO") && !is_pronoun("IT") && !is_pronoun("wHo"));
        let t = "US troops left. The US said no.";
        assert!(!is_pronoun_in(t, 0, 2) && !is_pronoun_in(t, 20, 22));
    }

    #[test]
    fn all_capitals_words_are_pronouns_on_a_line_in_capitals() {
        let t = "HE SAID NO\nThe WHO said he would.";
        assert!(is_pronoun_in(t, 0, 2));
        assert!(!is_pronoun_in(t, 15, 18), "WHO on a mixed-case line");
        assert!(is_pronoun_in(t, 24, 26));
        assert!(!is_pronoun_in(t, 24, 99) && !is_pronoun_in(t, 30, 2));
    }

    #[test]
    fn the_list_has_no_duplicates_and_is_lower_case() {
        for (i, w) in PRONOUNS.iter().enumerate() {
            assert_eq!(*w, w.to_lowercase());
            assert!(!PRONOUNS[i + 1..].contains(w), "{w} twice");
        }
    }
}
