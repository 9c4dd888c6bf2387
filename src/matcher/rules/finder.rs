//! The [`Finder`], which gathers [`Candidate`] spans over one [`RuleText`], and how they are
//! resolved at the end ([`Finder::finish`]): agreeing candidates merged, the longest confident
//! ones kept, what another engine already has left out. The stages that add candidates are
//! `impl Finder` blocks in the files beside this one.

use std::collections::BTreeMap;

use crate::model::{EntityId, Proposal, Suggestion};

use super::Rules;
use super::text::RuleText;

#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Token range, for partial matching.
    pub(super) toks: (usize, usize),
    pub(super) label: String,
    pub(super) score: f32,
    pub(super) rule: String,
    pub(super) reason: String,
    pub(super) entity: Option<EntityId>,
    pub(super) new_entity: Option<String>,
}

impl Candidate {
    /// A candidate over the tokens `s..e` of `doc`, linked to no entity.
    pub(super) fn over(
        doc: &RuleText,
        (s, e): (usize, usize),
        label: impl Into<String>,
        score: f32,
        rule: &str,
        reason: String,
    ) -> Self {
        Candidate {
            start: doc.toks[s].start,
            end: doc.toks[e - 1].end,
            toks: (s, e),
            label: label.into(),
            score,
            rule: rule.to_string(),
            reason,
            entity: None,
            new_entity: None,
        }
    }

    /// The same, linked to `entity`, or when there is none to a new entity called `name`.
    pub(super) fn linked(self, entity: Option<EntityId>, name: Option<String>) -> Self {
        Candidate {
            entity,
            new_entity: if entity.is_none() { name } else { None },
            ..self
        }
    }
}

pub(super) fn q(s: &str) -> String {
    format!("“{s}”")
}

pub(super) struct Finder<'r, 'd> {
    pub(super) rules: &'r Rules,
    pub(super) doc: &'d RuleText<'d>,
    pub(super) cands: Vec<Candidate>,
    /// Every capitalised sequence of two to four words, typed or not (token ranges).
    pub(super) names: Vec<(usize, usize)>,
    /// Every trimmed capitalised sequence, in text order (for lists of names).
    pub(super) runs: Vec<(usize, usize)>,
}

impl<'d> Finder<'_, 'd> {
    pub(super) fn add(
        &mut self,
        s: usize,
        e: usize,
        label: &str,
        score: f32,
        rule: &str,
        reason: String,
    ) {
        let c = Candidate::over(self.doc, (s, e), label, score, rule, reason);
        self.cands.push(c);
    }

    /// The run's label from a confident candidate over exactly its tokens, or another engine.
    pub(super) fn typed(&self, s: usize, e: usize) -> Option<&str> {
        let doc = self.doc;
        self.cands
            .iter()
            .filter(|c| c.toks == (s, e) && c.score >= 0.6)
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .map(|c| c.label.as_str())
            .or_else(|| doc.known_label(s, e))
    }

    // -- Resolution -------------------------------------------------------------------------------

    /// Merge agreeing candidates, keep the longest confident ones, drop what `known` already has.
    pub(super) fn finish(self) -> Vec<Suggestion> {
        let doc = self.doc;
        let mut cands = self.cands;
        // No name holds a stock ticker's code ("KMH" of "KMH.NR"), whichever rule found it.
        cands.retain(|c| {
            c.start < c.end
                && !doc
                    .ticker
                    .get(c.toks.0..c.toks.1)
                    .is_some_and(|t| t.contains(&true))
        });
        // Same range and label: one candidate, a little surer for each further rule.
        cands.sort_by(|a, b| {
            (a.start, a.end, &a.label)
                .cmp(&(b.start, b.end, &b.label))
                .then(b.score.total_cmp(&a.score))
        });
        let mut merged: Vec<Candidate> = Vec::with_capacity(cands.len());
        for c in cands {
            if let Some(m) = merged.last_mut()
                && (m.start, m.end, &m.label) == (c.start, c.end, &c.label)
            {
                if !m.rule.split('+').any(|r| r == c.rule) {
                    m.rule = format!("{}+{}", m.rule, c.rule);
                    m.reason = format!("{}; {}", m.reason, c.reason);
                    m.score = (m.score + 0.05).min(0.95);
                }
                if m.entity.is_none() && m.new_entity.is_none() {
                    m.entity = c.entity;
                    m.new_entity = c.new_entity;
                }
                continue;
            }
            merged.push(c);
        }
        // Confident before unsure, then longer, then surer.
        merged.sort_by(|a, b| {
            let tier = |c: &Candidate| c.score >= 0.5;
            tier(b)
                .cmp(&tier(a))
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(b.score.total_cmp(&a.score))
                .then(a.start.cmp(&b.start))
        });
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut out = Vec::new();
        for c in merged {
            let clash = taken
                .range(..c.end)
                .next_back()
                .is_some_and(|(_, &end)| end > c.start);
            if clash {
                continue;
            }
            taken.insert(c.start, c.end);
            if doc
                .known_ranges
                .contains(&(c.start, c.end, c.label.as_str()))
            {
                continue;
            }
            out.push(Suggestion {
                proposal: Proposal::Span {
                    start: c.start,
                    end: c.end,
                    label: c.label,
                    entity: c.entity,
                    new_entity: c.new_entity,
                },
                score: c.score.clamp(0.0, 1.0),
                engine: super::ENGINE.into(),
                rule: c.rule,
                reason: c.reason,
            });
        }
        out.sort_by_key(|s| s.range());
        out
    }
}

pub(super) fn byte_range(doc: &RuleText, c: &Candidate) -> std::ops::Range<usize> {
    let (a, b) = c.toks;
    let start = doc.toks[a].byte_start;
    let end = if doc.toks[b - 1].end == c.end {
        doc.toks[b - 1].byte_end()
    } else {
        // A candidate inside its last token ("London" of "London-based").
        let t = &doc.toks[b - 1];
        let keep = c.end - t.start;
        t.byte_start
            + doc.text[t.byte_start..t.byte_end()]
                .char_indices()
                .nth(keep)
                .map(|(k, _)| k)
                .unwrap_or(t.byte_end() - t.byte_start)
    };
    start..end
}
