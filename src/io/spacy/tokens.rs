//! The tokens of a DocBin: the export's word pieces plus spaCy's white space (one space after a
//! token is its `whitespace_`; any other run of white space is a token of its own).

use crate::io::tokens::Piece;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) byte_start: usize,
    pub(super) byte_end: usize,
    pub(super) space_after: bool,
}

/// spaCy's tokens for `text` from its word pieces (see the module doc).
pub(super) fn spacy_tokens(text: &str, pieces: &[Piece]) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(pieces.len() * 2);
    let (mut at, mut byte) = (0usize, 0usize);
    for p in pieces {
        push_gap(text, &mut out, (at, byte), (p.start, p.byte_start));
        out.push(Tok {
            start: p.start,
            end: p.end,
            byte_start: p.byte_start,
            byte_end: p.byte_end,
            space_after: false,
        });
        (at, byte) = (p.end, p.byte_end);
    }
    let n = text.chars().count();
    push_gap(text, &mut out, (at, byte), (n, text.len()));
    out
}

/// The white space from `(char, byte)` `from` to `to`: its first space goes to the token before
/// (spaCy's `whitespace_`), the rest is a token of its own.
fn push_gap(text: &str, out: &mut Vec<Tok>, from: (usize, usize), to: (usize, usize)) {
    let ((mut at, mut byte), (end, byte_end)) = (from, to);
    if at == end {
        return;
    }
    if let Some(last) = out.last_mut()
        && text.as_bytes().get(byte) == Some(&b' ')
    {
        last.space_after = true;
        at += 1;
        byte += 1;
    }
    if at < end {
        out.push(Tok {
            start: at,
            end,
            byte_start: byte,
            byte_end,
            space_after: false,
        });
    }
}
