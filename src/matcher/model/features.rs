//! Sparse features of each token, hashed into slots of the weight table, and the same
//! features in words for explanations ("word 'Obama'", "after 'President'", "in list cities").
//!
//! A feature is a template (what is looked at) and a key (the value seen); the slot is a hash of
//! both. Every feature of token `i` is computed from [`FeatureText`], which holds per-token attributes
//! computed once: hashes of the form, lower-case form, shape, affixes, the small-list bits of
//! [`super::lexicon`] and the list hits covering the token.

use foldhash::HashSet;
use foldhash::HashSetExt;

use super::lexicon::{Hit, Lexicon, kind};
use super::word_table::WordTable;
use crate::text::{Token, sentences, tokenize};

/// A stable 64-bit hash (FNV-1a with a final mix): weights are shipped, so the hash must not
/// change between builds or platforms.
#[derive(Clone, Copy)]
pub struct Hasher(u64);

impl Hasher {
    pub fn new() -> Self {
        Hasher(0xcbf2_9ce4_8422_2325)
    }
    #[inline]
    pub fn byte(mut self, b: u8) -> Self {
        self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        self
    }
    #[inline]
    pub fn bytes(mut self, bs: &[u8]) -> Self {
        for &b in bs {
            self = self.byte(b);
        }
        self
    }
    #[inline]
    pub fn char(self, c: char) -> Self {
        let mut buf = [0u8; 4];
        self.bytes(c.encode_utf8(&mut buf).as_bytes())
    }
    #[inline]
    pub fn finish(self) -> u64 {
        mix(self.0)
    }
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

#[inline]
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

pub fn hash_str(s: &str) -> u64 {
    Hasher::new().bytes(s.as_bytes()).finish()
}

/// The templates. Their numbers are part of the stored weights: append, never reorder.
pub mod tpl {
    pub const BIAS: u16 = 0;
    pub const FORM: u16 = 1;
    pub const LOWER: u16 = 2;
    pub const PREFIX: u16 = 3; // + length 1..=3 in the key
    pub const SUFFIX: u16 = 4; // + length 1..=4 in the key
    pub const SHAPE: u16 = 5;
    pub const SHORT_SHAPE: u16 = 6;
    pub const PREV2: u16 = 7;
    pub const PREV: u16 = 8;
    pub const NEXT: u16 = 9;
    pub const NEXT2: u16 = 10;
    pub const PREV_SHAPE: u16 = 11;
    pub const NEXT_SHAPE: u16 = 12;
    pub const PREV2_SHAPE: u16 = 13;
    pub const NEXT2_SHAPE: u16 = 14;
    pub const BIGRAM_PREV: u16 = 15;
    pub const BIGRAM_NEXT: u16 = 16;
    pub const SHAPES_PREV: u16 = 17;
    pub const SHAPES_NEXT: u16 = 18;
    pub const SENTENCE_START: u16 = 19;
    pub const LINE_START: u16 = 20;
    pub const CAPS_LINE: u16 = 21;
    pub const LOWER_ELSEWHERE: u16 = 22;
    pub const KIND: u16 = 23;
    pub const PREV_KIND: u16 = 24;
    pub const NEXT_KIND: u16 = 25;
    pub const PREV2_KIND: u16 = 26;
    pub const CUE_AFTER: u16 = 27;
    pub const CUE_BEFORE: u16 = 28;
    pub const HIT: u16 = 29;
    pub const HIT_LABEL: u16 = 30;
    pub const PREV_HIT: u16 = 31;
    pub const NEXT_HIT: u16 = 32;
    pub const RUN: u16 = 33;
    pub const RUN_HEAD: u16 = 34;
    pub const CAPITALISED_ELSEWHERE: u16 = 35;
    pub const CLUSTER: u16 = 36; // + prefix length in the key
    pub const PREV_CLUSTER: u16 = 37;
    pub const NEXT_CLUSTER: u16 = 38;
    pub const CASE: u16 = 39;
    pub const PART_ELSEWHERE: u16 = 40;
}

/// Lengths of the cluster path prefixes used as features (the last: the whole path).
const CLUSTER_PREFIXES: [u32; 4] = [4, 6, 10, 24];

/// The first `k` branches of a cluster path, with `k` in the key.
#[inline]
fn cluster_key(c: u32, k: u32) -> u64 {
    ((k as u64) << 32) | (c & ((1u32 << k) - 1)) as u64
}

/// Attribute bits of a token.
mod flag {
    pub const CAPITALISED: u8 = 1;
    pub const ALL_CAPS: u8 = 2;
    pub const LINE_START: u8 = 4;
    pub const CAPS_LINE: u8 = 8;
    pub const LOWER_ELSEWHERE: u8 = 16;
    pub const LOWERCASE: u8 = 32;
    pub const CAPITALISED_ELSEWHERE: u8 = 64;
}

/// What features need of one token, computed once.
#[derive(Clone, Copy, Default)]
struct Attr {
    form: u64,
    lower: u64,
    shape: u64,
    short_shape: u64,
    prefix: [u64; 3],
    suffix: [u64; 4],
    kind: u8,
    flags: u8,
    /// Position in its run of capitalised words (0-based, capped) and the run's length (capped).
    run: (u8, u8),
    /// The run ends in an organisation (1) or place (2) head word.
    run_head: u8,
    /// Word class ([`WordTable::cluster`]), 0 for none.
    cluster: u32,
    /// How often the lower-case form is capitalised ([`WordTable::case`]).
    case: u8,
    /// A capitalised word standing alone here that is part of a longer run of capitalised words
    /// elsewhere in the text ("Quill" after "Ada Quill"): bits 1 first, 2 last, 4 inside.
    part_elsewhere: u8,
}

/// A list hit on one token: the hit's index and the token's place in it (B, I, L, U).
#[derive(Clone, Copy)]
struct TokenHit {
    hit: u32,
    part: u8,
}

/// A document prepared for feature extraction.
pub struct FeatureText<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<(usize, usize)>,
    attrs: Vec<Attr>,
    hits: Vec<Hit<'a>>,
    hit_keys: Vec<(u64, u64)>, // (list hash, label hash) per hit
    /// Token i's hits are token_hits[hit_start[i]..hit_start[i + 1]].
    hit_start: Vec<u32>,
    token_hits: Vec<TokenHit>,
}

const PAD: u64 = 0x5bd1_e995_0000_0001;

/// The shape of a word: X for upper case, x for lower case, d for digits, other characters as
/// they are; runs longer than four are cut to four ("Xxxx", "XXXX", "X.X.", "dddd").
#[cfg(test)]
pub fn shape(word: &str, short: bool) -> String {
    let mut out = String::new();
    shape_chars(word, short, |c| out.push(c));
    out
}

/// `hash_str(&shape(word, short))` without building the string.
fn shape_hash(word: &str, short: bool) -> u64 {
    let mut h = Hasher::new();
    shape_chars(word, short, |c| h = h.char(c));
    h.finish()
}

/// The characters of a word's shape, in order, to `emit`: each character's class, runs cut to
/// four (to one when `short`), at most 13 bytes' worth.
fn shape_chars(word: &str, short: bool, mut emit: impl FnMut(char)) {
    let mut last = '\0';
    let mut run = 0;
    let mut len = 0;
    for c in word.chars() {
        let s = shape_class(c);
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if run <= if short { 1 } else { 4 } {
            emit(s);
            len += s.len_utf8();
        }
        if len > 12 {
            break;
        }
    }
}

/// One character's shape class: X upper case, x lower case, d digit, a other letters, itself
/// otherwise (ASCII answered without the Unicode tables).
fn shape_class(c: char) -> char {
    if c.is_ascii() {
        if c.is_ascii_uppercase() {
            'X'
        } else if c.is_ascii_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        }
    } else if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

fn hash_lower(word: &str, chars: &mut Vec<char>) -> u64 {
    chars.clear();
    for c in word.chars() {
        if c.is_ascii() {
            chars.push(c.to_ascii_lowercase());
        } else {
            chars.extend(c.to_lowercase());
        }
    }
    let mut h = Hasher::new();
    for &c in chars.iter() {
        h = h.char(c);
    }
    h.finish()
}

impl<'a> FeatureText<'a> {
    pub fn new(text: &'a str, lexicon: &'a Lexicon) -> FeatureText<'a> {
        Self::with_filter(text, lexicon, |_| true)
    }

    /// As [`FeatureText::new`], keeping only the list hits `keep` accepts.
    pub fn with_filter(
        text: &'a str,
        lexicon: &'a Lexicon,
        keep: impl Fn(&Hit) -> bool,
    ) -> FeatureText<'a> {
        let tokens = tokenize(text);
        let sentences = sentences(text, &tokens);
        let n = tokens.len();
        let mut attrs = vec![Attr::default(); n];
        let mut chars = Vec::new();
        let table = WordTable::bundled();
        let mut lowercase_words: HashSet<u64> = HashSet::new();
        let mut capitalised_inside: HashSet<u64> = HashSet::new();
        let mut sentence_start = vec![false; n];
        for &(s, _) in &sentences {
            if s < n {
                sentence_start[s] = true;
            }
        }
        for (i, t) in tokens.iter().enumerate() {
            let w = t.text(text);
            let a = &mut attrs[i];
            a.form = hash_str(w);
            a.lower = hash_lower(w, &mut chars);
            a.shape = shape_hash(w, false);
            a.short_shape = shape_hash(w, true);
            let mut h = Hasher::new();
            for (k, &c) in chars.iter().take(3).enumerate() {
                h = h.char(c);
                a.prefix[k] = h.finish();
            }
            let mut h = Hasher::new();
            for (k, &c) in chars.iter().rev().take(4).enumerate() {
                h = h.char(c);
                a.suffix[k] = h.finish();
            }
            if t.is_word() {
                a.kind = lexicon.word_kind(w);
                (a.cluster, a.case) = table.lookup(w, a.form, &chars, a.lower);
            } else {
                a.case = super::word_table::NO_CASE;
            }
            if t.is_capitalised() {
                a.flags |= flag::CAPITALISED;
                if !sentence_start[i] {
                    capitalised_inside.insert(a.lower);
                }
            }
            if t.is_all_caps() {
                a.flags |= flag::ALL_CAPS;
            }
            if t.is_word() && w.chars().next().is_some_and(char::is_lowercase) {
                a.flags |= flag::LOWERCASE;
                lowercase_words.insert(a.lower);
            }
            let line_start = i == 0
                || text[tokens[i - 1].byte_end()..t.byte_start]
                    .chars()
                    .any(|c| c == '\n' || c == '\r');
            if line_start {
                a.flags |= flag::LINE_START;
            }
        }
        // Lines in capitals (datelines, headlines): every word on the line has no lower case.
        let mut i = 0;
        while i < n {
            let mut j = i + 1;
            while j < n && attrs[j].flags & flag::LINE_START == 0 {
                j += 1;
            }
            let words: Vec<&Token> = tokens[i..j].iter().filter(|t| t.is_word()).collect();
            let letters = words.iter().filter(|t| t.is_all_caps()).count();
            if letters >= 1 && letters == words.len() && words.iter().any(|t| t.len() > 1) {
                for a in &mut attrs[i..j] {
                    a.flags |= flag::CAPS_LINE;
                }
            }
            i = j;
        }
        for a in attrs.iter_mut() {
            if a.flags & flag::CAPITALISED != 0 && lowercase_words.contains(&a.lower) {
                a.flags |= flag::LOWER_ELSEWHERE;
            }
            if a.flags & flag::CAPITALISED != 0 && capitalised_inside.contains(&a.lower) {
                a.flags |= flag::CAPITALISED_ELSEWHERE;
            }
        }
        // Runs of capitalised words (connectors "of", "the", "de" … inside a run do not break
        // it but are not counted as capitalised).
        let mut i = 0;
        while i < n {
            if attrs[i].flags & flag::CAPITALISED == 0 || !tokens[i].is_word() {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n && tokens[j].is_word() && attrs[j].flags & flag::CAPITALISED != 0 {
                j += 1;
            }
            let len = (j - i).min(4) as u8;
            let last_kind = attrs[j - 1].kind;
            let head = if last_kind & kind::ORG_HEAD != 0 {
                1
            } else if last_kind & kind::PLACE_HEAD != 0 {
                2
            } else {
                0
            };
            for (k, a) in attrs[i..j].iter_mut().enumerate() {
                let pos = if k + 1 == j - i { 3 } else { k.min(2) as u8 };
                a.run = (pos, len);
                a.run_head = head;
            }
            i = j;
        }
        // Words standing alone that are part of a longer name elsewhere.
        let mut parts: foldhash::HashMap<u64, u8> = foldhash::HashMap::default();
        for a in &attrs {
            if a.run.1 >= 2 {
                let bit = match a.run.0 {
                    0 => 1,
                    3 => 2,
                    _ => 4,
                };
                *parts.entry(a.form).or_default() |= bit;
            }
        }
        for a in attrs.iter_mut() {
            if a.run.1 == 1 {
                a.part_elsewhere = parts.get(&a.form).copied().unwrap_or(0);
            }
        }
        // List hits, as token ranges.
        let mut hits = lexicon.hits(text);
        hits.retain(|h| keep(h));
        let mut per_token: Vec<(u32, TokenHit)> = Vec::new();
        let mut hit_keys = Vec::with_capacity(hits.len());
        for (h, hit) in hits.iter().enumerate() {
            hit_keys.push((hash_str(hit.list), hash_str(hit.label)));
            let a = tokens.partition_point(|t| t.end <= hit.start);
            let b = tokens.partition_point(|t| t.start < hit.end);
            for k in a..b {
                let part = if b - a == 1 {
                    3
                } else if k == a {
                    0
                } else if k + 1 == b {
                    2
                } else {
                    1
                };
                per_token.push((
                    k as u32,
                    TokenHit {
                        hit: h as u32,
                        part,
                    },
                ));
            }
        }
        per_token.sort_by_key(|&(k, _)| k);
        let mut hit_start = vec![0u32; n + 1];
        for &(k, _) in &per_token {
            hit_start[k as usize + 1] += 1;
        }
        for k in 0..n {
            hit_start[k + 1] += hit_start[k];
        }
        let token_hits = per_token.into_iter().map(|(_, h)| h).collect();
        FeatureText {
            text,
            tokens,
            sentences,
            attrs,
            hits,
            hit_keys,
            hit_start,
            token_hits,
        }
    }

    fn hits_of(&self, i: usize) -> &[TokenHit] {
        &self.token_hits[self.hit_start[i] as usize..self.hit_start[i + 1] as usize]
    }

    /// Every feature of token `i` of the sentence `s..e`, as (template, key, aux) where aux is
    /// the hit index for hit features (for explanations) and 0 otherwise.
    #[inline]
    pub fn features(&self, i: usize, s: usize, e: usize, out: &mut impl FnMut(u16, u64, u32)) {
        let a = &self.attrs[i];
        let at = |k: isize| -> Option<&Attr> {
            let j = i as isize + k;
            (j >= s as isize && j < e as isize).then(|| &self.attrs[j as usize])
        };
        let p1 = at(-1);
        let p2 = at(-2);
        let n1 = at(1);
        let n2 = at(2);
        let lower = |x: Option<&Attr>| x.map_or(PAD, |x| x.lower);
        let short = |x: Option<&Attr>| x.map_or(PAD, |x| x.short_shape);
        out(tpl::BIAS, 0, 0);
        out(tpl::FORM, a.form, 0);
        out(tpl::LOWER, a.lower, 0);
        for (k, &p) in a.prefix.iter().enumerate().filter(|(_, p)| **p != 0) {
            out(tpl::PREFIX, p ^ k as u64, k as u32 + 1);
        }
        for (k, &p) in a.suffix.iter().enumerate().filter(|(_, p)| **p != 0) {
            out(tpl::SUFFIX, p ^ k as u64, k as u32 + 1);
        }
        out(tpl::SHAPE, a.shape, 0);
        out(tpl::SHORT_SHAPE, a.short_shape, 0);
        out(tpl::PREV2, lower(p2), 0);
        out(tpl::PREV, lower(p1), 0);
        out(tpl::NEXT, lower(n1), 0);
        out(tpl::NEXT2, lower(n2), 0);
        out(tpl::PREV_SHAPE, p1.map_or(PAD, |x| x.shape), 0);
        out(tpl::NEXT_SHAPE, n1.map_or(PAD, |x| x.shape), 0);
        out(tpl::PREV2_SHAPE, short(p2), 0);
        out(tpl::NEXT2_SHAPE, short(n2), 0);
        out(
            tpl::BIGRAM_PREV,
            mix(lower(p1) ^ a.lower.rotate_left(17)),
            0,
        );
        out(
            tpl::BIGRAM_NEXT,
            mix(a.lower ^ lower(n1).rotate_left(17)),
            0,
        );
        out(
            tpl::SHAPES_PREV,
            mix(short(p1) ^ a.short_shape.rotate_left(17)),
            0,
        );
        out(
            tpl::SHAPES_NEXT,
            mix(a.short_shape ^ short(n1).rotate_left(17)),
            0,
        );
        let cap = (a.flags & flag::CAPITALISED) as u64;
        if i == s {
            out(tpl::SENTENCE_START, cap, 0);
        } else if i == s + 1 {
            out(tpl::SENTENCE_START, 2 + cap, 0);
        }
        if a.flags & flag::LINE_START != 0 {
            out(tpl::LINE_START, cap, 0);
        }
        if a.flags & flag::CAPS_LINE != 0 {
            out(tpl::CAPS_LINE, 0, 0);
            out(tpl::CAPS_LINE, a.lower, 0);
        }
        if a.flags & flag::LOWER_ELSEWHERE != 0 {
            out(tpl::LOWER_ELSEWHERE, (i == s) as u64, 0);
        }
        if a.flags & flag::CAPITALISED_ELSEWHERE != 0 && i == s {
            out(tpl::CAPITALISED_ELSEWHERE, 0, 0);
        }
        if a.kind != 0 {
            out(tpl::KIND, a.kind as u64, 0);
        }
        if let Some(x) = p1.filter(|x| x.kind != 0) {
            out(tpl::PREV_KIND, x.kind as u64, 0);
        }
        if let Some(x) = n1.filter(|x| x.kind != 0) {
            out(tpl::NEXT_KIND, x.kind as u64, 0);
        }
        if let Some(x) = p2.filter(|x| x.kind & (kind::TITLE | kind::ROLE) != 0) {
            out(tpl::PREV2_KIND, x.kind as u64, 0);
        }
        // A speech cue within three tokens after / before.
        for k in 1..=3 {
            if at(k).is_some_and(|x| x.kind & kind::CUE != 0) {
                out(tpl::CUE_AFTER, cap, 0);
                break;
            }
        }
        for k in 1..=3 {
            if at(-k).is_some_and(|x| x.kind & kind::CUE != 0) {
                out(tpl::CUE_BEFORE, cap, 0);
                break;
            }
        }
        if a.run.1 > 0 {
            out(tpl::RUN, ((a.run.0 as u64) << 8) | a.run.1 as u64, 0);
            if a.run_head != 0 {
                out(
                    tpl::RUN_HEAD,
                    ((a.run_head as u64) << 8) | a.run.0 as u64,
                    0,
                );
            }
        }
        if a.cluster != 0 {
            for k in CLUSTER_PREFIXES {
                out(tpl::CLUSTER, cluster_key(a.cluster, k), k);
            }
        } else {
            out(tpl::CLUSTER, 0, 0);
        }
        if let Some(x) = p1.filter(|x| x.cluster != 0) {
            out(tpl::PREV_CLUSTER, cluster_key(x.cluster, 24), 0);
            out(tpl::PREV_CLUSTER, cluster_key(x.cluster, 6), 0);
        }
        if let Some(x) = n1.filter(|x| x.cluster != 0) {
            out(tpl::NEXT_CLUSTER, cluster_key(x.cluster, 24), 0);
            out(tpl::NEXT_CLUSTER, cluster_key(x.cluster, 6), 0);
        }
        if a.part_elsewhere != 0 {
            out(tpl::PART_ELSEWHERE, a.part_elsewhere as u64, 0);
        }
        out(
            tpl::CASE,
            ((a.case as u64) << 2) | (cap << 1) | (i == s) as u64,
            0,
        );
        for th in self.hits_of(i) {
            let (list, label) = self.hit_keys[th.hit as usize];
            out(tpl::HIT, mix(list ^ th.part as u64), th.hit);
            out(tpl::HIT_LABEL, mix(label ^ th.part as u64), th.hit);
        }
        if i > s {
            for th in self.hits_of(i - 1).iter().filter(|h| h.part >= 2) {
                out(tpl::PREV_HIT, self.hit_keys[th.hit as usize].1, th.hit);
            }
        }
        if i + 1 < e {
            for th in self
                .hits_of(i + 1)
                .iter()
                .filter(|h| h.part == 0 || h.part == 3)
            {
                out(tpl::NEXT_HIT, self.hit_keys[th.hit as usize].1, th.hit);
            }
        }
    }

    /// The best-known word of token `i`'s word class.
    fn exemplar(&self, i: usize) -> Option<&'static str> {
        WordTable::bundled().exemplar(self.attrs.get(i)?.cluster)
    }

    fn word(&self, j: isize, s: usize, e: usize) -> Option<&str> {
        (j >= s as isize && j < e as isize).then(|| self.tokens[j as usize].text(self.text))
    }

    /// A feature of token `i` in words, or `None` for features no user needs to read.
    #[cfg(test)]
    pub fn describe(
        &self,
        template: u16,
        aux: u32,
        i: usize,
        s: usize,
        e: usize,
    ) -> Option<String> {
        let mut out = String::new();
        self.describe_into(template, aux, i, s, e, &mut out)
            .map(|()| out)
    }

    /// [`FeatureText::describe`] written to `out` (cleared first), for a caller that describes
    /// thousands of features and keeps few: `None` for features no user needs to read.
    pub fn describe_into(
        &self,
        template: u16,
        aux: u32,
        i: usize,
        s: usize,
        e: usize,
        out: &mut String,
    ) -> Option<()> {
        out.clear();
        let w = self.tokens[i].text(self.text);
        let ii = i as isize;
        let quoted = |out: &mut String, before: &str, x: &str| {
            out.push_str(before);
            out.push('\'');
            out.push_str(x);
            out.push('\'');
        };
        let lower = |out: &mut String, x: &str, after: &str| {
            out.push('\'');
            out.push_str(&x.to_lowercase());
            out.push('\'');
            out.push_str(after);
        };
        match template {
            tpl::FORM | tpl::LOWER => quoted(out, "word ", w),
            tpl::SHAPE | tpl::SHORT_SHAPE => {
                out.push_str("shape ");
                shape_chars(w, false, |c| out.push(c));
            }
            tpl::SUFFIX => {
                let k = (aux as usize).min(w.chars().count());
                let from = w
                    .char_indices()
                    .rev()
                    .nth(k.wrapping_sub(1))
                    .map_or(w.len(), |x| x.0);
                out.push_str("ends in '-");
                out.push_str(&w[from..]);
                out.push('\'');
            }
            tpl::PREFIX => {
                let to = w.char_indices().nth(aux as usize).map_or(w.len(), |x| x.0);
                out.push_str("starts with '");
                out.push_str(&w[..to]);
                out.push_str("-'");
            }
            tpl::PREV => quoted(out, "after ", self.word(ii - 1, s, e)?),
            tpl::PREV2 => quoted(out, "two after ", self.word(ii - 2, s, e)?),
            tpl::NEXT => quoted(out, "before ", self.word(ii + 1, s, e)?),
            tpl::NEXT2 => quoted(out, "two before ", self.word(ii + 2, s, e)?),
            tpl::BIGRAM_PREV => {
                let p = self.word(ii - 1, s, e)?;
                out.push('\'');
                out.push_str(p);
                out.push(' ');
                out.push_str(w);
                out.push('\'');
            }
            tpl::BIGRAM_NEXT => {
                let n = self.word(ii + 1, s, e)?;
                out.push('\'');
                out.push_str(w);
                out.push(' ');
                out.push_str(n);
                out.push('\'');
            }
            tpl::PREV_SHAPE | tpl::SHAPES_PREV => {
                let p = self.word(ii - 1, s, e)?;
                out.push_str("after shape ");
                shape_chars(p, false, |c| out.push(c));
            }
            tpl::NEXT_SHAPE | tpl::SHAPES_NEXT => {
                let n = self.word(ii + 1, s, e)?;
                out.push_str("before shape ");
                shape_chars(n, false, |c| out.push(c));
            }
            tpl::SENTENCE_START => out.push_str("near the start of a sentence"),
            tpl::LINE_START => out.push_str("starts a line"),
            tpl::CAPS_LINE => out.push_str("in a line in capitals"),
            tpl::LOWER_ELSEWHERE => lower(out, w, " also in lower case"),
            tpl::CAPITALISED_ELSEWHERE => out.push_str("capitalised mid-sentence elsewhere"),
            tpl::KIND => kind_words(self.attrs[i].kind, w, out)?,
            tpl::PREV_KIND | tpl::PREV2_KIND => {
                let d = if template == tpl::PREV_KIND { 1 } else { 2 };
                let p = self.word(ii - d, s, e)?;
                out.push_str("after ");
                kind_words(self.attrs[i - d as usize].kind, p, out)?;
            }
            tpl::NEXT_KIND => {
                let p = self.word(ii + 1, s, e)?;
                out.push_str("before ");
                kind_words(self.attrs[i + 1].kind, p, out)?;
            }
            tpl::CUE_AFTER => out.push_str("before a speech verb"),
            tpl::CUE_BEFORE => out.push_str("after a speech verb"),
            tpl::RUN => out.push_str("in a run of capitalised words"),
            tpl::RUN_HEAD => out.push_str(match self.attrs[i].run_head {
                1 => "ends in an organisation word",
                _ => "ends in a place word",
            }),
            tpl::HIT | tpl::HIT_LABEL => {
                let h = self.hits.get(aux as usize)?;
                if h.project {
                    out.push_str("annotated before as ");
                    out.push_str(h.label);
                } else {
                    out.push_str("in list ");
                    out.push_str(h.list);
                }
            }
            tpl::PREV_HIT | tpl::NEXT_HIT => {
                let h = self.hits.get(aux as usize)?;
                quoted(
                    out,
                    if template == tpl::PREV_HIT {
                        "after "
                    } else {
                        "before "
                    },
                    h.text,
                );
                out.push_str(" (");
                out.push_str(h.label);
                out.push(')');
            }
            tpl::CLUSTER if aux != 0 => quoted(out, "used like ", self.exemplar(i)?),
            tpl::PREV_CLUSTER => quoted(out, "after a word like ", self.exemplar(i - 1)?),
            tpl::NEXT_CLUSTER => quoted(out, "before a word like ", self.exemplar(i + 1)?),
            tpl::PART_ELSEWHERE => out.push_str("part of a longer name elsewhere"),
            tpl::CASE => match self.attrs[i].case {
                7..=10 => lower(out, w, " usually capitalised"),
                0..=3 => lower(out, w, " seldom capitalised"),
                _ => return None,
            },
            _ => return None,
        }
        Some(())
    }
}

/// The kind of word `w` is (title, role, first name…), quoted, written to `out`.
fn kind_words(k: u8, w: &str, out: &mut String) -> Option<()> {
    out.push_str(if k & kind::TITLE != 0 {
        "title '"
    } else if k & kind::ROLE != 0 {
        "role '"
    } else if k & (kind::FIRST_NAME | kind::FIRST_NAME_AMBIGUOUS) != 0 {
        "first name '"
    } else if k & kind::CUE != 0 {
        "speech verb '"
    } else if k & kind::ORG_HEAD != 0 {
        "organisation word '"
    } else if k & kind::PLACE_HEAD != 0 {
        "place word '"
    } else {
        return None;
    });
    out.push_str(w);
    out.push('\'');
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Obama", false), "Xxxxx");
        assert_eq!(shape("Constantinople", false), "Xxxxx");
        assert_eq!(shape("NATO", false), "XXXX");
        assert_eq!(shape("U.S.", false), "X.X.");
        assert_eq!(shape("1996-08-30", false), "dddd-dd-dd");
        assert_eq!(shape("McDonald", true), "XxXx");
        for w in [
            "Obama",
            "NATO",
            "U.S.",
            "1996-08-30",
            "Élysée",
            "東京",
            "a-very-long-hyphenated-word",
        ] {
            for short in [false, true] {
                assert_eq!(shape_hash(w, short), hash_str(&shape(w, short)), "{w}");
            }
        }
    }

    #[test]
    fn features_are_deterministic_and_describable() {
        let lx = Lexicon::bundled();
        let text = "LONDON 1996-08-30\nPresident Ada Quill said France would act.";
        let doc = FeatureText::new(text, &lx);
        let mut a = Vec::new();
        let mut b = Vec::new();
        for &(s, e) in &doc.sentences {
            for i in s..e {
                doc.features(i, s, e, &mut |t, k, x| a.push((t, k, x)));
                doc.features(i, s, e, &mut |t, k, x| b.push((t, k, x)));
            }
        }
        assert_eq!(a, b);
        // "Ada" (token 3) comes after a title; "France" is in a list; LONDON is in a caps line.
        let (s, e) = doc.sentences[1];
        let mut words = Vec::new();
        for i in s..e {
            doc.features(i, s, e, &mut |t, _, x| {
                if let Some(d) = doc.describe(t, x, i, s, e) {
                    words.push(d)
                }
            });
        }
        assert!(
            words.iter().any(|w| w == "after title 'President'"),
            "{words:?}"
        );
        assert!(words.iter().any(|w| w == "in list countries"), "{words:?}");
        let (s0, e0) = doc.sentences[0];
        let mut first = Vec::new();
        doc.features(0, s0, e0, &mut |t, _, x| {
            first.extend(doc.describe(t, x, 0, s0, e0))
        });
        assert!(
            first.iter().any(|w| w == "in a line in capitals"),
            "{first:?}"
        );
        assert!(first.iter().any(|w| w == "in list cities"), "{first:?}");
    }

    /// Descriptions cut words by characters, not bytes, and quote their neighbours.
    #[test]
    fn descriptions_of_accented_words() {
        let lx = Lexicon::bundled();
        let text = "Minister Đặng Thị Ngọc Thịnh visited Gdańsk.";
        let doc = FeatureText::new(text, &lx);
        let gdansk = doc
            .tokens
            .iter()
            .position(|t| t.text(text) == "Gdańsk")
            .expect("word in text");
        let d = described(&doc, gdansk);
        for want in [
            "word 'Gdańsk'",
            "shape Xxxxx",
            "after 'visited'",
            "'visited Gdańsk'",
            "before shape .",
        ] {
            assert!(d.iter().any(|x| x == want), "{want}: {d:?}");
        }
        assert!(
            d.iter()
                .any(|x| x.starts_with("ends in '-") && x.ends_with("ńsk'")),
            "{d:?}"
        );
        assert!(d.iter().any(|x| x.starts_with("starts with 'G")), "{d:?}");
        let dang = described(&doc, 1);
        assert!(
            dang.iter().any(|x| x == "after title 'Minister'"),
            "{dang:?}"
        );
        assert!(dang.iter().any(|x| x == "word 'Đặng'"), "{dang:?}");
    }

    /// Every description of token `i` (in its sentence).
    fn described(doc: &FeatureText, i: usize) -> Vec<String> {
        let &(s, e) = doc
            .sentences
            .iter()
            .find(|(s, e)| (*s..*e).contains(&i))
            .expect("token in a sentence");
        let mut out = Vec::new();
        doc.features(i, s, e, &mut |t, _, x| {
            out.extend(doc.describe(t, x, i, s, e))
        });
        out
    }

    #[test]
    fn word_classes_capitalisation_and_parts_of_names() {
        let lx = Lexicon::bundled();
        let text = "Officials met Ada Quill on Tuesday. They said Quill went to the house.";
        let doc = FeatureText::new(text, &lx);
        let index = |w: &str| {
            doc.tokens
                .iter()
                .rposition(|t| t.text(text) == w)
                .expect("word in text")
        };
        // "Quill" alone is part of "Ada Quill" elsewhere; the first "Quill" (in the run) is not.
        let quill = described(&doc, index("Quill"));
        assert!(
            quill.iter().any(|d| d == "part of a longer name elsewhere"),
            "{quill:?}"
        );
        let first_quill = doc.tokens.iter().position(|t| t.text(text) == "Quill");
        assert!(
            !described(&doc, first_quill.expect("Quill"))
                .iter()
                .any(|d| d == "part of a longer name elsewhere")
        );
        // Days of the week have a word class; "house" is seldom capitalised.
        assert!(
            described(&doc, index("Tuesday"))
                .iter()
                .any(|d| d.starts_with("used like '"))
        );
        let house = described(&doc, index("house"));
        assert!(
            house.iter().any(|d| d == "'house' seldom capitalised"),
            "{house:?}"
        );
        // A word class feature differs between classes: "Tuesday" and "Wednesday" share one.
        let keys = |w: &str| {
            let d = FeatureText::new(w, &lx);
            let mut k = Vec::new();
            d.features(0, 0, 1, &mut |t, key, _| {
                if t == tpl::CLUSTER {
                    k.push(key)
                }
            });
            k
        };
        assert_eq!(keys("Tuesday"), keys("Wednesday"));
        assert_ne!(keys("Tuesday"), keys("Nigeria"));
    }
}
