//! Quote marks: which punctuation opens or closes a quotation, and how marks pair up.
//!
//! The text is never rewritten (offsets must stay the text's own): each mark token gets a class
//! from the mark and its surroundings, after CoreNLP's `QuoteAnnotator` and the A7 pipeline of
//! the research notes.
//!
//! - Directed marks say what they are (`“ „ « ‹ ‘ ‚` open, `” » › ’` close), except that a mark
//!   written the wrong way round is read from where it stands: `“` glued to the word before it
//!   and followed by a space or punctuation closes (“…“, the official said).
//! - A straight `"` opens after white space or an opening bracket and before a word, closes
//!   after a word and before white space or punctuation, and when spaced on both sides (tokenised
//!   text: `" Hello . "`) does whatever the state asks: close an open quote, else open one.
//! - Single marks are quotes only at a clear word boundary or inside double quotes; `’` and `'`
//!   glued between letters are apostrophes (the tokenizer keeps those inside the word), and so is
//!   a mark before a clitic (`'s`, `'em`, `'tis`) or a number (`'90s`). A single mark spaced on
//!   both sides (tokenised text: "the Bennets ' house") opens a top-level quote only where single
//!   marks are the text's main quote marks (more opening singles than double marks).
//!
//! Pairing runs over the text with a stack (a double quote may hold single ones and vice versa).
//! A quote still open at the end of a paragraph continues when the next paragraph opens with a
//! quote mark — the news convention for a quotation over several paragraphs, each a content
//! range of one quote — or when the next mark of its kind closes it within a few lines (texts
//! broken one sentence a line; for single marks only where they are the main marks); otherwise
//! it ends, unclosed, at the paragraph's end, and becomes a low-scored suggestion.

use super::doc::QuoteText;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Level {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    /// Decided by the state: closes an open quote of its level, else opens one.
    Either,
    /// Spaced on both sides and single: opens only at the top level, closes an open single.
    SpacedSingle,
}

/// One content range of a quotation: `open` and `close` are the mark tokens (`close` is `None`
/// when the part runs to its paragraph's end), `a..b` the content tokens.
#[derive(Clone, Debug)]
pub(super) struct Part {
    pub open: usize,
    pub close: Option<usize>,
    pub a: usize,
    pub b: usize,
}

/// A quotation in marks, at the top level (quotes nested inside it are part of its content).
#[derive(Clone, Debug)]
pub(super) struct Marked {
    pub level: Level,
    pub parts: Vec<Part>,
    /// The last part ends at a closing mark.
    pub closed: bool,
    /// Some mark was read against its direction.
    pub misdirected: bool,
}

impl Marked {
    pub fn open(&self) -> usize {
        self.parts[0].open
    }

    /// The token after the quote's last mark (or content, when unclosed).
    pub fn after(&self) -> usize {
        let last = &self.parts[self.parts.len() - 1];
        last.close.map_or(last.b, |c| c + 1)
    }

    pub fn last_token(&self) -> usize {
        self.parts[self.parts.len() - 1].b
    }

    /// Content tokens over all parts.
    pub fn words(&self, doc: &QuoteText) -> usize {
        self.parts
            .iter()
            .map(|p| (p.a..p.b).filter(|&i| doc.is_word(i)).count())
            .sum()
    }
}

/// What a mark token is, or `None` for a token that is no quote mark here.
fn classify(doc: &QuoteText, i: usize) -> Option<(Level, Dir, bool)> {
    let w = doc.w(i);
    let mut chars = w.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    let before = opening_context(doc, i);
    let after = closing_context(doc, i);
    let glued_word_after = i + 1 < doc.len() && !doc.space_after(i) && doc.is_word(i + 1);
    let out = match c {
        '“' | '‟' => {
            if !before && after {
                (Level::Double, Dir::Close, true)
            } else {
                (Level::Double, Dir::Open, false)
            }
        }
        '”' => {
            if before && !after {
                (Level::Double, Dir::Either, true)
            } else {
                (Level::Double, Dir::Close, false)
            }
        }
        '„' | '«' | '「' | '『' => (Level::Double, Dir::Open, false),
        '»' | '」' | '』' => (Level::Double, Dir::Close, false),
        '"' => match (before, after) {
            (true, false) => (Level::Double, Dir::Open, false),
            (false, true) => (Level::Double, Dir::Close, false),
            _ => (Level::Double, Dir::Either, false),
        },
        '‹' | '‚' => (Level::Single, Dir::Open, false),
        '›' => (Level::Single, Dir::Close, false),
        '‘' => match (before, after) {
            (false, true) => (Level::Single, Dir::Close, true),
            (false, false) => return None,
            _ => (Level::Single, Dir::Open, false),
        },
        '’' | '\'' => {
            if glued_word_after && is_clitic(doc, i + 1) {
                return None;
            }
            if i + 1 < doc.len() && !doc.space_after(i) && !doc.is_word(i + 1) {
                // "'90s", "'(": not a quote.
                if doc.toks[i + 1].kind == crate::text::TokenKind::Number {
                    return None;
                }
            }
            match (before, after) {
                (true, false) if c == '\'' => (Level::Single, Dir::Open, false),
                (true, false) => (Level::Single, Dir::Either, true),
                (false, true) => (Level::Single, Dir::Close, false),
                (true, true) => (Level::Single, Dir::SpacedSingle, false),
                (false, false) => return None,
            }
        }
        _ => return None,
    };
    Some(out)
}

/// Clitics written after an apostrophe: "'s", "'em", "'tis", "'ll" (tokenised text: "I 'll").
fn is_clitic(doc: &QuoteText, i: usize) -> bool {
    let w = doc.w(i);
    [
        "s", "ll", "re", "ve", "d", "m", "t", "em", "tis", "twas", "til", "cause", "n", "im",
    ]
    .iter()
    .any(|c| w.eq_ignore_ascii_case(c))
}

/// What comes before token `i` lets a mark open: the start, white space, or an opening bracket,
/// dash or mark glued to it.
fn opening_context(doc: &QuoteText, i: usize) -> bool {
    if doc.space_before(i) {
        return true;
    }
    matches!(
        doc.w(i - 1),
        "(" | "[" | "{" | "—" | "–" | "-" | "--" | "“" | "‘" | "\"" | "'" | "«" | "„" | ":" | "/"
    )
}

/// What comes after token `i` lets a mark close: the end, white space, or punctuation.
fn closing_context(doc: &QuoteText, i: usize) -> bool {
    if doc.space_after(i) {
        return true;
    }
    let next = doc.w(i + 1);
    next.chars().next().is_some_and(|c| {
        matches!(
            c,
            ',' | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '…'
                | '”'
                | '’'
                | '"'
                | '\''
                | '»'
        )
    })
}

/// How far a quote left open at a line's end may run into the following lines looking for its
/// closing mark.
const CARRY_LINES: u32 = 12;
const CARRY_CHARS: usize = 3000;

struct Open {
    tok: usize,
    level: Level,
    misdirected: bool,
}

/// Pair the marks of `doc` into top-level quotations, in text order.
pub(super) fn pair(doc: &QuoteText) -> Vec<Marked> {
    let n = doc.len();
    let mut out: Vec<Marked> = Vec::new();
    // Classes, and for each token the next mark of each level (for the look-ahead at a
    // paragraph's end), computed once so the pass stays linear.
    let classes: Vec<Option<(Level, Dir, bool)>> = (0..n).map(|i| classify(doc, i)).collect();
    let mut next_mark = vec![(usize::MAX, usize::MAX); n + 1];
    for i in (0..n).rev() {
        next_mark[i] = next_mark[i + 1];
        match classes[i] {
            Some((Level::Double, ..)) => next_mark[i].0 = i,
            Some((Level::Single, ..)) => next_mark[i].1 = i,
            None => {}
        }
    }
    // Single marks run over a line break only where they are the text's main quote marks:
    // more opening singles than double marks of any kind.
    let doubles = classes
        .iter()
        .filter(|c| matches!(c, Some((Level::Double, ..))))
        .count();
    let single_opens = classes
        .iter()
        .filter(|c| matches!(c, Some((Level::Single, Dir::Open | Dir::SpacedSingle, _))))
        .count();
    let singles_primary = single_opens > doubles;
    let mut stack: Vec<Open> = Vec::new();
    // The quote being continued over a paragraph break, and where its current part began.
    let mut current: Option<Marked> = None;
    let mut i = 0;
    while i < n {
        if i > 0 && doc.para_of[i] != doc.para_of[i - 1] && !stack.is_empty() {
            // A paragraph ends with marks open: keep only the outermost and decide its fate.
            stack.truncate(1);
            let top = &stack[0];
            let level = top.level;
            let continues_with_mark = matches!(
                classes[i],
                Some((l, Dir::Open | Dir::Either | Dir::SpacedSingle, _)) if l == level
            );
            if continues_with_mark {
                let q = current.get_or_insert_with(|| new_marked(level, top));
                q.parts.push(part(top.tok, None, i));
                q.misdirected |= top.misdirected;
                stack.clear();
                // The new paragraph's opening mark becomes the next part's open mark.
                let misdirected = classes[i].is_some_and(|c| c.2);
                stack.push(Open {
                    tok: i,
                    level,
                    misdirected,
                });
                i += 1;
                continue;
            }
            let may_carry = level == Level::Double || singles_primary;
            if !(may_carry && carries_over(doc, &classes, &next_mark, i, level)) {
                let q = current
                    .take()
                    .unwrap_or_else(|| new_marked(level, &stack[0]));
                let mut q = q;
                q.parts.push(part(stack[0].tok, None, i));
                q.closed = false;
                push_quote(&mut out, q);
                stack.clear();
            }
        }
        let Some((level, dir, misdirected)) = classes[i] else {
            i += 1;
            continue;
        };
        let open_at = stack.iter().rposition(|o| o.level == level);
        let closes = match dir {
            Dir::Close => open_at.is_some(),
            Dir::Either | Dir::SpacedSingle => open_at.is_some(),
            Dir::Open => false,
        };
        if closes {
            if let Some(k) = open_at {
                let o = &stack[k];
                if k == 0 {
                    let mut q = current.take().unwrap_or_else(|| new_marked(o.level, o));
                    q.parts.push(part(o.tok, Some(i), i));
                    q.misdirected |= o.misdirected || misdirected;
                    q.closed = true;
                    push_quote(&mut out, q);
                }
                stack.truncate(k);
            }
        } else if matches!(dir, Dir::Close) {
            // A closing mark with nothing open: an apostrophe, or a quote that began unmarked.
        } else {
            let opens = match (level, dir) {
                (Level::Double, _) => true,
                // A single mark opens inside a double quote, or at a clear boundary.
                // Spaced on both sides ("Thomas ' sister" in tokenised text) it may be a
                // possessive: it opens at the top level only where singles are the main marks.
                (Level::Single, Dir::SpacedSingle) => !stack.is_empty() || singles_primary,
                // A curly opening mark after a space opens (tokenised text spaces it: "‘ Oh").
                (Level::Single, _) => {
                    !stack.is_empty()
                        || (i + 1 < n && doc.is_word(i + 1) && !doc.space_after(i))
                        || (doc.w(i) == "‘" && doc.space_before(i))
                }
            };
            if opens {
                if level == Level::Double && stack.first().is_some_and(|o| o.level == level) {
                    // A second opening double while one is open: the first was never closed.
                    let o = &stack[0];
                    let mut q = current.take().unwrap_or_else(|| new_marked(o.level, o));
                    q.parts.push(part(o.tok, None, i));
                    q.closed = false;
                    push_quote(&mut out, q);
                    stack.clear();
                }
                if stack.len() < 3 {
                    stack.push(Open {
                        tok: i,
                        level,
                        misdirected,
                    });
                }
            }
        }
        i += 1;
    }
    if let Some(o) = stack.first() {
        let mut q = current.take().unwrap_or_else(|| new_marked(o.level, o));
        q.parts.push(part(o.tok, None, n));
        q.closed = false;
        push_quote(&mut out, q);
    }
    out
}

fn new_marked(level: Level, o: &Open) -> Marked {
    Marked {
        level,
        parts: Vec::new(),
        closed: false,
        misdirected: o.misdirected,
    }
}

fn part(open: usize, close: Option<usize>, end: usize) -> Part {
    Part {
        open,
        close,
        a: open + 1,
        b: end,
    }
}

/// Keep a quote that has content; an unclosed single quote is more likely an apostrophe.
fn push_quote(out: &mut Vec<Marked>, mut q: Marked) {
    q.parts.retain(|p| p.a < p.b);
    if q.parts.is_empty() || (!q.closed && q.level == Level::Single && q.parts.len() == 1) {
        return;
    }
    out.push(q);
}

/// A quote open at the end of the paragraph before token `i` goes on into the next lines: the
/// next mark of its level closes it before any mark opens, within a few lines.
fn carries_over(
    doc: &QuoteText,
    classes: &[Option<(Level, Dir, bool)>],
    next_mark: &[(usize, usize)],
    i: usize,
    level: Level,
) -> bool {
    let next = match level {
        Level::Double => next_mark[i].0,
        Level::Single => next_mark[i].1,
    };
    if next == usize::MAX {
        return false;
    }
    let far = doc.para_of[next].saturating_sub(doc.para_of[i]) > CARRY_LINES
        || doc.toks[next].start.saturating_sub(doc.toks[i].start) > CARRY_CHARS;
    if far {
        return false;
    }
    match classes[next] {
        Some((_, Dir::Close, _)) => true,
        // A spaced mark is a closer only if it ends a line or comes before a cue-like lower-case
        // word (", ” said he"); the next line opening with it is a new quote.
        Some((_, Dir::Either | Dir::SpacedSingle, _)) => !starts_line(doc, next),
        _ => false,
    }
}

fn starts_line(doc: &QuoteText, i: usize) -> bool {
    i == 0 || doc.line_break_before(i)
}
