//! Word boundaries for selections: snapping a rough drag to whole words, the word under a
//! double-click, and moving a span's edge one word at a time.
//!
//! Words follow Unicode's word segmentation (UAX #29), with one change annotators expect: a
//! possessive "'s" is its own piece, so snapping "Merkel" inside "Merkel's" keeps "Merkel".
//! All offsets are code points within the string given; callers pass a paragraph, not a book.

use unicode_segmentation::UnicodeSegmentation;

/// (start, end, is_word) pieces of `text` in code points.
fn pieces(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in text.split_word_bounds() {
        let n = piece.chars().count();
        let is_word = piece.chars().any(char::is_alphanumeric);
        let possessive = ["'s", "’s", "'S", "’S"]
            .iter()
            .find(|suffix| piece.ends_with(*suffix) && piece.chars().count() > 2);
        if is_word && let Some(suffix) = possessive {
            let k = suffix.chars().count();
            out.push((at, at + n - k, true));
            out.push((at + n - k, at + n, true));
        } else {
            out.push((at, at + n, is_word));
        }
        at += n;
    }
    out
}

/// Expand `start..end` to whole words after trimming surrounding white space. `None` when
/// nothing but white space is selected.
pub fn snap_to_words(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let (mut s, mut e) = (start.min(chars.len()), end.min(chars.len()));
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if s >= e {
        return None;
    }
    for (ps, pe, word) in pieces(text) {
        if word && ps < s && s < pe {
            s = ps;
        }
        if word && ps < e && e < pe {
            e = pe;
        }
    }
    Some((s, e))
}

/// The word holding code point `offset`, for a double-click. Off a word, `None`.
pub fn word_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    pieces(text)
        .into_iter()
        .find(|&(s, e, word)| word && s <= offset && offset < e)
        .map(|(s, e, _)| (s, e))
}

/// Which side of words an edge snaps to: a span's start sits on word starts, its end on ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordEdge {
    Start,
    End,
}

/// The next word start (or end) after `offset` going forward, or before it going backward, so
/// a span edge steps one word at a time. Clamped to the text.
pub fn move_edge_by_word(text: &str, offset: usize, forward: bool, edge: WordEdge) -> usize {
    let mut edges = pieces(text)
        .into_iter()
        .filter(|p| p.2)
        .map(|(s, e, _)| match edge {
            WordEdge::Start => s,
            WordEdge::End => e,
        });
    let found = if forward {
        edges.clone().find(|&x| x > offset)
    } else {
        edges.rfind(|&x| x < offset)
    };
    found.unwrap_or(if forward { text.chars().count() } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: &str = "Chancellor Merkel's aide, Jörg Asmussen, said no.";

    fn sl(s: usize, e: usize) -> String {
        S.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn snapping_grows_partial_words_and_trims_space() {
        // "ncellor Mer" → "Chancellor Merkel"
        let (s, e) = snap_to_words(S, 3, 14).unwrap();
        assert_eq!(sl(s, e), "Chancellor Merkel");
        // " Jör" with a leading space → "Jörg"
        let (s, e) = snap_to_words(S, 25, 29).unwrap();
        assert_eq!(sl(s, e), "Jörg");
        assert_eq!(snap_to_words(S, 10, 11), None, "only a space");
    }

    #[test]
    fn possessive_s_stays_outside_the_name() {
        let (s, e) = snap_to_words(S, 12, 15).unwrap();
        assert_eq!(sl(s, e), "Merkel");
        assert_eq!(word_at(S, 17).map(|(s, e)| sl(s, e)), Some("'s".into()));
    }

    #[test]
    fn double_click_word_and_edges() {
        let (s, e) = word_at(S, 28).unwrap();
        assert_eq!(sl(s, e), "Jörg");
        assert_eq!(word_at(S, 24), None, "the comma is not a word");
        // An end edge after "Jörg" moves to the end of "Asmussen" and back.
        assert_eq!(move_edge_by_word(S, 30, true, WordEdge::End), 39);
        assert_eq!(move_edge_by_word(S, 39, false, WordEdge::End), 30);
        // A start edge on "Asmussen" moves to the start of "Jörg" and back.
        assert_eq!(move_edge_by_word(S, 31, false, WordEdge::Start), 26);
        assert_eq!(move_edge_by_word(S, 26, true, WordEdge::Start), 31);
        assert_eq!(move_edge_by_word(S, 0, false, WordEdge::Start), 0);
    }
}
