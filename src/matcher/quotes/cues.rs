//! Cues: the speech and belief verbs (and phrases) that introduce a quotation, read from
//! `assets/lexicon/cues.tsv`.
//!
//! Each row is a lemma with its class, every inflection matched (irregular ones written out:
//! "said", "told", "thought") and its frames, which say what may follow the verb: a bare clause
//! ("said he would"), only a "that" clause ("warned that"), an addressee ("told reporters that"),
//! or nothing reported at all (fiction's "cried", "laughed": direct quotations only). Belief verbs
//! ("think", "hope", "fear") are a class of their own, scored lower: PolNeAR annotates them as
//! attributions, GenderGapTracker dropped "believe" for its false positives. Claim verbs
//! ("argue", "claim", "allege") are a class between the two.
//!
//! The verbs whose subject is a document ("the report found", "the data show") are kept apart
//! in `assets/lexicon/source_cues.tsv`, with the frame `document`: they attribute only when a
//! document, statement or data is their subject (see `sources`), and the entity model's cue
//! feature, which reads `cues.tsv`, does not see them.

use std::collections::HashMap;

use super::doc::QuoteText;

/// What a cue reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CueClass {
    Speech,
    /// A contested assertion ("argue", "claim", "allege") or a finding ("the study found"):
    /// an attribution, scored a little below plain speech.
    Claim,
    Belief,
}

/// A bare clause may follow: "said he would".
pub(super) const CLAUSE: u8 = 1;
/// Reported speech follows only after "that".
pub(super) const THAT: u8 = 2;
/// An addressee comes between the verb and what was said: "told reporters that".
pub(super) const OBJECT: u8 = 4;
/// The verb may precede its speaker: "…," said Smith.
pub(super) const INVERT: u8 = 8;
/// Only attributes quotations in marks.
pub(super) const DIRECT: u8 = 16;
/// "according to X".
pub(super) const ACCORDING: u8 = 32;
/// Only with a document, statement or data as its subject: "the report found that".
pub(super) const DOCUMENT: u8 = 64;

#[derive(Clone, Debug)]
pub(super) struct Cue {
    pub class: CueClass,
    pub frames: u8,
    /// The words of this form, lower case.
    words: Box<[Box<str>]>,
    /// A participle ("adding", "saying"): its subject is the clause's before it.
    pub participle: bool,
}

impl Cue {
    pub fn has(&self, frame: u8) -> bool {
        self.frames & frame != 0
    }
}

/// The cue lexicon, indexed by first word.
#[derive(Clone, Debug, Default)]
pub(super) struct Lexicon {
    cues: Vec<Cue>,
    /// First word → cues starting with it, longest first.
    first: HashMap<Box<str>, Vec<u32>>,
}

/// One cue found in a document: tokens `a..b`.
#[derive(Clone, Copy, Debug)]
pub(super) struct CueHit {
    pub a: usize,
    pub b: usize,
    pub cue: u32,
}

impl Lexicon {
    /// Parse the TSV; a line that cannot be read is skipped and reported as "line N: why".
    pub fn parse(tsv: &str) -> (Self, Vec<String>) {
        let mut lex = Lexicon::default();
        let mut problems = Vec::new();
        lex.add(tsv, "", &mut problems);
        (lex, problems)
    }

    /// Add the rows of another cue file; its problems are prefixed with `file`.
    pub fn add(&mut self, tsv: &str, file: &str, problems: &mut Vec<String>) {
        let lex = self;
        let start = problems.len();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [lemma, class, forms, frames] = cols[..] else {
                problems.push(format!("line {}: expected 4 tab-separated columns", n + 1));
                continue;
            };
            if lemma.is_empty() {
                problems.push(format!("line {}: no lemma", n + 1));
                continue;
            }
            let class = match class {
                "speech" => CueClass::Speech,
                "claim" => CueClass::Claim,
                "belief" => CueClass::Belief,
                other => {
                    problems.push(format!(
                        "line {}: class {other:?} is not speech, claim or belief",
                        n + 1
                    ));
                    continue;
                }
            };
            let mut bits = 0;
            for f in frames.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                bits |= match f {
                    "clause" => CLAUSE,
                    "that" => THAT,
                    "object" => OBJECT,
                    "invert" => INVERT,
                    "direct" => DIRECT,
                    "according" => ACCORDING,
                    "document" => DOCUMENT,
                    other => {
                        problems.push(format!("line {}: unknown frame {other:?}", n + 1));
                        0
                    }
                };
            }
            for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                let words: Box<[Box<str>]> = form
                    .split_whitespace()
                    .map(|w| w.to_lowercase().into_boxed_str())
                    .collect();
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                let participle = first.ends_with("ing") && first.len() > 5;
                let id = lex.cues.len() as u32;
                lex.cues.push(Cue {
                    class,
                    frames: bits,
                    words,
                    participle,
                });
                lex.first.entry(first).or_default().push(id);
            }
        }
        let cues = &lex.cues;
        for ids in lex.first.values_mut() {
            ids.sort_by_key(|&id| std::cmp::Reverse(cues[id as usize].words.len()));
        }
        if !file.is_empty() {
            for p in &mut problems[start..] {
                *p = format!("{file} {p}");
            }
        }
    }

    pub fn cue(&self, id: u32) -> &Cue {
        &self.cues[id as usize]
    }

    pub fn len(&self) -> usize {
        self.cues.len()
    }

    /// The cue starting at token `i`, longest form first.
    pub fn at(&self, doc: &QuoteText, i: usize) -> Option<CueHit> {
        if !doc.is_word(i) {
            return None;
        }
        let w = doc.w(i);
        if w.len() > 16 {
            return None;
        }
        let mut buf = [0u8; 16];
        let key: &str = if w.bytes().all(|b| b.is_ascii_lowercase()) {
            w
        } else if w.is_ascii() {
            for (d, s) in buf.iter_mut().zip(w.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            std::str::from_utf8(&buf[..w.len()]).ok()?
        } else {
            return None;
        };
        let ids = self.first.get(key)?;
        'cues: for &id in ids {
            let cue = &self.cues[id as usize];
            let mut k = i + 1;
            for word in &cue.words[1..] {
                if k >= doc.len() || !doc.w(k).eq_ignore_ascii_case(word) || doc.in_quote(k) {
                    continue 'cues;
                }
                k += 1;
            }
            return Some(CueHit {
                a: i,
                b: k,
                cue: id,
            });
        }
        None
    }

    /// Every cue outside quote marks, in text order, not overlapping.
    pub fn find(&self, doc: &QuoteText) -> Vec<CueHit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < doc.len() {
            if !doc.in_quote(i)
                && let Some(hit) = self.at(doc, i)
            {
                out.push(hit);
                i = hit.b;
                continue;
            }
            i += 1;
        }
        out
    }
}
