//! The document as the quotation sieves see it: tokens, sentences, paragraphs, the known
//! mentions lined up with tokens, and which tokens lie inside quote marks.
//!
//! A paragraph is a line. A line that starts with a lower-case word continues the paragraph
//! before it: news never starts a paragraph that way, while sentence-per-line texts (tokenised
//! corpora, hard-wrapped fiction) break a sentence like "“Is it?” ⏎ cried his wife." there.

use crate::text::{Token, TokenKind, sentences, tokenize};

use super::KnownMention;

/// No index: a `u32` sentinel, so per-token tables stay small.
pub(super) const NONE: u32 = u32::MAX;

/// The text as the quotation sieves see it (the rules engine has its own, `rules::RuleText`).
pub(super) struct QuoteText<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    /// Sentence index → token range.
    pub sents: Vec<(usize, usize)>,
    /// Token → sentence index.
    pub sent_of: Vec<u32>,
    /// Token → paragraph index.
    pub para_of: Vec<u32>,
    /// Paragraph index → token range.
    pub paras: Vec<(usize, usize)>,
    pub mentions: &'a [KnownMention],
    /// Token → index of the known mention covering it, or `NONE`.
    pub mention_of: Vec<u32>,
    /// Mention → its token range, when it lines up with tokens.
    pub mention_toks: Vec<Option<(usize, usize)>>,
    /// Token → 1 + index of the direct quote whose marks enclose it (marks included), or 0.
    pub quote_of: Vec<u32>,
}

impl<'a> QuoteText<'a> {
    pub fn new(text: &'a str, mentions: &'a [KnownMention]) -> Self {
        let toks = tokenize(text);
        let sents = sentences(text, &toks);
        let mut sent_of = vec![0u32; toks.len()];
        for (k, &(a, b)) in sents.iter().enumerate() {
            for s in &mut sent_of[a..b] {
                *s = k as u32;
            }
        }
        let mut para_of = vec![0u32; toks.len()];
        let mut paras = Vec::new();
        let mut start = 0;
        for i in 0..toks.len() {
            if i > 0 && line_break_before(text, &toks, i) && !starts_lower(text, &toks[i]) {
                paras.push((start, i));
                start = i;
            }
            para_of[i] = paras.len() as u32;
        }
        if !toks.is_empty() {
            paras.push((start, toks.len()));
        }
        let mut mention_of = vec![NONE; toks.len()];
        let mut mention_toks = Vec::with_capacity(mentions.len());
        for (m, km) in mentions.iter().enumerate() {
            let a = toks.partition_point(|t| t.start < km.start);
            let b = toks.partition_point(|t| t.end <= km.end);
            let aligned = a < b && toks[a].start == km.start && toks[b - 1].end == km.end;
            if aligned {
                for slot in &mut mention_of[a..b] {
                    if *slot == NONE {
                        *slot = m as u32;
                    }
                }
                mention_toks.push(Some((a, b)));
            } else {
                mention_toks.push(None);
            }
        }
        let quote_of = vec![0; toks.len()];
        Self {
            text,
            toks,
            sents,
            sent_of,
            para_of,
            paras,
            mentions,
            mention_of,
            mention_toks,
            quote_of,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i`.
    pub fn w(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Word
    }

    /// A word whose first letter is lower case.
    pub fn is_lower(&self, i: usize) -> bool {
        self.is_word(i) && starts_lower(self.text, &self.toks[i])
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.toks[i].is_capitalised()
    }

    /// Token `i` is `word`, ignoring ASCII case.
    pub fn is(&self, i: usize, word: &str) -> bool {
        i < self.toks.len() && self.w(i).eq_ignore_ascii_case(word)
    }

    /// White space (or the start of the text) comes right before token `i`.
    pub fn space_before(&self, i: usize) -> bool {
        i == 0 || self.toks[i].byte_start > self.toks[i - 1].byte_end()
    }

    /// White space (or the end of the text) comes right after token `i`.
    pub fn space_after(&self, i: usize) -> bool {
        i + 1 >= self.toks.len() || self.toks[i + 1].byte_start > self.toks[i].byte_end()
    }

    /// A line break lies between token `i - 1` and token `i`.
    pub fn line_break_before(&self, i: usize) -> bool {
        line_break_before(self.text, &self.toks, i)
    }

    /// Token `i` is inside a direct quote's marks (or is one of them).
    pub fn in_quote(&self, i: usize) -> bool {
        self.quote_of[i] != 0
    }

    /// Token `i` ends a sentence: its last token, or ". ! ?".
    pub fn is_stop(&self, i: usize) -> bool {
        matches!(
            self.w(i),
            "." | "!" | "?" | "..." | "…" | "?!" | "!?" | "!!" | "??"
        )
    }

    /// The token index `k` lies in the same paragraph as `i`.
    pub fn same_para(&self, i: usize, k: usize) -> bool {
        self.para_of[i] == self.para_of[k]
    }

    /// The known mention whose tokens end exactly at `end` (exclusive), if any.
    pub fn mention_ending(&self, end: usize) -> Option<(usize, usize, usize)> {
        if end == 0 {
            return None;
        }
        let m = self.mention_of[end - 1];
        if m == NONE {
            return None;
        }
        let (a, b) = self.mention_toks[m as usize]?;
        (b == end).then_some((m as usize, a, b))
    }

    /// The known mention whose tokens start exactly at `start`, if any.
    pub fn mention_starting(&self, start: usize) -> Option<(usize, usize, usize)> {
        let m = *self.mention_of.get(start)?;
        if m == NONE {
            return None;
        }
        let (a, b) = self.mention_toks[m as usize]?;
        (a == start).then_some((m as usize, a, b))
    }

    /// Code point range of tokens `a..b`.
    pub fn chars(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b - 1].end)
    }

    /// The text of tokens `a..b` as written.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].byte_start..self.toks[b - 1].byte_end()]
    }
}

fn starts_lower(text: &str, t: &Token) -> bool {
    t.text(text).chars().next().is_some_and(char::is_lowercase)
}

fn line_break_before(text: &str, toks: &[Token], i: usize) -> bool {
    i > 0
        && text[toks[i - 1].byte_end()..toks[i].byte_start]
            .bytes()
            .any(|b| b == b'\n' || b == b'\r')
}
