//! Plain-text search over a document, in code points, with optional case folding.
//!
//! Case-insensitive search folds each character to one character (its lowercase form when that
//! is a single character), so a match's offsets in the folded text are its offsets in the
//! original: no offset drift on "İ" or "ß".

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FindOptions {
    pub case_sensitive: bool,
    /// Only matches that start and end at word edges.
    pub whole_words: bool,
}

fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Every non-overlapping occurrence of `needle` in `text`, as code point ranges, in order.
pub fn find_all(text: &str, needle: &str, options: FindOptions) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let (hay, pat): (String, String) = if options.case_sensitive {
        (text.to_string(), needle.to_string())
    } else {
        (
            text.chars().map(fold).collect(),
            needle.chars().map(fold).collect(),
        )
    };
    let pat_chars = pat.chars().count();
    let mut out = Vec::new();
    let (mut last_byte, mut last_char) = (0, 0);
    for (b, _) in hay.match_indices(pat.as_str()) {
        let start = last_char + hay[last_byte..b].chars().count();
        last_byte = b;
        last_char = start;
        let end = start + pat_chars;
        if options.whole_words {
            let before = hay[..b].chars().next_back();
            let after = hay[b + pat.len()..].chars().next();
            let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if is_word(before) || is_word(after) {
                continue;
            }
        }
        out.push((start, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_with_and_without_case() {
        let text = "İstanbul, then ISTANBUL, then istanbul.";
        let sens = FindOptions {
            case_sensitive: true,
            whole_words: false,
        };
        assert_eq!(find_all(text, "istanbul", sens), vec![(30, 38)]);
        let all = find_all(text, "istanbul", FindOptions::default());
        assert_eq!(
            all.len(),
            2,
            "İ folds to two characters, so it is left alone: {all:?}"
        );
        assert_eq!(all[0], (15, 23));
    }

    #[test]
    fn whole_words_skip_parts_of_words() {
        let text = "Iran and Iranian officials met in Iran.";
        let opts = FindOptions {
            case_sensitive: true,
            whole_words: true,
        };
        assert_eq!(find_all(text, "Iran", opts), vec![(0, 4), (34, 38)]);
        assert_eq!(find_all(text, "", opts), vec![]);
    }
}
