//! The tokens and ranges the token-based exports share (CoNLL, spaCy, brat): a document cut
//! into export tokens ([`pieces`]), ranges trimmed of white space and flattened to the outermost,
//! labels made safe for columns, and a range quoted for a message.

//! See `io::conll` for the tokenisation rules: `text::tokenize`, cut further wherever an exported
//! span starts or ends inside a token.

use std::collections::BTreeSet;

use crate::model::{CharRange, Document};
use crate::text::{Token, tokenize};

/// One token of an export: code points `start..end` and bytes `byte_start..byte_end` of the
/// document's text. Never empty, never holds white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    /// The index of the `text::tokenize` token it is (part of).
    pub token: usize,
}

impl Piece {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start..self.byte_end]
    }
}

/// The tokens of `text` (see the module doc), cut at every code point offset in `cuts` that
/// falls inside one.
pub(crate) fn pieces(text: &str, cuts: &BTreeSet<usize>) -> Vec<Piece> {
    pieces_of(text, &tokenize(text), cuts)
}

pub(crate) fn pieces_of(text: &str, tokens: &[Token], cuts: &BTreeSet<usize>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(tokens.len());
    for (k, t) in tokens.iter().enumerate() {
        let whole = Piece {
            start: t.start,
            end: t.end,
            byte_start: t.byte_start,
            byte_end: t.byte_end(),
            token: k,
        };
        if t.end <= t.start + 1 || cuts.range(t.start + 1..t.end).next().is_none() {
            out.push(whole);
            continue;
        }
        let (mut start, mut byte_start) = (t.start, t.byte_start);
        for (i, (b, _)) in t.text(text).char_indices().enumerate().skip(1) {
            let cp = t.start + i;
            if cuts.contains(&cp) {
                let byte = t.byte_start + b;
                out.push(Piece {
                    start,
                    end: cp,
                    byte_start,
                    byte_end: byte,
                    token: k,
                });
                (start, byte_start) = (cp, byte);
            }
        }
        out.push(Piece {
            start,
            byte_start,
            ..whole
        });
    }
    out
}

/// `r` without the white space at either end; `None` when nothing else is left.
pub(crate) fn trim(doc: &Document, r: CharRange) -> Option<CharRange> {
    let s = doc.slice(r.start, r.end);
    let n = s.chars().count();
    let lead = s.chars().take_while(|c| c.is_whitespace()).count();
    if lead == n {
        return None;
    }
    let trail = s.chars().rev().take_while(|c| c.is_whitespace()).count();
    Some(CharRange::new(r.start + lead, r.start + n - trail))
}

/// A range `flatten` left out, with its item and the kept range it lost to.
pub(crate) type Dropped<T> = (CharRange, T, CharRange);

/// Keep the outermost of overlapping ranges: by start, longer first (ties keep input order),
/// each range is kept unless it overlaps one already kept. Returns the kept items in order and
/// each dropped one with the kept range it lost to.
pub(crate) fn flatten<T>(mut items: Vec<(CharRange, T)>) -> (Vec<(CharRange, T)>, Vec<Dropped<T>>) {
    items.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<(CharRange, T)> = Vec::with_capacity(items.len());
    let mut dropped = Vec::new();
    for (r, t) in items {
        match kept.last() {
            Some((k, _)) if k.overlaps(&r) => {
                let k = *k;
                dropped.push((r, t, k));
            }
            _ => kept.push((r, t)),
        }
    }
    (kept, dropped)
}

/// How a label is written where white space would break the columns.
pub(crate) fn column_safe(label: &str) -> String {
    let safe: String = label
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    if safe.is_empty() { "_".into() } else { safe }
}

/// `“text”` of a range, shortened for a message.
pub(crate) fn quoted(doc: &Document, r: CharRange) -> String {
    let s = doc.slice(r.start, r.end);
    let mut short: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        short.push('…');
    }
    format!("{short:?}")
}
