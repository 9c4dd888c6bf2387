//! The document as the rules see it ([`RuleText`]): tokens, sentences and lines, which
//! sentences are Title Case headlines and which lines are in capitals or a list, the positions
//! where a capital says nothing, and what the rest of the document says about a capitalised word
//! there ([`Evidence`], Mikheev's document-centred question). Also the other engines' known names
//! lined up with tokens.

use std::cell::OnceCell;
use std::collections::HashSet;

use crate::matcher::model::usually_lower;
use crate::text::{Token, TokenKind, sentences, tickers, tokenize};

use super::lexicons::{is_score, is_sports_word};
use super::organisations::{is_market_index, is_market_verb};
use super::words::{
    is_club_opener, is_never_name, is_org_opener, is_particle, is_particle_prefixed, is_sport_slug,
    is_title_core, is_title_modifier,
};
use super::{FastSet, Known, Rules};

/// What the rest of the document says about a capitalised word at an ambiguous position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Evidence {
    Name,
    NotName,
    Unknown,
}

pub(super) struct RuleText<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<Token>,
    /// Token index → sentence index.
    pub(super) sentence: Vec<u32>,
    /// Sentence index → token range.
    pub(super) sentences: Vec<(usize, usize)>,
    /// Sentences written in Title Case (headlines), where capitals say nothing.
    pub(super) headline: Vec<bool>,
    /// Token index → line index.
    pub(super) line: Vec<u32>,
    /// Line index → token range.
    pub(super) lines: Vec<(usize, usize)>,
    /// Lines written in capitals ("SOCCER - BARCELONA BEAT MILAN"): only cross-case evidence.
    pub(super) caps_line: Vec<bool>,
    /// Lines of a list or a table ("1. Maria Lopez (Spain) 2:21:05", "Squad: A, B, C"): capitals
    /// there are names, not a headline's.
    pub(super) list_line: Vec<bool>,
    /// Positions where a capital says nothing: sentence starts, after an opening quote or colon.
    pub(super) ambiguous: Vec<bool>,
    /// Words seen starting with a lower-case letter.
    pub(super) lower: FastSet<'a>,
    /// Capitalised words seen at an unambiguous position.
    pub(super) cap_mid: FastSet<'a>,
    /// Two capitalised words in a row seen at an unambiguous position ("New Zealand").
    pub(super) cap_pairs: FastSet<'a>,
    /// Token index → index into `known` of a known span covering it.
    pub(super) known_cover: Vec<Option<u32>>,
    pub(super) known: &'a [Known],
    /// Token ranges of the known spans that line up with tokens.
    pub(super) known_tokens: Vec<Option<(usize, usize)>>,
    pub(super) known_ranges: HashSet<(usize, usize, &'a str)>,
    /// Tokens of a stock ticker ("TLR", ".", "TO" of "TLR.TO"): never part of a name.
    pub(super) ticker: Vec<bool>,
    /// What the whole story is about, asked by rules for one name and worked out once: a
    /// score or a sports word anywhere; "shares" or a share index anywhere; the share indices'
    /// names it uses for the index ("Nikkei 41,236.58", "the Nikkei average rose").
    sport_story: OnceCell<bool>,
    sport_words: OnceCell<bool>,
    market_report: OnceCell<bool>,
    indices: OnceCell<Vec<&'a str>>,
}

impl<'a> RuleText<'a> {
    pub(super) fn new(text: &'a str, known: &'a [Known]) -> Self {
        let toks = tokenize(text);
        let sents = sentences(text, &toks);
        let (line, lines) = split_lines(text, &toks);
        let caps_line: Vec<bool> = lines
            .iter()
            .map(|&(a, b)| is_caps_line(text, &toks[a..b]))
            .collect();
        let list_line: Vec<bool> = lines
            .iter()
            .map(|&(a, b)| is_list_line(text, &toks[a..b]))
            .collect();
        let mut sentence = vec![0u32; toks.len()];
        let mut ambiguous = vec![false; toks.len()];
        let mut headline = Vec::with_capacity(sents.len());
        for (k, &(a, b)) in sents.iter().enumerate() {
            sentence[a..b].iter_mut().for_each(|s| *s = k as u32);
            // The first word, after any opening punctuation.
            if let Some(first) = (a..b).find(|&i| toks[i].kind != TokenKind::Punct) {
                ambiguous[first] = true;
            }
            // A list or a table is not a headline, though every word in it is capitalised; a line
            // in capitals is one whatever its shape.
            let listed = a < b && list_line[line[a] as usize] && !caps_line[line[a] as usize];
            headline.push(!listed && is_headline(text, &toks[a..b]));
        }
        for i in 1..toks.len() {
            let prev = &toks[i - 1];
            if prev.kind == TokenKind::Punct {
                let p = prev.text(text);
                let opening_quote = matches!(p, "“" | "‘" | "«" | "„")
                    || (matches!(p, "\"" | "'")
                        && (i < 2 || toks[i - 2].byte_end() < prev.byte_start));
                if opening_quote || matches!(p, ":" | "•") {
                    ambiguous[i] = true;
                }
            }
        }
        let mut lower = FastSet::default();
        let mut cap_mid = FastSet::default();
        let mut cap_pairs = FastSet::default();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.text(text);
            if w.as_bytes()[0].is_ascii_lowercase()
                || (!w.is_ascii() && w.chars().next().is_some_and(char::is_lowercase))
            {
                lower.insert(w);
            } else if t.is_capitalised()
                && !ambiguous[i]
                && !headline[sentence[i] as usize]
                && !t.is_all_caps()
            {
                cap_mid.insert(w);
                if let Some(next) = toks.get(i + 1)
                    && next.kind == TokenKind::Word
                    && next.is_capitalised()
                    && sentence[i + 1] == sentence[i]
                {
                    cap_pairs.insert(&text[t.byte_start..next.byte_end()]);
                }
            }
        }
        let mut known_cover = vec![None; toks.len()];
        let mut known_tokens = Vec::with_capacity(known.len());
        let mut known_ranges = HashSet::new();
        for (k, kn) in known.iter().enumerate() {
            known_ranges.insert((kn.start, kn.end, kn.label.as_str()));
            let a = toks.partition_point(|t| t.end <= kn.start);
            let b = toks.partition_point(|t| t.start < kn.end);
            for c in known_cover.iter_mut().take(b).skip(a) {
                *c = Some(k as u32);
            }
            let aligned = a < b && toks[a].start == kn.start && toks[b - 1].end == kn.end;
            known_tokens.push(aligned.then_some((a, b)));
        }
        let mut ticker = vec![false; toks.len()];
        for t in tickers(text) {
            let a = toks.partition_point(|k| k.byte_end() <= t.start);
            for (k, flag) in ticker.iter_mut().enumerate().skip(a) {
                if toks[k].byte_start >= t.end {
                    break;
                }
                *flag = true;
            }
        }
        RuleText {
            text,
            toks,
            sentence,
            sentences: sents,
            headline,
            line,
            lines,
            caps_line,
            list_line,
            ambiguous,
            lower,
            cap_mid,
            cap_pairs,
            known_cover,
            known,
            known_tokens,
            known_ranges,
            ticker,
            sport_story: OnceCell::new(),
            sport_words: OnceCell::new(),
            market_report: OnceCell::new(),
            indices: OnceCell::new(),
        }
    }

    /// Whether the story is about sport: a headline opening with a sport ("RUGBY UNION -"), a
    /// score ("2-1") or a word only sport uses.
    pub(super) fn is_sport_story(&self) -> bool {
        *self.sport_story.get_or_init(|| {
            self.is_sport_story_by_words()
                || (0..self.toks.len()).any(|k| {
                    (self.toks[k].kind == TokenKind::Number && is_score(self.word(k)))
                        // A table's heading: "Standings:", "STANDINGS".
                        || self.word(k).eq_ignore_ascii_case("standings")
                })
        })
    }

    /// Whether the story is about sport by its slug or a sports word, a score aside ("the
    /// court's 6-3 ruling" makes no sports report of its own).
    pub(super) fn is_sport_story_by_words(&self) -> bool {
        *self.sport_words.get_or_init(|| {
            let slug = |n: usize| n <= self.toks.len() && is_sport_slug(self.text_of(0, n));
            slug(1)
                || slug(2)
                || (0..self.toks.len()).any(|k| self.is_lower_word(k, is_sports_word))
        })
    }

    /// Whether the story reports a share market: "shares", "stocks" or an index's name in it.
    pub(super) fn is_market_report(&self) -> bool {
        *self.market_report.get_or_init(|| {
            (0..self.toks.len()).any(|k| {
                self.is_lower_word(k, |w| matches!(w, "shares" | "stocks"))
                    || is_market_index(self.word(k))
            })
        })
    }

    /// Whether the story uses the one-word `name` for a share index: followed somewhere by a
    /// figure, a market verb, "average", "index", "share", "closed" or "ended".
    pub(super) fn is_index_here(&self, name: &str) -> bool {
        self.indices
            .get_or_init(|| {
                let mut out: Vec<&'a str> = (0..self.toks.len().saturating_sub(1))
                    .filter(|&k| {
                        is_market_index(self.word(k))
                            && (self.toks[k + 1].kind == TokenKind::Number
                                || self.is_lower_word(k + 1, |w| {
                                    is_market_verb(w)
                                        || matches!(
                                            w,
                                            "average" | "index" | "share" | "closed" | "ended"
                                        )
                                }))
                    })
                    .map(|k| self.word(k))
                    .collect();
                out.sort_unstable();
                out.dedup();
                out
            })
            .contains(&name)
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokenKind::Word
    }

    /// A lower-case word at `i` equal to one of `words`.
    pub(super) fn is_lower_word(&self, i: usize, pred: impl Fn(&str) -> bool) -> bool {
        self.is_word(i) && !self.toks[i].is_capitalised() && pred(self.word(i))
    }

    pub(super) fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence[a] == self.sentence[b]
    }

    pub(super) fn in_headline(&self, i: usize) -> bool {
        self.headline[self.sentence[i] as usize]
    }

    /// A word that can be part of a name: capitalised, or a particle glued to one ("al-Assad").
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let t = &self.toks[i];
        let w = self.word(i);
        if t.is_capitalised() {
            !is_never_name(w)
        } else {
            is_particle_prefixed(w)
        }
    }

    pub(super) fn text_of(&self, s: usize, e: usize) -> &'a str {
        &self.text[self.toks[s].byte_start..self.toks[e - 1].byte_end()]
    }

    pub(super) fn lower_seen(&self, w: &str) -> bool {
        if w.is_ascii() {
            let mut buf = [0u8; 64];
            if w.len() <= buf.len() {
                let b = &mut buf[..w.len()];
                b.copy_from_slice(w.as_bytes());
                b[0] = b[0].to_ascii_lowercase();
                // Only the first letter: "McDonald" is not "mcdonald".
                return std::str::from_utf8(b).is_ok_and(|l| self.lower.contains(l));
            }
        }
        let mut cs = w.chars();
        let first: String = cs
            .next()
            .map(|c| c.to_lowercase().collect())
            .unwrap_or_default();
        self.lower
            .contains(format!("{first}{}", cs.as_str()).as_str())
    }

    /// Mikheev's question for a capitalised word where capitals say nothing.
    pub(super) fn evidence(&self, i: usize, rules: &Rules) -> Evidence {
        let w = self.word(i);
        if self.known_cover[i].is_some() || is_title_core(w) || is_title_modifier(w) {
            return Evidence::Name;
        }
        if self.lower_seen(w) {
            return Evidence::NotName;
        }
        if self.cap_mid.contains(w) {
            return Evidence::Name;
        }
        if rules.first_names.get(w).is_some_and(|f| !f.ambiguous) {
            return Evidence::Name;
        }
        let t = &self.toks[i];
        if t.is_all_caps() && t.len() >= 2 && !self.in_headline(i) {
            return Evidence::Name;
        }
        // Nothing in the document: running text elsewhere says whether the word is a name
        // ("Net profit rose", "Revenue dropped": "net" and "revenue" are written capitalised
        // at most one time in ten; "smith" nine). A hyphenated word by its first part
        // ("Domestic-oriented shares").
        // Not for a word that names open with: a first name that is also a word ("Faith",
        // "Grace"), a club's or company's opening word ("Real", "Banco").
        // (Names the lists know are Names above: "Air France", "Standard Chartered".)
        if !t.is_all_caps()
            && !rules.first_names.contains_key(w)
            && !is_club_opener(w)
            && !is_org_opener(w)
            && usually_lower(w)
        {
            return Evidence::NotName;
        }
        Evidence::Unknown
    }

    /// The label of the name another engine found over token `i`, if one covers it.
    pub(super) fn covered_as(&self, i: usize) -> Option<&'a str> {
        self.known_cover[i].map(|k| self.known[k as usize].label.as_str())
    }

    pub(super) fn known_label(&self, s: usize, e: usize) -> Option<&'a str> {
        let (start, end) = (self.toks[s].start, self.toks[e - 1].end);
        self.known_cover[s]
            .map(|k| &self.known[k as usize])
            .filter(|k| k.start == start && k.end == end)
            .map(|k| k.label.as_str())
    }
}

/// A sentence in Title Case: every word capitalised but the small ones Title Case leaves alone,
/// and no full stop. "Officials met President Barack Obama." has "met", so it is a sentence.
fn is_headline(text: &str, toks: &[Token]) -> bool {
    let mut caps = 0;
    for t in toks {
        if t.kind != TokenKind::Word {
            continue;
        }
        if t.is_capitalised() {
            caps += 1;
        } else if !matches!(
            t.text(text),
            "a" | "an"
                | "the"
                | "and"
                | "or"
                | "nor"
                | "but"
                | "of"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "by"
                | "as"
                | "vs"
                | "vs."
                | "with"
                | "from"
                | "into"
                | "over"
        ) {
            return false;
        }
    }
    caps >= 3 && toks.last().is_none_or(|t| t.text(text) != ".")
}

/// Token index → line index, and each line's token range.
fn split_lines(text: &str, toks: &[Token]) -> (Vec<u32>, Vec<(usize, usize)>) {
    let mut line = vec![0u32; toks.len()];
    let mut lines = Vec::new();
    let mut start = 0;
    for i in 0..toks.len() {
        if i > 0 && text[toks[i - 1].byte_end()..toks[i].byte_start].contains(['\n', '\r']) {
            lines.push((start, i));
            start = i;
        }
        line[i] = lines.len() as u32;
    }
    if start < toks.len() {
        lines.push((start, toks.len()));
    }
    (line, lines)
}

/// A word of two letters or more.
fn is_long_word(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.len() >= 2
}

/// A line in capitals: at least two words, and every word of two letters or more in capitals.
fn is_caps_line(text: &str, toks: &[Token]) -> bool {
    let mut words = 0;
    for t in toks.iter().filter(|t| is_long_word(t)) {
        if !t.is_all_caps() {
            return false;
        }
        if t.text(text).chars().any(char::is_alphabetic) {
            words += 1;
        }
    }
    words >= 2
}

/// Lower-case words that may stand in a table or a list of names.
pub(super) fn is_list_filler(w: &str) -> bool {
    is_particle(w)
        || matches!(
            w,
            "and" | "v" | "vs" | "vs." | "c" | "b" | "st" | "nd" | "rd" | "th"
        )
}

/// A line of a list or a table: a rank or a bullet first ("1. Maria Lopez …", "- Ann Wu"),
/// after a heading ("Men's 100 metres: 1. …"), or
/// no ordinary lower-case word and either two numbers ("Barcelona 10 7 2 1") or two commas
/// ("Squad: A, B, C").
fn is_list_line(text: &str, toks: &[Token]) -> bool {
    let Some(first) = toks.first() else {
        return false;
    };
    let ranked = (first.kind == TokenKind::Number
        && toks
            .get(1)
            .is_some_and(|t| matches!(t.text(text), "." | ")")))
        || (matches!(first.text(text), "-" | "*" | "•" | "–")
            && toks.get(1).is_some_and(|t| t.is_capitalised()));
    // "Women's 400 metres hurdles: 1. Naledi Mokoena (South Africa) 53.88 2. …": a heading,
    // then the ranks.
    let rank_at = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
            && toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.text(text), "." | ")"))
    };
    let headed = toks
        .iter()
        .take(8)
        .position(|t| t.text(text) == ":")
        .is_some_and(|k| rank_at(k + 1));
    if ranked || headed {
        return true;
    }
    let mut numbers = 0;
    let mut commas = 0;
    let mut in_note = false;
    for (i, t) in toks.iter().enumerate() {
        // A note in brackets after the figures is no sentence: "Volendam 3 Feyenoord 2 (aet)",
        // the scorers "Molde 2 (Berg 2, Dahl) Tromsø 1 (Sæther deciding penalty)".
        if in_note {
            in_note = t.text(text) != ")";
            continue;
        }
        if i > 0 && toks[i - 1].kind == TokenKind::Number && t.text(text) == "(" {
            in_note = true;
            continue;
        }
        match t.kind {
            TokenKind::Number => numbers += 1,
            TokenKind::Punct if t.text(text) == "," => commas += 1,
            // An amateur's mark in a leaderboard: "Eoin Fahy (a) (Norway) 71 67 69".
            TokenKind::Word
                if t.text(text) == "a"
                    && i > 0
                    && toks[i - 1].text(text) == "("
                    && toks.get(i + 1).is_some_and(|n| n.text(text) == ")") => {}
            TokenKind::Word if !t.is_capitalised() && !is_list_filler(t.text(text)) => {
                return false;
            }
            _ => {}
        }
    }
    numbers >= 2 || commas >= 2
}
