//! Word boundaries for selections: snapping a rough drag to whole words, the word under a
//! double-click, and moving a span's edge one word at a time.
//!
//! Words follow Unicode's word segmentation (UAX #29), with one change annotators expect: a
//! possessive "'s" is its own piece, so snapping "Merkel" inside "Merkel's" keeps "Merkel".
//! All offsets are code points within the string given; callers pass a paragraph, not a book.
//!
//! Chinese, Japanese, Thai and the other scripts written without spaces take their words from a
//! dictionary instead (`text::segment`), so a double-click on "白宫" selects both characters.

use unicode_segmentation::UnicodeSegmentation;

use super::segment;

/// (start, end, is_word) pieces of `text` in code points.
fn pieces(text: &str) -> Vec<(usize, usize, bool)> {
    if segment::needs_dictionary(text) {
        return segment::dictionary_pieces(text);
    }
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

/// Where a caret moving one word lands, as editors do: forward, at the end of the word at or
/// after `offset`; backward, at the start of the word before it. Clamped to the text.
pub fn caret_by_word(text: &str, offset: usize, forward: bool) -> usize {
    let words = pieces(text).into_iter().filter(|p| p.2);
    let found = if forward {
        words.map(|p| p.1).find(|&e| e > offset)
    } else {
        words.map(|p| p.0).rfind(|&s| s < offset)
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

    #[test]
    fn a_caret_moves_by_word_like_an_editor() {
        // From inside "Chancellor" forward to its end, then to the end of "Merkel".
        assert_eq!(caret_by_word(S, 3, true), 10);
        assert_eq!(caret_by_word(S, 10, true), 17);
        assert_eq!(caret_by_word(S, 17, false), 11);
        assert_eq!(caret_by_word(S, 0, false), 0);
        let n = S.chars().count();
        assert_eq!(caret_by_word(S, n - 1, true), n);
    }

    #[test]
    fn chinese_and_japanese_words_come_from_the_dictionary() {
        let zh = "美国总统奥巴马周二在白宫发表讲话。";
        let w = |t: &str, o: usize| {
            word_at(t, o).map(|(s, e)| t.chars().skip(s).take(e - s).collect::<String>())
        };
        // A double-click on "统" selects the word "总统", not one character.
        assert_eq!(w(zh, 3).as_deref(), Some("总统"));
        assert_eq!(w(zh, 16), None, "the full stop is no word");
        // Snapping a selection of half a word grows it to the word.
        let (s, e) = snap_to_words(zh, 10, 11).unwrap();
        assert_eq!(zh.chars().skip(s).take(e - s).collect::<String>(), "白宫");
        let ja = "岸田首相は東京で記者会見を開いた。";
        let got = w(ja, 1).unwrap_or_default();
        assert!(got.chars().count() >= 2, "{got}");
    }

    #[test]
    fn arabic_and_hebrew_words() {
        let ar = "قال الرئيس أوباما إن المحادثات ستستأنف.";
        let (s, e) = word_at(ar, 12).unwrap();
        assert_eq!(ar.chars().skip(s).take(e - s).collect::<String>(), "أوباما");
        let he = "ראש הממשלה נתניהו אמר.";
        let (s, e) = word_at(he, 5).unwrap();
        assert_eq!(he.chars().skip(s).take(e - s).collect::<String>(), "הממשלה");
        assert_eq!(caret_by_word(he, 0, true), 3);
    }
}
