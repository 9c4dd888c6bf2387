//! Tokens and sentences of English news, for the matcher.
//!
//! A token is a word, a number, a possessive "'s" or a piece of punctuation, located both in code
//! points (the model's unit, which suggestions carry) and in bytes (so its text is a slice, not a
//! count from the start of a book). The rules engine reads capitalisation, abbreviations and
//! sentence starts off these tokens, so they follow news conventions rather than UAX #29:
//!
//! - a word keeps internal apostrophes and hyphens ("O'Brien", "Rhine-Westphalia", "don't"),
//!   but a possessive "'s" / "’s" is its own token, as in `text::words`, so "Merkel's" names
//!   "Merkel";
//! - a known abbreviation ("Mr.", "Gen.", "Jan.") or dotted initials ("U.S.", "J.", "a.m.") keep
//!   their period, because the period does not end a sentence there;
//! - "AT&T" and "S&P" are one word; "200,000" and "3.5" are one number.
//!
//! The tokenizer is one pass over the bytes with an ASCII fast path: news is mostly ASCII, and
//! the matcher's budget is around 100 MB/s for everything, so this part has to run at several
//! hundred. It allocates nothing but the output vector.
//!
//! A wire desk's slug glued to a headline ("SOCCER-JUAZEIRO SELL…", "FOREX-YEN JUMPS…") is a
//! word of its own, then the hyphen, then the headline's first word, which may be a name.

use super::names::is_wire_slug;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters and digits, with internal apostrophes, hyphens and periods of abbreviations.
    Word,
    /// Digits only, with internal separators ("2015", "200,000", "3.5", "9:30").
    Number,
    /// A possessive "'s" or "’s", split off the word before it.
    Possessive,
    /// Anything else that is not white space: punctuation, symbols, emoji.
    Punct,
}

const CAPITALISED: u8 = 1;
const ALL_CAPS: u8 = 2;
const ABBREVIATION: u8 = 4;
const INITIAL: u8 = 8;
/// An abbreviation that is practically never the last word of a sentence ("Mr.", "Gen.").
const NEVER_FINAL: u8 = 16;

/// One token: code point range `start..end` (end-exclusive), its byte range, its kind and its
/// shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Byte offset of the start in the text.
    pub byte_start: usize,
    /// Length in bytes; a token is short, and a smaller token makes tokenizing a book faster.
    byte_len: u32,
    pub kind: TokenKind,
    flags: u8,
}

impl Token {
    /// The token's text in `text`, the string it was made from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start..self.byte_end()]
    }

    /// Byte offset of the end in the text.
    pub fn byte_end(&self) -> usize {
        self.byte_start + self.byte_len as usize
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// The first character is an upper-case letter ("Obama", "IMF", "U.S.", "Élysée").
    pub fn is_capitalised(&self) -> bool {
        self.flags & CAPITALISED != 0
    }

    /// Has letters and none of them is lower case ("IMF", "U.S.", "I", "F-16").
    pub fn is_all_caps(&self) -> bool {
        self.flags & ALL_CAPS != 0
    }

    /// Ends with a period that belongs to it ("Mr.", "U.S.", "J.", "a.m.").
    pub fn is_abbreviation(&self) -> bool {
        self.flags & ABBREVIATION != 0
    }

    /// A single capital letter and a period ("J." in "Michael J. Fox").
    pub fn is_initial(&self) -> bool {
        self.flags & INITIAL != 0
    }

    /// An abbreviation or initial after which a sentence (almost) never ends: titles like
    /// "Dr." and "Gen.", "vs.", month names, initials.
    pub fn never_ends_sentence(&self) -> bool {
        self.flags & NEVER_FINAL != 0
    }
}

/// Abbreviations written with a period, without it, and whether a sentence may end on them.
/// Titles and month names come before a name or a number; "Inc." and "Jr." often close a
/// sentence. "No." only counts before a number (checked by the caller).
fn abbreviation(word: &str) -> Option<bool> {
    let never_final = match word {
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mmes" | "Dr" | "Prof" | "Gen" | "Sen" | "Sens"
        | "Rep" | "Reps" | "Gov" | "Govs" | "Col" | "Sgt" | "Lt" | "Capt" | "Cmdr" | "Cdr"
        | "Adm" | "Maj" | "Brig" | "Rev" | "Hon" | "Pres" | "Supt" | "Insp" | "Const" | "Det"
        | "Cpl" | "Pvt" | "Fr" | "Sr" | "Jr" | "Mt" | "Ft" | "Jan" | "Feb" | "Mar" | "Apr"
        | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "vs" | "cf" | "approx" | "Fig"
        | "fig" | "No" | "Nos" | "Vol" | "vol" | "pp" | "Ald" | "Atty" | "Gens" => true,
        "St" | "Inc" | "Corp" | "Co" | "Ltd" | "Bros" | "Dept" | "Univ" | "Assn" | "Ave"
        | "Blvd" | "Rd" | "etc" | "al" | "Esq" | "Calif" | "Mass" | "Conn" | "Ariz" | "Penn"
        | "Wash" | "Mich" | "Minn" | "Wis" | "Fla" | "Ga" | "Ill" | "Ind" | "Tenn" | "Tex"
        | "Okla" | "Ore" | "Colo" => false,
        _ => return None,
    };
    // A state abbreviation ("Ill.") is also an English word; "Sr."/"Jr." close names that often
    // close sentences too.
    Some(never_final && !matches!(word, "Sr" | "Jr"))
}

// Byte classes for the ASCII fast path.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;
const DIGIT: u8 = 16;
/// Characters that may continue a word: apostrophe, hyphen, "." "," ":" in numbers, "&".
const GLUE: u8 = 32;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            SPACE
        } else if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if matches!(c, b'\'' | b'-' | b'.' | b',' | b':' | b'&') {
            GLUE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Combining marks that continue a word written in decomposed form ("e" + U+0301).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

/// Characters that glue an emoji sequence together: joiners, variation selectors, skin tones,
/// keycaps and tag characters.
fn is_emoji_glue(c: char) -> bool {
    matches!(c as u32,
        0x200d | 0xfe0e | 0xfe0f | 0x1f3fb..=0x1f3ff | 0x20e3 | 0xe0020..=0xe007f)
        || is_combining_mark(c)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1f1e6..=0x1f1ff)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_sentence_mark(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

/// A cursor over `text` that counts code points as it moves.
struct Cursor<'t> {
    text: &'t str,
    bytes: &'t [u8],
    /// Byte position.
    i: usize,
    /// Code point position.
    cp: usize,
}

impl<'t> Cursor<'t> {
    /// The character at byte `i` and its length in bytes.
    #[inline]
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        let b = *self.bytes.get(i)?;
        if b < 0x80 {
            Some((b as char, 1))
        } else {
            let c = self.text[i..].chars().next()?;
            Some((c, c.len_utf8()))
        }
    }

    #[inline]
    fn advance(&mut self, len: usize) {
        self.i += len;
        self.cp += 1;
    }

    /// True when an apostrophe at byte `i` of length `len` starts a possessive "'s".
    fn possessive_at(&self, i: usize, len: usize) -> bool {
        matches!(self.bytes.get(i + len), Some(b's' | b'S'))
            && !self
                .char_at(i + len + 1)
                .is_some_and(|(c, _)| c.is_alphanumeric())
    }
}

/// Split `text` into tokens. Every character that is not white space is in exactly one token;
/// tokens come in order and do not overlap.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut cur = Cursor {
        text,
        bytes: text.as_bytes(),
        i: 0,
        cp: 0,
    };
    let n = text.len();
    while cur.i < n {
        let b = cur.bytes[cur.i];
        if b < 0x80 {
            let class = CLASS[b as usize];
            if class & SPACE != 0 {
                cur.i += 1;
                cur.cp += 1;
            } else if class & ALNUM != 0 {
                word(&mut cur, &mut out);
            } else {
                punct(&mut cur, &mut out, b as char, 1);
            }
        } else {
            let (c, len) = cur.char_at(cur.i).expect("in bounds");
            if c.is_whitespace() {
                cur.advance(len);
            } else if c.is_alphanumeric() {
                word(&mut cur, &mut out);
            } else {
                punct(&mut cur, &mut out, c, len);
            }
        }
    }
    out
}

fn punct(cur: &mut Cursor, out: &mut Vec<Token>, c: char, len: usize) {
    let (start, byte_start) = (cur.cp, cur.i);
    let mut kind = TokenKind::Punct;
    cur.advance(len);
    if is_apostrophe(c) && cur.possessive_at(byte_start, len) {
        cur.advance(1);
        kind = TokenKind::Possessive;
    } else if matches!(c, '.' | '!' | '?' | '-') {
        // "...", "?!", "--": one token each.
        while let Some((d, l)) = cur.char_at(cur.i) {
            let same_run = if c == '-' {
                d == '-'
            } else {
                matches!(d, '.' | '!' | '?')
            };
            if !same_run {
                break;
            }
            cur.advance(l);
        }
    } else if is_regional_indicator(c) {
        if let Some((d, l)) = cur.char_at(cur.i)
            && is_regional_indicator(d)
        {
            cur.advance(l);
        }
    } else if !c.is_ascii() {
        // An emoji with its modifiers, or a symbol with combining marks, is one token.
        while let Some((d, l)) = cur.char_at(cur.i) {
            if d == '\u{200d}' {
                cur.advance(l);
                if let Some((e, l2)) = cur.char_at(cur.i)
                    && !e.is_whitespace()
                {
                    cur.advance(l2);
                }
            } else if is_emoji_glue(d) {
                cur.advance(l);
            } else {
                break;
            }
        }
    }
    out.push(Token {
        start,
        end: cur.cp,
        byte_start,
        byte_len: (cur.i - byte_start) as u32,
        kind,
        flags: 0,
    });
}

fn word(cur: &mut Cursor, out: &mut Vec<Token>) {
    let (start, byte_start) = (cur.cp, cur.i);
    let bytes = cur.bytes;
    let n = bytes.len();
    let (mut has_upper, mut has_lower, mut has_alpha) = (false, false, false);
    let mut first_upper = None;
    let mut last_digit = false;
    let mut last_upper = false;
    loop {
        // The ASCII letters and digits of the word, a byte at a time.
        let run_start = cur.i;
        let mut seen = 0u8;
        let mut i = cur.i;
        while i < n {
            let class = CLASS[bytes[i] as usize];
            if class & ALNUM == 0 {
                break;
            }
            seen |= class;
            i += 1;
        }
        if i > run_start {
            let last = CLASS[bytes[i - 1] as usize];
            first_upper.get_or_insert(CLASS[bytes[run_start] as usize] & UPPER != 0);
            has_upper |= seen & UPPER != 0;
            has_lower |= seen & LOWER != 0;
            has_alpha |= seen & (UPPER | LOWER) != 0;
            last_digit = last & DIGIT != 0;
            last_upper = last & UPPER != 0;
            cur.cp += i - run_start;
            cur.i = i;
        }
        // Most words end at a space or a comma: no need to look closer.
        if i >= n || (bytes[i] < 0x80 && CLASS[bytes[i] as usize] & GLUE == 0) {
            break;
        }
        // Anything else, a character at a time.
        let Some((c, len)) = cur.char_at(cur.i) else {
            break;
        };
        if !c.is_ascii() && c.is_alphanumeric() {
            let (upper, lower) = (c.is_uppercase(), c.is_lowercase());
            has_upper |= upper;
            has_lower |= lower;
            has_alpha |= !c.is_numeric();
            first_upper.get_or_insert(upper);
            last_digit = c.is_numeric();
            last_upper = upper;
            cur.advance(len);
            continue;
        }
        if is_combining_mark(c) && first_upper.is_some() {
            cur.advance(len);
            continue;
        }
        let next = cur.char_at(cur.i + len);
        let next_alnum = next.is_some_and(|(d, _)| d.is_alphanumeric());
        let glue = if is_apostrophe(c) {
            next_alnum && !cur.possessive_at(cur.i, len)
        } else if is_hyphen(c) {
            // A number before a name is a line-up's shirt number: "15-Hamish Sinclair".
            next_alnum
                && (has_alpha || !next.is_some_and(|(d, _)| d.is_uppercase()))
                && !(has_upper && !has_lower && glued_slug(cur.text, byte_start, cur.i))
        } else if matches!(c, '.' | ',' | ':') {
            last_digit && next.is_some_and(|(d, _)| d.is_ascii_digit())
        } else if c == '&' {
            last_upper && next.is_some_and(|(d, _)| d.is_uppercase())
        } else {
            false
        };
        if !glue {
            break;
        }
        last_digit = false;
        last_upper = false;
        cur.advance(len);
    }
    let mut flags = 0;
    if first_upper == Some(true) {
        flags |= CAPITALISED;
    }
    if has_upper && !has_lower {
        flags |= ALL_CAPS;
    }
    if cur.bytes.get(cur.i) == Some(&b'.') {
        flags |= abbreviation_period(cur, byte_start);
    }
    out.push(Token {
        start,
        end: cur.cp,
        byte_start,
        byte_len: (cur.i - byte_start) as u32,
        kind: if has_alpha {
            TokenKind::Word
        } else {
            TokenKind::Number
        },
        flags,
    });
}

/// Whether the capitals `text[start..end]`, before a hyphen, are a wire desk's slug opening the
/// line ("SOCCER-JUAZEIRO SELL…", "HORSE RACING-DESERT LANTERN…"): the headline's first word
/// is then a word of its own, and may be a name. Only words in capitals and spaces may come
/// before it on the line.
fn glued_slug(text: &str, start: usize, end: usize) -> bool {
    // A slug's line starts at most 16 bytes before its last word: look no further back, so a
    // long line in capitals costs no more than a short one.
    let bytes = text.as_bytes();
    let from = start.saturating_sub(17);
    let line_start = match bytes[from..start].iter().rposition(|&b| b == b'\n') {
        Some(k) => from + k + 1,
        None if from == 0 => 0,
        None => return false,
    };
    bytes[line_start..end]
        .iter()
        .all(|&b| b.is_ascii_uppercase() || b == b' ')
        && is_wire_slug(text[line_start..end].trim_start())
}

/// The word `text[byte_start..cur.i]` is followed by a period: take the period (and any further
/// dotted letters, "U.S.A.") when the word is an abbreviation or an initial. Returns the flags
/// to add.
fn abbreviation_period(cur: &mut Cursor, byte_start: usize) -> u8 {
    let bytes = cur.bytes;
    let word = &cur.text[byte_start..cur.i];
    let at = |k: usize| bytes.get(k).copied().unwrap_or(0);
    // An ellipsis is not an abbreviation's period.
    if at(cur.i + 1) == b'.' {
        return 0;
    }
    let single = {
        let mut cs = word.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
    };
    if single && at(cur.i + 1).is_ascii_alphabetic() && at(cur.i + 2) == b'.' {
        // Dotted letters: "U.S.", "D.C.", "a.m.", "e.g.".
        while at(cur.i) == b'.' && at(cur.i + 1).is_ascii_alphabetic() && at(cur.i + 2) == b'.' {
            cur.i += 2;
            cur.cp += 2;
        }
        cur.i += 1;
        cur.cp += 1;
        let e_g = matches!(
            &cur.text[byte_start..cur.i],
            "e.g." | "i.e." | "E.g." | "I.e."
        );
        return ABBREVIATION | if e_g { NEVER_FINAL } else { 0 };
    }
    if single && word.chars().next().is_some_and(char::is_uppercase) {
        cur.i += 1;
        cur.cp += 1;
        return ABBREVIATION | INITIAL | NEVER_FINAL;
    }
    let Some(never_final) = abbreviation(word) else {
        return 0;
    };
    if matches!(word, "No" | "Nos") {
        // "No. 10", but "The answer was No."
        let mut k = cur.i + 1;
        while at(k) == b' ' {
            k += 1;
        }
        if !at(k).is_ascii_digit() {
            return 0;
        }
    }
    cur.i += 1;
    cur.cp += 1;
    ABBREVIATION | if never_final { NEVER_FINAL } else { 0 }
}

/// Capitalised words that usually open a sentence, so that an abbreviation such as "U.S." or
/// "Inc." before them ends one ("… in the U.S. The …").
fn opens_sentence(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "However"
            | "In"
            | "On"
            | "At"
            | "For"
            | "With"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "If"
            | "As"
            | "Since"
            | "Although"
            | "Meanwhile"
            | "Still"
            | "Also"
            | "Then"
            | "Now"
            | "Many"
            | "Some"
            | "Most"
            | "Other"
            | "Last"
            | "Earlier"
            | "Later"
            | "Officials"
            | "Police"
    )
}

fn is_closer(tok: &Token, text: &str, attached: bool) -> bool {
    match tok.text(text) {
        "”" | "’" | "»" | "›" | ")" | "]" | "}" => true,
        // A straight quote closes when it touches what it closes.
        "\"" | "'" => attached,
        _ => false,
    }
}

fn line_break_between(text: &str, a: &Token, b: &Token) -> bool {
    text[a.byte_end()..b.byte_start]
        .chars()
        .any(|c| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
}

/// Whether a sentence can start at `tok`: not a lower-case word and not a comma or the like.
fn can_open(tok: &Token, text: &str) -> bool {
    let Some(c) = tok.text(text).chars().next() else {
        return true;
    };
    !(c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | ']' | '}'))
}

/// Sentences as token index ranges `start..end`, covering all `tokens` in order. A sentence ends
/// at ". ! ?" (with the closing quotes and brackets that follow it), unless the next word is
/// lower case; not after an abbreviation or an initial, unless an abbreviation like "U.S." is
/// followed by a word that typically opens a sentence; and always at a line break.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let n = tokens.len();
    while i < n {
        let t = &tokens[i];
        let mut last = i;
        let boundary = if i + 1 == n || line_break_between(text, t, &tokens[i + 1]) {
            true
        } else if t.kind == TokenKind::Punct && t.text(text).chars().all(is_sentence_mark) {
            let mut j = i + 1;
            while j < n
                && !line_break_between(text, &tokens[j - 1], &tokens[j])
                && is_closer(
                    &tokens[j],
                    text,
                    tokens[j].byte_start == tokens[j - 1].byte_end(),
                )
            {
                j += 1;
            }
            last = j - 1;
            j == n
                || line_break_between(text, &tokens[j - 1], &tokens[j])
                || can_open(&tokens[j], text)
        } else if t.is_abbreviation() && !t.never_ends_sentence() {
            let next = &tokens[i + 1];
            next.is_capitalised() && opens_sentence(next.text(text))
        } else {
            false
        };
        if boundary {
            out.push((start, last + 1));
            start = last + 1;
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    fn sentence_texts(s: &str) -> Vec<String> {
        let toks = tokenize(s);
        sentences(s, &toks)
            .into_iter()
            .map(|(a, b)| s[toks[a].byte_start..toks[b - 1].byte_end()].to_string())
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_and_hyphens_but_not_possessives() {
        assert_eq!(
            texts("O'Brien's don't Rhine-Westphalia’s al-Assad"),
            [
                "O'Brien",
                "'s",
                "don't",
                "Rhine-Westphalia",
                "’s",
                "al-Assad"
            ]
        );
        assert_eq!(texts("Trump 's plan"), ["Trump", "'s", "plan"]);
        assert_eq!(
            texts("the workers' union"),
            ["the", "workers", "'", "union"]
        );
        assert_eq!(texts("‘sorry’"), ["‘", "sorry", "’"]);
        let toks = tokenize("Merkel's");
        assert_eq!(toks[1].kind, TokenKind::Possessive);
        // A shirt number before a name is apart; scores, "F-16" and "2-for-1" stay whole.
        assert_eq!(
            texts("15-Hamish Sinclair, 2-1, F-16, 2-for-1"),
            [
                "15", "-", "Hamish", "Sinclair", ",", "2-1", ",", "F-16", ",", "2-for-1"
            ]
        );
    }

    #[test]
    fn a_desk_slug_glued_to_a_headline_is_a_word_of_its_own() {
        assert_eq!(
            texts("SOCCER-JUAZEIRO SELL NDIAYE-SARR TO AL-RIMAL"),
            [
                "SOCCER",
                "-",
                "JUAZEIRO",
                "SELL",
                "NDIAYE-SARR",
                "TO",
                "AL-RIMAL"
            ]
        );
        assert_eq!(
            texts("Results\nHORSE RACING-DESERT LANTERN WINS"),
            [
                "Results", "HORSE", "RACING", "-", "DESERT", "LANTERN", "WINS"
            ]
        );
        assert_eq!(texts("FOREX-YEN JUMPS"), ["FOREX", "-", "YEN", "JUMPS"]);
        // Not at the line's start, not a slug, or not in capitals: one word.
        assert_eq!(
            texts("says SOCCER-MAD fans"),
            ["says", "SOCCER-MAD", "fans"]
        );
        assert_eq!(texts("ASIA-PACIFIC SALES"), ["ASIA-PACIFIC", "SALES"]);
        assert_eq!(texts("Golf-mad Fife"), ["Golf-mad", "Fife"]);
    }

    #[test]
    fn numbers_abbreviations_and_initials() {
        let s = "Mr. Smith paid $200,000 (3.5%) at 9:30 a.m. in the U.S. on Jan. 5, 2015.";
        assert_eq!(
            texts(s),
            [
                "Mr.", "Smith", "paid", "$", "200,000", "(", "3.5", "%", ")", "at", "9:30", "a.m.",
                "in", "the", "U.S.", "on", "Jan.", "5", ",", "2015", "."
            ]
        );
        let toks = tokenize(s);
        assert_eq!(toks[4].kind, TokenKind::Number);
        assert!(toks[0].is_abbreviation() && toks[0].never_ends_sentence());
        assert!(toks[14].is_all_caps() && toks[14].is_abbreviation());
        assert!(!toks[14].never_ends_sentence());
        let j = tokenize("Michael J. Fox");
        assert!(j[1].is_initial());
        assert_eq!(
            texts("AT&T and S&P, not A & B"),
            ["AT&T", "and", "S&P", ",", "not", "A", "&", "B"]
        );
        assert_eq!(texts("No. 10 said no."), ["No.", "10", "said", "no", "."]);
        assert_eq!(texts("Wait... what?!"), ["Wait", "...", "what", "?!"]);
    }

    #[test]
    fn shape_flags() {
        let s = "Obama IMF iPhone Élysée F-16 I";
        let toks = tokenize(s);
        let caps: Vec<_> = toks
            .iter()
            .map(|t| (t.is_capitalised(), t.is_all_caps()))
            .collect();
        assert_eq!(
            caps,
            [
                (true, false),
                (true, true),
                (false, false),
                (true, false),
                (true, true),
                (true, true)
            ]
        );
    }

    #[test]
    fn offsets_are_code_points() {
        let s = "Zoë 👍🏽 said “José Müller” 🇺🇸!";
        let toks = tokenize(s);
        let chars: Vec<char> = s.chars().collect();
        for t in &toks {
            let by_cp: String = chars[t.start..t.end].iter().collect();
            assert_eq!(by_cp, t.text(s));
        }
        assert_eq!(
            texts(s),
            ["Zoë", "👍🏽", "said", "“", "José", "Müller", "”", "🇺🇸", "!"]
        );
        // Decomposed accents stay inside the word.
        assert_eq!(texts("Jose\u{301} said"), ["Jose\u{301}", "said"]);
    }

    #[test]
    fn sentences_end_at_marks_not_after_abbreviations() {
        assert_eq!(
            sentence_texts("Mr. Smith met Dr. J. Doe on Jan. 5. They talked. Gen. Lee left!"),
            [
                "Mr. Smith met Dr. J. Doe on Jan. 5.",
                "They talked.",
                "Gen. Lee left!"
            ]
        );
        assert_eq!(
            sentence_texts("He lives in the U.S. The move was planned by Acme Inc. in 2019."),
            [
                "He lives in the U.S.",
                "The move was planned by Acme Inc. in 2019."
            ]
        );
        assert_eq!(
            sentence_texts("U.S. President Joe Biden spoke."),
            ["U.S. President Joe Biden spoke."]
        );
    }

    #[test]
    fn closing_quotes_belong_to_the_sentence() {
        assert_eq!(
            sentence_texts("“We will win.” She smiled. He said \"No!\" Then (quietly.) he left."),
            [
                "“We will win.”",
                "She smiled.",
                "He said \"No!\"",
                "Then (quietly.) he left."
            ]
        );
        // A lower-case word after the mark continues the sentence.
        assert_eq!(
            sentence_texts("“Are you sure?” she asked. Yes."),
            ["“Are you sure?” she asked.", "Yes."]
        );
    }

    #[test]
    fn line_breaks_end_sentences_crlf_included() {
        assert_eq!(
            sentence_texts("Headline Without Stop\r\nFirst line\r\n\r\nSecond, 😀 emoji."),
            ["Headline Without Stop", "First line", "Second, 😀 emoji."]
        );
        assert!(sentences("", &[]).is_empty());
        assert_eq!(sentence_texts("   "), Vec::<String>::new());
    }

    #[test]
    fn accented_names_and_quotes() {
        let s = "François Hollande’s aide, Jörg Asmussen, said: “Ça va.” Ségolène Royal agreed.";
        assert_eq!(
            sentence_texts(s),
            [
                "François Hollande’s aide, Jörg Asmussen, said: “Ça va.”",
                "Ségolène Royal agreed."
            ]
        );
        let toks = tokenize(s);
        assert!(toks[0].is_capitalised() && toks[5].is_capitalised());
    }

    proptest! {
        #[test]
        fn tokens_cover_every_non_space_character_in_order(
            text in "([A-Za-z0-9 .,'’!?\\-&\"“”\n\r]|\\PC){0,200}"
        ) {
            let toks = tokenize(&text);
            let chars: Vec<char> = text.chars().collect();
            let mut covered = vec![false; chars.len()];
            let mut prev_end = 0;
            for t in &toks {
                prop_assert!(t.start < t.end && t.end <= chars.len());
                prop_assert!(t.start >= prev_end);
                prev_end = t.end;
                let by_cp: String = chars[t.start..t.end].iter().collect();
                prop_assert_eq!(by_cp.as_str(), t.text(&text));
                for c in &mut covered[t.start..t.end] {
                    *c = true;
                }
            }
            for (k, c) in chars.iter().enumerate() {
                prop_assert_eq!(covered[k], !c.is_whitespace(), "char {} {:?}", k, c);
            }
            let sents = sentences(&text, &toks);
            let mut at = 0;
            for (a, b) in sents {
                prop_assert!(a == at && b > a);
                at = b;
            }
            prop_assert_eq!(at, toks.len());
        }
    }
}
