//! The text of an imported CoNLL document, rebuilt from its tokens (rules in the `io::conll` doc).

use crate::model::CharRange;

/// Tokens that take no space before them (see the module doc).
pub(super) fn closes(tok: &str) -> bool {
    pub(super) const CLOSERS: &str = ".,;:!?%)]}”’»…";
    if tok.chars().all(|c| CLOSERS.contains(c)) || tok == "''" {
        return true;
    }
    let mut cs = tok.chars();
    let clitic = matches!((cs.next(), cs.next()), (Some('\'' | '’'), Some(c)) if c.is_alphabetic());
    clitic || tok.eq_ignore_ascii_case("n't") || tok.eq_ignore_ascii_case("n’t")
}

/// Tokens that take no space after them.
pub(super) fn opens(tok: &str) -> bool {
    pub(super) const OPENERS: &str = "([{“‘«¿¡$£€¥";
    tok.chars().all(|c| OPENERS.contains(c)) || tok == "``"
}

/// Rebuild a document's text from its sentences of tokens (rules in the module doc). Returns
/// the text and each token's code point range, by sentence.
pub fn detokenize(sentences: &[Vec<&str>]) -> (String, Vec<Vec<CharRange>>) {
    let mut text = String::new();
    let mut at = 0usize;
    let mut ranges = Vec::with_capacity(sentences.len());
    let mut quote_open = false;
    for (si, s) in sentences.iter().enumerate() {
        if si > 0 {
            text.push('\n');
            at += 1;
        }
        let mut rs = Vec::with_capacity(s.len());
        let mut glue_next = true;
        for tok in s {
            let straight = *tok == "\"";
            let no_space_before = if straight { quote_open } else { closes(tok) };
            if !glue_next && !no_space_before {
                text.push(' ');
                at += 1;
            }
            let n = tok.chars().count();
            text.push_str(tok);
            rs.push(CharRange::new(at, at + n));
            at += n;
            glue_next = if straight {
                quote_open = !quote_open;
                quote_open
            } else {
                opens(tok)
            };
        }
        ranges.push(rs);
    }
    (text, ranges)
}
